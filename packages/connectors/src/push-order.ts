import {
  computeOrderTotals,
  DEFAULT_TIME_ZONE,
  lineTotal,
  type Order,
  type OrderTotalsOptions,
  orderNumberDate,
  parseInput,
  type TaxRulesInput,
  taxRulesSchema,
  vatContained,
} from "@forecourt/sdk";
import {
  type PushCustomerInput,
  type PushOrder,
  type PushOrderInput,
  type PushOrderLine,
  pushCustomerSchema,
  pushOrderSchema,
} from "./push.js";

export interface BuildPushOrderInput {
  order: Order;
  customer: PushCustomerInput;
  store?: { code?: string; name?: string };
  salesperson?: { name?: string };
  taxRules?: TaxRulesInput;
  /** Deposits already received (lower `balanceDue`). */
  paid?: OrderTotalsOptions["paid"];
  /** The document date; by default the day the order was approved (else `at`) in `timeZone`. */
  orderDate?: string;
  dueDate?: string;
  /** The store's time zone for the default `orderDate` (default Asia/Shanghai). */
  timeZone?: string;
  /** "Now", for the default `orderDate` of an order with no approval yet. */
  at?: string | number | Date;
}

/** `amount × rateBps / 10000`, rounded half away from zero, exactly (BigInt). */
function vatOnTop(amount: number, rateBps: number): number {
  const product = BigInt(amount) * BigInt(rateBps);
  const negative = product < 0n;
  const n = negative ? -product : product;
  const q = (n + 5_000n) / 10_000n;
  return Number(negative ? -q : q);
}

/**
 * Each line's VAT: the line's own VAT (contained in its amount, or on top), with the rounding
 * residue against the order's VAT put on the largest taxed line, so the lines always sum to
 * `totals.vat`.
 */
function allocateVat(
  order: Order,
  rules: ReturnType<typeof taxRulesSchema.parse>,
  vat: number,
): { taxRateBps: number; taxAmount: number }[] {
  const taxed = order.lines.map((line) => rules.vatKinds.includes(line.kind));
  if (vat === 0)
    return order.lines.map((_, i) => ({
      taxRateBps: taxed[i] ? rules.vatRateBps : 0,
      taxAmount: 0,
    }));
  const shares = order.lines.map((line, i) => {
    if (!taxed[i]) return 0;
    const amount = lineTotal(line);
    return rules.pricesIncludeVat
      ? vatContained(amount, rules.vatRateBps, rules.rounding).amount
      : vatOnTop(amount.amount, rules.vatRateBps);
  });
  const residue = vat - shares.reduce((a, b) => a + b, 0);
  if (residue !== 0) {
    let largest = -1;
    order.lines.forEach((line, i) => {
      if (
        taxed[i] &&
        (largest < 0 || lineTotal(line).amount > lineTotal(order.lines[largest]!).amount)
      ) {
        largest = i;
      }
    });
    if (largest >= 0) shares[largest] = shares[largest]! + residue;
  }
  return order.lines.map((_, i) => ({
    taxRateBps: taxed[i] ? rules.vatRateBps : 0,
    taxAmount: shares[i]!,
  }));
}

/** The approval that made the order `approved` most recently, if any. */
function approvedAt(order: Order): string | undefined {
  for (let i = order.statusHistory.length - 1; i >= 0; i--) {
    const change = order.statusHistory[i]!;
    if (change.to === "approved") return change.at;
  }
  return undefined;
}

/**
 * The `PushOrder` for a stored SDK order: the totals from `computeOrderTotals` with the tenant's
 * tax rules, each line's VAT, the customer and store as the hub knows them. Throws the SDK's
 * `ValidationError` when the result does not hold together.
 */
export function buildPushOrder(input: BuildPushOrderInput): PushOrder {
  const { order } = input;
  const rules = taxRulesSchema.parse(input.taxRules ?? {});
  const totals = computeOrderTotals(order, {
    taxRules: rules,
    ...(input.paid !== undefined && { paid: input.paid }),
  });
  const vat = allocateVat(order, rules, totals.vat.amount);
  const lines: PushOrderLine[] = order.lines.map((line, i) => ({
    kind: line.kind,
    description: line.description,
    ...(line.code !== undefined && { code: line.code }),
    quantity: line.quantity,
    unitAmount: line.amount.amount,
    amount: lineTotal(line).amount,
    ...vat[i]!,
  }));
  const approved = approvedAt(order);
  const customer = parseInput(pushCustomerSchema, input.customer, "push customer");
  const pushOrder: PushOrderInput = {
    id: order.id,
    orderNumber: order.orderNumber,
    version: order.termsVersion ?? 1,
    store: { id: order.storeId, ...input.store },
    salesperson: { id: order.salespersonId, ...input.salesperson },
    customer,
    vehicle: order.vehicle,
    currency: totals.currency,
    pricesIncludeVat: rules.pricesIncludeVat,
    lines,
    totals: {
      subtotal: totals.subtotal.amount,
      discounts: totals.discounts.amount,
      fees: totals.fees.amount,
      tradeInCredit: totals.tradeInCredit.amount,
      taxableBase: totals.taxableBase.amount,
      vat: totals.vat.amount,
      total: totals.total.amount,
      downPayment: totals.downPayment.amount,
      amountFinanced: totals.amountFinanced.amount,
      balanceDue: totals.balanceDue.amount,
    },
    ...(order.financing && { lender: order.financing.lender }),
    orderDate:
      input.orderDate ??
      orderNumberDate(approved ?? input.at ?? Date.now(), input.timeZone ?? DEFAULT_TIME_ZONE),
    ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
    ...(order.requestedDeliveryDate !== undefined && {
      requestedDeliveryDate: order.requestedDeliveryDate,
    }),
    ...(approved !== undefined && { approvedAt: approved }),
    ...(order.notes !== undefined && { notes: order.notes }),
  };
  return parseInput(pushOrderSchema, pushOrder, "push order");
}
