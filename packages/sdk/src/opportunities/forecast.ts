import { type Money, roundMinor } from "../primitives/money.js";
import { DAY_MS, zonedToEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  BadRowCollector,
  isStoredAmount,
  isStoredCurrency,
  OPEN_STAGE_COUNT,
  stageIndexOf,
} from "./bad-rows.js";
import {
  FORECAST_Z_SCORES,
  forecastOptionsSchema,
  type OpportunityForecast,
  type OpportunityForecastOptions,
  type OpportunityForecastStageProbability,
} from "./forecast-options.js";
import { describeForecast } from "./forecast-reasons.js";

import { parseStoredInstant } from "./iso-instant.js";
import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage, type Opportunity } from "./schema.js";
import { DEFAULT_STAGE_PROBABILITIES } from "./stages.js";
import {
  closeWithinShare,
  learnWinHistory,
  medianCycleDays,
  type WinHistory,
} from "./win-history.js";

export type {
  OpportunityForecast,
  OpportunityForecastOptions,
  OpportunityForecastStageProbability,
} from "./forecast-options.js";
export {
  DEFAULT_FORECAST_CONFIDENCE,
  FORECAST_MIN_HISTORY,
  FORECAST_Z_SCORES,
} from "./forecast-options.js";

function resolveProbabilities(
  configured: Partial<Record<OpenOpportunityStage, number>> | undefined,
  history: WinHistory | null,
  minHistory: number,
): OpportunityForecastStageProbability[] {
  return OPEN_OPPORTUNITY_STAGES.map((stage, s) => {
    const fixed = configured?.[stage];
    if (fixed !== undefined) return { stage, probability: fixed, source: "configured", sample: 0 };
    const sample = history ? history.closedReached[s]! : 0;
    if (history && sample >= minHistory) {
      return { stage, probability: history.wonReached[s]! / sample, source: "history", sample };
    }
    return { stage, probability: DEFAULT_STAGE_PROBABILITIES[stage], source: "default", sample };
  });
}

/**
 * 销售预测: next period's sales from the weighted pipeline. Each open deal of the currency whose
 * expected close date falls in the period contributes value × p, where p is the salesperson's
 * override, else the configured, historical (share of closed deals that reached the stage and
 * were won) or default stage probability. With history, a deal whose close date already passed
 * (slipped) also counts, weighted by p × P(closes in the period | still open), from the cycle
 * times of won deals. The range treats each deal as an independent Bernoulli trial:
 * σ² = Σ v²·p(1−p), range = point ± z·σ. Opportunities are stored records (not re-validated;
 * see bad-rows.ts); the options are validated.
 */
export function forecast(
  opportunities: readonly Opportunity[],
  options: OpportunityForecastOptions,
): OpportunityForecast {
  if (!Array.isArray(opportunities)) {
    invalid("forecast input", "opportunities", "must be an array of stored opportunities");
  }
  const opts = parseInput(forecastOptionsSchema, options, "forecast options");
  const bad = new BadRowCollector(opts.onInvalid, "opportunities for the forecast");
  const history = opts.history ? learnWinHistory(opts.history, bad) : null;
  const probabilities = resolveProbabilities(opts.stageProbabilities, history, opts.minHistory);
  const stageP = new Float64Array(OPEN_STAGE_COUNT);
  for (let s = 0; s < OPEN_STAGE_COUNT; s++) stageP[s] = probabilities[s]!.probability;
  const useCycles = history !== null && history.cycles >= opts.minHistory;
  const [y0, m0, d0] = opts.periodStart.split("-").map(Number) as [number, number, number];
  const [y1, m1, d1] = opts.periodEnd.split("-").map(Number) as [number, number, number];
  const startMs = zonedToEpochMs({ year: y0, month: m0, day: d0 }, opts.timeZone);
  const endMs = zonedToEpochMs({ year: y1, month: m1, day: d1 + 1 }, opts.timeZone);
  const { periodStart, periodEnd, currency } = opts;

  let mean = 0;
  let variance = 0;
  let pipeline = 0;
  let counted = 0;
  let slipped = 0;
  let overridden = 0;
  let slippedMean = 0;
  const others = new Map<string, number>();
  for (let i = 0; i < opportunities.length; i++) {
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
    if (stage >= OPEN_STAGE_COUNT) continue; // closed deals are not pipeline
    // The close date decides first, so deals outside the period cost no further reads.
    const date = o.expectedCloseDate;
    if (typeof date !== "string" || date.length !== 10) {
      bad.reject("opportunities", i, "expectedCloseDate", "must be a date like 2026-11-27");
      continue;
    }
    if (date > periodEnd) continue;
    const isSlipped = date < periodStart;
    if (isSlipped) {
      slipped++;
      if (!useCycles) continue;
    }
    const value = o.expectedValue;
    if (value === null || typeof value !== "object" || !isStoredAmount(value.amount)) {
      bad.reject("opportunities", i, "expectedValue.amount", "must be integer minor units ≥ 0");
      continue;
    }
    if (value.currency !== currency) {
      if (!isStoredCurrency(value.currency)) {
        bad.reject("opportunities", i, "expectedValue.currency", "must be an ISO 4217 code");
      } else {
        others.set(value.currency, (others.get(value.currency) ?? 0) + 1);
      }
      continue;
    }
    const override = o.probabilityOverride;
    if (override !== undefined && !(override >= 0 && override <= 1)) {
      bad.reject("opportunities", i, "probabilityOverride", "must be between 0 and 1");
      continue;
    }
    let p = stageP[stage]!;
    if (override !== undefined) {
      p = override;
      overridden++;
    }
    if (isSlipped) {
      const created = parseStoredInstant(o.createdAt);
      if (Number.isNaN(created)) {
        bad.reject("opportunities", i, "createdAt", "must be an ISO timestamp with an offset");
        continue;
      }
      p *= closeWithinShare(history!, (startMs - created) / DAY_MS, (endMs - created) / DAY_MS);
      slippedMean += value.amount * p;
    }
    if (p <= 0) continue;
    const amount = value.amount;
    mean += amount * p;
    variance += amount * amount * p * (1 - p);
    pipeline += amount;
    counted++;
  }

  if (!Number.isSafeInteger(pipeline)) {
    invalid(
      "forecast input",
      "expectedValue",
      `the ${currency} pipeline exceeds the safe integer range`,
    );
  }
  const zScore = FORECAST_Z_SCORES[String(opts.confidence)]!;
  const sigma = Math.sqrt(variance);
  const point = roundMinor(mean);
  const low = Math.max(0, roundMinor(mean - zScore * sigma));
  const high = Math.min(pipeline, roundMinor(mean + zScore * sigma));
  const money = (amount: number): Money => ({ amount, currency });
  const result: OpportunityForecast = {
    periodStart,
    periodEnd,
    currency,
    point: money(point),
    low: money(low),
    high: money(high),
    confidence: opts.confidence,
    opportunities: counted,
    overridden,
    pipelineValue: money(pipeline),
    stageProbabilities: probabilities,
    history: history && {
      closed: history.closed,
      won: history.won,
      winRate: history.closed > 0 ? history.won / history.closed : null,
      medianCycleDays: medianCycleDays(history),
    },
    slipped: {
      count: slipped,
      counted: useCycles,
      expectedValue: money(roundMinor(slippedMean)),
    },
    otherCurrencies: [...others].map(([c, count]) => ({ currency: c, count })),
    reasons: [],
    skipped: bad.skipped,
  };
  result.reasons = describeForecast(result, zScore, sigma);
  return result;
}
