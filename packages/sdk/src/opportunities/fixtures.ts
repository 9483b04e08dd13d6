/**
 * Builders of stored opportunities for the tests beside this file (and for examples): a valid
 * record with a stage history walked at given days, without going through the stage machine.
 * Not exported from the package index.
 */
import { newId } from "../primitives/ids.js";
import type { Money } from "../primitives/money.js";
import type { Opportunity, OpportunityStage, StageHistoryEntry } from "./schema.js";

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
