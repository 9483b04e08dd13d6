import type { Db } from "../db/database.js";
import { events } from "../db/schema.js";
import { withTenant } from "../db/tenant.js";
import type { JobPayloads } from "./queue.js";

export const FOLLOW_UP_EVENT_TYPES = {
  due: "lead.follow_up_due",
  overdue: "lead.follow_up_overdue",
} as const;

/**
 * A follow-up reminder fired: record `lead.follow_up_due` / `lead.follow_up_overdue` in the
 * tenant's event log (delivery to subscribers comes later). The event id is derived from the job
 * so a retried job does not record the event twice.
 */
export async function processFollowUpReminder(
  db: Db,
  data: JobPayloads["lead.follow_up_reminder"],
): Promise<void> {
  await withTenant(db, data.tenantId, async (tx) => {
    await tx
      .insert(events)
      .values({
        id: reminderEventId(data),
        tenantId: data.tenantId,
        type: FOLLOW_UP_EVENT_TYPES[data.kind],
        entityType: "follow_up_task",
        entityId: data.taskId,
        payload: { leadId: data.leadId, taskId: data.taskId },
      })
      .onConflictDoNothing();
  });
}

/** One event per task and kind: `evt_<task ulid>_due`. */
export function reminderEventId(data: JobPayloads["lead.follow_up_reminder"]): string {
  const taskPart = data.taskId.slice(data.taskId.indexOf("_") + 1);
  return `evt_${taskPart}_${data.kind}`;
}
