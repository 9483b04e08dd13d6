import { DEFAULT_RATING_SCHEME, normalizeLead, rateLead } from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import { leads } from "../db/schema.js";
import { recordAudit } from "../lib/audit.js";
import { loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { recordEvents } from "./events.js";
import { nextPendingTask, replanFollowUps } from "./followUps.js";
import { invalidBody, loadLead } from "./load.js";
import { type LeadRow, leadFromRow, leadInputOf, type TaskRow } from "./rows.js";
import { actorLabel } from "./scope.js";

/** Grades a person may set: those of the rating scheme in use (the default H/A/B/C/O/F). */
export const OVERRIDE_GRADES: readonly string[] = [
  ...DEFAULT_RATING_SCHEME.grades.map((g) => g.grade),
  DEFAULT_RATING_SCHEME.orderedGrade ?? "O",
  DEFAULT_RATING_SCHEME.lostGrade ?? "F",
];

/**
 * `POST /v1/leads/{id}/grade`: a person's grade replaces the computed one (which is kept, with
 * its score, beside it); `null` removes the override. The rating reasons name who and why, and a
 * changed grade re-plans the follow-up cadence.
 */
export async function overrideGrade(
  c: LeadContext,
  id: string,
  grade: string | null,
  reason: string,
): Promise<{ row: LeadRow; remind: (TaskRow | undefined)[] }> {
  const { tx, actor, crypto } = c;
  const tenantId = actor.tenantId;
  if (grade !== null && !OVERRIDE_GRADES.includes(grade)) {
    throw invalidBody("grade", `must be one of ${OVERRIDE_GRADES.join(", ")}`);
  }
  const before = await loadLead(tx, tenantId, c.scope, id, true);
  const beforeView = leadFromRow(before, crypto);
  const override = grade === null ? null : { grade, reason, by: actorLabel(actor) };
  const { lead } = normalizeLead(leadInputOf(beforeView));
  const rating = rateLead({
    ...lead,
    status: beforeView.status,
    ...(before.lostReason ? { lostReason: before.lostReason } : {}),
    ...(override ? { gradeOverride: override } : {}),
  });
  const [row] = await tx
    .update(leads)
    .set({
      grade: rating.grade,
      computedGrade: rating.computedGrade,
      gradeScore: rating.score ?? null,
      gradeReasons: rating.reasons,
      gradeOverride: override,
      updatedAt: c.now,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, id)))
    .returning();
  const after = row!;
  let remind: (TaskRow | undefined)[] = [];
  if (after.grade !== before.grade) {
    const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
    const store = after.storeId ? setup.stores.get(after.storeId) : undefined;
    await replanFollowUps(tx, tenantId, after, store, c.now);
    remind = [await nextPendingTask(tx, tenantId, id)];
  }
  await recordAudit(tx, actor, c.requestId, {
    action: grade === null ? "lead.grade_override_removed" : "lead.grade_overridden",
    entityType: "lead",
    entityId: id,
    before: beforeView,
    after: leadFromRow(after, crypto),
  });
  await recordEvents(tx, tenantId, [
    {
      type: "lead.graded",
      entityType: "lead",
      entityId: id,
      payload: {
        leadId: id,
        from: before.grade,
        to: after.grade,
        computedGrade: after.computedGrade,
        overridden: override !== null,
        by: actorLabel(actor),
      },
    },
  ]);
  return { row: after, remind };
}
