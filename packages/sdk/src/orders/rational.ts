import { ValidationError } from "../errors.js";
import type { Rounding } from "../primitives/money.js";

/*
 * Exact rational arithmetic for money × rate. A price of ¥9,999,999.99 times 1300/11300 is beyond
 * what a double holds exactly once multiplied out, so the product and the division are done on
 * BigInt and rounded once. Internal to the orders folder: not exported from the package.
 */

/** `numerator ÷ denominator` rounded to an integer; `"half-up"` rounds halves away from zero. */
export function divRound(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  switch (rounding) {
    case "down":
      break;
    case "up":
      if (twiceRemainder > 0n) quotient += 1n;
      break;
    case "half-even":
      if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
      break;
    default:
      if (twiceRemainder >= d) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/** A safe integer from a BigInt, or the SDK's `ValidationError` when the result is too large. */
export function toSafeInteger(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new ValidationError(`${what} is beyond the safe integer range`, [
      { path: "amount", message: "result is beyond the safe integer range" },
    ]);
  }
  return result === 0 ? 0 : result;
}

/** `amount × numerator ÷ denominator` in minor units, exact, rounded once. */
export function mulDivRound(
  amount: number,
  numerator: number,
  denominator: number,
  rounding: Rounding = "half-up",
): number {
  const value = divRound(BigInt(amount) * BigInt(numerator), BigInt(denominator), rounding);
  return toSafeInteger(value, "The amount");
}
