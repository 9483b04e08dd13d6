import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { localDateSchema, timestampSchema } from "../primitives/time.js";
import { orderLineSchema, vehicleConfigurationSchema } from "./schema.js";

export const orderChangeKindSchema = z.enum(["configuration", "delivery_date", "price"]);
export type OrderChangeKind = z.infer<typeof orderChangeKindSchema>;

export const orderChangeStatusSchema = z.enum([
  "pending",
  "approved",
  "rejected",
  "applied",
  "withdrawn",
]);
export type OrderChangeStatus = z.infer<typeof orderChangeStatusSchema>;

/**
 * pending → approved → applied when the change needs approval; pending → applied when it does
 * not. A pending change can be rejected by the approver or withdrawn by the salesperson.
 */
export const ORDER_CHANGE_STATUS_TRANSITIONS: Readonly<
  Record<OrderChangeStatus, readonly OrderChangeStatus[]>
> = {
  pending: ["approved", "rejected", "applied", "withdrawn"],
  approved: ["applied"],
  rejected: [],
  applied: [],
  withdrawn: [],
};

/** Structural equality of parsed JSON values, key order ignored. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const aEntries = Object.entries(a).filter(([, v]) => v !== undefined);
  const bEntries = Object.entries(b).filter(([, v]) => v !== undefined);
  if (aEntries.length !== bEntries.length) return false;
  return aEntries.every(([k, v]) => sameValue(v, (b as Record<string, unknown>)[k]));
}

const base = {
  orderId: idSchema("order"),
  /** The order version the change was written against; a stale one is a conflict. */
  baseVersion: z.number().int().min(1),
  requestedBy: idSchema("salesperson"),
  requestedAt: timestampSchema,
  reason: z.string().trim().min(1, { message: "must say why the order changes" }).max(2000),
};

/** A change to an order, as the diff before → after. Configuration and price changes are re-approved by default. */
export const orderChangeInputSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("configuration"),
      ...base,
      before: vehicleConfigurationSchema,
      after: vehicleConfigurationSchema,
      requiresApproval: z.boolean().default(true),
    }),
    z.strictObject({
      kind: z.literal("delivery_date"),
      ...base,
      /** Absent when no date had been promised yet. */
      before: localDateSchema.optional(),
      after: localDateSchema,
      requiresApproval: z.boolean().default(false),
    }),
    z.strictObject({
      kind: z.literal("price"),
      ...base,
      before: z.array(orderLineSchema).min(1),
      after: z.array(orderLineSchema).min(1, { message: "an order needs at least one line" }),
      requiresApproval: z.boolean().default(true),
    }),
  ])
  .superRefine((change, ctx) => {
    if (sameValue(change.before, change.after)) {
      ctx.addIssue({
        code: "custom",
        path: ["after"],
        message: "is the same as before: the change changes nothing",
      });
    }
  });
export type OrderChangeInput = z.input<typeof orderChangeInputSchema>;
export type ParsedOrderChangeInput = z.output<typeof orderChangeInputSchema>;

/** One changed field: its dotted path and the values before and after. */
export const orderFieldChangeSchema = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type OrderFieldChange = z.infer<typeof orderFieldChangeSchema>;

/** Why a change needs approval, and whose. */
export const orderChangeApprovalReasonSchema = z.object({
  rule: z.string(),
  approver: z.string(),
  message: z.string(),
});

const storedBase = {
  id: idSchema("orderChange"),
  status: orderChangeStatusSchema,
  orderId: idSchema("order"),
  baseVersion: z.number().int().min(1),
  requestedBy: idSchema("salesperson"),
  requestedAt: timestampSchema,
  reason: z.string(),
  requiresApproval: z.boolean(),
  decidedBy: idSchema("salesperson").optional(),
  decidedAt: timestampSchema.optional(),
  decisionNote: z.string().optional(),
  appliedAt: timestampSchema.optional(),
  /** The order version written when the change was applied. */
  resultingVersion: z.number().int().min(2).optional(),
  /** Field by field, what the change alters (computed by `requestOrderChange`). */
  diff: z.array(orderFieldChangeSchema).optional(),
  /** The roles that must approve, and why. */
  approvers: z.array(z.string()).optional(),
  approvalReasons: z.array(orderChangeApprovalReasonSchema).optional(),
  ...storedFields,
};

export const orderChangeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("configuration"),
    ...storedBase,
    before: vehicleConfigurationSchema,
    after: vehicleConfigurationSchema,
  }),
  z.object({
    kind: z.literal("delivery_date"),
    ...storedBase,
    before: localDateSchema.optional(),
    after: localDateSchema,
  }),
  z.object({
    kind: z.literal("price"),
    ...storedBase,
    before: z.array(orderLineSchema),
    after: z.array(orderLineSchema),
  }),
]);
export type OrderChange = z.infer<typeof orderChangeSchema>;
