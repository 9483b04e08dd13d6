import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryOpportunity, makeOpportunity } from "./fixtures.js";
import { funnel } from "./funnel.js";
import type { Opportunity } from "./schema.js";

// funnel keeps its scratch for the stays between calls; nothing of one call may reach the next.
describe("funnel scratch reuse", () => {
  it("gives every call the answer of a first call, whatever ran before", () => {
    const lists = fc.array(fc.array(arbitraryOpportunity(fc), { maxLength: 40 }), {
      minLength: 2,
      maxLength: 4,
    });
    fc.assert(
      fc.property(lists, (runs) => {
        const first = runs.map((list) => JSON.stringify(funnel(list)));
        // Again in reverse order: a long list's leftovers must not show in a short one's medians.
        const again = [...runs].reverse().map((list) => JSON.stringify(funnel(list)));
        expect(again.reverse()).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it("stays correct when a row's getter calls funnel while the scratch is in use", () => {
    const inner = [
      makeOpportunity({
        path: [
          ["initial_contact", 0],
          ["quote", 3],
        ],
      }),
    ];
    const expected = JSON.stringify(funnel(inner));
    let seen = "";
    const base = makeOpportunity({
      path: [
        ["initial_contact", 0],
        ["needs_analysis", 2],
        ["quote", 7],
      ],
    });
    const tricky = Object.defineProperty({ ...base }, "stage", {
      get() {
        seen = JSON.stringify(funnel(inner));
        return base.stage;
      },
    }) as Opportunity;
    const outer = funnel([base, tricky]);
    expect(seen).toBe(expected);
    expect(outer.stages.find((s) => s.stage === "initial_contact")?.medianDaysInStage).toBe(2);
    expect(outer.stages.find((s) => s.stage === "needs_analysis")?.medianDaysInStage).toBe(5);
  });
});
