import { z } from "zod";
import { formatMoneyDecimal, type Money, moneySchema } from "../primitives/money.js";
import { invalid, parseInput } from "../validate.js";
import { lineTotal } from "./line-total.js";
import { divRound } from "./rational.js";
import {
  financingSchema,
  type OrderLineKind,
  orderLineSchema,
  orderVehicleSchema,
} from "./schema.js";

/*
 * Approval 审核 decides who must sign off an order before it is approved. Each rule names one
 * approver role; every rule that fires adds its role (once) and a reason. Rules are the dealer
 * group's policy, so each can be switched off (`null`, or an empty list of discount limits).
 */

/** The approver roles the defaults use; a group may name others (`sales_director`). */
export const KNOWN_APPROVER_ROLES = ["manager", "finance", "general_manager"] as const;
export type ApproverRole = (typeof KNOWN_APPROVER_ROLES)[number] | (string & {});

export const approverRoleSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, {
  message: "must be a role in snake_case such as manager, finance or general_manager",
});

const basisPoints = z
  .number()
  .int({ message: "must be whole basis points (20 % is 2000)" })
  .min(0, { message: "must not be negative" })
  .max(10_000, { message: "must be at most 10000 (100 %)" });

export const discountLimitSchema = z
  .strictObject({
    /** Fires when the discount is more than this share of the list price. */
    aboveShareBps: basisPoints.optional(),
    /** Fires when the discount is more than this many minor units (fen). */
    aboveAmount: z.number().int().min(0, { message: "must not be negative" }).optional(),
    approver: approverRoleSchema,
  })
  .refine((limit) => (limit.aboveShareBps === undefined) !== (limit.aboveAmount === undefined), {
    message: "set exactly one of aboveShareBps and aboveAmount",
  });
export type DiscountLimit = z.infer<typeof discountLimitSchema>;

/** A 20 % minimum down payment is a common house rule; lenders set their own. */
export const DEFAULT_MIN_DOWN_PAYMENT_SHARE_BPS = 2000;
/** Discounts above 5 % of list price need the sales manager, above 10 % the general manager. */
export const DEFAULT_DISCOUNT_LIMITS: readonly DiscountLimit[] = Object.freeze([
  { aboveShareBps: 500, approver: "manager" },
  { aboveShareBps: 1000, approver: "general_manager" },
]);

export const approvalRulesSchema = z.strictObject({
  /** A financed order whose down payment is below this share of the total. */
  downPayment: z
    .strictObject({ minShareBps: basisPoints, approver: approverRoleSchema })
    .nullable()
    .default({ minShareBps: DEFAULT_MIN_DOWN_PAYMENT_SHARE_BPS, approver: "finance" }),
  /** Every limit the discount exceeds adds its approver. */
  discount: z
    .array(discountLimitSchema)
    .max(20)
    .default(() => DEFAULT_DISCOUNT_LIMITS.map((limit) => ({ ...limit }))),
  /** The net vehicle price below the floor price (底价) given in the context. */
  floorPrice: z
    .strictObject({ approver: approverRoleSchema })
    .nullable()
    .default({ approver: "general_manager" }),
  /** A factory configuration that is not orderable. */
  configuration: z
    .strictObject({ approver: approverRoleSchema })
    .nullable()
    .default({ approver: "manager" }),
});
export type ApprovalRulesInput = z.input<typeof approvalRulesSchema>;
export type ApprovalRules = z.output<typeof approvalRulesSchema>;

export const DEFAULT_APPROVAL_RULES: Readonly<ApprovalRules> = Object.freeze(
  approvalRulesSchema.parse({}),
);

export const approvalContextSchema = z.strictObject({
  rules: approvalRulesSchema.optional(),
  /** The catalogue list price (指导价) discounts are measured against; the order's lines otherwise. */
  listPrice: moneySchema.optional(),
  /** The lowest price the vehicle may be sold at without approval (底价). */
  floorPrice: moneySchema.optional(),
  /** The caller's own check of the configuration (a factory ordering system, a rules engine). */
  configurationOrderable: z.boolean().optional(),
  /** Configuration codes open for ordering; a configuration without a listed `code` is not. */
  orderableConfigurationCodes: z.array(z.string()).optional(),
});
export type ApprovalContext = z.input<typeof approvalContextSchema>;

export type ApprovalRule = "down_payment" | "discount" | "floor_price" | "configuration";

export interface ApprovalReason {
  rule: ApprovalRule;
  approver: ApproverRole;
  message: string;
}

export interface ApprovalResult {
  required: boolean;
  /** Each role once, in the order the rules fired. */
  approvers: ApproverRole[];
  reasons: ApprovalReason[];
}

