import { asc, inArray, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/database.js";
import { followUpTasks } from "../db/schema.js";
import type { JobQueue } from "../jobs/queue.js";
import { effectiveDue, type TaskRow } from "./rows.js";
import { PENDING_TASK_STATUSES } from "./schemas.js";

/**
 * Schedules the delayed jobs of a pending follow-up task: `due` when it falls due (or its snooze
 * ends) and `overdue` when it escalates to the store manager. Job ids name the task, kind and
 * moment, so scheduling the same thing twice is a no-op, and the processor ignores a job whose
 * task has been completed, cancelled or rescheduled since.
 *
 * Called after the transaction that wrote the task has committed (on the embedded database the
 * queue shares the one PostgreSQL session, so enqueueing inside the transaction would wait on
 * itself). If enqueueing fails the task is still stored and listed; the failure is logged without
 * any personal data.
 */
export async function scheduleReminders(
  queue: JobQueue,
  tenantId: string,
  tasks: (TaskRow | undefined)[],
  log?: FastifyBaseLogger,
): Promise<void> {
  const now = Date.now();
  const jobs: Parameters<JobQueue["enqueueMany"]>[0] = [];
  for (const task of tasks) {
    if (!task || (task.status !== "open" && task.status !== "snoozed")) continue;
    const moments: ["due" | "overdue", Date][] = [["due", effectiveDue(task)]];
    if (task.escalateAt) moments.push(["overdue", task.escalateAt]);
    for (const [kind, at] of moments) {
      jobs.push({
        name: "lead.follow_up_reminder",
        data: {
          tenantId,
          leadId: task.leadId,
          taskId: task.id,
          kind,
          scheduledFor: at.toISOString(),
        },
        options: {
          delayMs: Math.max(0, at.getTime() - now),
          jobId: `follow-up-${task.id}-${kind}-${at.getTime()}`,
        },
      });
    }
  }
  try {
    // One call for all of them (one round trip to the queue).
    await queue.enqueueMany(jobs);
  } catch (error) {
    log?.warn(
      { taskIds: tasks.flatMap((t) => (t ? [t.id] : [])), error: (error as Error).name },
      "could not schedule follow-up reminders",
    );
  }
}

/**
 * Schedules again the reminders of every lead's next pending task, for every tenant. Run when
 * workers start: a process that stopped between committing a task and enqueueing its jobs, or a
 * database restored from a backup (which holds no jobs), gets its reminders back. Safe to repeat:
 * job ids dedupe what is still queued, and a reminder that already fired finds its event recorded
 * (event ids derive from task, kind and moment) and adds nothing. Reads as the database owner,
 * across tenants, like the backup. Returns how many tasks it scheduled for.
 */
export async function rescheduleFollowUpReminders(db: Db, queue: JobQueue): Promise<number> {
  const next = await db
    .selectDistinctOn([followUpTasks.tenantId, followUpTasks.leadId])
    .from(followUpTasks)
    .where(inArray(followUpTasks.status, [...PENDING_TASK_STATUSES]))
    .orderBy(
      asc(followUpTasks.tenantId),
      asc(followUpTasks.leadId),
      asc(sql`coalesce(${followUpTasks.snoozedUntil}, ${followUpTasks.dueAt})`),
      asc(followUpTasks.id),
    );
  for (const task of next) await scheduleReminders(queue, task.tenantId, [task]);
  return next.length;
}
