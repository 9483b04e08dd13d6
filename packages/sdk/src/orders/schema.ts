import { z } from "zod";
import { attributesSchema, noteSchema, storedFields } from "../common.js";
import { vehicleVinSchema } from "../inventory/schema.js";
import { idSchema } from "../primitives/ids.js";
import { type Money, moneySchema, nonNegativeMoneySchema } from "../primitives/money.js";
import { localDateSchema, timestampSchema } from "../primitives/time.js";
import { orderTotal } from "./line-total.js";
import { orderNumberSchema } from "./order-number.js";
import { type OrderStatus, orderStatusSchema } from "./status.js";

export const orderLineKindSchema = z.enum([
  "vehicle",
  "option",
  "accessory",
  "fee", // registration, insurance, licence plate, delivery
  "discount",
  "trade_in_credit", // the appraised value of the customer's old car (置换)
]);
export type OrderLineKind = z.infer<typeof orderLineKindSchema>;

/** Lines that lower the total and must be negative. */
export const CREDIT_LINE_KINDS: readonly OrderLineKind[] = ["discount", "trade_in_credit"];

/** One line of an order; `amount` is per unit, so the line adds `amount × quantity`. */
export const orderLineSchema = z
  .strictObject({
    kind: orderLineKindSchema,
    description: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    /** Option code, accessory SKU or fee code. */
    code: z.string().trim().min(1).max(64).optional(),
    quantity: z
      .number()
      .int({ message: "must be a whole number" })
      .min(1, { message: "must be at least 1" })
      .max(10_000)
      .default(1),
    amount: moneySchema,
  })
  .superRefine((line, ctx) => {
    const credit = CREDIT_LINE_KINDS.includes(line.kind);
    if (credit && line.amount.amount >= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["amount", "amount"],
        message: `must be negative on a ${line.kind} line (it lowers the total)`,
      });
    }
    if (!credit && line.amount.amount < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["amount", "amount"],
        message: `must not be negative on a ${line.kind} line (use a discount line)`,
      });
    }
  });
export type OrderLineInput = z.input<typeof orderLineSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;

/** A factory configuration, for an order placed before a vehicle is in stock. */
export const vehicleConfigurationSchema = z.strictObject({
  /** The manufacturer's configuration code (车型配置代码), checked against what is orderable. */
  code: z.string().trim().min(1).max(64).optional(),
  brand: z.string().trim().min(1, { message: "must not be empty" }).max(100),
  series: z.string().trim().min(1, { message: "must not be empty" }).max(100),
  model: z.string().trim().min(1, { message: "must not be empty" }).max(200),
  trim: z.string().trim().min(1).max(200).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  exteriorColour: z.string().trim().min(1).max(100).optional(),
  interiorColour: z.string().trim().min(1).max(100).optional(),
  optionCodes: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
});
export type VehicleConfigurationInput = z.input<typeof vehicleConfigurationSchema>;
export type VehicleConfiguration = z.infer<typeof vehicleConfigurationSchema>;

/** The car sold: a vehicle in stock (by id or VIN), or a configuration to order from the factory. */
export const orderVehicleSchema = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("stock"),
      vehicleId: idSchema("vehicle").optional(),
      vin: vehicleVinSchema.optional(),
    })
    .refine((v) => v.vehicleId !== undefined || v.vin !== undefined, {
      path: ["vehicleId"],
      message: "name the stock vehicle by vehicleId or vin",
    }),
  z.strictObject({ kind: z.literal("configuration"), ...vehicleConfigurationSchema.shape }),
]);
export type OrderVehicleInput = z.input<typeof orderVehicleSchema>;
export type OrderVehicle = z.infer<typeof orderVehicleSchema>;

/** The customer's old car taken in part exchange. */
export const tradeInSchema = z.strictObject({
  vin: vehicleVinSchema.optional(),
  brand: z.string().trim().min(1).max(100),
  model: z.string().trim().min(1).max(200),
  year: z.number().int().min(1900).max(2100).optional(),
  mileageKm: z.number().int().min(0, { message: "must not be negative" }),
  appraisedValue: nonNegativeMoneySchema,
  appraisedBy: idSchema("salesperson").optional(),
  appraisedAt: timestampSchema.optional(),
});
export type TradeIn = z.infer<typeof tradeInSchema>;

