import { z } from "zod";
import { TransitionError, ValidationError } from "../errors.js";
import { idSchema } from "../primitives/ids.js";
import { localDateSchema, timestampSchema, toEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  type ApprovalResult,
  approvalContextSchema,
  approverRoleSchema,
  evaluateApproval,
} from "./approval.js";
import {
  ORDER_STATUS_TRANSITIONS,
  type Order,
  type OrderApproval,
  type OrderStatus,
  type OrderStatusChange,
  orderSchema,
  orderStatusSchema,
} from "./schema.js";

/*
 * The order lifecycle is `ORDER_STATUS_TRANSITIONS` (schema.ts), unchanged:
 *
 *   draft → submitted → approved → contracted → allocated → in_transit → arrived → delivered
 *   submitted → draft     the approver sends it back (a reason is required)
 *   allocated → arrived   a stock vehicle already at the store skips transport
 *   any state before delivered → cancelled (a reason is required)
 *
 * Cancelling after the contract is signed stays allowed: customers do walk away, and the deposit
 * refund or forfeit is a matter for the contract, not for the state machine. `delivered` and
 * `cancelled` are final. What the map cannot say is checked here: `approved` needs every approval
 * the rules require (recorded since the last submission), `contracted` a contract, `allocated`
 * a vehicle.
 */

/** The statuses an order may be cancelled from. */
export const ORDER_CANCELLABLE_STATUSES: readonly OrderStatus[] = Object.freeze(
  orderStatusSchema.options.filter((s) => ORDER_STATUS_TRANSITIONS[s].includes("cancelled")),
);

export function canChangeOrderStatus(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_STATUS_TRANSITIONS[from].includes(to);
}

const changeStatusOptionsSchema = z.strictObject({
  at: timestampSchema,
  by: idSchema("salesperson"),
  /** Required for `cancelled` and for sending a submitted order back to `draft`. */
  reason: z.string().trim().min(1).max(2000).optional(),
  /** The approval rules and facts a move to `approved` is checked against (defaults otherwise). */
  approval: approvalContextSchema.optional(),
  /** The signed contract, for `contracted` when the order does not name it yet. */
  contractId: idSchema("contract").optional(),
  /** The stock vehicle assigned, for `allocated` (a stock order's own vehicle otherwise). */
  allocatedVehicleId: idSchema("vehicle").optional(),
  /** The delivery date promised at allocation or while in transit. */
  expectedDeliveryDate: localDateSchema.optional(),
});
export type ChangeOrderStatusOptions = z.input<typeof changeStatusOptionsSchema>;

function lastChangeAt(order: Order): string {
  return order.statusHistory[order.statusHistory.length - 1]?.at ?? order.createdAt;
}

function assertNotBefore(order: Order, at: string, what: string): void {
  const last = lastChangeAt(order);
  if (toEpochMs(at) < toEpochMs(last)) {
    invalid(what, "at", `${at} is before the order's last change (${last})`);
  }
}

/** Approvals recorded since the order was last submitted; earlier ones were for older terms. */
export function currentApprovals(order: Order): OrderApproval[] {
  const submitted = [...order.statusHistory].reverse().find((c) => c.to === "submitted");
  if (!submitted) return [];
  const since = toEpochMs(submitted.at);
  return order.approvals.filter((a) => toEpochMs(a.at) >= since);
}

/** The required approvals not yet given (and any rejection) since the last submission. */
export function missingApprovals(order: Order, approval: ApprovalResult): string[] {
  const given = currentApprovals(order);
  const rejected = given.filter((a) => a.decision === "rejected");
  if (rejected.length > 0) {
    return rejected.map((a) => `rejected by ${a.role ?? a.by}${a.note ? `: ${a.note}` : ""}`);
  }
  return approval.approvers
    .filter((role) => !given.some((a) => a.decision === "approved" && a.role === role))
    .map((role) => {
      const why = approval.reasons.filter((r) => r.approver === role).map((r) => r.message);
      return `needs approval by ${role}: ${why.join("; ")}`;
    });
}

/**
 * Moves an order to another status and returns the new order (the input is not changed): the
 * history gets an entry, `version` grows by one. Throws `TransitionError` for a move the map does
 * not allow, and `ValidationError` for a missing reason, approval, contract or vehicle.
 */
