import { z } from "zod";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema, toEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import {
  type Opportunity,
  type OwnerChange,
  opportunityActorSchema,
  opportunitySchema,
} from "./schema.js";
import { isOpenOpportunityStage } from "./stages.js";

const transferOptionsSchema = z.strictObject({
  /** The colleague who takes the deal over. */
  to: idSchema("salesperson"),
  by: opportunityActorSchema,
  at: timestampSchema,
  reason: z.string().trim().min(1, { message: "must say why the deal is handed over" }).max(2000),
  /** The new store, when the colleague works elsewhere. */
  storeId: idSchema("store").optional(),
  /** The new team; dropped when the store changes and no team is given. */
  teamId: idSchema("team").optional(),
});
export type TransferOpportunityOptions = z.input<typeof transferOptionsSchema>;

/**
 * 转移: hands an open opportunity to a colleague with its whole history. The stage history and
 * activities stay as they are (activities point at the opportunity, not at the salesperson); the
 * hand-over is appended to `ownerHistory`. Returns the new opportunity; `version` grows by one.
 */
export function transferOpportunity(
  opportunity: Opportunity,
  options: TransferOpportunityOptions,
): Opportunity {
  const current = parseInput(opportunitySchema, opportunity, "opportunity");
  const opts = parseInput(transferOptionsSchema, options, "transfer options");
  if (!isOpenOpportunityStage(current.stage)) {
    invalid(
      "transfer",
      "opportunity.stage",
      `a ${current.stage} opportunity is closed and cannot be transferred`,
    );
  }
  if (opts.to === current.salespersonId) {
    invalid("transfer", "to", `the opportunity already belongs to ${opts.to}`);
  }
  if (toEpochMs(opts.at) < toEpochMs(current.updatedAt)) {
    invalid(
      "transfer",
      "at",
      `${opts.at} is before the opportunity's last change (${current.updatedAt})`,
    );
  }

  const change: OwnerChange = {
    from: current.salespersonId,
    to: opts.to,
    at: opts.at,
    by: opts.by,
    reason: opts.reason,
  };
  const next: Opportunity = {
    ...current,
    salespersonId: opts.to,
    ownerHistory: [...current.ownerHistory, change],
    updatedAt: opts.at,
    version: current.version + 1,
  };
  if (opts.storeId && opts.storeId !== current.storeId) {
    change.fromStoreId = current.storeId;
    change.toStoreId = opts.storeId;
    next.storeId = opts.storeId;
    // A team belongs to a store: the old one does not follow the deal to another store.
    delete next.teamId;
  }
  if (opts.teamId) next.teamId = opts.teamId;
  return next;
}
