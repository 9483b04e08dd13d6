import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newId } from "../primitives/ids.js";
import { assignLeadContextSchema, readContextFast } from "./assignmentContext.js";

describe("assignLead context fast check", () => {
  const rules = { rules: [], salespeople: [], stores: [] };
  const value = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant(rules),
    fc.constant([]),
    fc.constantFrom("2026-11-27T10:00:00+08:00", "2026-11-27T02:00:00Z", "2026-11-27 10:00", ""),
    fc.constantFrom(
      newId("salesperson"),
      newId("store"),
      "sp_x",
      "A",
      "A".repeat(16),
      "A".repeat(17),
    ),
    fc.integer(),
  );
  const context = fc.record(
    {
      rules: value,
      state: value,
      now: value,
      existingSalespersonId: value,
      grade: value,
      extra: value,
    },
    { requiredKeys: [] },
  );

  it("accepts exactly the contexts the schema accepts, with the same values", () => {
    fc.assert(
      fc.property(fc.oneof(context, fc.anything()), (input) => {
        const fast = readContextFast(input);
        const slow = assignLeadContextSchema.safeParse(input);
        expect(fast !== undefined).toBe(slow.success);
        if (fast && slow.success) {
          for (const key of ["rules", "state", "now", "existingSalespersonId", "grade"] as const) {
            expect(fast[key]).toBe(slow.data[key]);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