export const repaymentMethodSchema = z.enum([
  "equal_instalment", // 等额本息: the same payment every month
  "equal_principal", // 等额本金: the same principal every month, interest falling
]);
export type RepaymentMethod = z.infer<typeof repaymentMethodSchema>;

export const financingSchema = z.strictObject({
  lender: z.string().trim().min(1, { message: "must not be empty" }).max(200),
  downPayment: nonNegativeMoneySchema,
  termMonths: z
    .number()
    .int({ message: "must be a whole number of months" })
    .min(1, { message: "must be at least 1 month" })
    .max(120, { message: "must be at most 120 months" }),
  /** Annual interest rate in basis points: 3.5 % is 350. Integers keep rates exact. */
  annualRateBps: z
    .number()
    .int({ message: "must be whole basis points (3.5 % is 350)" })
    .min(0, { message: "must not be negative" })
    .max(10_000, { message: "must be at most 10000 (100 %)" }),
  method: repaymentMethodSchema.default("equal_instalment"),
});
export type FinancingInput = z.input<typeof financingSchema>;
export type Financing = z.infer<typeof financingSchema>;

export { type OrderStatus, orderStatusSchema } from "./status.js";

/**
 * draft → submitted → approved → contracted → allocated → in_transit → arrived → delivered.
 * An approver may send a submitted order back to draft; a vehicle already at the store goes from
 * allocated straight to arrived. Any order not yet delivered can be cancelled.
 */
export const ORDER_STATUS_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ["submitted", "cancelled"],
  submitted: ["approved", "draft", "cancelled"],
  approved: ["contracted", "cancelled"],
  contracted: ["allocated", "cancelled"],
  allocated: ["in_transit", "arrived", "cancelled"],
  in_transit: ["arrived", "cancelled"],
  arrived: ["delivered", "cancelled"],
  delivered: [],
  cancelled: [],
};

export const orderInputSchema = z
  .strictObject({
    /** Assigned automatically (`formatOrderNumber`) when left out. */
    orderNumber: orderNumberSchema.optional(),
    customerId: idSchema("customer"),
    storeId: idSchema("store"),
    salespersonId: idSchema("salesperson"),
    opportunityId: idSchema("opportunity").optional(),
    leadId: idSchema("lead").optional(),
    campaignId: idSchema("campaign").optional(),
    vehicle: orderVehicleSchema,
    lines: z
      .array(orderLineSchema)
      .min(1, { message: "an order needs at least a vehicle line" })
      .max(200),
    tradeIn: tradeInSchema.optional(),
    financing: financingSchema.optional(),
    requestedDeliveryDate: localDateSchema.optional(),
    notes: noteSchema.optional(),
    attributes: attributesSchema.default({}),
  })
  .superRefine((order, ctx) => {
    const currency = order.lines[0]?.amount.currency ?? "CNY";
    let mixed = false;
    order.lines.forEach((line, index) => {
      if (line.amount.currency !== currency) {
        mixed = true;
        ctx.addIssue({
          code: "custom",
          path: ["lines", index, "amount", "currency"],
          message: `must be ${currency} like the first line`,
        });
      }
    });
    if (order.lines.length > 0 && !order.lines.some((line) => line.kind === "vehicle")) {
      ctx.addIssue({ code: "custom", path: ["lines"], message: "needs a vehicle line" });
    }
    if (order.lines.some((line) => line.kind === "trade_in_credit") && !order.tradeIn) {
      ctx.addIssue({
        code: "custom",
        path: ["tradeIn"],
        message: "is required when the order has a trade_in_credit line",
      });
    }
    for (const [path, money] of [
      [["tradeIn", "appraisedValue", "currency"], order.tradeIn?.appraisedValue],
      [["financing", "downPayment", "currency"], order.financing?.downPayment],
    ] as const) {
      if (money && money.currency !== currency) {
        mixed = true;
        ctx.addIssue({
          code: "custom",
          path: [...path],
          message: `must be ${currency} like the order lines`,
        });
      }
    }
    if (mixed || order.lines.length === 0) return;
    let total: Money;
    try {
      total = orderTotal(order.lines, currency);
    } catch {
      ctx.addIssue({
        code: "custom",
        path: ["lines"],
        message: "the total is beyond the safe range",
      });
      return;
    }
    if (total.amount < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["lines"],
        message: "discounts and trade-in credit exceed the price: the total is negative",
      });
    }
    if (order.financing && order.financing.downPayment.amount > total.amount) {
      ctx.addIssue({
        code: "custom",
        path: ["financing", "downPayment"],
        message: "must not be more than the order total",
      });
    }
  });
