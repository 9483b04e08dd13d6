import { z } from "zod";
import { idSchema, newId } from "../primitives/ids.js";
import { MINUTE_MS, timestampSchema, toEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  type ActivityInput,
  activityInputSchema,
  type OpenOpportunityStage,
  type Opportunity,
  type OpportunityActivity,
  opportunitySchema,
} from "./schema.js";
import { isOpenOpportunityStage, OPPORTUNITY_STAGE_INDEX } from "./stages.js";

/**
 * How far in the future (relative to the recording time) an activity may be dated, to allow for
 * clock differences between a phone and the server. Anything later has not happened yet.
 */
export const ACTIVITY_CLOCK_SKEW_MS = 5 * MINUTE_MS;

const recordOptionsSchema = z.strictObject({
  /** When the activity is recorded; the current time when omitted. */
  at: timestampSchema.optional(),
  /** A pre-generated id (idempotent imports); generated otherwise. */
  id: idSchema("activity").optional(),
});
export type RecordActivityOptions = z.input<typeof recordOptionsSchema>;

export interface RecordActivityResult {
  activity: OpportunityActivity;
  /** The opportunity with `lastActivityAt`, `activityCount`, `updatedAt` and `version` moved on. */
  opportunity: Opportunity;
  /**
   * A stage the activity suggests (a test drive done while the deal is still before
   * `test_drive`, a quote given before `quote`). Never applied automatically: call `changeStage`.
   */
  suggestedStage?: OpenOpportunityStage;
}

/** Activities that show the deal has reached a stage. */
const STAGE_EVIDENCE: Partial<Record<OpportunityActivity["type"], OpenOpportunityStage>> = {
  test_drive: "test_drive",
  quote: "quote",
};

/**
 * 跟踪: records a call, visit, message, test drive, quote or note on an opportunity, with notes and
 * the customer's feedback. Returns the stored activity and the updated opportunity. Activities may
 * be recorded on closed deals too (an after-sale call), they just do not suggest a stage.
 */
export function recordActivity(
  opportunity: Opportunity,
  activityInput: ActivityInput,
  options: RecordActivityOptions = {},
): RecordActivityResult {
  const current = parseInput(opportunitySchema, opportunity, "opportunity");
  const input = parseInput(activityInputSchema, activityInput, "activity input");
  const opts = parseInput(recordOptionsSchema, options, "activity options");
  const at = opts.at ?? new Date().toISOString();
  const atMs = toEpochMs(at);
  const occurredMs = toEpochMs(input.occurredAt);
  if (occurredMs > atMs + ACTIVITY_CLOCK_SKEW_MS) {
    invalid(
      "activity input",
      "occurredAt",
      `${input.occurredAt} is in the future (recorded at ${at})`,
    );
  }
  if (occurredMs < toEpochMs(current.createdAt)) {
    invalid(
      "activity input",
      "occurredAt",
      `${input.occurredAt} is before the opportunity was opened (${current.createdAt})`,
    );
  }

  const activity = {
    ...input,
    id: opts.id ?? newId("activity", atMs),
    opportunityId: current.id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  } as OpportunityActivity;

  const lastMs =
    current.lastActivityAt === undefined ? -Infinity : toEpochMs(current.lastActivityAt);
  const next: Opportunity = {
    ...current,
    lastActivityAt: occurredMs > lastMs ? input.occurredAt : current.lastActivityAt,
    activityCount: current.activityCount + 1,
    updatedAt: toEpochMs(current.updatedAt) > atMs ? current.updatedAt : at,
    version: current.version + 1,
  };

  const result: RecordActivityResult = { activity, opportunity: next };
  const evidence = STAGE_EVIDENCE[input.type];
  if (
    evidence &&
    isOpenOpportunityStage(current.stage) &&
    OPPORTUNITY_STAGE_INDEX[current.stage] < OPPORTUNITY_STAGE_INDEX[evidence]
  ) {
    result.suggestedStage = evidence;
  }
  return result;
}
