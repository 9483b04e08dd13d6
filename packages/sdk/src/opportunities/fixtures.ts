/**
 * Builders of stored opportunities for the tests beside this file: a valid record with a stage
 * history walked at given days (without going through the stage machine), and a fast-check
 * arbitrary of legal histories. Not exported from the package index.
 */

import type fastCheck from "fast-check";
import type { Arbitrary } from "fast-check";
import { newId } from "../primitives/ids.js";
import type { Money } from "../primitives/money.js";
import type { Opportunity, OpportunityStage, StageHistoryEntry } from "./schema.js";
import { OPPORTUNITY_TRANSITIONS } from "./stages.js";

type FastCheck = typeof fastCheck;

/** Day 0 of the fixtures' calendar. */
export const FIXTURE_EPOCH = "2026-01-01T09:00:00+08:00";
const EPOCH_MS = Date.parse(FIXTURE_EPOCH);
const DAY = 86_400_000;

/** An instant `days` after the fixture epoch, written with the +08:00 offset. */
export function dayIso(days: number): string {
  const local = new Date(EPOCH_MS + days * DAY + 8 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

export const SALESPERSON_A = newId("salesperson");
export const SALESPERSON_B = newId("salesperson");
export const STORE = newId("store");
export const CUSTOMER = newId("customer");

export interface FixtureOptions {
  /** `[stage, day]` pairs in order; the first is when the opportunity was opened. */
  path?: [OpportunityStage, number][];
  value?: Money;
  expectedCloseDate?: string;
  overrides?: Partial<Opportunity>;
}

export function makeOpportunity(options: FixtureOptions = {}): Opportunity {
  const path = options.path ?? [["initial_contact", 0]];
  const history: StageHistoryEntry[] = path.map(([stage, day]) => ({
    stage,
    enteredAt: dayIso(day),
    by: SALESPERSON_A,
  }));
  const last = history[history.length - 1]!;
  const first = history[0]!;
  const opportunity: Opportunity = {
    id: newId("opportunity"),
    customerId: CUSTOMER,
    salespersonId: SALESPERSON_A,
    storeId: STORE,
    vehicle: { brand: "BYD", series: "Han" },
    expectedValue: options.value ?? { amount: 20_000_000, currency: "CNY" },
    expectedCloseDate: options.expectedCloseDate ?? "2026-02-15",
    stage: last.stage,
    stageHistory: history,
    ownerHistory: [],
    activityCount: 0,
    createdAt: first.enteredAt,
    updatedAt: last.enteredAt,
    version: history.length,
  };
  if (last.stage === "won" || last.stage === "lost") opportunity.closedAt = last.enteredAt;
  if (last.stage === "lost") {
    opportunity.lossReason = { code: "price" };
    last.lossReason = { code: "price" };
  }
  return { ...opportunity, ...options.overrides };
}

/**
 * A fast-check arbitrary of stored opportunities whose stage history is a legal walk through the
 * stage machine. fast-check is passed in (it is a dev dependency, never imported at runtime).
 */
export function arbitraryOpportunity(fc: FastCheck): Arbitrary<Opportunity> {
  return fc
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
}
