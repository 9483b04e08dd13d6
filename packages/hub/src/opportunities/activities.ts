import {
  type ActivityInput,
  type OpenOpportunityStage,
  type OpportunityActivity,
  recordActivity,
} from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import { opportunityActivities, salespeople } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { mutateOpportunity, runDomain } from "./mutate.js";
import type { HubOpportunity } from "./rows.js";
import type { DealScope } from "./scope.js";

type ActivityRow = typeof opportunityActivities.$inferSelect;

export function activityFromRow(row: ActivityRow): OpportunityActivity {
  return {
    ...row.details,
    type: row.type,
    id: row.id,
    opportunityId: row.opportunityId,
    occurredAt: row.occurredAt.toISOString(),
    by: row.bySalespersonId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  } as OpportunityActivity;
}

function activityColumns(activity: OpportunityActivity, tenantId: string) {
  const { id, opportunityId, type, occurredAt, by, createdAt, updatedAt, version, ...details } =
    activity;
  return {
    id,
    tenantId,
    opportunityId,
    type,
    occurredAt: new Date(occurredAt),
    bySalespersonId: by,
    details,
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    version,
  };
}

/** `by` must be one of the tenant's salespeople, and the key's own one for a salesperson key. */
async function assertActivityAuthor(tx: Tx, actor: Actor, by: string): Promise<void> {
  if (actor.salespersonId && by !== actor.salespersonId) {
    throw new HubError("forbidden", "This key records activities only as its own salesperson", {
      salespersonId: actor.salespersonId,
    });
  }
  const found = await tx
    .select({ id: salespeople.id })
    .from(salespeople)
    .where(and(eq(salespeople.tenantId, actor.tenantId), eq(salespeople.id, by)))
    .limit(1);
  if (found.length === 0) {
    throw new HubError("validation_failed", "Invalid body: by: no such salesperson", {
      issues: [{ path: "by", message: "no such salesperson" }],
    });
  }
}

export interface RecordedActivity {
  activity: OpportunityActivity;
  opportunity: HubOpportunity;
  suggestedStage?: OpenOpportunityStage;
}

/**
 * 跟踪: stores an activity and moves the opportunity's activity count and last-activity time on.
 * Activities are appended, so they take no `version`: two people logging calls at once do not
 * conflict (the opportunity's version still grows by one each).
 */
export async function recordOpportunityActivity(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  opportunityId: string,
  input: ActivityInput,
): Promise<RecordedActivity> {
  let recorded: Omit<RecordedActivity, "opportunity"> | undefined;
  const opportunity = await mutateOpportunity(tx, actor, scope, requestId, opportunityId, {
    action: "opportunity.activity_recorded",
    version: undefined,
    async change(current, at) {
      await assertActivityAuthor(tx, actor, input.by);
      const result = runDomain(() => recordActivity(current, input, { at }));
      recorded = {
        activity: result.activity,
        ...(result.suggestedStage ? { suggestedStage: result.suggestedStage } : {}),
      };
      return result.opportunity;
    },
  });
  await tx
    .insert(opportunityActivities)
    .values(activityColumns(recorded!.activity, actor.tenantId));
  return { ...recorded!, opportunity };
}
