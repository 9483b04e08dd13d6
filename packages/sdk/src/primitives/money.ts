import { z } from "zod";
import { ValidationError } from "../errors.js";

/**
 * Money is an integer count of the currency's minor unit (fen for CNY, cents for USD, yen for JPY)
 * plus an ISO 4217 code. Never a float: 0.1 + 0.2 does not happen here.
 */
export interface Money {
  /** Integer minor units; negative for credits and discounts. */
  amount: number;
  /** ISO 4217 alphabetic code, upper case. */
  currency: string;
}

export const DEFAULT_CURRENCY = "CNY";

/** ISO 4217 minor-unit exponents that differ from 2. Everything else has two decimals. */
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Digits after the decimal point for a currency (2 unless ISO 4217 says otherwise). */
export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
}

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: "must be an ISO 4217 code of three capital letters, e.g. CNY" });

const minorUnits = z
  .number({ message: "must be a number of minor units (an integer: fen for CNY)" })
  .int({ message: "must be an integer number of minor units (fen for CNY), not a decimal" })
  .refine(Number.isSafeInteger, { message: "is beyond the safe integer range" });

export const moneySchema = z.strictObject({
  amount: minorUnits,
  currency: currencySchema.default(DEFAULT_CURRENCY),
});

/** Non-negative money (prices, budgets). */
export const nonNegativeMoneySchema = moneySchema.refine((m) => m.amount >= 0, {
  message: "must not be negative",
  path: ["amount"],
});

function assertMoney(value: Money, what: string): void {
  if (!Number.isSafeInteger(value.amount)) {
    throw new ValidationError(`Invalid ${what}: amount must be an integer of minor units`, [
      { path: "amount", message: "must be an integer of minor units" },
    ]);
  }
  if (!/^[A-Z]{3}$/.test(value.currency)) {
    throw new ValidationError(`Invalid ${what}: currency must be an ISO 4217 code`, [
      { path: "currency", message: "must be an ISO 4217 code" },
    ]);
  }
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new ValidationError(`Cannot combine ${a.currency} and ${b.currency} amounts`, [
      { path: "currency", message: `expected ${a.currency}, got ${b.currency}` },
    ]);
  }
}

function checkedResult(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new ValidationError("Money arithmetic overflowed the safe integer range", [
      { path: "amount", message: "result is beyond the safe integer range" },
    ]);
  }
  return { amount, currency };
}

export function money(amount: number, currency: string = DEFAULT_CURRENCY): Money {
  const value = { amount, currency };
  assertMoney(value, "money");
  return value;
}

/** Parses a decimal string in major units ("12999.50") into exact minor units. */
export function moneyFromMajor(major: string | number, currency: string = DEFAULT_CURRENCY): Money {
  const digits = minorUnitDigits(currency);
  const text = typeof major === "number" ? major.toFixed(digits) : major.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) {
    throw new ValidationError(`Invalid amount "${text}": expected a decimal like 12999.50`, [
      { path: "", message: "expected a decimal number" },
    ]);
  }
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) {
    throw new ValidationError(
      `Invalid amount "${text}": ${currency} has ${digits} decimal places`,
      [{ path: "", message: `at most ${digits} decimal places for ${currency}` }],
    );
  }
  const amount = Number(whole + fraction.padEnd(digits, "0"));
  return checkedResult(sign ? -amount : amount, currency);
}

export function addMoney(a: Money, ...rest: Money[]): Money {
  let amount = a.amount;
  for (const b of rest) {
    sameCurrency(a, b);
    amount += b.amount;
  }
  return checkedResult(amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checkedResult(a.amount - b.amount, a.currency);
}

export function negateMoney(a: Money): Money {
  return { amount: a.amount === 0 ? 0 : -a.amount, currency: a.currency };
}

export type Rounding = "half-up" | "half-even" | "down" | "up";

/** Rounds a (possibly fractional) number of minor units to an integer. */
export function roundMinor(value: number, rounding: Rounding = "half-up"): number {
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  const floor = Math.floor(abs);
  // Products of integers and short decimals pick up binary noise (2.675 → 2.67499…); treat
  // anything within 1e-9 of .5 as exactly half.
  const frac = abs - floor;
  const epsilon = 1e-9;
  let rounded: number;
  switch (rounding) {
    case "down":
      rounded = frac > 1 - epsilon ? floor + 1 : floor;
      break;
    case "up":
      rounded = frac < epsilon ? floor : floor + 1;
      break;
    case "half-even":
      if (Math.abs(frac - 0.5) < epsilon) rounded = floor % 2 === 0 ? floor : floor + 1;
      else rounded = frac > 0.5 ? floor + 1 : floor;
      break;
    default:
      rounded = frac >= 0.5 - epsilon ? floor + 1 : floor;
  }
  return sign * rounded === 0 ? 0 : sign * rounded;
}

/** Multiplies by a factor (a quantity, a rate such as 0.13) and rounds to minor units. */
export function multiplyMoney(a: Money, factor: number, rounding: Rounding = "half-up"): Money {
  if (!Number.isFinite(factor)) {
    throw new ValidationError("Cannot multiply money by a non-finite factor", [
      { path: "factor", message: "must be a finite number" },
    ]);
  }
  return checkedResult(roundMinor(a.amount * factor, rounding), a.currency);
}

/**
 * Splits an amount by integer or fractional weights so the parts add up exactly to the whole
 * (largest remainder method): allocating 100.00 in three gives 33.34, 33.33, 33.33.
 */
export function allocateMoney(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0 || weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new ValidationError("Allocation weights must be a non-empty list of numbers ≥ 0", [
      { path: "weights", message: "must be non-empty, finite and not negative" },
    ]);
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) {
    throw new ValidationError("Allocation weights must not all be zero", [
      { path: "weights", message: "must not all be zero" },
    ]);
  }
  const sign = total.amount < 0 ? -1 : 1;
  const abs = Math.abs(total.amount);
  const exact = weights.map((w) => (abs * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let remainder = abs - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) {
    const idx = order[k]!.i;
    parts[idx] = parts[idx]! + 1;
  }
  return parts.map((p) => ({ amount: p === 0 ? 0 : sign * p, currency: total.currency }));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/** Major-unit decimal string, exact: `{ amount: 1299950, currency: "CNY" }` → `"12999.50"`. */
export function formatMoneyDecimal(a: Money): string {
  const digits = minorUnitDigits(a.currency);
  const negative = a.amount < 0;
  const text = Math.abs(a.amount)
    .toString()
    .padStart(digits + 1, "0");
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? `.${text.slice(-digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Localised display string, e.g. `¥12,999.50` for zh-CN. */
export function formatMoney(a: Money, locale = "zh-CN"): string {
  const digits = minorUnitDigits(a.currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: a.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(a.amount / 10 ** digits);
}
