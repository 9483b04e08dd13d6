import { z } from "zod";
import type { Reason } from "../leads/schema.js";
import { currencySchema, DEFAULT_CURRENCY, type Money } from "../primitives/money.js";
import { DEFAULT_TIME_ZONE, localDateSchema, timeZoneSchema } from "../primitives/time.js";
import { DEFAULT_ON_INVALID, onInvalidSchema, type SkippedOpportunityRows } from "./bad-rows.js";
import {
  OPEN_OPPORTUNITY_STAGES,
  type OpenOpportunityStage,
  type Opportunity,
  opportunityProbabilitySchema,
} from "./schema.js";

/* The forecast's options (validated with zod) and the shape of its answer. */

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

export const forecastOptionsSchema = z
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
