import { z } from "zod";
import { ConflictError, TransitionError, ValidationError } from "../errors.js";
import { idSchema, newId } from "../primitives/ids.js";
import { localDateSchema, timestampSchema, toEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  changeApprovalReasons,
  type OrderChangeRulesInput,
  orderChangeRulesSchema,
} from "./change-approval.js";
import {
  ORDER_CHANGE_STATUS_TRANSITIONS,
  type OrderChange,
  type OrderFieldChange,
  orderChangeInputSchema,
  orderChangeSchema,
} from "./change-schema.js";
import { orderTermsVersion } from "./create.js";
import { diffFields } from "./diff.js";
import { orderTotal } from "./line-total.js";
import {
  type Order,
  type OrderLine,
  type OrderStatus,
  type OrderVersion,
  orderInputSchema,
  orderLineSchema,
  orderSchema,
  type VehicleConfiguration,
  vehicleConfigurationSchema,
} from "./schema.js";

/*
 * Change requests 变更: `requestOrderChange` writes one (the old value from the order, the diff,
 * the approval verdict of change-approval.ts), `decideOrderChange` approves, rejects or
 * withdraws it, `applyOrderChange` turns it into the order's next terms version.
 */

const requestBase = {
  /** A pre-generated id (for idempotent requests); a new one otherwise. */
  id: idSchema("orderChange").optional(),
  requestedBy: idSchema("salesperson"),
  requestedAt: timestampSchema,
  reason: z.string().trim().min(1, { message: "must say why the order changes" }).max(2000),
};

/** What the caller asks for: the kind of change and the new value. */
export const orderChangeRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("configuration"),
    ...requestBase,
    after: vehicleConfigurationSchema,
  }),
  z.strictObject({ kind: z.literal("delivery_date"), ...requestBase, after: localDateSchema }),
  z.strictObject({
    kind: z.literal("price"),
    ...requestBase,
    after: z.array(orderLineSchema).min(1, { message: "an order needs at least a vehicle line" }),
  }),
]);
export type OrderChangeRequest = z.input<typeof orderChangeRequestSchema>;

export interface RequestedOrderChange {
  /** The stored change, `pending`, with its diff and approval verdict. */
  change: OrderChange;
  /** The terms as they will read once the change is applied. */
  proposed: OrderVersion;
}

const OPEN_FOR_CHANGES: readonly OrderStatus[] = [
  "draft",
  "submitted",
  "approved",
  "contracted",
  "allocated",
  "in_transit",
  "arrived",
];
const OPEN_FOR_CONFIGURATION: readonly OrderStatus[] = [
  "draft",
  "submitted",
  "approved",
  "contracted",
];

function assertChangeable(order: Order, kind: OrderChange["kind"]): void {
  if (!OPEN_FOR_CHANGES.includes(order.status)) {
    invalid("order change", "order.status", `a ${order.status} order cannot be changed`);
  }
  if (kind === "configuration") {
    if (order.vehicle.kind !== "configuration") {
      invalid(
        "order change",
        "kind",
        "only a factory order (by configuration) changes configuration",
      );
    }
    if (!OPEN_FOR_CONFIGURATION.includes(order.status)) {
      invalid(
        "order change",
        "kind",
        `the configuration is fixed once the order is ${order.status}`,
      );
    }
  }
}

type ChangeValue =
  | { kind: "configuration"; after: VehicleConfiguration }
  | { kind: "delivery_date"; after: string }
  | { kind: "price"; after: OrderLine[] };

/** The order with the change's new value, validated as a whole order (total, currency, down payment). */
function withChange(order: Order, change: ChangeValue): Order {
  const next: Order = { ...order };
  if (change.kind === "configuration") next.vehicle = { kind: "configuration", ...change.after };
  if (change.kind === "delivery_date") next.requestedDeliveryDate = change.after;
  if (change.kind === "price") {
    next.lines = change.after;
    next.total = orderTotal(change.after, change.after[0]!.amount.currency);
  }
  const { vehicle, lines, tradeIn, financing, customerId, storeId, salespersonId } = next;
  parseInput(
    orderInputSchema,
    { vehicle, lines, tradeIn, financing, customerId, storeId, salespersonId },
    "order after the change",
  );
  return next;
}

/**
 * Writes a change request against an order: the old value from the order, the field-by-field
 * diff, whether it needs approval (and whose, and why) and the terms it proposes. Nothing changes
 * on the order until `applyOrderChange`. Throws `ValidationError` when the order cannot take the
 * change or the change leaves an invalid order (a negative total, a down payment above it).
 */
