import {
  type ChangeOrderStatusOptions,
  ConflictError,
  changeOrderStatus,
  type Order,
  type OrderStatus,
  TransitionError,
} from "@forecourt/sdk";
import type { Actor } from "../auth/roles.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { assertInDealScope, type DealScope } from "../opportunities/scope.js";
import { recordStatusChanges } from "./events.js";
import { loadOrder, saveOrder, versionConflict } from "./rows.js";

/**
 * The SDK's order functions throw typed errors; this is where they become the hub's: an illegal
 * move `illegal_order_transition` with the states allowed, a change written against older terms
 * `order_change_stale`. (Validation errors pass through to `validation_failed`.)
 */
export async function runOrderDomain<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TransitionError) {
      throw new HubError("illegal_order_transition", error.message, {
        entity: error.message.split(" cannot")[0],
        from: error.from,
        to: error.to,
        allowed: [...error.allowed],
      });
    }
    if (error instanceof ConflictError) {
      throw new HubError("order_change_stale", error.message);
    }
    throw error;
  }
}

/** Now, but never before the order's last change (a clock stepping back must not be refused). */
export function changeTime(order: Order): string {
  return new Date(Math.max(Date.now(), Date.parse(order.updatedAt))).toISOString();
}

/**
 * `changeOrderStatus` for the hub: the history names the salesperson who acted, or nobody when
 * the key acts for no salesperson (an integration recording a delivery milestone) — the audit
 * log has the key. (The SDK needs a person, so the order's own stands in and is then removed.)
 */
export function moveOrder(
  order: Order,
  to: OrderStatus,
  person: string | undefined,
  options: Omit<ChangeOrderStatusOptions, "by">,
): Order {
  const next = changeOrderStatus(order, to, { ...options, by: person ?? order.salespersonId });
  if (person) return next;
  const history = [...next.statusHistory];
  const { by: _placeholder, ...entry } = history.pop()!;
  return { ...next, statusHistory: [...history, entry] };
}

export interface OrderMutation {
  /** Audit action, e.g. `order.submitted`. */
  action: string;
  /** The version the caller read; a different stored version answers 409. */
  version: number;
  change(current: Order, at: string): Promise<Order>;
}

/**
 * Loads the order locked for update, checks scope (404) and version (409), applies the change,
 * saves it and records the audit entry and one `order.status_changed` per status passed — all
 * in `tx`.
 */
export async function mutateOrder(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  mutation: OrderMutation,
): Promise<Order> {
  const before = await loadOrder(tx, actor.tenantId, id, true);
  assertInDealScope(scope, "order", before);
  if (mutation.version !== before.version) {
    throw versionConflict("order", id, mutation.version, before.version);
  }
  const after = await runOrderDomain(() => mutation.change(before, changeTime(before)));
  await saveOrder(tx, actor.tenantId, before, after);
  await recordAudit(tx, actor, requestId, {
    action: mutation.action,
    entityType: "order",
    entityId: id,
    before,
    after,
  });
  await recordStatusChanges(tx, actor.tenantId, before, after);
  return after;
}
