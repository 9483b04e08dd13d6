import { z } from "zod";
import { idSchema, newId } from "../primitives/ids.js";
import { timestampSchema, toEpochMs } from "../primitives/time.js";
import { parseInput } from "../validate.js";
import {
  type Opportunity,
  type OpportunityInput,
  opportunityActorSchema,
  opportunityInputSchema,
  type StageHistoryEntry,
} from "./schema.js";

const createOptionsSchema = z.strictObject({
  /** When the opportunity is opened; also its first stage's entry time. */
  at: timestampSchema,
  by: opportunityActorSchema,
  /** A pre-generated id (for idempotent imports); a new one otherwise. */
  id: idSchema("opportunity").optional(),
});
export type CreateOpportunityOptions = z.input<typeof createOptionsSchema>;

/**
 * Opens an opportunity from a caller's input: validates it, fills the defaults and starts the
 * stage history. The only thing not derived from the arguments is a new id, unless one is given.
 */
export function createOpportunity(
  input: OpportunityInput,
  options: CreateOpportunityOptions,
): Opportunity {
  const data = parseInput(opportunityInputSchema, input, "opportunity input");
  const opts = parseInput(createOptionsSchema, options, "create options");
  const { note, stage, ...fields } = data;
  const first: StageHistoryEntry = { stage, enteredAt: opts.at, by: opts.by };
  if (note) first.note = note;
  return {
    ...fields,
    id: opts.id ?? newId("opportunity", toEpochMs(opts.at)),
    stage,
    stageHistory: [first],
    ownerHistory: [],
    activityCount: 0,
    createdAt: opts.at,
    updatedAt: opts.at,
    version: 1,
  };
}
