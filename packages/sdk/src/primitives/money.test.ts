import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import {
  addMoney,
  allocateMoney,
  compareMoney,
  formatMoney,
  formatMoneyDecimal,
  minorUnitDigits,
  money,
  moneyFromMajor,
  moneySchema,
  multiplyMoney,
  roundMinor,
  subtractMoney,
} from "./money.js";

const amount = fc.integer({ min: -1e12, max: 1e12 });

describe("money", () => {
  it("defaults to CNY and rejects floats", () => {
    expect(moneySchema.parse({ amount: 1299900 })).toEqual({ amount: 1299900, currency: "CNY" });
    const bad = moneySchema.safeParse({ amount: 12999.5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/integer number of minor units/);
    expect(moneySchema.safeParse({ amount: 1, currency: "cny" }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 1, currency: "CNY", extra: 1 }).success).toBe(false);
  });

  it("parses major-unit decimals exactly", () => {
    expect(moneyFromMajor("12999.50")).toEqual({ amount: 1299950, currency: "CNY" });
    expect(moneyFromMajor("0.1")).toEqual({ amount: 10, currency: "CNY" });
    expect(moneyFromMajor("-3", "JPY")).toEqual({ amount: -3, currency: "JPY" });
    expect(moneyFromMajor(0.1 + 0.2)).toEqual({ amount: 30, currency: "CNY" });
    expect(() => moneyFromMajor("1.234")).toThrow(ValidationError);
    expect(() => moneyFromMajor("12,999")).toThrow(/expected a decimal/);
    expect(() => moneyFromMajor("1.5", "JPY")).toThrow(/0 decimal places/);
  });

  it("knows minor units per ISO 4217", () => {
    expect(minorUnitDigits("CNY")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
  });

  it("adds and subtracts only the same currency", () => {
    expect(addMoney(money(100), money(250), money(-50))).toEqual(money(300));
    expect(subtractMoney(money(100), money(250))).toEqual(money(-150));
    expect(() => addMoney(money(1), money(1, "USD"))).toThrow(/Cannot combine CNY and USD/);
    expect(() => money(0.5)).toThrow(ValidationError);
  });

  it("addition is associative and commutative, subtraction its inverse", () => {
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        const [x, y, z] = [money(a), money(b), money(c)];
        expect(addMoney(addMoney(x, y), z)).toEqual(addMoney(x, addMoney(y, z)));
        expect(addMoney(x, y)).toEqual(addMoney(y, x));
        expect(subtractMoney(addMoney(x, y), y)).toEqual(x);
      }),
    );
  });

  it("rounds half up, half even, down and up", () => {
    expect(roundMinor(2.5)).toBe(3);
    expect(roundMinor(-2.5)).toBe(-3);
    expect(roundMinor(2.5, "half-even")).toBe(2);
    expect(roundMinor(3.5, "half-even")).toBe(4);
    expect(roundMinor(2.9, "down")).toBe(2);
    expect(roundMinor(2.1, "up")).toBe(3);
    // 1.005 × 100 is 100.49999… in binary; it is still half a fen.
    expect(multiplyMoney(money(1005), 0.1)).toEqual(money(101));
  });

  it("multiplies by rates and rejects non-finite factors", () => {
    expect(multiplyMoney(money(1000000), 0.13)).toEqual(money(130000));
    expect(() => multiplyMoney(money(1), Number.NaN)).toThrow(/non-finite/);
  });

  it("allocates so the parts always add up to the whole", () => {
    expect(allocateMoney(money(10000), [1, 1, 1]).map((m) => m.amount)).toEqual([3334, 3333, 3333]);
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (a, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateMoney(money(a), weights);
          expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(a);
          parts.forEach((p, i) => {
            const exact = (a * (weights[i] ?? 0)) / weights.reduce((s, w) => s + w, 0);
            expect(Math.abs(p.amount - exact)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
    expect(() => allocateMoney(money(1), [])).toThrow(ValidationError);
    expect(() => allocateMoney(money(1), [0, 0])).toThrow(/all be zero/);
  });

  it("formats exactly", () => {
    expect(formatMoneyDecimal(money(1299950))).toBe("12999.50");
    expect(formatMoneyDecimal(money(-5))).toBe("-0.05");
    expect(formatMoneyDecimal(money(7, "JPY"))).toBe("7");
    expect(formatMoney(money(1299950))).toBe("¥12,999.50");
    expect(compareMoney(money(1), money(2))).toBe(-1);
  });

  it("round-trips major-unit strings", () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(moneyFromMajor(formatMoneyDecimal(money(a)))).toEqual(money(a));
      }),
    );
  });
});
