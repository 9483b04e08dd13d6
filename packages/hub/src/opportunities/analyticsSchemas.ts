import {
  idSchema,
  moneySchema,
  OPEN_OPPORTUNITY_STAGES,
  type OpportunityForecast,
  type OpportunityFunnel,
  opportunityStageSchema,
  reasonSchema,
  timestampSchema,
} from "@forecourt/sdk";
import { z } from "zod";

/*
 * Response schemas of the analytics routes. The SDK computes these results but has no zod
 * schemas for them; these mirror its interfaces, and the `z.ZodType<…>` annotations make the
 * compiler report any drift between the two.
 */

const skippedSchema = z.object({
  count: z.number().int(),
  examples: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const funnelResultSchema: z.ZodType<OpportunityFunnel> = z.object({
  total: z.number().int(),
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  winRate: z.number().nullable(),
  stages: z.array(
    z.object({
      stage: opportunityStageSchema,
      count: z.number().int(),
      value: z.array(moneySchema),
      reached: z.number().int(),
      conversionToNext: z.number().nullable(),
      lostHere: z.number().int(),
      medianDaysInStage: z.number().nullable(),
      staysMeasured: z.number().int(),
    }),
  ),
  stalls: z.array(
    z.object({
      stage: opportunityStageSchema,
      dropOffRate: z.number(),
      reached: z.number().int(),
      lostHere: z.number().int(),
      stillOpen: z.number().int(),
      medianDaysInStage: z.number().nullable(),
      message: z.string(),
    }),
  ),
  skipped: skippedSchema,
});

export const forecastResultSchema: z.ZodType<OpportunityForecast> = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  currency: z.string(),
  point: moneySchema,
  low: moneySchema,
  high: moneySchema,
  confidence: z.number(),
  opportunities: z.number().int(),
  overridden: z.number().int(),
  pipelineValue: moneySchema,
  stageProbabilities: z.array(
    z.object({
      stage: z.enum(OPEN_OPPORTUNITY_STAGES),
      probability: z.number(),
      source: z.enum(["configured", "history", "default"]),
      sample: z.number().int(),
    }),
  ),
  history: z
    .object({
      closed: z.number().int(),
      won: z.number().int(),
      winRate: z.number().nullable(),
      medianCycleDays: z.number().nullable(),
    })
    .nullable(),
  slipped: z.object({ count: z.number().int(), counted: z.boolean(), expectedValue: moneySchema }),
  otherCurrencies: z.array(z.object({ currency: z.string(), count: z.number().int() })),
  reasons: z.array(reasonSchema),
  skipped: skippedSchema,
});

const conversionRowSchema = z.object({
  key: z.string(),
  leads: z.number().int(),
  opportunities: z.number().int(),
  orders: z.number().int(),
  leadToOpportunityRate: z.number(),
  opportunityToOrderRate: z.number(),
  leadToOrderRate: z.number(),
  contacted: z.number().int(),
  /** Null when no lead of the group was contacted. */
  medianMinutesToFirstContact: z.number().nullable(),
});
export type ConversionRowBody = z.infer<typeof conversionRowSchema>;

export const conversionResultSchema = z.object({
  total: conversionRowSchema,
  bySource: z.array(conversionRowSchema),
  byChannel: z.array(conversionRowSchema),
  byCustomerType: z.array(conversionRowSchema),
  byCampaign: z.array(conversionRowSchema),
  warnings: z.array(reasonSchema),
});

/** Filters every analytics route takes; they narrow the key's own scope, never widen it. */
export const analyticsScopeShape = {
  storeId: idSchema("store").optional(),
  teamId: idSchema("team").optional(),
  salespersonId: idSchema("salesperson").optional(),
};

/** A half-open window `[from, to)` of instants. */
export const windowShape = {
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};
