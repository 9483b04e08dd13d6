import { type NormalizedLead, newId, type Reason, rateLead } from "@forecourt/sdk";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { followUpTasks, leads, touchpoints } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { auditInsert } from "../lib/audit.js";
import type { FieldCrypto } from "../lib/crypto.js";
import { assignLocked } from "./assignment.js";
import { intakeRules, loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { eventsInsert } from "./events.js";
import { firstDue, plannedTasks } from "./followUps.js";
import { contactIndexesOf, lockIntakeKeys, matchStoredIdentity } from "./identity.js";
import { mergeIntoLead, repeatedInquiry, touchpointRowOf } from "./intakeMerge.js";
import { invalidBody } from "./load.js";
import {
  type LeadRow,
  leadColumns,
  leadFromRow,
  type TaskRow,
  taskFromRow,
  touchpointFromRow,
} from "./rows.js";
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
  // Everything that does not depend on the assignment is done before its lock is taken: rating,
  // rules, encryption, the touchpoint. Ciphertexts made here are remembered, so the answer shows
  // the contact without decrypting what was just encrypted.
  const rating = rateLead(lead);
  const rules = intakeRules(setup, storeId);
  const sealed = rememberingCrypto(crypto);
  const columns = leadColumns(lead, sealed);
  const leadId = newId("lead");
  const touchpoint = touchpointRowOf(c, leadId, lead, receivedAt);

  // From here until COMMIT the tenant's assignment lock is held: one statement takes it and
  // reads the positions, one writes the lead, its touchpoint, tasks, audit entry, events and the
  // moved positions together, then the transaction commits.
  const { result: assignment, savePositions } = await assignLocked(tx, tenantId, setup, lead, {
    rules,
    grade: rating.grade,
    existingSalespersonId:
      (match.decision === "merge" ? match.salespersonId : undefined) ?? actor.salespersonId,
    now: c.now,
  });
  const assigned = assignment.outcome === "assigned" ? assignment : undefined;
  const stored: LeadRow = {
    id: leadId,
    tenantId,
    customerId: customerId ?? null,
    status: "new",
    ...columns,
    wechatIndex: null,
    storeId: assigned?.storeId ?? storeId ?? assignment.storeId ?? null,
    teamId: assigned?.teamId ?? null,
    salespersonId: assigned?.salespersonId ?? null,
    grade: rating.grade,
    computedGrade: rating.computedGrade,
    gradeScore: rating.score ?? null,
    gradeReasons: rating.reasons,
    gradeOverride: null,
    assignmentReasons: assignment.reasons,
    lostReason: null,
    opportunityId: null,
    receivedAt,
    assignedAt: assigned ? c.now : null,
    firstContactAt: null,
    lastActivityAt: receivedAt,
    touchpointCount: 1,
    createdAt: c.now,
    updatedAt: c.now,
    version: 1,
  };
  const store = stored.storeId ? setup.stores.get(stored.storeId) : undefined;
  const tasks = plannedTasks(tenantId, stored, store, c.now).map(taskRowOf);
  const view = leadFromRow(stored, sealed);
  const writes = [
    tx.insert(leads).values(stored),
    tx.insert(touchpoints).values(touchpoint),
    ...(tasks.length > 0 ? [tx.insert(followUpTasks).values(tasks)] : []),
    auditInsert(tx, actor, c.requestId, {
      action: "lead.created",
      entityType: "lead",
      entityId: leadId,
      after: view,
    }),
    eventsInsert(tx, tenantId, [
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
    ]),
  ];
  await writeTogether(tx, writes, savePositions);
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

/** A planned task as the row stored for it: the columns it leaves to their defaults spelled out. */
function taskRowOf(task: ReturnType<typeof plannedTasks>[number]): TaskRow {
  return {
    id: task.id,
    tenantId: task.tenantId,
    leadId: task.leadId,
    salespersonId: task.salespersonId ?? null,
    kind: task.kind,
    status: task.status,
    dueAt: task.dueAt,
    snoozedUntil: null,
    completedAt: null,
    note: null,
    reasons: task.reasons,
    sequence: task.sequence ?? 0,
    escalateAt: task.escalateAt ?? null,
    escalateToId: task.escalateToId ?? null,
    createdAt: task.createdAt!,
    updatedAt: task.updatedAt!,
    version: 1,
  };
}

/**
 * Runs several INSERTs (and, last, `main`) as one statement: data-modifying CTEs, all in the
 * caller's transaction and all-or-nothing like the statements they replace, in one round trip.
 */
async function writeTogether(tx: Tx, writes: SQLWrapper[], main: SQL | undefined): Promise<void> {
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w.getSQL()})`);
  await tx.execute(sql`WITH ${sql.join(ctes, sql`, `)} ${main ?? sql`SELECT 1`}`);
}

/**
 * `crypto` that remembers the plaintext of what it encrypts, so a row built here can be shown
 * (decrypted) without running AES-GCM backwards on it; anything else is decrypted as usual.
 */
function rememberingCrypto(crypto: FieldCrypto): FieldCrypto {
  const known = new Map<string, string>();
  return {
    encrypt(plaintext) {
      const ciphertext = crypto.encrypt(plaintext);
      known.set(ciphertext, plaintext);
      return ciphertext;
    },
    decrypt: (ciphertext) => known.get(ciphertext) ?? crypto.decrypt(ciphertext),
    blindIndex: (kind, normalised) => crypto.blindIndex(kind, normalised),
  };
}
