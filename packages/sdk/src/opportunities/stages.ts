import { z } from "zod";
import { TransitionError } from "../errors.js";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema, toEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  lossReasonInputSchema,
  OPEN_OPPORTUNITY_STAGES,
  OPPORTUNITY_STAGES,
  type OpenOpportunityStage,
  type Opportunity,
  type OpportunityStage,
  openOpportunityStageSchema,
  opportunityActorSchema,
  opportunitySchema,
  opportunityStageSchema,
  type StageHistoryEntry,
} from "./schema.js";

/*
 * The stage machine, chosen for how car deals actually move:
 *
 * - Forward, skipping is allowed: a returning customer who already knows the car goes straight
 *   from initial contact to test drive or quote. The funnel counts skipped stages as passed.
 * - Back one stage is allowed: a second test drive after a quote, a new quote during
 *   negotiation. Further back is not: it would rewrite the funnel; reopen or open a new deal.
 * - `lost` from any open stage, always with a loss reason (战败原因).
 * - `won` only from `quote` or `negotiation`: nobody buys a car without a quoted price, so a win
 *   without a quote means the record is missing a step.
 * - `won` and `lost` are final. A lost customer who comes back is reopened explicitly
 *   (`reopenOpportunity`); a won deal whose order is cancelled is an order matter, and a new
 *   purchase is a new opportunity.
 */

/** Position of each stage in the sales process; `won` after all open stages, `lost` last. */
export const OPPORTUNITY_STAGE_INDEX: Readonly<Record<OpportunityStage, number>> = Object.freeze(
  Object.fromEntries(OPPORTUNITY_STAGES.map((s, i) => [s, i])) as Record<OpportunityStage, number>,
);

/** The stages from which a deal may be won. */
export const WINNABLE_OPPORTUNITY_STAGES: readonly OpenOpportunityStage[] = [
  "quote",
  "negotiation",
];

function nextStagesOf(stage: OpportunityStage): OpportunityStage[] {
  const i = OPEN_OPPORTUNITY_STAGES.indexOf(stage as OpenOpportunityStage);
  if (i < 0) return []; // won and lost are final
  const next: OpportunityStage[] = [];
  if (i > 0) next.push(OPEN_OPPORTUNITY_STAGES[i - 1]!);
  next.push(...OPEN_OPPORTUNITY_STAGES.slice(i + 1));
  if (WINNABLE_OPPORTUNITY_STAGES.includes(stage as OpenOpportunityStage)) next.push("won");
  next.push("lost");
  return next;
}

/** For each stage, the stages it may move to with `changeStage`. */
export const OPPORTUNITY_TRANSITIONS: Readonly<
  Record<OpportunityStage, readonly OpportunityStage[]>
> = Object.freeze(
  Object.fromEntries(OPPORTUNITY_STAGES.map((s) => [s, Object.freeze(nextStagesOf(s))])) as Record<
    OpportunityStage,
    readonly OpportunityStage[]
  >,
);

export function isOpenOpportunityStage(stage: OpportunityStage): stage is OpenOpportunityStage {
  return stage !== "won" && stage !== "lost";
}

export function canChangeStage(from: OpportunityStage, to: OpportunityStage): boolean {
  return OPPORTUNITY_TRANSITIONS[from].includes(to);
}

/**
 * Default chance that a deal in each stage is won, for the weighted pipeline when no history is
 * given. Typical of Chinese dealer showrooms: a test drive roughly halves the distance to a sale.
 */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<OpportunityStage, number>> =
  Object.freeze({
    initial_contact: 0.1,
    needs_analysis: 0.2,
    product_presentation: 0.3,
    test_drive: 0.45,
    quote: 0.6,
    negotiation: 0.8,
    won: 1,
    lost: 0,
  });

const changeStageOptionsSchema = z.strictObject({
  at: timestampSchema,
  by: opportunityActorSchema,
  /** Required when moving to `lost`, refused otherwise. */
  lossReason: lossReasonInputSchema.optional(),
  /** The order that closed a won deal. */
  orderId: idSchema("order").optional(),
  note: z.string().trim().max(2000).optional(),
});
export type ChangeStageOptions = z.input<typeof changeStageOptionsSchema>;

