import type { FastifyBaseLogger } from "fastify";
import type { JobQueue } from "../jobs/queue.js";
import { effectiveDue, type TaskRow } from "./rows.js";

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
  for (const task of tasks) {
    if (!task || (task.status !== "open" && task.status !== "snoozed")) continue;
    const moments: ["due" | "overdue", Date][] = [["due", effectiveDue(task)]];
    if (task.escalateAt) moments.push(["overdue", task.escalateAt]);
    for (const [kind, at] of moments) {
      const scheduledFor = at.toISOString();
      try {
        await queue.enqueue(
          "lead.follow_up_reminder",
          { tenantId, leadId: task.leadId, taskId: task.id, kind, scheduledFor },
          {
            delayMs: Math.max(0, at.getTime() - now),
            jobId: `follow-up-${task.id}-${kind}-${at.getTime()}`,
          },
        );
      } catch (error) {
        log?.warn(
          { taskId: task.id, kind, error: (error as Error).name },
          "could not schedule a follow-up reminder",
        );
      }
    }
  }
}
