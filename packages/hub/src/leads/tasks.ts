import {
  addBusinessMinutes,
  compileBusinessCalendar,
  DEFAULT_ESCALATE_AFTER_MINUTES,
  scheduleStoreSchema,
} from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import { followUpTasks, leads } from "../db/schema.js";
import { HubError, notFound } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { recordEvents } from "./events.js";
import { nextPendingTask, replanFollowUps } from "./followUps.js";
import { invalidBody, loadTask } from "./load.js";
import { type TaskRow, taskFromRow } from "./rows.js";
import { PENDING_TASK_STATUSES } from "./schemas.js";

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The task and its lead, locked lead first (the order every lead change takes), so completing a
 * task never waits in a circle with a change to its lead.
 */
async function lockTask(c: LeadContext, id: string) {
  const tenantId = c.actor.tenantId;
  const { task } = await loadTask(c.tx, tenantId, c.scope, id);
  const [lead] = await c.tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, task.leadId)))
    .for("update");
  const [locked] = await c.tx
    .select()
    .from(followUpTasks)
    .where(and(eq(followUpTasks.tenantId, tenantId), eq(followUpTasks.id, id)))
    .for("update");
  if (!lead || !locked) throw notFound("task", id);
  if (!(PENDING_TASK_STATUSES as readonly string[]).includes(locked.status)) {
    throw new HubError("task_closed", `task ${id} is ${locked.status}`, { status: locked.status });
  }
  return { task: locked, lead };
}

/**
 * `POST /v1/tasks/{id}/complete`: the contact happened. The lead records it (first contact, last
 * activity, new → contacted) and its follow-ups are planned again from this contact, as the
 * cadence runs from the latest activity.
 */
export async function completeTask(
  c: LeadContext,
  id: string,
  body: { note?: string | undefined; completedAt?: string | undefined },
): Promise<{ task: TaskRow; remind: (TaskRow | undefined)[] }> {
  const { tx, actor } = c;
  const tenantId = actor.tenantId;
  const completedAt = body.completedAt ? new Date(body.completedAt) : c.now;
  if (completedAt.getTime() > c.now.getTime() + 60_000) {
    throw invalidBody("completedAt", "must not be in the future");
  }
  const { task, lead } = await lockTask(c, id);
  const [done] = await tx
    .update(followUpTasks)
    .set({
      status: "completed",
      completedAt,
      ...(body.note !== undefined ? { note: body.note } : {}),
      updatedAt: c.now,
      version: sql`${followUpTasks.version} + 1`,
    })
    .where(and(eq(followUpTasks.tenantId, tenantId), eq(followUpTasks.id, id)))
    .returning();
  const lastActivityAt =
    lead.lastActivityAt && lead.lastActivityAt > completedAt ? lead.lastActivityAt : completedAt;
  const [updatedLead] = await tx
    .update(leads)
    .set({
      firstContactAt: lead.firstContactAt ?? completedAt,
      lastActivityAt,
      ...(lead.status === "new" ? { status: "contacted" } : {}),
      updatedAt: c.now,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, lead.id)))
    .returning();
  const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
  const after = updatedLead!;
  await replanFollowUps(
    tx,
    tenantId,
    after,
    after.storeId ? setup.stores.get(after.storeId) : undefined,
    c.now,
  );
  const completed = done!;
  await recordAudit(tx, actor, c.requestId, {
    action: "task.completed",
    entityType: "follow_up_task",
    entityId: id,
    before: taskFromRow(task),
    after: taskFromRow(completed),
  });
  await recordEvents(tx, tenantId, [
    {
      type: "lead.task_completed",
      entityType: "follow_up_task",
      entityId: id,
      payload: {
        leadId: lead.id,
        taskId: id,
        kind: task.kind,
        salespersonId: task.salespersonId,
        completedAt: completedAt.toISOString(),
        leadStatus: after.status,
      },
    },
  ]);
  return { task: completed, remind: [await nextPendingTask(tx, tenantId, lead.id)] };
}

/**
 * `POST /v1/tasks/{id}/snooze`: the task falls due again at `until`; its escalation moves with
 * it (the policy's business minutes after, in the store's hours) and its reminders are
 * rescheduled, the old ones finding the task changed and recording nothing.
 */
export async function snoozeTask(
  c: LeadContext,
  id: string,
  body: { until: string; note?: string | undefined },
): Promise<TaskRow> {
  const { tx, actor } = c;
  const tenantId = actor.tenantId;
  const until = new Date(body.until);
  if (until.getTime() <= c.now.getTime()) throw invalidBody("until", "must be in the future");
  if (until.getTime() > c.now.getTime() + YEAR_MS) {
    throw invalidBody("until", "must be within a year");
  }
  const { task, lead } = await lockTask(c, id);
  const setup = await loadAssignmentSetup(tx, c.owner, tenantId);
  const store = lead.storeId ? setup.stores.get(lead.storeId) : undefined;
  const calendar = compileBusinessCalendar(scheduleStoreSchema.parse(store ?? {}));
  const escalateAt = new Date(
    addBusinessMinutes(calendar, until.getTime(), DEFAULT_ESCALATE_AFTER_MINUTES),
  );
  const [row] = await tx
    .update(followUpTasks)
    .set({
      status: "snoozed",
      snoozedUntil: until,
      escalateAt,
      ...(body.note !== undefined ? { note: body.note } : {}),
      updatedAt: c.now,
      version: sql`${followUpTasks.version} + 1`,
    })
    .where(and(eq(followUpTasks.tenantId, tenantId), eq(followUpTasks.id, id)))
    .returning();
  const snoozed = row!;
  await recordAudit(tx, actor, c.requestId, {
    action: "task.snoozed",
    entityType: "follow_up_task",
    entityId: id,
    before: taskFromRow(task),
    after: taskFromRow(snoozed),
  });
  await recordEvents(tx, tenantId, [
    {
      type: "lead.task_snoozed",
      entityType: "follow_up_task",
      entityId: id,
      payload: { leadId: lead.id, taskId: id, until: until.toISOString() },
    },
  ]);
  return snoozed;
}
