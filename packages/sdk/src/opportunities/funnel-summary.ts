import type { Money } from "../primitives/money.js";
import { DAY_MS } from "../primitives/time.js";
import { invalid } from "../validate.js";
import {
  LOST_INDEX,
  OPEN_STAGE_COUNT,
  type SkippedOpportunityRows,
  STAGE_COUNT,
  stageAt,
  WON_INDEX,
} from "./bad-rows.js";
import type { OpportunityStage } from "./schema.js";
import { type Float64Buffer, medianInPlace } from "./select.js";

/*
 * The funnel's second half: turning the one-pass tally into per-stage figures — "reached" as
 * suffix sums of each deal's furthest stage, conversions, medians by quickselect, stall ranking.
 */

export interface OpportunityFunnelStage {
  stage: OpportunityStage;
  /** Opportunities in this stage now. */
  count: number;
  /** Their expected value, one entry per currency (sorted by code). */
  value: Money[];
  /**
   * Open stages and `won`: deals that reached this stage or a later one (a skipped stage counts
   * as passed). `lost`: deals that were ever lost.
   */
  reached: number;
  /** Share of `reached` that also reached the next stage; `null` for won/lost or none reached. */
  conversionToNext: number | null;
  /** Deals lost while in this stage. */
  lostHere: number;
  /** Median of the completed stays in this stage (stays still running are not counted). */
  medianDaysInStage: number | null;
  staysMeasured: number;
}

export interface OpportunityFunnelStall {
  stage: OpportunityStage;
  /** 1 − conversion to the next stage. */
  dropOffRate: number;
  reached: number;
  lostHere: number;
  /** Deals sitting in this stage now. */
  stillOpen: number;
  medianDaysInStage: number | null;
  message: string;
}

export interface OpportunityFunnel {
  total: number;
  open: number;
  won: number;
  lost: number;
  /** won / (won + lost), `null` before any deal closed. */
  winRate: number | null;
  stages: OpportunityFunnelStage[];
  /** Open stages reached by at least `minSample` deals, the worst drop-off first. */
  stalls: OpportunityFunnelStall[];
  skipped: SkippedOpportunityRows;
}

export interface FunnelTally {
  counts: Float64Array;
  /** Deals whose furthest stage (open or won) is this one; turned into "reached" at the end. */
  furthest: Float64Array;
  lostHere: Float64Array;
  everLost: number;
  currencies: string[];
  /** `values[c * STAGE_COUNT + stage]`: summed minor units of currency `c` in `stage`. */
  values: number[];
  /** `dealsByCurrency[c * STAGE_COUNT + stage]`: how many deals that sum holds. */
  dealsByCurrency: number[];
  stays: Float64Buffer[];
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function summarizeFunnel(
  tally: FunnelTally,
  minSample: number,
  total: number,
  skipped: SkippedOpportunityRows,
): OpportunityFunnel {
  // reached[k] = deals whose furthest stage is k or later.
  const reached = new Float64Array(STAGE_COUNT);
  let running = 0;
  for (let k = WON_INDEX; k >= 0; k--) {
    running += tally.furthest[k]!;
    reached[k] = running;
  }
  reached[LOST_INDEX] = tally.everLost;

  const order = tally.currencies.map((c, i) => ({ c, i })).sort((a, b) => (a.c < b.c ? -1 : 1));
  const stages: OpportunityFunnelStage[] = [];
  for (let k = 0; k < STAGE_COUNT; k++) {
    const value: Money[] = [];
    for (const { c, i } of order) {
      if (tally.dealsByCurrency[i * STAGE_COUNT + k] === 0) continue;
      const amount = tally.values[i * STAGE_COUNT + k]!;
      if (!Number.isSafeInteger(amount)) {
        invalid("funnel input", "expectedValue", `the ${c} total exceeds the safe integer range`);
      }
      value.push({ amount, currency: c });
    }
    const open = k < OPEN_STAGE_COUNT;
    const buffer = open ? tally.stays[k]! : undefined;
    const medianMs = buffer ? medianInPlace(buffer.values, buffer.length) : null;
    stages.push({
      stage: stageAt(k),
      count: tally.counts[k]!,
      value,
      reached: reached[k]!,
      conversionToNext: open && reached[k]! > 0 ? reached[k + 1]! / reached[k]! : null,
      lostHere: tally.lostHere[k]!,
      medianDaysInStage: medianMs === null ? null : Math.round((medianMs / DAY_MS) * 100) / 100,
      staysMeasured: buffer ? buffer.length : 0,
    });
  }

  const stalls: OpportunityFunnelStall[] = stages
    .filter((s) => s.conversionToNext !== null && s.reached >= minSample)
    .map((s) => {
      const dropOffRate = 1 - s.conversionToNext!;
      return {
        stage: s.stage,
        dropOffRate,
        reached: s.reached,
        lostHere: s.lostHere,
        stillOpen: s.count,
        medianDaysInStage: s.medianDaysInStage,
        message: `${percent(dropOffRate)} of the ${s.reached} deals that reached ${s.stage} went no further (${s.lostHere} lost there, ${s.count} still in it)`,
      };
    })
    .sort((a, b) => b.dropOffRate - a.dropOffRate);

  const won = tally.counts[WON_INDEX]!;
  const lost = tally.counts[LOST_INDEX]!;
  return {
    total,
    open: total - won - lost,
    won,
    lost,
    winRate: won + lost > 0 ? won / (won + lost) : null,
    stages,
    stalls,
    skipped,
  };
}
