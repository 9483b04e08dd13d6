import { z } from "zod";
import { invalid, parseInput } from "../validate.js";
import {
  BadRowCollector,
  DEFAULT_ON_INVALID,
  isStoredAmount,
  isStoredCurrency,
  LOST_INDEX,
  OPEN_STAGE_COUNT,
  onInvalidSchema,
  STAGE_COUNT,
  stageIndexOf,
} from "./bad-rows.js";
import { type FunnelTally, type OpportunityFunnel, summarizeFunnel } from "./funnel-summary.js";
import { parseStoredInstant } from "./iso-instant.js";
import type { Opportunity } from "./schema.js";
import { Float64Buffer } from "./select.js";

export type {
  OpportunityFunnel,
  OpportunityFunnelStage,
  OpportunityFunnelStall,
} from "./funnel-summary.js";

/** Stages reached by fewer deals than this are not ranked as stall points (too few to judge). */
export const FUNNEL_MIN_SAMPLE = 20;

const funnelOptionsSchema = z.strictObject({
  /** Count conversion only over closed (won or lost) deals, whose journey is complete. */
  closedOnly: z.boolean().default(false),
  minSample: z.number().int().min(1).default(FUNNEL_MIN_SAMPLE),
  onInvalid: onInvalidSchema.default(DEFAULT_ON_INVALID),
});
export type OpportunityFunnelOptions = z.input<typeof funnelOptionsSchema>;

/**
 * 销售漏斗: count and value per stage, stage-to-stage conversion, median time in stage and
 * where deals stall — in one pass over stored opportunities. The opportunities are trusted to be
 * stored records (they are not re-validated; see bad-rows.ts for the guards); the options are
 * validated.
 */
export function funnel(
  opportunities: readonly Opportunity[],
  options?: OpportunityFunnelOptions,
): OpportunityFunnel {
  if (!Array.isArray(opportunities)) {
    invalid("funnel input", "opportunities", "must be an array of stored opportunities");
  }
  const opts = parseInput(funnelOptionsSchema, options ?? {}, "funnel options");
  const n = opportunities.length;
  const stays = takeStayBuffers(Math.min(Math.max(n, 16), 1 << 18));
  try {
    return tallyFunnel(opportunities, opts, stays);
  } finally {
    releaseStayBuffers(stays);
  }
}

/*
 * Scratch for the completed stays, kept between calls. Over a million opportunities the stays fill
 * tens of megabytes of typed arrays; allocated afresh on every call they count as new external
 * memory, which makes V8 run a full mark-compact of the whole heap (the opportunities themselves,
 * often more than a gigabyte) — seconds on a busy machine. Reused, they cost nothing after the
 * first call. A call made while they are in use (a getter on a row calling `funnel`) gets its own.
 */
let spareStays: Float64Buffer[] | undefined;
/** Scratch larger than this (values in all stages together) is not kept after a call. */
const MAX_KEPT_STAY_VALUES = 1 << 23;

function takeStayBuffers(capacity: number): Float64Buffer[] {
  const spare = spareStays;
  spareStays = undefined;
  if (spare === undefined) {
    return Array.from({ length: OPEN_STAGE_COUNT }, () => new Float64Buffer(capacity));
  }
  for (const buffer of spare) buffer.length = 0;
  return spare;
}

function releaseStayBuffers(stays: Float64Buffer[]): void {
  let kept = 0;
  for (const buffer of stays) kept += buffer.values.length;
  if (kept <= MAX_KEPT_STAY_VALUES) spareStays = stays;
}

