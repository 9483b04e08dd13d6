import { z } from "zod";
import type { Reason } from "../leads/schema.js";
import { currencySchema, DEFAULT_CURRENCY, type Money, roundMinor } from "../primitives/money.js";
import {
  DAY_MS,
  DEFAULT_TIME_ZONE,
  localDateSchema,
  timeZoneSchema,
  zonedToEpochMs,
} from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  BadRowCollector,
  DEFAULT_ON_INVALID,
  isStoredAmount,
  isStoredCurrency,
  OPEN_STAGE_COUNT,
  onInvalidSchema,
  type SkippedOpportunityRows,
  stageIndexOf,
} from "./bad-rows.js";
import { describeForecast } from "./forecast-reasons.js";
import { parseStoredInstant } from "./iso-instant.js";
import {
  OPEN_OPPORTUNITY_STAGES,
  type OpenOpportunityStage,
  type Opportunity,
  opportunityProbabilitySchema,
} from "./schema.js";
import { DEFAULT_STAGE_PROBABILITIES } from "./stages.js";
import {
  closeWithinShare,
  learnWinHistory,
  medianCycleDays,
  type WinHistory,
} from "./win-history.js";

/** Closed deals a stage needs in `history` before its own win rate replaces the default. */
export const FORECAST_MIN_HISTORY = 30;
/** Width of the range unless told otherwise: a 90 % interval. */
export const DEFAULT_FORECAST_CONFIDENCE = 0.9;
/** Two-sided standard normal quantiles for the confidence levels offered. */
export const FORECAST_Z_SCORES: Readonly<Record<string, number>> = Object.freeze({
  "0.8": 1.2816,
  "0.9": 1.6449,
  "0.95": 1.96,
  "0.99": 2.5758,
});

const stageProbabilitiesSchema = z.strictObject(
  Object.fromEntries(
    OPEN_OPPORTUNITY_STAGES.map((s) => [s, opportunityProbabilitySchema.optional()]),
  ) as Record<OpenOpportunityStage, z.ZodOptional<typeof opportunityProbabilitySchema>>,
);

const forecastOptionsSchema = z
  .strictObject({
    /** First day of the period, inclusive, in the stores' calendar. */
    periodStart: localDateSchema,
    /** Last day of the period, inclusive. */
    periodEnd: localDateSchema,
    /** Closed (won/lost) opportunities to learn win rates and cycle times from. */
    history: z
      .custom<readonly Opportunity[]>(Array.isArray, {
        message: "must be an array of stored opportunities",
      })
      .optional(),
    currency: currencySchema.default(DEFAULT_CURRENCY),
    /** Fixed probabilities per stage; they win over history and defaults. */
    stageProbabilities: stageProbabilitiesSchema.optional(),
    confidence: z
      .union([z.literal(0.8), z.literal(0.9), z.literal(0.95), z.literal(0.99)])
      .default(DEFAULT_FORECAST_CONFIDENCE),
    minHistory: z.number().int().min(1).default(FORECAST_MIN_HISTORY),
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    onInvalid: onInvalidSchema.default(DEFAULT_ON_INVALID),
  })
  .refine((o) => o.periodEnd >= o.periodStart, {
    message: "must not be before periodStart",
    path: ["periodEnd"],
  });
export type OpportunityForecastOptions = z.input<typeof forecastOptionsSchema>;

export interface OpportunityForecastStageProbability {
  stage: OpenOpportunityStage;
  probability: number;
  source: "configured" | "history" | "default";
  /** Closed deals behind a historical rate (0 otherwise). */
  sample: number;
}

export interface OpportunityForecast {
  periodStart: string;
  periodEnd: string;
  currency: string;
  /** Expected sales: Σ value × probability, rounded once to minor units. */
  point: Money;
  /** `point ± z·σ`, clamped to [0, everything counted]. */
  low: Money;
  high: Money;
  confidence: number;
  /** Open deals that contribute (expected in the period, or slipped and likely to land in it). */
  opportunities: number;
  /** Of those read, deals weighted by the salesperson's own `probabilityOverride`. */
  overridden: number;
  /** Their unweighted value. */
  pipelineValue: Money;
  stageProbabilities: OpportunityForecastStageProbability[];
  history: {
    closed: number;
    won: number;
    winRate: number | null;
    medianCycleDays: number | null;
  } | null;
  /**
   * Open deals (in any currency) whose expected close date passed before the period; `counted`
   * when history allowed weighting them by cycle times, `expectedValue` their share of `point`.
   */
  slipped: { count: number; counted: boolean; expectedValue: Money };
  /** Open deals in other currencies, not in this forecast. */
  otherCurrencies: { currency: string; count: number }[];
  reasons: Reason[];
  skipped: SkippedOpportunityRows;
}

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