export function requestOrderChange(
  order: Order,
  change: OrderChangeRequest,
  rules: OrderChangeRulesInput = {},
): RequestedOrderChange {
  const current = parseInput(orderSchema, order, "order");
  const request = parseInput(orderChangeRequestSchema, change, "order change request");
  const opts = parseInput(orderChangeRulesSchema, rules, "order change rules");
  assertChangeable(current, request.kind);

  const { kind: _vehicleKind, ...configuration } = current.vehicle;
  const before =
    request.kind === "configuration"
      ? configuration
      : request.kind === "price"
        ? current.lines
        : current.requestedDeliveryDate;
  const next = withChange(current, request);
  const reasons = changeApprovalReasons(current, next, request.kind, opts);
  const baseVersion = current.termsVersion ?? 1;
  // The shared input schema checks the diff's shape and refuses a change that changes nothing.
  const input = parseInput(
    orderChangeInputSchema,
    {
      kind: request.kind,
      orderId: current.id,
      baseVersion,
      requestedBy: request.requestedBy,
      requestedAt: request.requestedAt,
      reason: request.reason,
      ...(before === undefined ? {} : { before }),
      after: request.after,
      requiresApproval: reasons.length > 0,
    },
    "order change",
  );

  const prefix = { configuration: "vehicle", delivery_date: "", price: "lines" }[request.kind];
  const diff: OrderFieldChange[] =
    request.kind === "delivery_date"
      ? [{ path: "requestedDeliveryDate", before, after: request.after }]
      : diffFields(before, request.after, prefix);
  if (request.kind === "price") {
    diff.push({ path: "total", before: current.total, after: next.total });
  }
  const id = request.id ?? newId("orderChange", toEpochMs(request.requestedAt));
  const stored = {
    ...input,
    id,
    status: "pending",
    diff,
    approvers: [...new Set(reasons.map((r) => r.approver))],
    approvalReasons: reasons,
    createdAt: request.requestedAt,
    updatedAt: request.requestedAt,
    version: 1,
  } as OrderChange;
  const proposed = orderTermsVersion(
    { ...next, termsVersion: baseVersion + 1 },
    request.requestedAt,
    id,
  );
  return { change: stored, proposed };
}

const decideOptionsSchema = z.strictObject({
  at: timestampSchema,
  by: idSchema("salesperson"),
  decision: z.enum(["approved", "rejected", "withdrawn"]),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type DecideOrderChangeOptions = z.input<typeof decideOptionsSchema>;

/** Approves or rejects a pending change (an approver), or withdraws it (the requester). */
export function decideOrderChange(
  change: OrderChange,
  options: DecideOrderChangeOptions,
): OrderChange {
  const current = parseInput(orderChangeSchema, change, "order change");
  const opts = parseInput(decideOptionsSchema, options, "order change decision");
  const allowed = ORDER_CHANGE_STATUS_TRANSITIONS[current.status];
  if (!allowed.includes(opts.decision)) {
    throw new TransitionError("Order change", current.status, opts.decision, allowed);
  }
  const next: OrderChange = {
    ...current,
    status: opts.decision,
    decidedBy: opts.by,
    decidedAt: opts.at,
    updatedAt: opts.at,
    version: current.version + 1,
  };
  if (opts.note) next.decisionNote = opts.note;
  return next;
}

export interface AppliedOrderChange {
  order: Order;
  change: OrderChange;
  /** The terms record to store: `version` is the order's new `termsVersion`. */
  version: OrderVersion;
  /** The order had a contract: its terms no longer match and a new one is needed. */
  contractOutdated: boolean;
}

const applyOptionsSchema = z.strictObject({ at: timestampSchema });
export type ApplyOrderChangeOptions = z.input<typeof applyOptionsSchema>;

/**
 * Applies an approved change (or a pending one that needs no approval) and returns the new order
 * (version + 1, terms version + 1, total recomputed), the applied change and the terms record.
 * Throws `ConflictError` when the order's terms moved on since the request (`baseVersion`),
 * `TransitionError` when the change is not in a state to apply and `ValidationError` when it
 * still waits for approval or the order can no longer take it.
 */
export function applyOrderChange(
  order: Order,
  change: OrderChange,
  options: ApplyOrderChangeOptions,
): AppliedOrderChange {
  const current = parseInput(orderSchema, order, "order");
  const pending = parseInput(orderChangeSchema, change, "order change");
  const { at } = parseInput(applyOptionsSchema, options, "apply options");
  if (pending.orderId !== current.id) {
    invalid("order change", "orderId", `is for order ${pending.orderId}, not ${current.id}`);
  }
  const allowed = ORDER_CHANGE_STATUS_TRANSITIONS[pending.status];
  if (!allowed.includes("applied")) {
    throw new TransitionError("Order change", pending.status, "applied", allowed);
  }
  if (pending.status === "pending" && pending.requiresApproval) {
    const who = pending.approvers?.length ? pending.approvers.join(", ") : "an approver";
    throw new ValidationError(`Order change ${pending.id} needs approval by ${who} first`, [
      { path: "status", message: `needs approval by ${who}`, code: "approval_required" },
    ]);
  }
  const termsVersion = current.termsVersion ?? 1;
  if (pending.baseVersion !== termsVersion) {
    throw new ConflictError(
      `Order change ${pending.id} was written against terms version ${pending.baseVersion}; the order is at ${termsVersion}. Request the change again.`,
      { code: "stale_order_change" },
    );
  }
  assertChangeable(current, pending.kind);
  const next: Order = {
    ...withChange(current, pending),
    termsVersion: termsVersion + 1,
    updatedAt: at,
    version: current.version + 1,
  };
  const applied: OrderChange = {
    ...pending,
    status: "applied",
    appliedAt: at,
    resultingVersion: termsVersion + 1,
    updatedAt: at,
    version: pending.version + 1,
  };
  return {
    order: next,
    change: applied,
    version: orderTermsVersion(next, at, pending.id),
    contractOutdated: current.contractId !== undefined,
  };
}

export {
  DEFAULT_DELIVERY_DATE_TOLERANCE_DAYS,
  type OrderChangeApprovalReason,
  type OrderChangeRule,
  type OrderChangeRulesInput,
  orderChangeRulesSchema,
} from "./change-approval.js";
