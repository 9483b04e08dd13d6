import { z } from "zod";
import { formatMoney, type Money } from "../primitives/money.js";
import { localDate, toEpochMs } from "../primitives/time.js";
import { amountInChineseWords } from "./amount-in-words.js";
import { loanSchedule } from "./loan.js";
import { orderSchema } from "./schema.js";
import { computeOrderTotals, type TaxRulesInput } from "./totals.js";

/*
 * The values a contract template can show, by placeholder name: the order's figures (computed
 * with `computeOrderTotals`, money formatted for the locale), its financing, the customer, the
 * dealer and the vehicle. Rendering and escaping are in contract.ts.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const contractDataSchema = z.strictObject({
  order: orderSchema,
  customer: z.strictObject({
    name: text(200),
    /** 身份证号 or 统一社会信用代码 for a business. */
    idNumber: text(50).optional(),
    phone: text(50).optional(),
    address: text(500).optional(),
  }),
  dealer: z.strictObject({
    name: text(200),
    address: text(500).optional(),
    phone: text(50).optional(),
    /** 统一社会信用代码. */
    creditCode: text(50).optional(),
  }),
  /** Details of a stock vehicle the order itself does not hold; the order's own values win. */
  vehicle: z
    .strictObject({
      vin: text(17).optional(),
      brand: text(100).optional(),
      series: text(100).optional(),
      model: text(200).optional(),
      trim: text(200).optional(),
      year: z.number().int().optional(),
      exteriorColour: text(100).optional(),
      interiorColour: text(100).optional(),
      engineNumber: text(50).optional(),
    })
    .optional(),
  /** Further values, as `{{extra.<key>}}`: payment terms, a warranty clause. */
  extra: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().max(20_000)).optional(),
});
export type ContractData = z.input<typeof contractDataSchema>;

/** The placeholders every template may use. */
export const CONTRACT_PLACEHOLDERS = [
  "contract.date",
  "order.number",
  "order.date",
  "order.version",
  "order.deliveryDate",
  "order.subtotal",
  "order.discounts",
  "order.fees",
  "order.tradeInCredit",
  "order.vat",
  "order.total",
  "order.totalInWords",
  "order.purchaseTax",
  "order.downPayment",
  "order.amountFinanced",
  "order.balanceDue",
  "financing.lender",
  "financing.termMonths",
  "financing.annualRate",
  "financing.method",
  "financing.monthlyPayment",
  "customer.name",
  "customer.idNumber",
  "customer.phone",
  "customer.address",
  "dealer.name",
  "dealer.address",
  "dealer.phone",
  "dealer.creditCode",
  "vehicle.vin",
  "vehicle.brand",
  "vehicle.series",
  "vehicle.model",
  "vehicle.trim",
  "vehicle.year",
  "vehicle.exteriorColour",
  "vehicle.interiorColour",
  "vehicle.engineNumber",
  "vehicle.configurationCode",
  "vehicle.description",
] as const;

function formatDate(isoDate: string, locale: string): string {
  if (!locale.startsWith("zh")) return isoDate;
  const [y, m, d] = isoDate.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** What the placeholders read, beside the data: the render options. */
export interface PlaceholderOptions {
  at: string;
  timeZone: string;
  locale: string;
  taxRules?: TaxRulesInput | undefined;
}

/** Every placeholder's text for this order; `undefined` for one the order has no value for. */
export function placeholderValues(
  data: z.output<typeof contractDataSchema>,
  opts: PlaceholderOptions,
): Map<string, string | undefined> {
  const { order, customer, dealer } = data;
  const chinese = opts.locale.startsWith("zh");
  const money = (m: Money) => formatMoney(m, opts.locale);
  const totals = computeOrderTotals(order, opts.taxRules ? { taxRules: opts.taxRules } : {});
  // The order's own vehicle fields win over the caller's details; absent ones do not erase them.
  const vehicle: Record<string, string | number | undefined> = { ...data.vehicle };
  for (const [key, value] of Object.entries(order.vehicle)) {
    if (typeof value === "string" || typeof value === "number") vehicle[key] = value;
  }
  const vehicleLine = order.lines.find((line) => line.kind === "vehicle");
  const financing = order.financing;
  const schedule =
    financing && totals.amountFinanced.amount > 0
      ? loanSchedule({
          principal: totals.amountFinanced,
          annualRateBps: financing.annualRateBps,
          termMonths: financing.termMonths,
          method: financing.method,
        })
      : undefined;
  const methods = chinese
    ? { equal_instalment: "等额本息", equal_principal: "等额本金" }
    : { equal_instalment: "equal instalments", equal_principal: "equal principal" };
  const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v));

  const entries: [string, string | undefined][] = [
    ["contract.date", formatDate(localDate(toEpochMs(opts.at), opts.timeZone), opts.locale)],
    ["order.number", order.orderNumber],
    ["order.date", formatDate(localDate(toEpochMs(order.createdAt), opts.timeZone), opts.locale)],
    ["order.version", String(order.termsVersion ?? 1)],
    [
      "order.deliveryDate",
      order.requestedDeliveryDate && formatDate(order.requestedDeliveryDate, opts.locale),
    ],
    ["order.subtotal", money(totals.subtotal)],
    ["order.discounts", money(totals.discounts)],
    ["order.fees", money(totals.fees)],
    ["order.tradeInCredit", money(totals.tradeInCredit)],
    ["order.vat", money(totals.vat)],
    ["order.total", money(totals.total)],
    [
      "order.totalInWords",
      totals.currency === "CNY" ? amountInChineseWords(totals.total) : undefined,
    ],
    ["order.purchaseTax", money(totals.purchaseTax)],
    ["order.downPayment", financing ? money(totals.downPayment) : undefined],
    ["order.amountFinanced", financing ? money(totals.amountFinanced) : undefined],
    ["order.balanceDue", money(totals.balanceDue)],
    ["financing.lender", financing?.lender],
    ["financing.termMonths", str(financing?.termMonths)],
    ["financing.annualRate", financing && `${(financing.annualRateBps / 100).toFixed(2)}%`],
    ["financing.method", financing && methods[financing.method]],
    ["financing.monthlyPayment", schedule?.rows[0] && money(schedule.rows[0].payment)],
    ["customer.name", customer.name],
    ["customer.idNumber", customer.idNumber],
    ["customer.phone", customer.phone],
    ["customer.address", customer.address],
    ["dealer.name", dealer.name],
    ["dealer.address", dealer.address],
    ["dealer.phone", dealer.phone],
    ["dealer.creditCode", dealer.creditCode],
    ["vehicle.configurationCode", str(vehicle.code)],
    ["vehicle.description", vehicleLine?.description],
    ...(
      [
        "vin",
        "brand",
        "series",
        "model",
        "trim",
        "year",
        "exteriorColour",
        "interiorColour",
        "engineNumber",
      ] as const
    ).map((key): [string, string | undefined] => [`vehicle.${key}`, str(vehicle[key])]),
    ...Object.entries(data.extra ?? {}).map(([key, value]): [string, string] => [
      `extra.${key}`,
      value,
    ]),
  ];
  return new Map(entries);
}
