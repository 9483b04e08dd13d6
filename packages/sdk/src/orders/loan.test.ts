import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { PASSAT_ORDER } from "./fixtures.js";
import { type LoanInput, loanSchedule, orderLoanSchedule } from "./loan.js";

const amounts = (
  schedule: ReturnType<typeof loanSchedule>,
  column: "payment" | "principal" | "interest" | "remaining",
) => schedule.rows.map((row) => row[column].amount);
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** The textbook annuity payment in yuan, in floating point: the independent check. */
function annuity(principalYuan: number, annualRate: number, months: number): number {
  const r = annualRate / 12;
  const growth = (1 + r) ** months;
  return (principalYuan * r * growth) / (growth - 1);
}

describe("loanSchedule: worked examples", () => {
  // ¥100,000.00 at 4.8 % over 36 months.
  const loan: LoanInput = { principal: { amount: 10_000_000 }, annualRateBps: 480, termMonths: 36 };

  it("equal instalments: the textbook payment to the fen, the residue on the last row", () => {
    const schedule = loanSchedule(loan);
    const expected = Math.round(annuity(100_000, 0.048, 36) * 100); // 2,988.12 yuan
    expect(expected).toBe(298_812);
    const payments = amounts(schedule, "payment");
    expect(new Set(payments.slice(0, -1))).toEqual(new Set([expected]));
    expect(Math.abs(payments.at(-1)! - expected)).toBeLessThanOrEqual(36);
    // Month 1: interest ¥100,000 × 0.4 % = ¥400.00, principal ¥2,588.12.
    expect(schedule.rows[0]).toEqual({
      period: 1,
      payment: { amount: 298_812, currency: "CNY" },
      principal: { amount: 258_812, currency: "CNY" },
      interest: { amount: 40_000, currency: "CNY" },
      remaining: { amount: 9_741_188, currency: "CNY" },
    });
    expect(sum(amounts(schedule, "principal"))).toBe(10_000_000);
    // Total interest: 36 × 2,988.12 − 100,000 = 7,572.26 yuan, give or take the residue.
    const textbookInterest = Math.round((annuity(100_000, 0.048, 36) * 36 - 100_000) * 100);
    expect(Math.abs(schedule.totalInterest.amount - textbookInterest)).toBeLessThanOrEqual(36);
    expect(schedule.totalPayment.amount).toBe(10_000_000 + schedule.totalInterest.amount);
  });

  it("equal principal: ¥2,777.78 a month, interest falling from ¥400.00, ¥7,400 in all", () => {
    const schedule = loanSchedule({ ...loan, method: "equal_principal" });
    const principal = amounts(schedule, "principal");
    expect(new Set(principal.slice(0, -1))).toEqual(new Set([277_778])); // 2,777.78 rounded up
    expect(principal.at(-1)).toBe(10_000_000 - 35 * 277_778); // 2,777.70
    expect(schedule.rows[0]?.interest.amount).toBe(40_000);
    expect(schedule.rows[0]?.payment.amount).toBe(317_778);
    // Textbook: P·r·(n+1)/2 = 100,000 × 0.004 × 37 / 2 = 7,400.00; rounding moves it by fen.
    const exact = sum(
      schedule.rows.map((row) => (row.remaining.amount + row.principal.amount) * 0.004),
    );
    expect(Math.abs(schedule.totalInterest.amount - exact)).toBeLessThanOrEqual(18);
    expect(Math.abs(schedule.totalInterest.amount - 740_000)).toBeLessThanOrEqual(40);
  });

  it("an interest-free loan splits the principal, the residue on the last row", () => {
    const schedule = loanSchedule({
      principal: { amount: 10_000_000 },
      annualRateBps: 0,
      termMonths: 36,
    });
    expect(amounts(schedule, "interest").every((i) => i === 0)).toBe(true);
    expect(
      amounts(schedule, "payment")
        .slice(0, -1)
        .every((p) => p === 277_778),
    ).toBe(true);
    expect(amounts(schedule, "payment").at(-1)).toBe(277_770);
  });

  it("finances an order: the total less the down payment", () => {
    const schedule = orderLoanSchedule(PASSAT_ORDER);
    expect(schedule.principal).toEqual({ amount: 12_730_000, currency: "CNY" });
    expect(schedule).toMatchObject({
      annualRateBps: 399,
      termMonths: 36,
      method: "equal_instalment",
    });
    expect(schedule.rows[0]?.payment.amount).toBe(Math.round(annuity(127_300, 0.0399, 36) * 100));
    const { financing: _financing, ...cash } = PASSAT_ORDER;
    expect(() => orderLoanSchedule(cash)).toThrow(
      "Invalid order: financing: the order is not financed",
    );
  });

  it("refuses a bad loan, naming the field", () => {
    expect(() => loanSchedule({ ...loan, annualRateBps: 4.8 })).toThrow(
      "Invalid loan: annualRateBps: must be whole basis points (4.8 % is 480)",
    );
    expect(() => loanSchedule({ ...loan, principal: { amount: 0 } })).toThrow(
      /principal.amount: must be more than zero/,
    );
    expect(() => loanSchedule({ ...loan, termMonths: 0 })).toThrow(ValidationError);
    expect(() => loanSchedule({ ...loan, method: "balloon" } as never)).toThrow(/method/);
  });
});

