import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { PUSH_TEST_ORDER } from "../push-fixtures.js";
import { xeroConnector } from "./index.js";
import { xeroContactName, xeroInvoiceBody, xeroWhereLiteral } from "./mapping.js";

const config = parseConfig(xeroConnector, { tenantId: "b1e4a0f2-6c7d-4e3a-9f21-5d8c3b7a1e90" });

describe("Xero mapping", () => {
  it("escapes where literals and names business contacts by their company", () => {
    expect(xeroWhereLiteral('Li "Lei" \\ Co')).toBe('"Li \\"Lei\\" \\\\ Co"');
    const business = {
      ...PUSH_TEST_ORDER.customer,
      type: "business" as const,
      company: "北京  车行 ",
    };
    expect(xeroContactName(business)).toBe("北京 车行");
    expect(xeroContactName(business, "V1B5N0TD")).toBe("北京 车行 (V1B5N0TD)");
  });

  it("writes a draft ACCREC invoice with Xero's defaults when the connection sets none", () => {
    const body = xeroInvoiceBody(PUSH_TEST_ORDER, "c-1", { ...config, tradeInCredit: "omit" });
    expect(body).toMatchObject({
      Type: "ACCREC",
      Status: "DRAFT",
      InvoiceNumber: "BJ01-20261127-0001",
      Reference: "BJ01-20261127-0001",
      LineAmountTypes: "Inclusive",
    });
    const lines = body.LineItems as {
      AccountCode: string;
      TaxType?: string;
      Description: string;
    }[];
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.AccountCode === "200" && line.TaxType === undefined)).toBe(
      true,
    );
    expect(lines[1]!.Description).toBe("脚垫 (ACC-MAT)");
    expect(body).not.toHaveProperty("CurrencyCode");
  });
});
