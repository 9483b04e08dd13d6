import { describe, expect, it } from "vitest";
import { newId } from "../primitives/ids.js";
import { CUSTOMER, dayIso, makeOpportunity, SALESPERSON_A, STORE } from "./fixtures.js";
import {
  activityInputSchema,
  lossReasonInputSchema,
  opportunityInputSchema,
  opportunitySchema,
} from "./schema.js";

const input = {
  customerId: CUSTOMER,
  salespersonId: SALESPERSON_A,
  storeId: STORE,
  vehicle: { brand: "BYD", series: "Han", model: "Han EV 2026" },
  expectedValue: { amount: 23_980_000 },
  expectedCloseDate: "2026-03-31",
};

describe("opportunityInputSchema", () => {
  it("fills defaults: CNY and the initial stage", () => {
    const parsed = opportunityInputSchema.parse(input);
    expect(parsed.expectedValue).toEqual({ amount: 23_980_000, currency: "CNY" });
    expect(parsed.stage).toBe("initial_contact");
  });

  it("accepts a lead instead of a customer", () => {
    const { customerId: _c, ...fromLead } = input;
    expect(opportunityInputSchema.safeParse({ ...fromLead, leadId: newId("lead") }).success).toBe(
      true,
    );
  });

  it("needs a lead or a customer", () => {
    const { customerId: _c, ...nobody } = input;
    const result = opportunityInputSchema.safeParse(nobody);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["customerId"]);
  });

  it("rejects unknown fields, decimal money, negative value and a closed starting stage", () => {
    expect(opportunityInputSchema.safeParse({ ...input, colour: "red" }).success).toBe(false);
    expect(
      opportunityInputSchema.safeParse({ ...input, expectedValue: { amount: 239800.5 } }).success,
    ).toBe(false);
    expect(
      opportunityInputSchema.safeParse({ ...input, expectedValue: { amount: -1 } }).success,
    ).toBe(false);
    expect(opportunityInputSchema.safeParse({ ...input, stage: "won" }).success).toBe(false);
    expect(
      opportunityInputSchema.safeParse({ ...input, expectedCloseDate: "31/03/2026" }).success,
    ).toBe(false);
    expect(opportunityInputSchema.safeParse({ ...input, probabilityOverride: 1.5 }).success).toBe(
      false,
    );
  });
});

describe("lossReasonInputSchema", () => {
  it("needs a note when the code is other", () => {
    expect(lossReasonInputSchema.safeParse({ code: "other" }).success).toBe(false);
    expect(lossReasonInputSchema.safeParse({ code: "other", note: "moved abroad" }).success).toBe(
      true,
    );
    expect(lossReasonInputSchema.safeParse({ code: "bought_competitor_brand" }).success).toBe(true);
  });
});

describe("activityInputSchema", () => {
  const base = { occurredAt: dayIso(1), by: SALESPERSON_A };

  it("tells activities apart by type and keeps type-specific fields", () => {
    const call = activityInputSchema.parse({
      ...base,
      type: "call",
      direction: "outbound",
      outcome: "reached",
      customerFeedback: { sentiment: "positive", text: "wants the long-range battery" },
    });
    expect(call.type).toBe("call");
    const quote = activityInputSchema.parse({
      ...base,
      type: "quote",
      amount: { amount: 22_980_000 },
    });
    expect(quote.type === "quote" && quote.amount.currency).toBe("CNY");
  });

  it("rejects unknown types, unknown fields, a quote without an amount and an empty note", () => {
    expect(activityInputSchema.safeParse({ ...base, type: "fax" }).success).toBe(false);
    expect(
      activityInputSchema.safeParse({ ...base, type: "visit", weather: "sunny" }).success,
    ).toBe(false);
    expect(activityInputSchema.safeParse({ ...base, type: "quote" }).success).toBe(false);
    expect(activityInputSchema.safeParse({ ...base, type: "note", notes: "  " }).success).toBe(
      false,
    );
    expect(
      activityInputSchema.safeParse({ ...base, type: "note", occurredAt: "2026-01-02 10:00" })
        .success,
    ).toBe(false);
  });
});

describe("opportunitySchema", () => {
  it("accepts a consistent stored opportunity", () => {
    const lost = makeOpportunity({
      path: [
        ["initial_contact", 0],
        ["quote", 3],
        ["lost", 9],
      ],
    });
    expect(opportunitySchema.safeParse(lost).success).toBe(true);
  });

  it("rejects a stage that disagrees with the history, and a lost deal without a reason", () => {
    const open = makeOpportunity({ path: [["initial_contact", 0]] });
    const mismatch = opportunitySchema.safeParse({ ...open, stage: "quote" });
    expect(mismatch.error?.issues.map((i) => i.path.join("."))).toContain("stageHistory");
    const lost = makeOpportunity({
      path: [
        ["initial_contact", 0],
        ["lost", 2],
      ],
    });
    const { lossReason: _r, ...noReason } = lost;
    const result = opportunitySchema.safeParse(noReason);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("lossReason");
  });
});
