import { z } from "zod";
import { DAY_MS } from "../primitives/time.js";
import {
  type ApprovalReason,
  approvalContextSchema,
  approverRoleSchema,
  evaluateApproval,
} from "./approval.js";
import type { OrderChange } from "./change-schema.js";
import type { Order } from "./schema.js";

/*
 * A change request (变更) names the new value for one part of an order's terms; the old value
 * comes from the order, so a request cannot misstate it. Whether it goes back through approval:
 *
 * - price: the approval rules run on the new terms. Approval is needed when they fire a reason
 *   the current terms did not, or when the price goes down while any rule fires (a bigger
 *   discount on an already approved exception is a new exception).
 * - configuration (factory orders, before a vehicle is allocated): `configurationApprover`
 *   (the manager by default) always, plus whatever the rules say about the new configuration.
 * - delivery date: a move of up to `deliveryDateToleranceDays` (7) either way needs nobody; a
 *   larger one needs `deliveryDateApprover` (the manager). Setting a first date needs nobody.
 */

/** A delivery date moved by at most this many days needs no approval. */
export const DEFAULT_DELIVERY_DATE_TOLERANCE_DAYS = 7;

export const orderChangeRulesSchema = z.strictObject({
  /** The approval rules and facts (list price, floor price, orderable configurations). */
  approval: approvalContextSchema.optional(),
  deliveryDateToleranceDays: z
    .number()
    .int()
    .min(0, { message: "must not be negative" })
    .max(365)
    .default(DEFAULT_DELIVERY_DATE_TOLERANCE_DAYS),
  deliveryDateApprover: approverRoleSchema.default("manager"),
  /** Who approves every configuration change; `null`: only when the approval rules say so. */
  configurationApprover: approverRoleSchema.nullable().default("manager"),
});
export type OrderChangeRulesInput = z.input<typeof orderChangeRulesSchema>;

export type OrderChangeRule = ApprovalReason["rule"] | "delivery_date" | "configuration_change";
export interface OrderChangeApprovalReason {
  rule: OrderChangeRule;
  approver: string;
  message: string;
}

function daysBetween(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS);
}

/** Who must approve a change, and why, comparing the order before and after it. */
export function changeApprovalReasons(
  order: Order,
  next: Order,
  kind: OrderChange["kind"],
  rules: z.output<typeof orderChangeRulesSchema>,
): OrderChangeApprovalReason[] {
  if (kind === "delivery_date") {
    const before = order.requestedDeliveryDate;
    if (!before) return [];
    const days = daysBetween(before, next.requestedDeliveryDate!);
    if (days <= rules.deliveryDateToleranceDays) return [];
    return [
      {
        rule: "delivery_date",
        approver: rules.deliveryDateApprover,
        message: `delivery date moves ${days} days (${before} → ${next.requestedDeliveryDate}), more than the ${rules.deliveryDateToleranceDays} allowed without approval`,
      },
    ];
  }
  const context = rules.approval ?? {};
  const was = evaluateApproval(order, context).reasons;
  const now = evaluateApproval(next, context).reasons;
  const cheaper = next.total.amount < order.total.amount;
  const reasons: OrderChangeApprovalReason[] = now.filter(
    (r) => cheaper || !was.some((w) => w.rule === r.rule && w.approver === r.approver),
  );
  if (kind === "configuration" && rules.configurationApprover) {
    reasons.unshift({
      rule: "configuration_change",
      approver: rules.configurationApprover,
      message: "a factory order's configuration changes",
    });
  }
  return reasons;
}
