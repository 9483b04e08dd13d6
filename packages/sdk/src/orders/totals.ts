import { z } from "zod";
import { addMoney, type Money, moneySchema } from "../primitives/money.js";
import { invalid, parseInput } from "../validate.js";
import { lineTotal } from "./line-total.js";
import { mulDivRound } from "./rational.js";
import {
  financingSchema,
  type OrderLine,
  type OrderLineKind,
  orderLineKindSchema,
  orderLineSchema,
} from "./schema.js";

export { lineTotal, orderTotal } from "./line-total.js";

/*
 * Tax defaults are China's, where car prices are quoted VAT-inclusive:
 *
 * - VAT 增值税 at 13 % is contained in the price: the VAT part is price × 13/113, rounded half-up
 *   to the fen. It is shown, not added.
 * - Vehicle purchase tax 车辆购置税 is paid by the buyer to the tax office, not to the dealer, so
 *   it is an estimate beside the total, never in it: 10 % of the price without VAT. The base is
 *   computed first (price − its VAT part, to the fen, as on the tax form), then 10 % of it, rounded
 *   half-up to the fen.
 * - Trade-in credit is not in either base: taking in the old car is a separate purchase by the
 *   dealer, the new car's invoice carries the full price.
 * - Fee lines (plates, insurance, registration service) are outside both bases by default: most
 *   are collected on behalf of third parties. Add "fee" to `vatKinds` where a dealer invoices its
 *   service fees with the car.
 * - Discount lines lower both bases (they are on the same invoice).
 */

/** China's VAT rate on goods, motor vehicles included: 13 %. */
export const CHINA_VAT_RATE_BPS = 1300;
/** China's vehicle purchase tax 车辆购置税: 10 % of the price without VAT. */
export const CHINA_PURCHASE_TAX_RATE_BPS = 1000;
/** New-energy vehicles bought in 2024–2025: purchase tax exempt up to CNY 30,000 a vehicle (fen). */
export const NEV_PURCHASE_TAX_EXEMPTION_CAP = 3_000_000;
/** New-energy vehicles bought in 2026–2027: purchase tax halved, at most CNY 15,000 off (fen). */
export const NEV_PURCHASE_TAX_HALVING_CAP = 1_500_000;

const basisPoints = z
  .number()
  .int({ message: "must be whole basis points (13 % is 1300)" })
  .min(0, { message: "must not be negative" })
  .max(10_000, { message: "must be at most 10000 (100 %)" });

export const taxRulesSchema = z.strictObject({
  /** Whether line amounts already contain VAT (China: yes). When not, VAT is added to the total. */
  pricesIncludeVat: z.boolean().default(true),
  vatRateBps: basisPoints.default(CHINA_VAT_RATE_BPS),
  /** The line kinds VAT applies to. */
  vatKinds: z
    .array(orderLineKindSchema)
    .default(["vehicle", "option", "accessory", "discount"] satisfies OrderLineKind[]),
  purchaseTaxRateBps: basisPoints.default(CHINA_PURCHASE_TAX_RATE_BPS),
  /** The line kinds that make up the vehicle's taxable price (计税价格). */
  purchaseTaxKinds: z
    .array(orderLineKindSchema)
    .default(["vehicle", "option", "discount"] satisfies OrderLineKind[]),
  /**
   * New-energy vehicle relief: `exempt` (purchases 2024–2025) or `halved` (2026–2027). The SDK
   * does not check the vehicle is on the MIIT catalogue or the invoice date: the caller sets it.
   */
  nevPurchaseTaxRelief: z.enum(["none", "exempt", "halved"]).default("none"),
  /** The most the relief takes off, in minor units; defaults to the cap of the chosen relief. */
  nevPurchaseTaxReliefCap: z.number().int().min(0).optional(),
  rounding: z.enum(["half-up", "half-even", "down", "up"]).default("half-up"),
});
export type TaxRulesInput = z.input<typeof taxRulesSchema>;
export type TaxRules = z.output<typeof taxRulesSchema>;

/** China's defaults, as documented above. */
export const DEFAULT_TAX_RULES: Readonly<TaxRules> = Object.freeze(taxRulesSchema.parse({}));

const totalsOrderSchema = z.object({
  lines: z.array(orderLineSchema).min(1, { message: "an order needs at least a vehicle line" }),
  financing: financingSchema.optional(),
});
export type TotalsOrder = z.input<typeof totalsOrderSchema>;

const totalsOptionsSchema = z.strictObject({
  taxRules: taxRulesSchema.optional(),
  /** Deposits (订金) and payments already received, lowering the balance due. */
  paid: moneySchema.optional(),
});
export type OrderTotalsOptions = z.input<typeof totalsOptionsSchema>;

/** Every figure in integer minor units of the order's currency. */
export interface OrderTotals {
  currency: string;
  /** Vehicle, option and accessory lines before discounts. */
  subtotal: Money;
  /** Discount lines (zero or negative). */
  discounts: Money;
  fees: Money;
  /** Trade-in credit lines (zero or negative). */
  tradeInCredit: Money;
  /** What VAT is computed on: the `vatKinds` lines, VAT-inclusive when prices include it. */
  taxableBase: Money;
  /** The VAT part: contained in the price (`vatIncluded`) or added to the total. */
  vat: Money;
  vatIncluded: boolean;
  /** subtotal + discounts + fees + tradeInCredit (+ vat when prices exclude it). */
  total: Money;
  /** The vehicle's price without VAT (计税价格), the base of the purchase tax. */
  purchaseTaxBase: Money;
  /** Purchase tax before any new-energy relief. */
  purchaseTaxFull: Money;
  purchaseTaxRelief: Money;
  /** Estimated purchase tax the buyer pays the tax office: not part of `total`. */
  purchaseTax: Money;
  downPayment: Money;
  /** total − down payment when financed; zero otherwise. */
  amountFinanced: Money;
  /** What the customer still pays the dealer: total − financed − paid. Negative: a refund is due. */
  balanceDue: Money;
}

