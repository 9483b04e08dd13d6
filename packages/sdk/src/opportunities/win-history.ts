import { DAY_MS } from "../primitives/time.js";
import {
  type BadRowCollector,
  LOST_INDEX,
  OPEN_STAGE_COUNT,
  stageIndexOf,
  WON_INDEX,
} from "./bad-rows.js";
import { parseStoredInstant } from "./iso-instant.js";
import type { Opportunity } from "./schema.js";

/** Cycle times are binned by whole day up to this many days; longer ones share one bin. */
export const MAX_CYCLE_DAYS = 3 * 365;

/** What closed deals teach: win rate by stage reached, and how long won deals took. */
export interface WinHistory {
  closed: number;
  won: number;
  /** `closedReached[s]`: closed deals that reached open stage `s` or beyond. */
  closedReached: Float64Array;
  /** `wonReached[s]`: of those, the won ones. */
  wonReached: Float64Array;
  /** Won deals with a measured cycle time (created → closed). */
  cycles: number;
  /** `cycleCumulative[d]`: won deals that closed within `d` whole days of being created. */
  cycleCumulative: Float64Array;
}

/**
 * One pass over closed opportunities (open ones are ignored, so the same array as the pipeline
 * may be passed). A won deal counts as having reached every open stage: it got past them all,
 * even those it skipped, which matches how the funnel counts "reached".
 */
export function learnWinHistory(history: readonly Opportunity[], bad: BadRowCollector): WinHistory {
  const closedReached = new Float64Array(OPEN_STAGE_COUNT);
  const wonReached = new Float64Array(OPEN_STAGE_COUNT);
  // Deals per furthest open stage; summed into "reached" at the end (one add per deal).
  const lostFurthest = new Float64Array(OPEN_STAGE_COUNT);
  const cycleDays = new Float64Array(MAX_CYCLE_DAYS + 2);
  let won = 0;
  let lost = 0;
  let cycles = 0;

  for (let i = 0; i < history.length; i++) {
    const o = history[i] as Opportunity | null | undefined;
    if (o === null || typeof o !== "object") {
      bad.reject("history", i, "", "is not an opportunity object");
      continue;
    }
    const stage = stageIndexOf(o.stage);
    if (stage < 0) {
      bad.reject("history", i, "stage", `unknown stage ${JSON.stringify(o.stage)}`);
      continue;
    }
    if (stage === WON_INDEX) {
      const created = parseStoredInstant(o.createdAt);
      const closed = parseStoredInstant(o.closedAt as string);
      if (Number.isNaN(created) || Number.isNaN(closed) || closed < created) {
        bad.reject(
          "history",
          i,
          "closedAt",
          "a won deal needs createdAt ≤ closedAt, both ISO timestamps",
        );
        continue;
      }
      won++;
      const days = Math.floor((closed - created) / DAY_MS);
      cycleDays[days > MAX_CYCLE_DAYS ? MAX_CYCLE_DAYS + 1 : days]!++;
      cycles++;
    } else if (stage === LOST_INDEX) {
      const steps = o.stageHistory;
      if (!Array.isArray(steps)) {
        bad.reject("history", i, "stageHistory", "must be an array");
        continue;
      }
      let furthest = -1;
      // The last entry is the loss itself.
      for (let j = 0; j < steps.length - 1; j++) {
        const s = stageIndexOf(steps[j]?.stage);
        if (s < OPEN_STAGE_COUNT && s > furthest) furthest = s;
      }
      lost++;
      if (furthest >= 0) lostFurthest[furthest]!++;
    }
  }

  let lostRunning = 0;
  for (let s = OPEN_STAGE_COUNT - 1; s >= 0; s--) {
    lostRunning += lostFurthest[s]!;
    wonReached[s] = won;
    closedReached[s] = won + lostRunning;
  }
  const cycleCumulative = new Float64Array(MAX_CYCLE_DAYS + 1);
  let running = 0;
  for (let d = 0; d <= MAX_CYCLE_DAYS; d++) {
    running += cycleDays[d]!;
    cycleCumulative[d] = running;
  }
  return { closed: won + lost, won, closedReached, wonReached, cycles, cycleCumulative };
}

/** Share of won deals that closed within `days` of being created (0 before day 0). */
export function cycleShareWithin(history: WinHistory, days: number): number {
  if (history.cycles === 0 || days < 0) return 0;
  const d = Math.floor(days);
  const within =
    d >= MAX_CYCLE_DAYS ? history.cycleCumulative[MAX_CYCLE_DAYS]! : history.cycleCumulative[d]!;
  return within / history.cycles;
}

/** Median cycle time of won deals in whole days, `null` without any. */
export function medianCycleDays(history: WinHistory): number | null {
  if (history.cycles === 0) return null;
  const half = history.cycles / 2;
  for (let d = 0; d <= MAX_CYCLE_DAYS; d++) if (history.cycleCumulative[d]! >= half) return d;
  return MAX_CYCLE_DAYS;
}

/**
 * Chance that a deal created `ageAtStartDays` before the period, still open then, is won within
 * the period (which ends `ageAtEndDays` after its creation) — given it is won at all:
 * P(T ≤ end | T > start) over the cycle times T of won deals.
 */
export function closeWithinShare(
  history: WinHistory,
  ageAtStartDays: number,
  ageAtEndDays: number,
): number {
  const before = cycleShareWithin(history, ageAtStartDays);
  const remaining = 1 - before;
  if (remaining <= 0) return 0;
  return Math.min(1, Math.max(0, (cycleShareWithin(history, ageAtEndDays) - before) / remaining));
}
