import { newId, OPEN_LEAD_STATUSES, planFollowUps, type ScheduleStore } from "@forecourt/sdk";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { followUpTasks } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import type { StoreSetup } from "./assignmentSetup.js";
import { effectiveDue, type LeadRow, type TaskRow } from "./rows.js";
import { PENDING_TASK_STATUSES } from "./schemas.js";

/** The schedule of a lead without a store: the SDK's default week (09:00–18:00, Asia/Shanghai). */
const NO_STORE: ScheduleStore = { timeZone: "Asia/Shanghai" };

type PlannableLead = Pick<
  LeadRow,
  "id" | "status" | "grade" | "receivedAt" | "firstContactAt" | "lastActivityAt" | "salespersonId"
>;

/** Task rows the SDK's follow-up plan asks for, in the store's business hours and time zone. */
export function plannedTasks(
  tenantId: string,
  lead: PlannableLead,
  store: StoreSetup | undefined,
  now: Date,
): (typeof followUpTasks.$inferInsert)[] {
  const plan = planFollowUps(
    {
      status: lead.status as "new",
      ...(lead.grade ? { grade: lead.grade } : {}),
      receivedAt: lead.receivedAt.toISOString(),
      ...(lead.firstContactAt ? { firstContactAt: lead.firstContactAt.toISOString() } : {}),
      ...(lead.lastActivityAt ? { lastActivityAt: lead.lastActivityAt.toISOString() } : {}),
      ...(lead.salespersonId ? { salespersonId: lead.salespersonId } : {}),
    },
    // The same store object each time, so the SDK's per-store calendar cache keeps working.
    { store: store ?? NO_STORE, now: now.toISOString() },
  );
  return plan.tasks.map((task) => ({
    id: newId("task"),
    tenantId,
    leadId: lead.id,
    salespersonId: lead.salespersonId,
    kind: task.kind,
    sequence: task.sequence,
    status: "open",
    dueAt: new Date(task.dueAt),
    escalateAt: new Date(task.escalateAt),
    escalateToId: task.escalateToId ?? null,
    reasons: task.reasons,
    createdAt: now,
    updatedAt: now,
  }));
}

export async function insertTasks(
  tx: Tx,
  rows: (typeof followUpTasks.$inferInsert)[],
): Promise<TaskRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(followUpTasks).values(rows).returning();
}

/**
 * Plans a lead's follow-ups again after something that moves its cadence (a contact, a new grade,
 * a reopened lead): pending follow-ups are cancelled and the plan's new ones take their place; a
 * pending first-contact task stays. A lead that is no longer open keeps no pending tasks.
 */
export async function replanFollowUps(
  tx: Tx,
  tenantId: string,
  lead: LeadRow,
  store: StoreSetup | undefined,
  now: Date,
): Promise<TaskRow[]> {
  const pending = await tx
    .select({ id: followUpTasks.id, kind: followUpTasks.kind })
    .from(followUpTasks)
    .where(
      and(
        eq(followUpTasks.tenantId, tenantId),
        eq(followUpTasks.leadId, lead.id),
        inArray(followUpTasks.status, [...PENDING_TASK_STATUSES]),
      ),
    );
  const open = (OPEN_LEAD_STATUSES as readonly string[]).includes(lead.status);
  // A pending first-contact task stays until the first contact is made; after it, it is moot.
  const keepFirstContact =
    open && lead.firstContactAt === null && pending.some((t) => t.kind === "first_contact");
  const cancel = pending.filter((t) => !(keepFirstContact && t.kind === "first_contact"));
  if (cancel.length > 0) {
    await tx
      .update(followUpTasks)
      .set({ status: "cancelled", updatedAt: now, version: sql`${followUpTasks.version} + 1` })
      .where(
        and(
          eq(followUpTasks.tenantId, tenantId),
          inArray(
            followUpTasks.id,
            cancel.map((t) => t.id),
          ),
        ),
      );
  }
  if (!open) return [];
  const rows = plannedTasks(tenantId, lead, store, now).filter(
    (t) => !(keepFirstContact && t.kind === "first_contact"),
  );
  return insertTasks(tx, rows);
}

/** The lead's pending task that falls due first: the one reminders are scheduled for. */
export async function nextPendingTask(
  tx: Tx,
  tenantId: string,
  leadId: string,
): Promise<TaskRow | undefined> {
  const rows = await tx
    .select()
    .from(followUpTasks)
    .where(
      and(
        eq(followUpTasks.tenantId, tenantId),
        eq(followUpTasks.leadId, leadId),
        inArray(followUpTasks.status, [...PENDING_TASK_STATUSES]),
      ),
    )
    .orderBy(
      asc(sql`coalesce(${followUpTasks.snoozedUntil}, ${followUpTasks.dueAt})`),
      asc(followUpTasks.id),
    )
    .limit(1);
  return rows[0];
}

/** The first task of a list to fall due (the one to remind about), if any is pending. */
export function firstDue(tasks: TaskRow[]): TaskRow | undefined {
  let best: TaskRow | undefined;
  for (const task of tasks) {
    if (!(PENDING_TASK_STATUSES as readonly string[]).includes(task.status)) continue;
    if (!best || effectiveDue(task) < effectiveDue(best)) best = task;
  }
  return best;
}
