import { z } from "zod";
import { type Money, moneySchema } from "../primitives/money.js";
import { invalid, parseInput } from "../validate.js";
import { divRound, toSafeInteger } from "./rational.js";
import { repaymentMethodSchema } from "./schema.js";
import { computeOrderTotals, type OrderTotalsOptions, type TotalsOrder } from "./totals.js";

/*
 * Car loans 汽车贷款, to the fen, as Chinese lenders quote them:
 *
 * - The monthly rate is the annual rate ÷ 12; rates are integer basis points, so every figure is
 *   an exact fraction of the principal and is rounded once, half-up, to the fen (BigInt inside).
 * - Each month's interest is the remaining principal × the monthly rate, rounded half-up.
 * - Equal instalments 等额本息: the payment P·r·(1+r)ⁿ / ((1+r)ⁿ − 1), rounded half-up; each row's
 *   principal is the payment less that month's interest.
 * - Equal principal 等额本金: each row repays P ÷ n rounded UP to the fen, so the last row, which
 *   takes the residue, is never larger than the others and the payments never rise.
 * - The last row repays whatever principal is left (the rounding residue), so the principal
 *   column always sums exactly to the loan. A loan so small that the rounded payment repays it
 *   early has rows that repay only what is left.
 */

/** 120,000 = 12 months × 10,000 basis points: the monthly rate is `annualRateBps / 120000`. */
const MONTHLY_BPS_DENOMINATOR = 120_000n;

export const loanInputSchema = z.strictObject({
  principal: moneySchema.refine((m) => m.amount > 0, {
    message: "must be more than zero",
    path: ["amount"],
  }),
  /** Annual rate in basis points: 4.8 % is 480. */
  annualRateBps: z
    .number()
    .int({ message: "must be whole basis points (4.8 % is 480)" })
    .min(0, { message: "must not be negative" })
    .max(10_000, { message: "must be at most 10000 (100 %)" }),
  termMonths: z
    .number()
    .int({ message: "must be a whole number of months" })
    .min(1, { message: "must be at least 1 month" })
    .max(360, { message: "must be at most 360 months" }),
  method: repaymentMethodSchema.default("equal_instalment"),
});
export type LoanInput = z.input<typeof loanInputSchema>;

export interface LoanScheduleRow {
  /** 1 for the first monthly payment. */
  period: number;
  payment: Money;
  principal: Money;
  interest: Money;
  /** Principal still owed after this payment; zero after the last. */
  remaining: Money;
}

export interface LoanSchedule {
  method: z.output<typeof repaymentMethodSchema>;
  principal: Money;
  annualRateBps: number;
  termMonths: number;
  rows: LoanScheduleRow[];
  totalPayment: Money;
  totalInterest: Money;
}

/** The level payment of an equal-instalment loan, exact then rounded half-up. */
function levelPayment(principal: bigint, bps: bigint, months: number): bigint {
  if (bps === 0n) return divRound(principal, BigInt(months), "half-up");
  const growth = (MONTHLY_BPS_DENOMINATOR + bps) ** BigInt(months);
  const base = MONTHLY_BPS_DENOMINATOR ** BigInt(months);
  return divRound(principal * bps * growth, MONTHLY_BPS_DENOMINATOR * (growth - base), "half-up");
}

/**
 * The repayment schedule of a loan, row by row to the fen. Throws the SDK's `ValidationError`
 * for a non-positive principal, a rate that is not whole basis points or a bad term.
 */
export function loanSchedule(input: LoanInput): LoanSchedule {
  const loan = parseInput(loanInputSchema, input, "loan");
  const { currency } = loan.principal;
  const bps = BigInt(loan.annualRateBps);
  const n = loan.termMonths;
  const principal = BigInt(loan.principal.amount);
  const money = (value: bigint): Money => ({
    amount: toSafeInteger(value, "A loan figure"),
    currency,
  });

  const payment = levelPayment(principal, bps, n);
  const ceiling = divRound(principal, BigInt(n), "up");
  const rows: LoanScheduleRow[] = [];
  let remaining = principal;
  let totalInterest = 0n;
  for (let period = 1; period <= n; period++) {
    const interest = divRound(remaining * bps, MONTHLY_BPS_DENOMINATOR, "half-up");
    let repaid: bigint;
    if (period === n) repaid = remaining;
    else if (loan.method === "equal_instalment") repaid = payment - interest;
    else repaid = ceiling;
    if (repaid > remaining) repaid = remaining;
    if (repaid < 0n) repaid = 0n;
    remaining -= repaid;
    totalInterest += interest;
    rows.push({
      period,
      payment: money(repaid + interest),
      principal: money(repaid),
      interest: money(interest),
      remaining: money(remaining),
    });
  }
  return {
    method: loan.method,
    principal: money(principal),
    annualRateBps: loan.annualRateBps,
    termMonths: n,
    rows,
    totalPayment: money(principal + totalInterest),
    totalInterest: money(totalInterest),
  };
}

/** The schedule of an order's financing: the amount financed over its term, rate and method. */
export function orderLoanSchedule(
  order: TotalsOrder,
  options: OrderTotalsOptions = {},
): LoanSchedule {
  if (!order.financing) invalid("order", "financing", "the order is not financed");
  const totals = computeOrderTotals(order, options);
  if (totals.amountFinanced.amount <= 0) {
    invalid("order", "financing.downPayment", "the down payment covers the whole total");
  }
  const { annualRateBps, termMonths, method } = order.financing;
  return loanSchedule({
    principal: totals.amountFinanced,
    annualRateBps,
    termMonths,
    ...(method ? { method } : {}),
  });
}