describe("loanSchedule: properties", () => {
  const anyLoan = fc.record({
    principal: fc.record({ amount: fc.integer({ min: 1, max: 100_000_000_000 }) }),
    annualRateBps: fc.integer({ min: 0, max: 3_000 }),
    termMonths: fc.integer({ min: 1, max: 120 }),
  });

  it("repays exactly the loan, never owing less than nothing", () => {
    fc.assert(
      fc.property(
        anyLoan,
        fc.constantFrom("equal_instalment", "equal_principal"),
        (loan, method) => {
          const schedule = loanSchedule({ ...loan, method });
          expect(sum(amounts(schedule, "principal"))).toBe(loan.principal.amount);
          expect(schedule.rows.at(-1)?.remaining.amount).toBe(0);
          const remaining = amounts(schedule, "remaining");
          remaining.forEach((r, i) => {
            expect(r).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(r).toBeLessThanOrEqual(remaining[i - 1]!);
          });
          expect(sum(amounts(schedule, "payment"))).toBe(schedule.totalPayment.amount);
          expect(sum(amounts(schedule, "interest"))).toBe(schedule.totalInterest.amount);
        },
      ),
    );
  });

  it("equal-principal payments never rise", () => {
    fc.assert(
      fc.property(anyLoan, (loan) => {
        const payments = amounts(loanSchedule({ ...loan, method: "equal_principal" }), "payment");
        payments.forEach((p, i) => {
          if (i > 0) expect(p).toBeLessThanOrEqual(payments[i - 1]!);
        });
      }),
    );
  });

  it("equal instalments cost at least as much interest as equal principal", () => {
    // True of the exact amounts; on a loan of a few yuan the fen roundings can reverse it by a
    // fen or two (¥0.36 over 18 months at 80 %), so the loans here start at ¥1,000.
    const carLoan = fc.record({
      principal: fc.record({ amount: fc.integer({ min: 100_000, max: 100_000_000_000 }) }),
      annualRateBps: fc.integer({ min: 0, max: 10_000 }),
      termMonths: fc.integer({ min: 1, max: 360 }),
    });
    fc.assert(
      fc.property(carLoan, (loan) => {
        const instalment = loanSchedule({ ...loan, method: "equal_instalment" }).totalInterest;
        const principal = loanSchedule({ ...loan, method: "equal_principal" }).totalInterest;
        expect(instalment.amount).toBeGreaterThanOrEqual(principal.amount);
      }),
    );
  });

  it("equal instalments are level but for the last row", () => {
    const realistic = fc.record({
      principal: fc.record({ amount: fc.integer({ min: 1_000_000, max: 1_000_000_000 }) }),
      annualRateBps: fc.integer({ min: 0, max: 3_000 }),
      termMonths: fc.integer({ min: 2, max: 120 }),
    });
    fc.assert(
      fc.property(realistic, (loan) => {
        const schedule = loanSchedule(loan);
        const payments = amounts(schedule, "payment");
        expect(new Set(payments.slice(0, -1)).size).toBe(1);
        // Each month's roundings (payment and interest) move the balance by under a fen, and
        // that drift compounds: at most Σ (1+r)^k fen for k < n reaches the last row.
        const r = loan.annualRateBps / 120_000;
        const drift = r > 0 ? ((1 + r) ** loan.termMonths - 1) / r : loan.termMonths;
        expect(Math.abs(payments.at(-1)! - payments[0]!)).toBeLessThanOrEqual(drift);
        const textbook = annuity(
          loan.principal.amount,
          loan.annualRateBps / 10_000,
          loan.termMonths,
        );
        if (loan.annualRateBps > 0)
          expect(Math.abs(payments[0]! - textbook)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
    );
  });
});
