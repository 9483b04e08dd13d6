import { addMoney, type Money, multiplyMoney } from "../primitives/money.js";

/** What a line contributes: its per-unit amount times its quantity. */
export function lineTotal(line: { amount: Money; quantity: number }): Money {
  return multiplyMoney(line.amount, line.quantity);
}

/**
 * The order total: the sum of every line (discounts and trade-in credit are negative lines).
 * Throws the SDK's `ValidationError` when lines mix currencies. An order without lines totals
 * zero in `currency`.
 */
export function orderTotal(
  lines: readonly { amount: Money; quantity: number }[],
  currency = "CNY",
): Money {
  const [first, ...rest] = lines.map(lineTotal);
  if (!first) return { amount: 0, currency };
  return addMoney(first, ...rest);
}
