import { type LeadStatus, normalizeLead, OPEN_LEAD_STATUSES, rateLead } from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import { leads } from "../db/schema.js";
import { recordAudit } from "../lib/audit.js";
import { loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { type DomainEvent, recordEvents } from "./events.js";
import { nextPendingTask, replanFollowUps } from "./followUps.js";
import { invalidBody, loadLead } from "./load.js";
import { type LeadView, leadColumns, leadFromRow, leadInputOf, type TaskRow } from "./rows.js";
import type { LeadPatch } from "./schemas.js";
import { assertStatusTransition } from "./status.js";
import { assertVersion } from "./versions.js";

const isOpen = (status: string) => (OPEN_LEAD_STATUSES as readonly string[]).includes(status);

/** The stored lead's input with a PATCH laid over it: `null` removes, anything else replaces. */
function mergePatch(current: LeadView, patch: LeadPatch): Record<string, unknown> {
  const input = leadInputOf(current);
  const { status: _s, lostReason: _l, version: _v, contact, engagement, ...fields } = patch;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) delete input[key];
    else input[key] = value;
  }
  if (contact) {
    const merged: Record<string, unknown> = { ...current.contact };
    for (const [key, value] of Object.entries(contact)) {
      if (value === undefined) continue;
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    input.contact = merged;
  }
  if (engagement) input.engagement = { ...current.engagement, ...engagement };
  return input;
}

/**
 * `PATCH /v1/leads/{id}`: the lead is normalised again as a whole (so a changed phone or email is
 * re-indexed exactly like a new lead's), re-rated (a person's override stays), and moved to a new
 * status if asked and allowed. A change of status or grade re-plans the follow-ups.
 */
export async function updateLead(
  c: LeadContext,
  id: string,
  patch: LeadPatch,
  expected: number | undefined,
): Promise<{ row: typeof leads.$inferSelect; remind: (TaskRow | undefined)[] }> {
  const { tx, actor, crypto } = c;
  const tenantId = actor.tenantId;
  const before = await loadLead(tx, tenantId, c.scope, id, true);
  assertVersion("lead", id, before.version, expected);
  const beforeView = leadFromRow(before, crypto);

  const { lead: normalized } = normalizeLead(mergePatch(beforeView, patch));
  // A phone or email sent in this PATCH must be usable; normalisation would only warn and drop it.
  for (const field of ["phone", "email"] as const) {
    const sent = patch.contact?.[field];
    if (sent && normalized.contact[field] === undefined) {
      throw invalidBody(
        `contact.${field}`,
        `not a valid ${field === "phone" ? "phone number" : "email address"}`,
      );
    }
  }

  const from = before.status as LeadStatus;
  const to = patch.status ?? from;
  assertStatusTransition(id, from, to);
  let lostReason = to === "lost" ? (patch.lostReason ?? before.lostReason) : null;
  if (patch.lostReason !== undefined && to !== "lost") {
    throw invalidBody("lostReason", 'only with status "lost"');
  }
  if (to === "lost" && !lostReason)
    throw invalidBody("lostReason", 'required when the status becomes "lost"');
  lostReason = lostReason ?? null;

  const rating = rateLead({
    ...normalized,
    status: to,
    ...(lostReason ? { lostReason } : {}),
    ...(before.gradeOverride ? { gradeOverride: before.gradeOverride } : {}),
  });
  const contacted = to === "contacted" && from !== "contacted";
  const [row] = await tx
    .update(leads)
    .set({
      ...leadColumns(normalized, crypto),
      status: to,
      lostReason,
      grade: rating.grade,
      computedGrade: rating.computedGrade,
      gradeScore: rating.score ?? null,
      gradeReasons: rating.reasons,
      ...(contacted
        ? { firstContactAt: before.firstContactAt ?? c.now, lastActivityAt: c.now }
        : {}),
      updatedAt: c.now,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, id)))
    .returning();
  const after = row!;

  const statusChanged = to !== from;
  const gradeChanged = after.grade !== before.grade;
  let remind: (TaskRow | undefined)[] = [];
  if ((statusChanged && (isOpen(from) || isOpen(to))) || gradeChanged) {
    const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
    const store = after.storeId ? setup.stores.get(after.storeId) : undefined;
    await replanFollowUps(tx, tenantId, after, store, c.now);
    remind = [await nextPendingTask(tx, tenantId, id)];
  }

  const afterView = leadFromRow(after, crypto);
  await recordAudit(tx, actor, c.requestId, {
    action: "lead.updated",
    entityType: "lead",
    entityId: id,
    before: beforeView,
    after: afterView,
  });
  const changed = Object.keys(patch).filter((k) => k !== "version");
  const events: DomainEvent[] = [
    {
      type: "lead.updated",
      entityType: "lead",
      entityId: id,
      payload: { leadId: id, fields: changed },
    },
  ];
  if (statusChanged) {
    events.push({
      type: "lead.status_changed",
      entityType: "lead",
      entityId: id,
      payload: { leadId: id, from, to, ...(lostReason ? { lostReason } : {}) },
    });
  }
  if (gradeChanged) {
    events.push({
      type: "lead.graded",
      entityType: "lead",
      entityId: id,
      payload: {
        leadId: id,
        from: before.grade,
        to: after.grade,
        computedGrade: after.computedGrade,
      },
    });
  }
  await recordEvents(tx, tenantId, events);
  return { row: after, remind };
}
