import { type NormalizedLead, newId, type Reason, rateLead } from "@forecourt/sdk";
import { leads } from "../db/schema.js";
import { recordAudit } from "../lib/audit.js";
import { assignUnderLock } from "./assignment.js";
import { intakeRules, loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { recordEvents } from "./events.js";
import { firstDue, insertTasks, plannedTasks } from "./followUps.js";
import { contactIndexesOf, lockIntakeKeys, matchStoredIdentity } from "./identity.js";
import { insertTouchpoint, mergeIntoLead, repeatedInquiry } from "./intakeMerge.js";
import { invalidBody } from "./load.js";
import { leadColumns, leadFromRow, type TaskRow, taskFromRow, touchpointFromRow } from "./rows.js";
import type { LeadIntake } from "./schemas.js";
import { assertStoreAllowed, inScope } from "./scope.js";

export interface IntakeOutcome {
  status: 200 | 201;
  body: LeadIntake;
  /** Tasks whose reminders to schedule once the transaction has committed. */
  remind: (TaskRow | undefined)[];
}

/**
 * `POST /v1/leads` against the database, in the caller's transaction: a repeated sender inquiry
 * is recognised; an inquiry from a person with an open lead becomes a touchpoint on it; anything
 * else is rated, assigned under the tenant's assignment lock and given its follow-up tasks.
 * `lead` comes from the SDK's `normalizeLead`.
 */
export async function intakeLead(
  c: LeadContext,
  lead: NormalizedLead,
  warnings: Reason[],
): Promise<IntakeOutcome> {
  const { tx, actor, scope, crypto } = c;
  const tenantId = actor.tenantId;
  const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
  const storeId = lead.storeId ?? scope.storeId;
  if (scope.storeId !== undefined) assertStoreAllowed(scope, storeId);
  if (storeId !== undefined && !setup.stores.has(storeId)) {
    throw invalidBody("storeId", "no such store");
  }
  const indexes = contactIndexesOf(lead.contact, crypto);
  await lockIntakeKeys(tx, tenantId, [
    ...(indexes.phone ? [`phone:${indexes.phone}`] : []),
    ...(indexes.email ? [`email:${indexes.email}`] : []),
    ...(lead.externalId ? [`external:${lead.source}:${lead.externalId}`] : []),
  ]);
  const receivedAt = lead.occurredAt
    ? new Date(Math.min(Date.parse(lead.occurredAt), c.now.getTime()))
    : c.now;

  if (lead.externalId) {
    const repeated = await repeatedInquiry(c, lead.source, lead.externalId);
    if (repeated) return { status: 200, body: { ...repeated, warnings }, remind: [] };
  }
  const match = await matchStoredIdentity(tx, tenantId, lead, indexes, c.now);
  if (match.decision === "merge" && match.into.kind === "lead") {
    return mergeIntoLead(c, lead, warnings, match, receivedAt);
  }

  const customerId = match.decision === "merge" ? match.into.id : undefined;
  const rating = rateLead(lead);
  const assignment = await assignUnderLock(tx, tenantId, setup, lead, {
    rules: intakeRules(setup, storeId),
    grade: rating.grade,
    existingSalespersonId:
      (match.decision === "merge" ? match.salespersonId : undefined) ?? actor.salespersonId,
    now: c.now,
  });
  const assigned = assignment.outcome === "assigned" ? assignment : undefined;
  const leadId = newId("lead");
  const [row] = await tx
    .insert(leads)
    .values({
      id: leadId,
      tenantId,
      customerId: customerId ?? null,
      status: "new",
      ...leadColumns(lead, crypto),
      storeId: assigned?.storeId ?? storeId ?? assignment.storeId ?? null,
      teamId: assigned?.teamId ?? null,
      salespersonId: assigned?.salespersonId ?? null,
      grade: rating.grade,
      computedGrade: rating.computedGrade,
      gradeScore: rating.score ?? null,
      gradeReasons: rating.reasons,
      assignmentReasons: assignment.reasons,
      receivedAt,
      assignedAt: assigned ? c.now : null,
      lastActivityAt: receivedAt,
      touchpointCount: 1,
      createdAt: c.now,
      updatedAt: c.now,
    })
    .returning();
  const stored = row!;
  const touchpoint = await insertTouchpoint(c, leadId, lead, receivedAt);
  const store = stored.storeId ? setup.stores.get(stored.storeId) : undefined;
  const tasks = await insertTasks(tx, plannedTasks(tenantId, stored, store, c.now));
  const view = leadFromRow(stored, crypto);
  await recordAudit(tx, actor, c.requestId, {
    action: "lead.created",
    entityType: "lead",
    entityId: leadId,
    after: view,
  });
  await recordEvents(tx, tenantId, [
    {
      type: "lead.created",
      entityType: "lead",
      entityId: leadId,
      payload: {
        leadId,
        source: lead.source,
        channel: lead.channel,
        grade: rating.grade,
        storeId: stored.storeId,
        customerId: stored.customerId,
        taskIds: tasks.map((t) => t.id),
      },
    },
    ...(assigned
      ? [
          {
            type: "lead.assigned" as const,
            entityType: "lead" as const,
            entityId: leadId,
            payload: {
              leadId,
              salespersonId: assigned.salespersonId,
              storeId: assigned.storeId,
              teamId: assigned.teamId ?? null,
              ruleId: assigned.ruleId,
              strategy: assigned.strategy,
            },
          },
        ]
      : []),
  ]);
  return {
    status: 201,
    body: {
      merged: false,
      leadId,
      ...(inScope(scope, stored) ? { lead: view } : {}),
      touchpoint: touchpointFromRow(touchpoint),
      tasks: inScope(scope, stored) ? tasks.map(taskFromRow) : [],
      reasons: match.reasons,
      warnings,
    },
    remind: [firstDue(tasks)],
  };
}