const approvableOrderSchema = z.object({
  vehicle: orderVehicleSchema,
  lines: z.array(orderLineSchema).min(1, { message: "an order needs at least a vehicle line" }),
  financing: financingSchema.optional(),
});
export type ApprovableOrder = z.input<typeof approvableOrderSchema>;

function percent(numerator: number, denominator: number): string {
  // Rounded down, so a share just under a limit never reads as the limit itself.
  const hundredths = divRound(BigInt(numerator) * 10_000n, BigInt(denominator), "down");
  const text = hundredths.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)} %`;
}
const bpsText = (bps: number) => percent(bps, 10_000);
const shown = (money: Money) => `${formatMoneyDecimal(money)} ${money.currency}`;

/**
 * Which approvals an order needs under the rules (`DEFAULT_APPROVAL_RULES` unless the context
 * gives its own) and why. Pure: the facts only the caller knows (list and floor price, whether
 * the configuration is orderable) come in the context; a rule without its fact does not fire.
 */
export function evaluateApproval(
  order: ApprovableOrder,
  context: ApprovalContext = {},
): ApprovalResult {
  const { vehicle, lines, financing } = parseInput(approvableOrderSchema, order, "order");
  const ctx = parseInput(approvalContextSchema, context, "approval context");
  const rules = ctx.rules ?? DEFAULT_APPROVAL_RULES;
  const currency = lines[0]!.amount.currency;
  const money = (amount: number): Money => ({ amount, currency });
  for (const [path, value] of [
    ["listPrice", ctx.listPrice],
    ["floorPrice", ctx.floorPrice],
  ] as const) {
    if (value && value.currency !== currency) {
      invalid("approval context", `${path}.currency`, `must be ${currency} like the order`);
    }
  }
  const sum = (kinds: readonly OrderLineKind[]) =>
    lines.reduce((s, line) => (kinds.includes(line.kind) ? s + lineTotal(line).amount : s), 0);

  const reasons: ApprovalReason[] = [];
  const add = (rule: ApprovalRule, approver: string, message: string) =>
    reasons.push({ rule, approver, message });

  const total = sum(["vehicle", "option", "accessory", "fee", "discount", "trade_in_credit"]);
  if (rules.downPayment && financing && total > 0) {
    const { minShareBps, approver } = rules.downPayment;
    const down = financing.downPayment.amount;
    if (BigInt(down) * 10_000n < BigInt(minShareBps) * BigInt(total)) {
      add(
        "down_payment",
        approver,
        `down payment ${shown(money(down))} is ${percent(down, total)} of the total, below the ${bpsText(minShareBps)} minimum`,
      );
    }
  }

  const discount = -sum(["discount"]);
  const listPrice = ctx.listPrice?.amount ?? sum(["vehicle", "option", "accessory"]);
  if (discount > 0) {
    for (const limit of rules.discount) {
      if (limit.aboveAmount !== undefined && discount > limit.aboveAmount) {
        add(
          "discount",
          limit.approver,
          `discount ${shown(money(discount))} is above the ${shown(money(limit.aboveAmount))} limit`,
        );
      }
      if (
        limit.aboveShareBps !== undefined &&
        BigInt(discount) * 10_000n > BigInt(limit.aboveShareBps) * BigInt(listPrice)
      ) {
        const share = listPrice > 0 ? percent(discount, listPrice) : "all";
        add(
          "discount",
          limit.approver,
          `discount ${shown(money(discount))} is ${share} of the list price ${shown(money(listPrice))}, above the ${bpsText(limit.aboveShareBps)} limit`,
        );
      }
    }
  }

  if (rules.floorPrice && ctx.floorPrice) {
    // The car itself: vehicle and factory options after discounts; accessories and fees aside.
    const netVehiclePrice = sum(["vehicle", "option", "discount"]);
    if (netVehiclePrice < ctx.floorPrice.amount) {
      add(
        "floor_price",
        rules.floorPrice.approver,
        `net vehicle price ${shown(money(netVehiclePrice))} is below the floor price ${shown(ctx.floorPrice)}`,
      );
    }
  }

  if (rules.configuration && vehicle.kind === "configuration") {
    const { approver } = rules.configuration;
    if (ctx.configurationOrderable === false) {
      add("configuration", approver, "the configuration is not orderable");
    } else if (
      ctx.orderableConfigurationCodes &&
      !(vehicle.code && ctx.orderableConfigurationCodes.includes(vehicle.code))
    ) {
      add(
        "configuration",
        approver,
        vehicle.code
          ? `configuration ${vehicle.code} is not among the orderable configurations`
          : "the configuration has no code to check against the orderable configurations",
      );
    }
  }

  const approvers = [...new Set(reasons.map((r) => r.approver))];
  return { required: reasons.length > 0, approvers, reasons };
}
