import { type AssignableLead, OPEN_LEAD_STATUSES, type Reason } from "@forecourt/sdk";
import { and, eq, inArray, sql } from "drizzle-orm";
import { followUpTasks, leads } from "../db/schema.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { assignUnderLock } from "./assignment.js";
import {
  type AssignmentSetup,
  compiledRules,
  intakeRules,
  loadAssignmentSetup,
  storeRuleId,
} from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { type DomainEvent, recordEvents } from "./events.js";
import { invalidBody, loadAssignee, loadLead } from "./load.js";
import { type LeadRow, leadFromRow } from "./rows.js";
import { PENDING_TASK_STATUSES } from "./schemas.js";
import { actorLabel, assertStoreAllowed } from "./scope.js";

export interface Reassignment {
  kind: "assign" | "transfer";
  salespersonId?: string | undefined;
  /** Transfer only: the store that takes the lead over. */
  storeId?: string | undefined;
  reason?: string | undefined;
}

interface Owner {
  salespersonId: string | null;
  storeId: string | null;
  teamId: string | null;
  reasons: Reason[];
  ruleId?: string;
  strategy?: string;
}

/** What assignment reads of a stored lead; its current owner is left out, so the rules run afresh. */
const assignable = (row: LeadRow): AssignableLead => ({
  ...(row.region ? { region: row.region } : {}),
  ...(row.city ? { city: row.city } : {}),
  customerType: row.customerType as AssignableLead["customerType"],
  interest: row.interest as AssignableLead["interest"],
  source: row.source,
  channel: row.channel as AssignableLead["channel"],
  ...(row.grade ? { grade: row.grade } : {}),
});

async function chooseOwner(
  c: LeadContext,
  setup: AssignmentSetup,
  row: LeadRow,
  change: Reassignment,
): Promise<Owner> {
  const tenantId = c.actor.tenantId;
  const by = actorLabel(c.actor);
  const why = change.reason ? `: ${change.reason}` : "";
  if (change.salespersonId) {
    const person = await loadAssignee(c.tx, tenantId, change.salespersonId);
    if (change.storeId && person.storeId !== change.storeId) {
      throw invalidBody("salespersonId", "works in another store than storeId");
    }
    // Assigning stays inside the key's store; a transfer may hand the lead to another store.
    if (change.kind === "assign") assertStoreAllowed(c.scope, person.storeId);
    return {
      salespersonId: person.id,
      storeId: person.storeId,
      teamId: person.teamId,
      reasons: [
        {
          code: change.kind === "transfer" ? "transferred" : "assigned_by_person",
          message: `${change.kind === "transfer" ? "transferred" : "assigned"} to ${person.id} by ${by}${why}`,
        },
      ],
    };
  }
  const storeId = change.kind === "transfer" ? change.storeId! : (row.storeId ?? undefined);
  if (change.kind === "transfer" && !setup.stores.has(storeId!)) {
    throw invalidBody("storeId", "no such store");
  }
  const rules =
    change.kind === "transfer"
      ? compiledRules(
          setup,
          `transfer:${storeId}`,
          () => [{ id: storeRuleId(storeId!), target: { storeId: storeId! } }],
          "pool",
        )
      : intakeRules(setup, storeId);
  const result = await assignUnderLock(c.tx, tenantId, setup, assignable(row), {
    rules,
    grade: row.grade ?? undefined,
    existingSalespersonId: undefined,
    now: c.now,
  });
  const lead: Reason = {
    code: change.kind === "transfer" ? "transferred" : "rules_rerun",
    message:
      change.kind === "transfer"
        ? `transferred to store ${storeId} by ${by}${why}`
        : `assignment rules run again by ${by}${why}`,
  };
  if (result.outcome === "assigned") {
    return {
      salespersonId: result.salespersonId,
      storeId: result.storeId,
      teamId: result.teamId ?? null,
      reasons: [lead, ...result.reasons],
      ruleId: result.ruleId,
      strategy: result.strategy,
    };
  }
  return {
    salespersonId: null,
    storeId: storeId ?? result.storeId ?? null,
    teamId: null,
    reasons: [lead, ...result.reasons],
  };
}

/**
 * `POST /v1/leads/{id}/assign` and `/transfer`: a new owner named by a person, or chosen by the
 * rules under the tenant's assignment lock. Pending follow-up tasks move with the lead (and
 * escalate to the new store's manager); the change is audited and announced.
 */
export async function reassignLead(
  c: LeadContext,
  id: string,
  change: Reassignment,
): Promise<LeadRow> {
  const { tx, actor } = c;
  const tenantId = actor.tenantId;
  const before = await loadLead(tx, tenantId, c.scope, id, true);
  if (!(OPEN_LEAD_STATUSES as readonly string[]).includes(before.status)) {
    throw new HubError(
      "lead_closed",
      `lead ${id} is ${before.status}; only open leads change hands`,
      {
        status: before.status,
      },
    );
  }
  const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
  const owner = await chooseOwner(c, setup, before, change);
  const [row] = await tx
    .update(leads)
    .set({
      salespersonId: owner.salespersonId,
      storeId: owner.storeId,
      teamId: owner.teamId,
      assignmentReasons: owner.reasons,
      assignedAt: owner.salespersonId ? c.now : null,
      updatedAt: c.now,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, id)))
    .returning();
  const after = row!;
  const manager = owner.storeId ? setup.stores.get(owner.storeId)?.managerId : undefined;
  await tx
    .update(followUpTasks)
    .set({
      salespersonId: owner.salespersonId,
      ...(owner.storeId !== before.storeId ? { escalateToId: manager ?? null } : {}),
      updatedAt: c.now,
      version: sql`${followUpTasks.version} + 1`,
    })
    .where(
      and(
        eq(followUpTasks.tenantId, tenantId),
        eq(followUpTasks.leadId, id),
        inArray(followUpTasks.status, [...PENDING_TASK_STATUSES]),
      ),
    );

  await recordAudit(tx, actor, c.requestId, {
    action: change.kind === "transfer" ? "lead.transferred" : "lead.assigned",
    entityType: "lead",
    entityId: id,
    before: leadFromRow(before, c.crypto),
    after: leadFromRow(after, c.crypto),
  });
  const events: DomainEvent[] = [];
  if (change.kind === "transfer") {
    events.push({
      type: "lead.transferred",
      entityType: "lead",
      entityId: id,
      payload: {
        leadId: id,
        fromStoreId: before.storeId,
        toStoreId: after.storeId,
        fromSalespersonId: before.salespersonId,
        toSalespersonId: after.salespersonId,
        reason: change.reason,
      },
    });
  }
  if (after.salespersonId) {
    events.push({
      type: "lead.assigned",
      entityType: "lead",
      entityId: id,
      payload: {
        leadId: id,
        salespersonId: after.salespersonId,
        storeId: after.storeId,
        teamId: after.teamId,
        previousSalespersonId: before.salespersonId,
        ...(owner.ruleId
          ? { ruleId: owner.ruleId, strategy: owner.strategy }
          : { strategy: "manual" }),
      },
    });
  }
  await recordEvents(tx, tenantId, events);
  return after;
}
