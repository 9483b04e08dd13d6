import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { createOpportunity } from "./create.js";
import { CUSTOMER, dayIso, SALESPERSON_A, STORE } from "./fixtures.js";
import { opportunitySchema } from "./schema.js";

const input = {
  customerId: CUSTOMER,
  salespersonId: SALESPERSON_A,
  storeId: STORE,
  vehicle: { brand: "Geely", series: "Galaxy E8" },
  expectedValue: { amount: 17_580_000 },
  expectedCloseDate: "2026-02-28",
  note: "came in after the auto show",
};

describe("createOpportunity", () => {
  it("stores a valid version-1 opportunity with its first stage in the history", () => {
    const opp = createOpportunity(input, { at: dayIso(0), by: SALESPERSON_A });
    expect(opportunitySchema.safeParse(opp).success).toBe(true);
    expect(opp).toMatchObject({
      stage: "initial_contact",
      version: 1,
      activityCount: 0,
      ownerHistory: [],
      createdAt: dayIso(0),
      expectedValue: { amount: 17_580_000, currency: "CNY" },
    });
    expect(opp.stageHistory).toEqual([
      { stage: "initial_contact", enteredAt: dayIso(0), by: SALESPERSON_A, note: input.note },
    ]);
    expect(opp.id.startsWith("opp_")).toBe(true);
  });

  it("may start later in the funnel and keep a given id", () => {
    const id = newId("opportunity");
    const opp = createOpportunity({ ...input, stage: "quote" }, { at: dayIso(1), by: "x", id });
    expect(opp.id).toBe(id);
    expect(opp.stage).toBe("quote");
  });

  it("reports bad input with the path of each problem", () => {
    try {
      createOpportunity(
        { ...input, expectedValue: { amount: 1.5 }, storeId: "store-1" },
        { at: dayIso(0), by: "x" },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["expectedValue.amount", "storeId"]));
    }
    expect(() => createOpportunity(input, { at: dayIso(0), by: "x", when: 1 } as never)).toThrow(
      ValidationError,
    );
  });
});
