import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Actor, ApiKeyRole } from "../auth/roles.js";
import { HubError, notFound } from "../errors.js";

/** Roles that may open opportunities, change their stage, close them and record activities. */
export const OPPORTUNITY_WRITERS: readonly ApiKeyRole[] = [
  "admin",
  "manager",
  "sales",
  "integration",
];
/** Roles that may hand an opportunity to another salesperson (转移 is a manager's decision). */
export const OPPORTUNITY_TRANSFERRERS: readonly ApiKeyRole[] = ["admin", "manager"];

/**
 * Which deals a key sees, like leads: a key bound to a salesperson its own, a key bound to a
 * store that store's, any other key the whole group. Empty means the group.
 */
export interface DealScope {
  salespersonId?: string;
  storeId?: string;
}

export function dealScopeOf(actor: Actor): DealScope {
  if (actor.salespersonId) return { salespersonId: actor.salespersonId };
  // A sales key that acts as nobody in particular must not fall through to the group's view.
  if (actor.role === "sales") {
    throw new HubError(
      "forbidden",
      "This sales key is not bound to a salesperson; create it with --salesperson",
      { role: actor.role },
    );
  }
  if (actor.storeId) return { storeId: actor.storeId };
  return {};
}

/** WHERE conditions confining a query on a table with owner and store columns to the scope. */
export function dealScopeFilters(
  scope: DealScope,
  columns: { salespersonId: PgColumn; storeId: PgColumn },
): SQL[] {
  const filters: SQL[] = [];
  if (scope.salespersonId) filters.push(eq(columns.salespersonId, scope.salespersonId));
  if (scope.storeId) filters.push(eq(columns.storeId, scope.storeId));
  return filters;
}

/** Outside the scope an object answers 404: its existence is not revealed. */
export function assertInDealScope(
  scope: DealScope,
  entity: string,
  object: { id: string; salespersonId: string | null; storeId: string | null },
): void {
  const outside =
    (scope.salespersonId !== undefined && object.salespersonId !== scope.salespersonId) ||
    (scope.storeId !== undefined && object.storeId !== scope.storeId);
  if (outside) throw notFound(entity, object.id);
}

/** A deal may only be given to an owner inside the scope (403: the caller named them). */
export function assertMayOwn(
  scope: DealScope,
  owner: { salespersonId: string; storeId: string },
): void {
  if (scope.salespersonId !== undefined && owner.salespersonId !== scope.salespersonId) {
    throw new HubError("forbidden", "This key may only act for its own salesperson", {
      salespersonId: scope.salespersonId,
    });
  }
  if (scope.storeId !== undefined && owner.storeId !== scope.storeId) {
    throw new HubError("forbidden", "This key is limited to another store", {
      storeId: scope.storeId,
    });
  }
}

/** Who made a change, as the stage history records it. */
export const actorLabel = (actor: Actor): string => actor.salespersonId ?? `key:${actor.apiKeyId}`;
