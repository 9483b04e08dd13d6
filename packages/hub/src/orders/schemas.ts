import {
  contractSchema,
  contractSignerSchema,
  idSchema,
  type LoanSchedule,
  localDateSchema,
  moneySchema,
  type OrderStatistics,
  type OrderTotals,
  orderChangeSchema,
  orderInputSchema,
  orderLineSchema,
  orderSchema,
  orderStatusSchema,
  orderVersionSchema,
  timestampSchema,
  vehicleConfigurationSchema,
} from "@forecourt/sdk";
import { z } from "zod";

/*
 * Request and response schemas of the order routes. The SDK has no zod schemas for totals, loan
 * schedules and statistics; the `z.ZodType<…>` annotations make the compiler report any drift.
 */

/** `version` as read from the order: a change made since then answers 409. */
const versionField = z.number().int().min(1);
const noteField = z.string().trim().min(1).max(2000);
/** Who acts, for a key not bound to a salesperson (a sales key always acts as its own). */
const byField = idSchema("salesperson").optional();

export const totalsSchema: z.ZodType<OrderTotals> = z.object({
  currency: z.string(),
  subtotal: moneySchema,
  discounts: moneySchema,
  fees: moneySchema,
  tradeInCredit: moneySchema,
  taxableBase: moneySchema,
  vat: moneySchema,
  vatIncluded: z.boolean(),
  total: moneySchema,
  purchaseTaxBase: moneySchema,
  purchaseTaxFull: moneySchema,
  purchaseTaxRelief: moneySchema,
  purchaseTax: moneySchema,
  downPayment: moneySchema,
  amountFinanced: moneySchema,
  balanceDue: moneySchema,
});

export const loanScheduleSchema: z.ZodType<LoanSchedule> = z.object({
  method: z.enum(["equal_instalment", "equal_principal"]),
  principal: moneySchema,
  annualRateBps: z.number().int(),
  termMonths: z.number().int(),
  rows: z.array(
    z.object({
      period: z.number().int(),
      payment: moneySchema,
      principal: moneySchema,
      interest: moneySchema,
      remaining: moneySchema,
    }),
  ),
  totalPayment: moneySchema,
  totalInterest: moneySchema,
});

/** While an order is submitted: who the group's rules ask to approve it, and why. */
export const pendingApprovalSchema = z.object({
  /** Every approver role the rules ask for, in the order the rules fired. */
  approvers: z.array(z.string()),
  /** Those roles that have not approved since the order was last submitted. */
  waitingFor: z.array(z.string()),
  reasons: z.array(
    z.object({
      rule: z.enum(["down_payment", "discount", "floor_price", "configuration"]),
      approver: z.string(),
      message: z.string(),
    }),
  ),
});

/**
 * The served order: the SDK record, with its totals, (when financed) its loan schedule, and
 * (while submitted) the approvals it waits for.
 */
export const orderResponseSchema = z.object({
  ...orderSchema.shape,
  totals: totalsSchema,
  loanSchedule: loanScheduleSchema.optional(),
  pendingApproval: pendingApprovalSchema.optional(),
});

/**
 * Entering an order: the SDK's input without the number (the hub allocates it). The salesperson
 * defaults to the key's own, the store to the salesperson's.
 */
const { orderNumber: _allocated, ...orderInputShape } = orderInputSchema.shape;
export const orderCreateSchema = z.strictObject({
  ...orderInputShape,
  salespersonId: idSchema("salesperson").optional(),
  storeId: idSchema("store").optional(),
});
export type OrderCreateBody = z.output<typeof orderCreateSchema>;

export const orderListQueryShape = {
  status: orderStatusSchema.optional(),
  storeId: idSchema("store").optional(),
  salespersonId: idSchema("salesperson").optional(),
  customerId: idSchema("customer").optional(),
  /** Orders entered at or after this instant. */
  from: timestampSchema.optional(),
  /** Orders entered before this instant. */
  to: timestampSchema.optional(),
};

export const submitSchema = z.strictObject({
  version: versionField,
  note: noteField.optional(),
  by: byField,
});

export const approvalSchema = z
  .strictObject({
    version: versionField,
    decision: z.enum(["approved", "rejected"]),
    /** The approver role decided in; a manager key's is `manager`, a finance key's `finance`. */
    role: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/)
      .optional(),
    /** Required with a rejection: the order goes back to draft with it. */
    note: noteField.optional(),
    by: byField,
  })
  .refine((body) => body.decision !== "rejected" || body.note !== undefined, {
    path: ["note"],
    message: "must say why the order is rejected",
  });

