/**
 * fast-check arbitraries for the property tests beside this file: stored opportunities whose
 * stage history is a legal walk through the stage machine. Not exported from the package index.
 */
import fc from "fast-check";
import { makeOpportunity } from "./fixtures.js";
import type { Opportunity, OpportunityStage } from "./schema.js";
import { OPPORTUNITY_TRANSITIONS } from "./stages.js";

export const arbitraryOpportunity: fc.Arbitrary<Opportunity> = fc
  .record({
    moves: fc.array(fc.record({ pick: fc.nat(), days: fc.integer({ min: 0, max: 30 }) }), {
      maxLength: 8,
    }),
    amount: fc.integer({ min: 0, max: 100_000_000 }),
    currency: fc.constantFrom("CNY", "CNY", "USD"),
    closeDay: fc.integer({ min: 1, max: 28 }),
    closeMonth: fc.integer({ min: 1, max: 4 }),
    override: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ moves, amount, currency, closeDay, closeMonth, override }) => {
    const path: [OpportunityStage, number][] = [["initial_contact", 0]];
    let day = 0;
    for (const { pick, days } of moves) {
      const options = OPPORTUNITY_TRANSITIONS[path[path.length - 1]![0]];
      if (options.length === 0) break;
      day += days;
      path.push([options[pick % options.length]!, day]);
    }
    const pad = (n: number) => String(n).padStart(2, "0");
    return makeOpportunity({
      path,
      value: { amount, currency },
      expectedCloseDate: `2026-${pad(closeMonth)}-${pad(closeDay)}`,
      overrides: override === undefined ? {} : { probabilityOverride: override },
    });
  });
