import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { events, followUpTasks } from "../db/schema.js";
import { withTenant } from "../db/tenant.js";
import { sha256Hex } from "../lib/crypto.js";
import type { JobPayloads } from "./queue.js";

export const FOLLOW_UP_EVENT_TYPES = {
  due: "lead.follow_up_due",
  overdue: "lead.follow_up_overdue",
} as const;

type Reminder = JobPayloads["lead.follow_up_reminder"];
type TaskRow = typeof followUpTasks.$inferSelect;

/**
 * Whether the reminder still stands: the task exists and waits for someone (not completed or
 * cancelled), and — for reminders that say when they were meant for — the task still falls due
 * (or escalates) at that moment. A task snoozed or re-planned since was given new reminders.
 */
export function reminderStillDue(task: TaskRow | undefined, data: Reminder): boolean {
  if (!task || (task.status !== "open" && task.status !== "snoozed")) return false;
  const due = task.snoozedUntil ?? task.dueAt;
  if (data.scheduledFor === undefined) return task.status === "open";
  const at = Date.parse(data.scheduledFor);
  return data.kind === "due" ? due.getTime() === at : task.escalateAt?.getTime() === at;
}

/**
 * A follow-up reminder fired: unless the task was completed, cancelled or rescheduled meanwhile,
 * record `lead.follow_up_due` / `lead.follow_up_overdue` in the tenant's event log (delivery to
 * subscribers comes later). The event id is derived from the job, so a retried job does not
 * record the event twice.
 */
export async function processFollowUpReminder(db: Db, data: Reminder): Promise<void> {
  await withTenant(db, data.tenantId, async (tx) => {
    const [task] = await tx
      .select()
      .from(followUpTasks)
      .where(and(eq(followUpTasks.tenantId, data.tenantId), eq(followUpTasks.id, data.taskId)))
      .limit(1);
    if (!reminderStillDue(task, data) || !task) return;
    await tx
      .insert(events)
      .values({
        id: reminderEventId(data),
        tenantId: data.tenantId,
        type: FOLLOW_UP_EVENT_TYPES[data.kind],
        entityType: "follow_up_task",
        entityId: data.taskId,
        payload: {
          leadId: data.leadId,
          taskId: data.taskId,
          taskKind: task.kind,
          salespersonId: task.salespersonId,
          dueAt: (task.snoozedUntil ?? task.dueAt).toISOString(),
          ...(data.kind === "overdue"
            ? { escalateAt: task.escalateAt?.toISOString(), escalateToId: task.escalateToId }
            : {}),
        },
      })
      .onConflictDoNothing();
  });
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * One event per task, kind and scheduled moment. With a scheduled moment the id is a ULID-shaped
 * `evt_…` whose time part is that moment and whose random part comes from a digest of the task
 * and kind, so it sorts with the other events and pages like them; a snoozed task that falls due
 * again gets a second event. Without one: `evt_<task ulid>_due`.
 */
export function reminderEventId(data: Reminder): string {
  if (data.scheduledFor === undefined) {
    const taskPart = data.taskId.slice(data.taskId.indexOf("_") + 1);
    return `evt_${taskPart}_${data.kind}`;
  }
  let time = Math.max(0, Math.floor(Date.parse(data.scheduledFor)));
  let timePart = "";
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  const digest = sha256Hex(`${data.taskId}|${data.kind}|${data.scheduledFor}`);
  let randomPart = "";
  for (let i = 0; i < 16; i++)
    randomPart += CROCKFORD[Number.parseInt(digest.slice(i * 2, i * 2 + 2), 16) % 32];
  return `evt_${timePart}${randomPart}`;
}
