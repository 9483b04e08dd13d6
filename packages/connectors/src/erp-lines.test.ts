import { describe, expect, it } from "vitest";
import { erpLines, taxRatePercent } from "./erp-lines.js";
import { PermanentConnectorError } from "./errors.js";
import type { PushOrder } from "./push.js";
import { PUSH_TEST_ORDER } from "./push-fixtures.js";

describe("erpLines", () => {
  it("folds discounts into the vehicle's price and leaves trade-in credit out, saying so", () => {
    const { lines, notes } = erpLines(PUSH_TEST_ORDER);
    expect(lines.map((line) => [line.kind, line.unitAmount, line.amount, line.discount])).toEqual([
      ["vehicle", 21_990_000, 21_990_000, 1_000_000],
      ["accessory", 45_000, 90_000, 0],
      ["fee", 150_000, 150_000, 0],
    ]);
    const vat = PUSH_TEST_ORDER.lines[0]!.taxAmount + PUSH_TEST_ORDER.lines[3]!.taxAmount;
    expect(lines[0]!.taxAmount).toBe(vat);
    expect(notes).toEqual([
      "含优惠 incl. discount 10000.00 CNY: 车展优惠",
      "置换抵扣 trade-in credit 45000.00 CNY not on this order (a separate purchase)",
    ]);
    expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(
      PUSH_TEST_ORDER.totals.total - PUSH_TEST_ORDER.totals.tradeInCredit,
    );
  });

  it("keeps trade-in credit as a line when asked", () => {
    const { lines, notes } = erpLines(PUSH_TEST_ORDER, { tradeInCredit: "line" });
    expect(lines.at(-1)).toMatchObject({ kind: "trade_in_credit", amount: -4_500_000 });
    expect(notes).toHaveLength(1);
  });

  it("refuses a discount it cannot fold into a whole unit price", () => {
    // Two cars at ¥229,900 and a discount of ¥10,000.01: no whole unit price in fen.
    const twoCars: PushOrder = {
      ...PUSH_TEST_ORDER,
      lines: [
        { ...PUSH_TEST_ORDER.lines[0]!, quantity: 2, amount: 45_980_000 },
        { ...PUSH_TEST_ORDER.lines[3]!, unitAmount: -1_000_001, amount: -1_000_001 },
      ],
    };
    expect(() => erpLines(twoCars)).toThrow(PermanentConnectorError);
    expect(taxRatePercent({ taxRateBps: 1300 })).toBe(13);
  });
});