/** The moves this route makes; submission, approval and contract have their own routes. */
export const STATUS_ROUTE_TARGETS = [
  "allocated",
  "in_transit",
  "arrived",
  "delivered",
  "cancelled",
] as const;

export const statusChangeSchema = z.strictObject({
  status: z.enum(STATUS_ROUTE_TARGETS),
  version: versionField,
  /** Required to cancel. */
  reason: noteField.optional(),
  allocatedVehicleId: idSchema("vehicle").optional(),
  expectedDeliveryDate: localDateSchema.optional(),
  by: byField,
});

const changeBase = {
  version: versionField,
  reason: z.string().trim().min(1, { message: "must say why the order changes" }).max(2000),
  by: byField,
};
export const changeRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("configuration"),
    after: vehicleConfigurationSchema,
    ...changeBase,
  }),
  z.strictObject({ kind: z.literal("delivery_date"), after: localDateSchema, ...changeBase }),
  z.strictObject({
    kind: z.literal("price"),
    after: z.array(orderLineSchema).min(1).max(200),
    ...changeBase,
  }),
]);

export const changeDecisionSchema = z.strictObject({
  /** The change's version, as read. */
  version: versionField,
  decision: z.enum(["approved", "rejected", "withdrawn"]),
  /** The approver role decided in (for an admin key deciding an approval). */
  role: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional(),
  note: noteField.optional(),
  by: byField,
});

export const changeResultSchema = z.object({
  change: orderChangeSchema,
  order: orderResponseSchema,
  /** The terms written when the change was applied. */
  termsVersion: orderVersionSchema.optional(),
  /** The order had a contract for the old terms: a new one is needed. */
  contractOutdated: z.boolean(),
  /** A submitted order whose terms changed under approval went back to draft. */
  approvalReset: z.boolean(),
});

export const contractResponseSchema = z.object({
  ...contractSchema.shape,
  /** The rendered text, exactly as hashed. */
  text: z.string(),
});

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const contractRenderSchema = z.strictObject({
  version: versionField,
  /** A template of the group (`PUT /v1/contract-templates/{id}`); `default` otherwise. */
  templateId: z.string().trim().min(1).max(100).default("default"),
  /** Details the hub keeps encrypted or not at all: given for this contract only, not stored. */
  customer: z
    .strictObject({
      idNumber: optionalText(50),
      phone: optionalText(50),
      address: optionalText(500),
    })
    .optional(),
  dealer: z
    .strictObject({
      name: optionalText(200),
      address: optionalText(500),
      phone: optionalText(50),
      creditCode: optionalText(50),
    })
    .optional(),
  extra: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().max(20_000)).optional(),
  locale: z.string().min(2).max(20).optional(),
});

export const contractSignSchema = z.strictObject({
  /** The order's version, as read. */
  version: versionField,
  /** The SHA-256 of the text the signers saw: it must be the current contract's. */
  renderedSha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .transform((s) => s.toLowerCase()),
  signedBy: z.array(contractSignerSchema).min(1).max(10),
  signedAt: timestampSchema.optional(),
  documentRef: z.string().trim().min(1).max(200).optional(),
  by: byField,
});

export const contractResultSchema = z.object({
  contract: contractResponseSchema,
  order: orderResponseSchema,
});

export const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export const templateBodySchema = z.strictObject({
  kind: z.enum(["html", "text"]),
  body: z.string().min(1).max(1_000_000),
  templateVersion: z.string().trim().min(1).max(50).optional(),
  /** The stored template's version when replacing one (409 if it moved on). */
  version: versionField.optional(),
});

export const templateResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(["html", "text"]),
  body: z.string(),
  templateVersion: z.string().optional(),
  placeholders: z.array(z.string()),
  updatedAt: z.string(),
  version: z.number().int(),
});

const statisticsRowSchema = z.object({
  key: z.string(),
  orders: z.number().int(),
  revenue: moneySchema,
});

export const statisticsResultSchema: z.ZodType<OrderStatistics> = z.object({
  currency: z.string(),
  period: z.enum(["day", "week", "month"]),
  timeZone: z.string(),
  orders: z.number().int(),
  revenue: moneySchema,
  byModel: z.array(statisticsRowSchema),
  byPeriod: z.array(statisticsRowSchema),
  byStore: z.array(statisticsRowSchema),
  bySalesperson: z.array(statisticsRowSchema),
  skipped: z.object({
    count: z.number().int(),
    examples: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