function tallyFunnel(
  opportunities: readonly Opportunity[],
  opts: z.output<typeof funnelOptionsSchema>,
  stays: Float64Buffer[],
): OpportunityFunnel {
  const bad = new BadRowCollector(opts.onInvalid, "opportunities for the funnel");
  const n = opportunities.length;
  const tally: FunnelTally = {
    counts: new Float64Array(STAGE_COUNT),
    furthest: new Float64Array(STAGE_COUNT),
    lostHere: new Float64Array(STAGE_COUNT),
    everLost: 0,
    currencies: [],
    values: [],
    dealsByCurrency: [],
    stays,
  };
  // Per-row scratch, so a row found bad half-way leaves nothing behind in the tally.
  let stayStage = new Int8Array(64);
  let stayMs = new Float64Array(64);
  let lastCurrency = "";
  let lastCurrencyIndex = -1;

  for (let i = 0; i < n; i++) {
    const o = opportunities[i] as Opportunity | null | undefined;
    if (o === null || typeof o !== "object") {
      bad.reject("opportunities", i, "", "is not an opportunity object");
      continue;
    }
    const stage = stageIndexOf(o.stage);
    if (stage < 0) {
      bad.reject("opportunities", i, "stage", `unknown stage ${JSON.stringify(o.stage)}`);
      continue;
    }
    const value = o.expectedValue;
    if (value === null || typeof value !== "object" || !isStoredAmount(value.amount)) {
      bad.reject("opportunities", i, "expectedValue.amount", "must be integer minor units ≥ 0");
      continue;
    }
    if (!isStoredCurrency(value.currency)) {
      bad.reject("opportunities", i, "expectedValue.currency", "must be an ISO 4217 code");
      continue;
    }
    const history = o.stageHistory;
    if (!Array.isArray(history) || history.length === 0) {
      bad.reject("opportunities", i, "stageHistory", "must be a non-empty array");
      continue;
    }
    if (history.length > stayMs.length) {
      stayStage = new Int8Array(history.length * 2);
      stayMs = new Float64Array(history.length * 2);
    }

    let furthest = -1;
    let stays = 0;
    let everLost = false;
    let previousStage = -1;
    let beforeLast = -1;
    let previousMs = 0;
    let problem = "";
    let problemAt = "";
    // A one-entry history has no completed stay, so its timestamp is not needed (nor read).
    const timed = history.length > 1;
    const lastEntry = history.length - 1;
    for (let j = 0; j <= lastEntry; j++) {
      const entry = history[j];
      if (entry === null || typeof entry !== "object") {
        problemAt = `stageHistory.${j}`;
        problem = "is not a history entry";
        break;
      }
      // The last entry is the current stage (the stored schema guarantees it); taking it from
      // `stage` saves reading a million more strings.
      const s = j === lastEntry ? stage : stageIndexOf(entry.stage);
      if (s < 0) {
        problemAt = `stageHistory.${j}.stage`;
        problem = "unknown stage";
        break;
      }
      const ms = timed ? parseStoredInstant(entry.enteredAt) : 0;
      if (Number.isNaN(ms)) {
        problemAt = `stageHistory.${j}.enteredAt`;
        problem = "must be an ISO timestamp with an offset";
        break;
      }
      if (j > 0) {
        if (ms < previousMs) {
          problemAt = `stageHistory.${j}.enteredAt`;
          problem = "is before the previous stage was entered";
          break;
        }
        if (previousStage < OPEN_STAGE_COUNT) {
          stayStage[stays] = previousStage;
          stayMs[stays] = ms - previousMs;
          stays++;
        }
      }
      if (j === lastEntry - 1) beforeLast = s;
      if (s === LOST_INDEX) everLost = true;
      else if (s > furthest) furthest = s;
      previousStage = s;
      previousMs = ms;
    }
    if (problem) {
      bad.reject("opportunities", i, problemAt, problem);
      continue;
    }
    // The row is sound: commit it.
    const currency = value.currency;
    if (currency !== lastCurrency) {
      lastCurrencyIndex = tally.currencies.indexOf(currency);
      if (lastCurrencyIndex < 0) {
        lastCurrencyIndex = tally.currencies.push(currency) - 1;
        for (let k = 0; k < STAGE_COUNT; k++) {
          tally.values.push(0);
          tally.dealsByCurrency.push(0);
        }
      }
      lastCurrency = currency;
    }
    const cell = lastCurrencyIndex * STAGE_COUNT + stage;
    tally.values[cell]! += value.amount;
    tally.dealsByCurrency[cell]!++;
    tally.counts[stage]!++;
    for (let k = 0; k < stays; k++) tally.stays[stayStage[k]!]!.push(stayMs[k]!);
    if (opts.closedOnly && stage < OPEN_STAGE_COUNT) continue;
    if (furthest >= 0) tally.furthest[furthest]!++;
    if (everLost) tally.everLost++;
    if (stage === LOST_INDEX && timed && beforeLast < OPEN_STAGE_COUNT) {
      tally.lostHere[beforeLast]!++;
    }
  }
  return summarizeFunnel(tally, opts.minSample, n - bad.skipped.count, bad.skipped);
}