export type OrderInput = z.input<typeof orderInputSchema>;
export type ParsedOrderInput = z.output<typeof orderInputSchema>;

export const orderApprovalSchema = z.object({
  by: idSchema("salesperson"),
  at: timestampSchema,
  decision: z.enum(["approved", "rejected"]),
  /** The approver role the decision was made in (`manager`, `finance`, `general_manager` …). */
  role: z.string().optional(),
  /** The approval rules that required this approver (discount limit, minimum down payment …). */
  rules: z.array(z.string()),
  note: z.string().optional(),
});
export type OrderApproval = z.infer<typeof orderApprovalSchema>;

export const orderStatusChangeSchema = z.object({
  from: orderStatusSchema,
  to: orderStatusSchema,
  at: timestampSchema,
  by: idSchema("salesperson").optional(),
  note: z.string().optional(),
});
export type OrderStatusChange = z.infer<typeof orderStatusChangeSchema>;

export const orderSchema = z.object({
  id: idSchema("order"),
  orderNumber: orderNumberSchema,
  status: orderStatusSchema,
  customerId: idSchema("customer"),
  storeId: idSchema("store"),
  salespersonId: idSchema("salesperson"),
  opportunityId: idSchema("opportunity").optional(),
  leadId: idSchema("lead").optional(),
  campaignId: idSchema("campaign").optional(),
  vehicle: orderVehicleSchema,
  /** The stock vehicle assigned once the order is allocated. */
  allocatedVehicleId: idSchema("vehicle").optional(),
  lines: z.array(orderLineSchema),
  total: moneySchema,
  tradeIn: tradeInSchema.optional(),
  financing: financingSchema.optional(),
  requestedDeliveryDate: localDateSchema.optional(),
  expectedDeliveryDate: localDateSchema.optional(),
  contractId: idSchema("contract").optional(),
  /**
   * The version of the commercial terms (`orderVersionSchema.version`): 1 at entry, one more per
   * applied change. `version` counts every change of the record, status changes included.
   */
  termsVersion: z.number().int().min(1).optional(),
  approvals: z.array(orderApprovalSchema),
  statusHistory: z.array(orderStatusChangeSchema),
  cancelReason: z.string().optional(),
  deliveredAt: timestampSchema.optional(),
  notes: z.string().optional(),
  attributes: attributesSchema,
  ...storedFields,
});
export type Order = z.infer<typeof orderSchema>;

/**
 * The commercial terms of an order at one version. A new version is written when an order is
 * created and each time an approved change is applied, so contracts and disputes can refer to
 * exactly what was agreed.
 */
export const orderVersionSchema = z.object({
  orderId: idSchema("order"),
  version: z.number().int().min(1),
  vehicle: orderVehicleSchema,
  lines: z.array(orderLineSchema),
  total: moneySchema,
  tradeIn: tradeInSchema.optional(),
  financing: financingSchema.optional(),
  requestedDeliveryDate: localDateSchema.optional(),
  /** The change request that produced this version; absent for version 1. */
  changeRequestId: idSchema("orderChange").optional(),
  createdAt: timestampSchema,
});
export type OrderVersion = z.infer<typeof orderVersionSchema>;
