import { newId } from "@forecourt/sdk";
import { events } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";

/** The lead events this side of the hub records (delivery to subscribers comes later). */
export type LeadEventType =
  | "lead.created"
  | "lead.merged"
  | "lead.assigned"
  | "lead.transferred"
  | "lead.updated"
  | "lead.status_changed"
  | "lead.graded"
  | "lead.task_completed"
  | "lead.task_snoozed";

export interface DomainEvent {
  type: LeadEventType;
  entityType: "lead" | "follow_up_task";
  entityId: string;
  /** Ids, grades, statuses and reasons only: never contact details. */
  payload: Record<string, unknown>;
}

/** Appends events in the caller's transaction, so an event exists exactly when its change does. */
export async function recordEvents(tx: Tx, tenantId: string, list: DomainEvent[]): Promise<void> {
  if (list.length === 0) return;
  await eventsInsert(tx, tenantId, list);
}

/** The INSERT of `list` (not empty), not yet run: to send with the change it records. */
export function eventsInsert(tx: Tx, tenantId: string, list: DomainEvent[]) {
  return tx.insert(events).values(list.map(eventValues(tenantId)));
}

/** The row of an event. */
export const eventValues =
  (tenantId: string) =>
  (event: DomainEvent): typeof events.$inferInsert => ({
    id: newId("event"),
    tenantId,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId,
    payload: event.payload,
  });
