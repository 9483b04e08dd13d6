import { newId, type Order, type OrderStatus } from "@forecourt/sdk";
import { events } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { enqueueOrderPushes } from "../sync/push.js";

/** The order events this side of the hub records (delivery to subscribers comes later). */
export type OrderEventType =
  | "order.created"
  | "order.status_changed"
  | "order.approved"
  | "order.change_requested"
  | "order.changed"
  | "order.contract_generated"
  | "order.contract_signed";

/** Appends an order event in the caller's transaction: it exists exactly when its change does. */
export async function recordOrderEvent(
  tx: Tx,
  tenantId: string,
  type: OrderEventType,
  order: Order,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(events).values({
    id: newId("event"),
    tenantId,
    type,
    entityType: "order",
    entityId: order.id,
    // Ids, numbers, statuses and amounts only: never the customer's details.
    payload: {
      orderId: order.id,
      orderNumber: order.orderNumber,
      status: order.status,
      storeId: order.storeId,
      salespersonId: order.salespersonId,
      version: order.version,
      ...payload,
    },
  });
}

/**
 * One `order.status_changed` per status the order passed through between `before` and `after`
 * (a submission that needs no approval passes through `submitted` to `approved`), each with its
 * history entry; tracking milestones (allocated, in transit, arrived, delivered) notify this way.
 */
export async function recordStatusChanges(
  tx: Tx,
  tenantId: string,
  before: Order,
  after: Order,
): Promise<void> {
  for (const entry of after.statusHistory.slice(before.statusHistory.length)) {
    await recordOrderEvent(tx, tenantId, "order.status_changed", after, {
      from: entry.from,
      to: entry.to,
      at: entry.at,
      ...(entry.note ? { note: entry.note } : {}),
    });
    if (entry.to === "approved") await onOrderApproved(tx, tenantId, after);
  }
}

/**
 * The hook for everything that follows an approval: it records `order.approved` and, in the same
 * transaction, one push per destination connection (`order_syncs` rows, tracked in
 * `orders.sync_status`; the sync sweeper puts them on the queue), so an approval and its pushes
 * are never separated.
 */
export async function onOrderApproved(tx: Tx, tenantId: string, order: Order): Promise<void> {
  await recordOrderEvent(tx, tenantId, "order.approved", order, {
    total: order.total,
    termsVersion: order.termsVersion ?? 1,
    approvals: order.approvals.map((a) => ({ role: a.role, by: a.by, decision: a.decision })),
  });
  await enqueueOrderPushes(tx, tenantId, order);
}

export const isFinal = (status: OrderStatus) => status === "delivered" || status === "cancelled";
