import { z } from "zod";
import type { Reason } from "../leads/schema.js";
import {
  DAY_MS,
  DEFAULT_TIME_ZONE,
  localDate,
  timestampSchema,
  timeZoneSchema,
  toEpochMs,
} from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  BadRowCollector,
  DEFAULT_ON_INVALID,
  OPEN_STAGE_COUNT,
  onInvalidSchema,
  type SkippedOpportunityRows,
  stageAt,
  stageIndexOf,
} from "./bad-rows.js";
import { funnel } from "./funnel.js";
import { parseStoredInstant } from "./iso-instant.js";
import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage, type Opportunity } from "./schema.js";

/** Days without contact after which a deal in each stage needs a follow-up. */
export const DEFAULT_STALE_AFTER_DAYS: Readonly<Record<OpenOpportunityStage, number>> =
  Object.freeze({
    initial_contact: 3,
    needs_analysis: 7,
    product_presentation: 7,
    test_drive: 5,
    quote: 7,
    negotiation: 5,
  });

/** Typical days in each stage when the data has too few completed stays to tell. */
export const DEFAULT_TYPICAL_DAYS_IN_STAGE: Readonly<Record<OpenOpportunityStage, number>> =
  Object.freeze({
    initial_contact: 3,
    needs_analysis: 7,
    product_presentation: 7,
    test_drive: 7,
    quote: 7,
    negotiation: 10,
  });

/** A deal is stuck when it has been in its stage this many times longer than is typical. */
export const STUCK_IN_STAGE_FACTOR = 2;
/** Without contact for this long, a deal is hopeless: suggest closing it as lost. */
export const DEFAULT_CLOSE_AS_LOST_AFTER_DAYS = 30;
/** Completed stays a stage needs before its own median is taken as typical. */
export const TYPICAL_STAY_MIN_SAMPLE = 20;

const perStageDays = z.strictObject(
  Object.fromEntries(
    OPEN_OPPORTUNITY_STAGES.map((s) => [s, z.number().positive().optional()]),
  ) as Record<OpenOpportunityStage, z.ZodOptional<z.ZodNumber>>,
);