/** The sum of the lines of the given kinds, checked for one currency and the safe range. */
function sumKinds(
  lines: readonly OrderLine[],
  kinds: readonly OrderLineKind[],
  currency: string,
): number {
  return addMoney(
    { amount: 0, currency },
    ...lines.filter((line) => kinds.includes(line.kind)).map(lineTotal),
  ).amount;
}

/** The VAT contained in a VAT-inclusive amount: amount × rate / (1 + rate), rounded once. */
export function vatContained(
  amount: Money,
  rateBps: number = CHINA_VAT_RATE_BPS,
  rounding: TaxRules["rounding"] = "half-up",
): Money {
  return {
    amount: mulDivRound(amount.amount, rateBps, 10_000 + rateBps, rounding),
    currency: amount.currency,
  };
}

/**
 * Every total of an order: subtotal, discounts, fees, trade-in credit, the VAT base and VAT, the
 * total, the purchase-tax estimate, the amount financed and the balance due. Each figure is an
 * exact sum of lines or a single rounding of a product (see `DEFAULT_TAX_RULES`); `total` always
 * equals `orderTotal(lines)` (plus VAT when prices exclude it).
 */
export function computeOrderTotals(
  order: TotalsOrder,
  options: OrderTotalsOptions = {},
): OrderTotals {
  const { lines, financing } = parseInput(totalsOrderSchema, order, "order");
  const opts = parseInput(totalsOptionsSchema, options, "totals options");
  const rules = opts.taxRules ?? DEFAULT_TAX_RULES;
  const currency = lines[0]!.amount.currency;
  const m = (amount: number): Money => ({ amount: amount === 0 ? 0 : amount, currency });
  const checked = (amount: number): number => addMoney(m(amount)).amount;

  const subtotal = sumKinds(lines, ["vehicle", "option", "accessory"], currency);
  const discounts = sumKinds(lines, ["discount"], currency);
  const fees = sumKinds(lines, ["fee"], currency);
  const tradeInCredit = sumKinds(lines, ["trade_in_credit"], currency);
  // A discount larger than the taxed lines (a discount meant for fees) leaves nothing to tax.
  const taxableBase = Math.max(0, sumKinds(lines, rules.vatKinds, currency));
  const vat = rules.pricesIncludeVat
    ? mulDivRound(taxableBase, rules.vatRateBps, 10_000 + rules.vatRateBps, rules.rounding)
    : mulDivRound(taxableBase, rules.vatRateBps, 10_000, rules.rounding);
  const total = checked(
    subtotal + discounts + fees + tradeInCredit + (rules.pricesIncludeVat ? 0 : vat),
  );

  const vehiclePrice = Math.max(0, sumKinds(lines, rules.purchaseTaxKinds, currency));
  const purchaseTaxBase = rules.pricesIncludeVat
    ? vehiclePrice -
      mulDivRound(vehiclePrice, rules.vatRateBps, 10_000 + rules.vatRateBps, rules.rounding)
    : vehiclePrice;
  const purchaseTaxFull = mulDivRound(
    purchaseTaxBase,
    rules.purchaseTaxRateBps,
    10_000,
    rules.rounding,
  );
  let relief = 0;
  if (rules.nevPurchaseTaxRelief === "exempt") {
    relief = Math.min(
      purchaseTaxFull,
      rules.nevPurchaseTaxReliefCap ?? NEV_PURCHASE_TAX_EXEMPTION_CAP,
    );
  } else if (rules.nevPurchaseTaxRelief === "halved") {
    relief = Math.min(
      mulDivRound(purchaseTaxFull, 1, 2, rules.rounding),
      rules.nevPurchaseTaxReliefCap ?? NEV_PURCHASE_TAX_HALVING_CAP,
    );
  }

  if (financing && financing.downPayment.currency !== currency) {
    invalid("order", "financing.downPayment.currency", `must be ${currency} like the lines`);
  }
  if (opts.paid && opts.paid.currency !== currency) {
    invalid("totals options", "paid.currency", `must be ${currency} like the order lines`);
  }
  const downPayment = financing ? financing.downPayment.amount : 0;
  const amountFinanced = financing ? Math.max(0, total - downPayment) : 0;
  const paid = opts.paid?.amount ?? 0;

  return {
    currency,
    subtotal: m(subtotal),
    discounts: m(discounts),
    fees: m(fees),
    tradeInCredit: m(tradeInCredit),
    taxableBase: m(taxableBase),
    vat: m(vat),
    vatIncluded: rules.pricesIncludeVat,
    total: m(total),
    purchaseTaxBase: m(purchaseTaxBase),
    purchaseTaxFull: m(purchaseTaxFull),
    purchaseTaxRelief: m(relief),
    purchaseTax: m(purchaseTaxFull - relief),
    downPayment: m(downPayment),
    amountFinanced: m(amountFinanced),
    balanceDue: m(checked(total - amountFinanced - paid)),
  };
}
