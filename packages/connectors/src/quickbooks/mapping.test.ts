import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { PUSH_TEST_ORDER, pushTestOrder } from "../push-fixtures.js";
import { quickBooksConnector } from "./index.js";
import {
  quickBooksDisplayName,
  quickBooksDocumentBody,
  quickBooksLines,
  quickBooksMarker,
  quickBooksQueryLiteral,
  readQuickBooksMarker,
} from "./mapping.js";

const config = parseConfig(quickBooksConnector, {
  realmId: "123",
  items: { default: "1", vehicle: "21" },
});

describe("QuickBooks mapping", () => {
  it("writes DisplayName without colons, tabs or newlines, companies by their name", () => {
    const customer = { ...PUSH_TEST_ORDER.customer, name: " 王芳:\t北京\n朝阳 " };
    expect(quickBooksDisplayName(customer)).toBe("王芳 北京 朝阳");
    expect(quickBooksDisplayName(customer, "V1B5N0TD")).toBe("王芳 北京 朝阳 (V1B5N0TD)");
    expect(
      quickBooksDisplayName({
        ...customer,
        type: "business",
        name: "张伟",
        company: "北京车行:总部",
      }),
    ).toBe("北京车行 总部");
    expect(quickBooksDisplayName({ ...customer, name: "x".repeat(300) }, "ABCD").length).toBe(100);
  });

  it("quotes query literals the way the QuickBooks query language escapes them", () => {
    expect(quickBooksQueryLiteral("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
  });

  it("marks documents with the order and terms version, and reads the mark back", () => {
    const note = `Checked by finance. ${quickBooksMarker({ id: PUSH_TEST_ORDER.id, version: 12 })}`;
    expect(readQuickBooksMarker(note)).toEqual({ orderId: PUSH_TEST_ORDER.id, version: 12 });
    expect(readQuickBooksMarker("Forecourt order ord_x v1")).toBeUndefined();
    expect(readQuickBooksMarker(undefined)).toBeUndefined();
  });

  it("sells each kind as its item, the default item otherwise, amounts in yuan", () => {
    const lines = quickBooksLines(PUSH_TEST_ORDER, config);
    expect(lines.map((l) => l.SalesItemLineDetail?.ItemRef?.value)).toEqual([
      "21",
      "1",
      "1",
      "1",
      "1",
    ]);
    expect(lines[1]).toMatchObject({
      Amount: 900,
      SalesItemLineDetail: { Qty: 2, UnitPrice: 450 },
      Description: "脚垫",
    });
    expect(lines[0]!.SalesItemLineDetail).not.toHaveProperty("TaxCodeRef");
  });

  it("leaves trade-in credit to a separate purchase when configured", () => {
    const body = quickBooksDocumentBody(PUSH_TEST_ORDER, "58", {
      ...config,
      tradeInCredit: "omit",
    });
    expect((body.Line as unknown[]).length).toBe(4);
    expect(body).not.toHaveProperty("GlobalTaxCalculation");
    expect(body).toMatchObject({
      CustomerRef: { value: "58" },
      BillEmail: { Address: "wang.fang@example.cn" },
    });
  });

  it("says whether amounts include tax when a tax code is set", () => {
    const exclusive = pushTestOrder({
      pricesIncludeVat: false,
      totals: {
        ...PUSH_TEST_ORDER.totals,
        total: PUSH_TEST_ORDER.totals.total + PUSH_TEST_ORDER.totals.vat,
      },
    });
    expect(quickBooksDocumentBody(exclusive, "58", { ...config, taxCode: "TAX" })).toMatchObject({
      GlobalTaxCalculation: "TaxExcluded",
    });
  });
});
