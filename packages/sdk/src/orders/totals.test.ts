import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { PASSAT_ORDER } from "./fixtures.js";
import {
  computeOrderTotals,
  DEFAULT_TAX_RULES,
  orderTotal,
  type TotalsOrder,
  vatContained,
} from "./totals.js";

const cny = (amount: number) => ({ amount, currency: "CNY" });
const carAt = (amount: number): TotalsOrder => ({
  lines: [{ kind: "vehicle", description: "Car", amount: { amount } }],
});

describe("computeOrderTotals", () => {
  it("splits the Passat order into subtotal, discounts, fees, trade-in, VAT, financing", () => {
    const totals = computeOrderTotals(PASSAT_ORDER, { paid: { amount: 500_000 } });
    expect(totals).toEqual({
      currency: "CNY",
      subtotal: cny(23_080_000), // 229,900 + 2 × 450
      discounts: cny(-1_000_000),
      fees: cny(150_000),
      tradeInCredit: cny(-4_500_000),
      taxableBase: cny(22_080_000), // car, mats, discount; not the fee or the trade-in
      vat: cny(2_540_177), // 22,080,000 × 13 / 113 = 2,540,176.99…
      vatIncluded: true,
      total: cny(17_730_000),
      purchaseTaxBase: cny(19_460_177), // 21,990,000 − its VAT part 2,529,823
      purchaseTaxFull: cny(1_946_018),
      purchaseTaxRelief: cny(0),
      purchaseTax: cny(1_946_018),
      downPayment: cny(5_000_000),
      amountFinanced: cny(12_730_000),
      balanceDue: cny(4_500_000), // the down payment less the deposit
    });
  });

  it("works the purchase tax out as (price ÷ 1.13) × 10 %: ¥229,900 → ¥20,345.13", () => {
    const totals = computeOrderTotals(carAt(22_990_000));
    expect(totals.vat).toEqual(cny(2_644_867)); // 229,900 × 13/113 = 26,448.67
    expect(totals.purchaseTaxBase).toEqual(cny(20_345_133)); // 203,451.33
    expect(totals.purchaseTax).toEqual(cny(2_034_513));
    expect(totals.balanceDue).toEqual(cny(22_990_000));
    expect(totals.amountFinanced).toEqual(cny(0));
  });

  it("applies the new-energy relief with its caps", () => {
    const exempt = computeOrderTotals(carAt(22_990_000), {
      taxRules: { nevPurchaseTaxRelief: "exempt" },
    });
    expect([exempt.purchaseTaxRelief.amount, exempt.purchaseTax.amount]).toEqual([2_034_513, 0]);
    const halved = computeOrderTotals(carAt(22_990_000), {
      taxRules: { nevPurchaseTaxRelief: "halved" },
    });
    expect([halved.purchaseTaxRelief.amount, halved.purchaseTax.amount]).toEqual([
      1_017_257, 1_017_256,
    ]);
    // ¥500,000: full tax ¥44,247.79; exemption capped at ¥30,000, halving at ¥15,000.
    const dear = (relief: "exempt" | "halved") =>
      computeOrderTotals(carAt(50_000_000), { taxRules: { nevPurchaseTaxRelief: relief } });
    expect(dear("exempt").purchaseTaxFull.amount).toBe(4_424_779);
    expect(dear("exempt").purchaseTax.amount).toBe(1_424_779);
    expect(dear("halved").purchaseTax.amount).toBe(2_924_779);
    const ownCap = computeOrderTotals(carAt(50_000_000), {
      taxRules: { nevPurchaseTaxRelief: "exempt", nevPurchaseTaxReliefCap: 0 },
    });
    expect(ownCap.purchaseTax.amount).toBe(4_424_779);
  });

  it("adds VAT to the total when prices exclude it, rounding as configured", () => {
    const exclusive = computeOrderTotals(carAt(50), { taxRules: { pricesIncludeVat: false } });
    expect(exclusive.vat).toEqual(cny(7)); // 6.5 fen, half-up
    expect(exclusive.total).toEqual(cny(57));
    expect(exclusive.vatIncluded).toBe(false);
    const even = computeOrderTotals(carAt(50), {
      taxRules: { pricesIncludeVat: false, rounding: "half-even" },
    });
    expect(even.vat).toEqual(cny(6));
  });

  it("taxes fees when told to", () => {
    const totals = computeOrderTotals(PASSAT_ORDER, {
      taxRules: { vatKinds: ["vehicle", "accessory", "fee", "discount"] },
    });
    expect(totals.taxableBase).toEqual(cny(22_230_000));
  });

  it("keeps the defaults frozen and documented", () => {
    expect(DEFAULT_TAX_RULES).toMatchObject({
      pricesIncludeVat: true,
      vatRateBps: 1300,
      purchaseTaxRateBps: 1000,
      nevPurchaseTaxRelief: "none",
      rounding: "half-up",
    });
    expect(Object.isFrozen(DEFAULT_TAX_RULES)).toBe(true);
  });

  it("refuses bad rules, mixed currencies and an order without lines", () => {
    expect(() => computeOrderTotals(carAt(100), { taxRules: { vatRateBps: 13.5 } })).toThrow(
      /taxRules.vatRateBps: must be whole basis points/,
    );
    expect(() => computeOrderTotals(carAt(100), { taxRules: { vatRate: 0.13 } as never })).toThrow(
      ValidationError,
    );
    expect(() =>
      computeOrderTotals({
        lines: [
          { kind: "vehicle", description: "Car", amount: { amount: 100 } },
          { kind: "fee", description: "Fee", amount: { amount: 100, currency: "USD" } },
        ],
      }),
    ).toThrow(/Cannot combine CNY and USD/);
    expect(() => computeOrderTotals({ lines: [] })).toThrow(
      /an order needs at least a vehicle line/,
    );
    expect(() => computeOrderTotals(carAt(100), { paid: { amount: 1, currency: "USD" } })).toThrow(
      /paid.currency: must be CNY/,
    );
  });

  it("sums exactly: total is orderTotal, VAT plus net is the base, tax within a fen", () => {
    const line = (kind: "vehicle" | "option" | "accessory" | "fee", max: number) =>
      fc.record({
        kind: fc.constant(kind),
        description: fc.constant(kind),
        quantity: fc.integer({ min: 1, max: 3 }),
        amount: fc.record({ amount: fc.integer({ min: 0, max }), currency: fc.constant("CNY") }),
      });
    const extra = fc.oneof(
      line("option", 5_000_000),
      line("accessory", 500_000),
      line("fee", 500_000),
    );
    fc.assert(
      fc.property(
        line("vehicle", 300_000_000),
        fc.array(extra, { maxLength: 5 }),
        fc.integer({ min: 0, max: 100 }),
        (vehicle, extras, discountPercent) => {
          const gross = (kinds: string[]) =>
            [vehicle, ...extras]
              .filter((l) => kinds.includes(l.kind))
              .reduce((s, l) => s + l.amount.amount * l.quantity, 0);
          const discount = Math.floor((gross(["vehicle"]) * discountPercent) / 100);
          const discountLine = {
            kind: "discount" as const,
            description: "d",
            quantity: 1,
            amount: cny(-discount),
          };
          const lines = [vehicle, ...extras, ...(discount > 0 ? [discountLine] : [])];
          const totals = computeOrderTotals({ lines });
          expect(totals.total).toEqual(orderTotal(lines));
          expect(totals.subtotal.amount + totals.discounts.amount + totals.fees.amount).toBe(
            totals.total.amount,
          );
          const base = totals.taxableBase.amount;
          expect(base).toBe(gross(["vehicle", "option", "accessory"]) - discount);
          expect(Math.abs(totals.vat.amount - (base * 13) / 113)).toBeLessThanOrEqual(0.5);
          expect(totals.vat).toEqual(vatContained(totals.taxableBase));
          const price = gross(["vehicle", "option"]) - discount;
          expect(Math.abs(totals.purchaseTax.amount - price / 1.13 / 10)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