function assertNotBeforeLastChange(opportunity: Opportunity, at: string): void {
  const last = opportunity.stageHistory[opportunity.stageHistory.length - 1]!;
  if (toEpochMs(at) < toEpochMs(last.enteredAt)) {
    invalid(
      "stage change",
      "at",
      `${at} is before the opportunity entered "${last.stage}" (${last.enteredAt})`,
    );
  }
}

/**
 * Moves an opportunity to another stage and returns the new opportunity (the input is not
 * changed): the history gets an entry, `version` grows by one. Throws `TransitionError` for a
 * move the stage machine does not allow and `ValidationError` for a missing loss reason or bad
 * options.
 */
export function changeStage(
  opportunity: Opportunity,
  to: OpportunityStage,
  options: ChangeStageOptions,
): Opportunity {
  const current = parseInput(opportunitySchema, opportunity, "opportunity");
  const target = parseInput(opportunityStageSchema, to, "target stage");
  const opts = parseInput(changeStageOptionsSchema, options, "stage change options");

  const allowed = OPPORTUNITY_TRANSITIONS[current.stage];
  if (!allowed.includes(target)) {
    throw new TransitionError("Opportunity", current.stage, target, allowed);
  }
  if (target === "lost" && !opts.lossReason) {
    invalid("stage change", "lossReason", "a lost opportunity needs a loss reason (战败原因)");
  }
  if (target !== "lost" && opts.lossReason) {
    invalid("stage change", "lossReason", `only a move to "lost" takes a loss reason`);
  }
  if (target !== "won" && opts.orderId) {
    invalid("stage change", "orderId", `only a move to "won" takes an order id`);
  }
  assertNotBeforeLastChange(current, opts.at);

  const entry: StageHistoryEntry = { stage: target, enteredAt: opts.at, by: opts.by };
  if (opts.note) entry.note = opts.note;
  if (opts.lossReason) entry.lossReason = opts.lossReason;

  const next: Opportunity = {
    ...current,
    stage: target,
    stageHistory: [...current.stageHistory, entry],
    updatedAt: opts.at,
    version: current.version + 1,
  };
  if (target === "won" || target === "lost") next.closedAt = opts.at;
  if (opts.lossReason) next.lossReason = opts.lossReason;
  if (opts.orderId) next.wonOrderId = opts.orderId;
  return next;
}

const reopenOptionsSchema = z.strictObject({
  at: timestampSchema,
  by: opportunityActorSchema,
  /** Why the deal is live again ("customer called back after the competitor's delivery slipped"). */
  reason: z.string().trim().min(1, { message: "must say why the deal is reopened" }).max(2000),
  /** Where to resume; defaults to the stage the deal was lost at. */
  stage: openOpportunityStageSchema.optional(),
});
export type ReopenOpportunityOptions = z.input<typeof reopenOptionsSchema>;

/**
 * Reopens a lost opportunity (a 战败 customer came back). Won deals cannot be reopened. The
 * loss stays in the stage history; `lossReason` and `closedAt` are cleared.
 */
export function reopenOpportunity(
  opportunity: Opportunity,
  options: ReopenOpportunityOptions,
): Opportunity {
  const current = parseInput(opportunitySchema, opportunity, "opportunity");
  const opts = parseInput(reopenOptionsSchema, options, "reopen options");
  if (current.stage === "won") {
    throw new TransitionError("Opportunity", "won", opts.stage ?? "reopened", []);
  }
  if (current.stage !== "lost") {
    invalid(
      "reopen",
      "opportunity.stage",
      `only a lost opportunity can be reopened; this one is open in "${current.stage}"`,
    );
  }
  assertNotBeforeLastChange(current, opts.at);
  const lostAt = [...current.stageHistory].reverse().find((e) => isOpenOpportunityStage(e.stage));
  const stage =
    opts.stage ?? (lostAt?.stage as OpenOpportunityStage | undefined) ?? "initial_contact";
  const { lossReason: _lossReason, closedAt: _closedAt, ...rest } = current;
  return {
    ...rest,
    stage,
    stageHistory: [
      ...current.stageHistory,
      { stage, enteredAt: opts.at, by: opts.by, note: `reopened: ${opts.reason}` },
    ],
    updatedAt: opts.at,
    version: current.version + 1,
  };
}