const staleOptionsSchema = z.strictObject({
  now: timestampSchema,
  staleAfterDays: perStageDays.optional(),
  /** Typical days per stage; learned from the opportunities' own history when not given. */
  typicalDaysInStage: perStageDays.optional(),
  closeAsLostAfterDays: z.number().positive().default(DEFAULT_CLOSE_AS_LOST_AFTER_DAYS),
  /** The calendar in which expected close dates are read. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  onInvalid: onInvalidSchema.default(DEFAULT_ON_INVALID),
});
export type StaleOpportunityOptions = z.input<typeof staleOptionsSchema>;

export type StaleOpportunitySuggestion = "close_as_lost" | "follow_up" | "update_close_date";

export interface StaleOpportunity {
  opportunityId: string;
  salespersonId: string;
  stage: OpenOpportunityStage;
  /** Days since the last activity or stage change. */
  daysSinceActivity: number;
  daysInStage: number;
  reasons: Reason[];
  suggestion: StaleOpportunitySuggestion;
}

export interface StaleOpportunitiesResult {
  /** The most urgent first: deals to close as lost, then by days without contact. */
  stale: StaleOpportunity[];
  /** Open opportunities checked. */
  checked: number;
  skipped: SkippedOpportunityRows;
}

const SUGGESTION_ORDER: Record<StaleOpportunitySuggestion, number> = {
  close_as_lost: 0,
  follow_up: 1,
  update_close_date: 2,
};

function typicalDays(
  opportunities: readonly Opportunity[],
  given: Partial<Record<OpenOpportunityStage, number>> | undefined,
): number[] {
  // Learn from the data only when a stage is not configured (one extra pass, skip mode).
  const learned =
    given && OPEN_OPPORTUNITY_STAGES.every((s) => given[s] !== undefined)
      ? null
      : funnel(opportunities, { onInvalid: "skip" });
  return OPEN_OPPORTUNITY_STAGES.map((stage, s) => {
    const configured = given?.[stage];
    if (configured !== undefined) return configured;
    const measured = learned?.stages[s];
    if (measured && measured.staysMeasured >= TYPICAL_STAY_MIN_SAMPLE) {
      return Math.max(measured.medianDaysInStage ?? 0, 1);
    }
    return DEFAULT_TYPICAL_DAYS_IN_STAGE[stage];
  });
}

const days = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * 评估: finds open opportunities that need attention — no activity for longer than their stage
 * allows, an expected close date that has passed, or stuck in a stage longer than typical — each
 * with its reasons and a suggestion (follow up, update the close date, or close as lost).
 * Reads stored opportunities without re-validating them (see bad-rows.ts).
 */
export function findStaleOpportunities(
  opportunities: readonly Opportunity[],
  options: StaleOpportunityOptions,
): StaleOpportunitiesResult {
  if (!Array.isArray(opportunities)) {
    invalid("stale search input", "opportunities", "must be an array of stored opportunities");
  }
  const opts = parseInput(staleOptionsSchema, options, "stale search options");
  const bad = new BadRowCollector(opts.onInvalid, "opportunities for the stale search");
  const nowMs = toEpochMs(opts.now);
  const today = localDate(nowMs, opts.timeZone);
  const staleAfter = OPEN_OPPORTUNITY_STAGES.map(
    (s) => opts.staleAfterDays?.[s] ?? DEFAULT_STALE_AFTER_DAYS[s],
  );
  const typical = typicalDays(opportunities, opts.typicalDaysInStage);
  const stale: StaleOpportunity[] = [];
  let checked = 0;

  for (let i = 0; i < opportunities.length; i++) {
    const o = opportunities[i] as Opportunity | null | undefined;
    if (o === null || typeof o !== "object") {
      bad.reject("opportunities", i, "", "is not an opportunity object");
      continue;
    }
    const s = stageIndexOf(o.stage);
    if (s < 0) {
      bad.reject("opportunities", i, "stage", `unknown stage ${JSON.stringify(o.stage)}`);
      continue;
    }
    if (s >= OPEN_STAGE_COUNT) continue;
    const history = o.stageHistory;
    const enteredMs = Array.isArray(history)
      ? parseStoredInstant(history[history.length - 1]?.enteredAt as string)
      : Number.NaN;
    if (Number.isNaN(enteredMs)) {
      bad.reject("opportunities", i, "stageHistory", "needs a last entry with an ISO enteredAt");
      continue;
    }
    const activityMs =
      o.lastActivityAt === undefined ? Number.NaN : parseStoredInstant(o.lastActivityAt);
    if (o.lastActivityAt !== undefined && Number.isNaN(activityMs)) {
      bad.reject("opportunities", i, "lastActivityAt", "must be an ISO timestamp with an offset");
      continue;
    }
    checked++;
    // A stage change is contact too: nobody moves a deal to "quote" without talking to the customer.
    const lastContactMs = Number.isNaN(activityMs) ? enteredMs : Math.max(activityMs, enteredMs);
    const idle = days(nowMs - lastContactMs);
    const inStage = days(nowMs - enteredMs);
    const stage = stageAt(s) as OpenOpportunityStage;
    const reasons: Reason[] = [];
    if (idle >= staleAfter[s]!) {
      reasons.push({
        code: "no_activity",
        message: `no activity for ${idle} days (a deal in ${stage} needs contact every ${staleAfter[s]} days)`,
      });
    }
    const closeDate = o.expectedCloseDate;
    if (typeof closeDate === "string" && closeDate < today) {
      reasons.push({
        code: "close_date_passed",
        message: `the expected close date ${closeDate} has passed`,
      });
    }
    const typicalStay = typical[s]!;
    if (inStage > STUCK_IN_STAGE_FACTOR * typicalStay) {
      reasons.push({
        code: "stuck_in_stage",
        message: `${inStage} days in ${stage}, more than ${STUCK_IN_STAGE_FACTOR}× the typical ${typicalStay} days`,
      });
    }
    if (reasons.length === 0) continue;
    const suggestion: StaleOpportunitySuggestion =
      idle >= opts.closeAsLostAfterDays
        ? "close_as_lost"
        : reasons.length === 1 && reasons[0]!.code === "close_date_passed"
          ? "update_close_date"
          : "follow_up";
    stale.push({
      opportunityId: o.id,
      salespersonId: o.salespersonId,
      stage,
      daysSinceActivity: idle,
      daysInStage: inStage,
      reasons,
      suggestion,
    });
  }
  stale.sort(
    (a, b) =>
      SUGGESTION_ORDER[a.suggestion] - SUGGESTION_ORDER[b.suggestion] ||
      b.daysSinceActivity - a.daysSinceActivity,
  );
  return { stale, checked, skipped: bad.skipped };
}