export function changeOrderStatus(
  order: Order,
  to: OrderStatus,
  options: ChangeOrderStatusOptions,
): Order {
  const current = parseInput(orderSchema, order, "order");
  const target = parseInput(orderStatusSchema, to, "target status");
  const opts = parseInput(changeStatusOptionsSchema, options, "status change options");

  const allowed = ORDER_STATUS_TRANSITIONS[current.status];
  if (!allowed.includes(target))
    throw new TransitionError("Order", current.status, target, allowed);
  assertNotBefore(current, opts.at, "status change");
  const needsReason =
    target === "cancelled" || (current.status === "submitted" && target === "draft");
  if (needsReason && !opts.reason) {
    invalid(
      "status change",
      "reason",
      `moving from "${current.status}" to "${target}" needs a reason`,
    );
  }

  const next: Order = {
    ...current,
    status: target,
    updatedAt: opts.at,
    version: current.version + 1,
  };
  if (target === "approved") {
    const missing = missingApprovals(current, evaluateApproval(current, opts.approval ?? {}));
    if (missing.length > 0) {
      throw new ValidationError(
        `Order ${current.orderNumber} cannot be approved yet: ${missing.join("; ")}`,
        missing.map((message) => ({ path: "approvals", message, code: "approval_required" })),
      );
    }
  }
  if (target === "contracted") {
    const contractId = opts.contractId ?? current.contractId;
    if (!contractId)
      invalid("status change", "contractId", "a contracted order needs its signed contract");
    next.contractId = contractId;
  }
  if (target === "allocated") {
    const vehicleId =
      opts.allocatedVehicleId ??
      current.allocatedVehicleId ??
      (current.vehicle.kind === "stock" ? current.vehicle.vehicleId : undefined);
    if (!vehicleId) {
      invalid(
        "status change",
        "allocatedVehicleId",
        "an allocated order needs the vehicle assigned",
      );
    }
    next.allocatedVehicleId = vehicleId;
  }
  if (opts.expectedDeliveryDate) next.expectedDeliveryDate = opts.expectedDeliveryDate;
  if (target === "cancelled") next.cancelReason = opts.reason;
  if (target === "delivered") next.deliveredAt = opts.at;

  const entry: OrderStatusChange = { from: current.status, to: target, at: opts.at, by: opts.by };
  if (opts.reason) entry.note = opts.reason;
  next.statusHistory = [...current.statusHistory, entry];
  return next;
}

const recordApprovalOptionsSchema = z.strictObject({
  at: timestampSchema,
  by: idSchema("salesperson"),
  role: approverRoleSchema,
  decision: z.enum(["approved", "rejected"]),
  note: z.string().trim().min(1).max(2000).optional(),
  /** The rules and facts, so the decision records which rules required this approver. */
  approval: approvalContextSchema.optional(),
});
export type RecordApprovalOptions = z.input<typeof recordApprovalOptionsSchema>;

/**
 * Records an approver's decision on a submitted order (a new version, the status unchanged). After a
 * rejection the order goes back to `draft` with `changeOrderStatus`; once every required role
 * has approved, `changeOrderStatus(order, "approved", …)` succeeds.
 */
export function recordApproval(order: Order, options: RecordApprovalOptions): Order {
  const current = parseInput(orderSchema, order, "order");
  const opts = parseInput(recordApprovalOptionsSchema, options, "approval");
  if (current.status !== "submitted") {
    invalid(
      "approval",
      "order.status",
      `only a submitted order takes approvals; this one is "${current.status}"`,
    );
  }
  assertNotBefore(current, opts.at, "approval");
  const result = evaluateApproval(current, opts.approval ?? {});
  const entry: OrderApproval = {
    by: opts.by,
    at: opts.at,
    decision: opts.decision,
    role: opts.role,
    rules: [...new Set(result.reasons.filter((r) => r.approver === opts.role).map((r) => r.rule))],
  };
  if (opts.note) entry.note = opts.note;
  return {
    ...current,
    approvals: [...current.approvals, entry],
    updatedAt: opts.at,
    version: current.version + 1,
  };
}
