import {
  type IdentityMatch,
  type NormalizedLead,
  newId,
  type Reason,
  rateLead,
} from "@forecourt/sdk";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { bulkInsert } from "../db/bulk.js";
import { auditEvents, events, followUpTasks, leads, touchpoints } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { auditValues } from "../lib/audit.js";
import type { FieldCrypto } from "../lib/crypto.js";
import { assignManyLocked } from "./assignment.js";
import { type AssignmentSetup, intakeRules, loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { type DomainEvent, eventValues } from "./events.js";
import { firstDue, plannedTasks } from "./followUps.js";
import {
  type ContactIndexes,
  contactIndexesOf,
  intakeKeysOf,
  lockIntakeKeys,
  matchStoredIdentity,
} from "./identity.js";
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

/** An inquiry checked against the tenant's setup, before any lock is taken. */
export interface PreparedIntake {
  lead: NormalizedLead;
  warnings: Reason[];
  storeId: string | undefined;
  indexes: ContactIndexes;
  /** Its advisory-lock keys (phone, email, the sender's inquiry id). */
  keys: string[];
  receivedAt: Date;
}

/** Refuses a lead for a store outside the caller's scope or unknown to the group. */
export function prepareIntake(
  c: Pick<LeadContext, "scope" | "crypto" | "now">,
  setup: AssignmentSetup,
  lead: NormalizedLead,
  warnings: Reason[],
): PreparedIntake {
  const storeId = lead.storeId ?? c.scope.storeId;
  if (c.scope.storeId !== undefined) assertStoreAllowed(c.scope, storeId);
  if (storeId !== undefined && !setup.stores.has(storeId)) {
    throw invalidBody("storeId", "no such store");
  }
  const indexes = contactIndexesOf(lead.contact, c.crypto);
  return {
    lead,
    warnings,
    storeId,
    indexes,
    keys: intakeKeysOf(lead, indexes),
    receivedAt: lead.occurredAt
      ? new Date(Math.min(Date.parse(lead.occurredAt), c.now.getTime()))
      : c.now,
  };
}

/**
 * `POST /v1/leads` against the database, in the caller's transaction: a repeated sender inquiry
 * is recognised; an inquiry from a person with an open lead becomes a touchpoint on it; anything
 * else is rated, assigned under the tenant's assignment lock and given its follow-up tasks.
 * `lead` comes from the SDK's `normalizeLead`. (`intakeBatch` does the same for many at once.)
 */
export async function intakeLead(
  c: LeadContext,
  lead: NormalizedLead,
  warnings: Reason[],
  onLocked?: () => void,
): Promise<IntakeOutcome> {
  const { tx, actor } = c;
  const tenantId = actor.tenantId;
  const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
  const prepared = prepareIntake(c, setup, lead, warnings);
  await lockIntakeKeys(tx, tenantId, prepared.keys);

  if (lead.externalId) {
    const repeated = await repeatedInquiry(c, lead.source, lead.externalId);
    if (repeated) return { status: 200, body: { ...repeated, warnings }, remind: [] };
  }
  const match = await matchStoredIdentity(tx, tenantId, lead, prepared.indexes, c.now);
  if (match.decision === "merge" && match.into.kind === "lead") {
    return mergeIntoLead(c, lead, warnings, match, prepared.receivedAt);
  }
  const [outcome] = await createLeads(tx, setup, [{ c, prepared, match }], onLocked);
  return outcome!;
}

/** A new lead to store: the inquiry, its caller and what identity matching found. */
export interface FreshLead {
  c: Omit<LeadContext, "tx">;
  prepared: PreparedIntake;
  /** `new`, or a merge into a customer (whose salesperson the lead goes to first). */
  match: IdentityMatch;
}

/**
 * Creates new leads, in order, in the caller's transaction: each rated, assigned (one turn of the
 * tenant's assignment lock for all of them) and given its follow-up tasks; every row of every
 * lead goes to the database in one statement. The caller holds the leads' intake locks and has
 * made sure none of them repeats an inquiry or belongs to an open lead. `onLocked` is called once
 * the assignment lock is held (see `IntakeQueue`).
 */
export async function createLeads(
  tx: Tx,
  setup: AssignmentSetup,
  fresh: FreshLead[],
  onLocked?: () => void,
): Promise<IntakeOutcome[]> {
  if (fresh.length === 0) return [];
  const tenantId = fresh[0]!.c.actor.tenantId;
  // Everything that does not depend on the assignment is done before its lock is taken: rating,
  // rules, encryption, the touchpoint. Ciphertexts made here are remembered, so the answer shows
  // the contact without decrypting what was just encrypted.
  const drafts = fresh.map(({ c, prepared, match }) => {
    const { lead } = prepared;
    const sealed = rememberingCrypto(c.crypto);
    const leadId = newId("lead");
    const rating = rateLead(lead);
    return {
      c,
      prepared,
      match,
      sealed,
      leadId,
      rating,
      customerId: match.decision === "merge" ? match.into.id : undefined,
      columns: leadColumns(lead, sealed),
      touchpoint: touchpointRowOf(c, leadId, lead, prepared.receivedAt),
      rules: intakeRules(setup, prepared.storeId),
    };
  });

  // From here until COMMIT the tenant's assignment lock is held: one statement takes it and
  // reads the positions, one writes the leads, their touchpoints, tasks, audit entries, events
  // and the moved positions together, then the transaction commits.
  const { results, savePositions } = await assignManyLocked(
    tx,
    tenantId,
    setup,
    drafts.map((d) => ({
      lead: d.prepared.lead,
      options: {
        rules: d.rules,
        grade: d.rating.grade,
        existingSalespersonId:
          (d.match.decision === "merge" ? d.match.salespersonId : undefined) ??
          d.c.actor.salespersonId,
        now: d.c.now,
      },
    })),
  );
  onLocked?.();

  const leadRows: LeadRow[] = [];
  const taskRows: TaskRow[] = [];
  const audits: Parameters<typeof auditValues>[0][] = [];
  const domainEvents: DomainEvent[] = [];
  const outcomes = drafts.map((d, i): IntakeOutcome => {
    const { c, prepared, rating, leadId } = d;
    const { lead, storeId } = prepared;
    const assignment = results[i]!;
    const assigned = assignment.outcome === "assigned" ? assignment : undefined;
    const stored: LeadRow = {
      id: leadId,
      tenantId,
      customerId: d.customerId ?? null,
      status: "new",
      ...d.columns,
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
      receivedAt: prepared.receivedAt,
      assignedAt: assigned ? c.now : null,
      firstContactAt: null,
      lastActivityAt: prepared.receivedAt,
      touchpointCount: 1,
      createdAt: c.now,
      updatedAt: c.now,
      version: 1,
    };
    const store = stored.storeId ? setup.stores.get(stored.storeId) : undefined;
    const tasks = plannedTasks(tenantId, stored, store, c.now).map(taskRowOf);
    const view = leadFromRow(stored, d.sealed);
    leadRows.push(stored);
    taskRows.push(...tasks);
    audits.push({
      actor: c.actor,
      requestId: c.requestId,
      entry: { action: "lead.created", entityType: "lead", entityId: leadId, after: view },
    });
    domainEvents.push({
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
    });
    if (assigned) {
      domainEvents.push({
        type: "lead.assigned",
        entityType: "lead",
        entityId: leadId,
        payload: {
          leadId,
          salespersonId: assigned.salespersonId,
          storeId: assigned.storeId,
          teamId: assigned.teamId ?? null,
          ruleId: assigned.ruleId,
          strategy: assigned.strategy,
        },
      });
    }
    const visible = inScope(c.scope, stored);
    return {
      status: 201,
      body: {
        merged: false,
        leadId,
        ...(visible ? { lead: view } : {}),
        touchpoint: touchpointFromRow(d.touchpoint),
        tasks: visible ? tasks.map(taskFromRow) : [],
        reasons: d.match.reasons,
        warnings: prepared.warnings,
      },
      remind: [firstDue(tasks)],
    };
  });
  const writes = [
    bulkInsert(leads, leadRows),
    bulkInsert(
      touchpoints,
      drafts.map((d) => d.touchpoint),
    ),
    ...(taskRows.length > 0 ? [bulkInsert(followUpTasks, taskRows)] : []),
    bulkInsert(auditEvents, audits.map(auditValues)),
    bulkInsert(events, domainEvents.map(eventValues(tenantId))),
  ];
  await writeTogether(tx, writes, savePositions);
  return outcomes;
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
