import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Actor, ApiKeyRole } from "../auth/roles.js";
import { HubError, notFound } from "../errors.js";

/** Roles that may send leads in and read them (finance keys see orders, not leads). */
export const LEAD_READERS: readonly ApiKeyRole[] = [
  "admin",
  "manager",
  "sales",
  "marketing",
  "integration",
];
export const LEAD_CREATORS = LEAD_READERS;
/** Roles that may change a lead, override its grade and work its follow-up tasks. */
export const LEAD_EDITORS: readonly ApiKeyRole[] = ["admin", "manager", "sales", "integration"];
/** Roles that may (re)assign and transfer leads: a manager's decision. */
export const LEAD_ASSIGNERS: readonly ApiKeyRole[] = ["admin", "manager"];
/** Roles that may read and replace the assignment rules. */
export const RULE_ADMINS: readonly ApiKeyRole[] = ["admin"];
export const CUSTOMER_READERS = LEAD_READERS;
export const CUSTOMER_WRITERS = LEAD_READERS;

/**
 * What a key sees of leads, tasks and customers: a key bound to a salesperson its own, a key bound
 * to a store that store's, any other key the whole group. Outside it objects answer 404, so ids
 * of other people's leads do not leak.
 */
export interface LeadScope {
  salespersonId?: string;
  storeId?: string;
}

export function leadScopeOf(actor: Actor): LeadScope {
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

export const isGroupWide = (scope: LeadScope) => !scope.salespersonId && !scope.storeId;

/** WHERE conditions confining a query on a table with owner and store columns to the scope. */
export function scopeFilters(
  scope: LeadScope,
  columns: { salespersonId: PgColumn; storeId: PgColumn },
): SQL[] {
  const filters: SQL[] = [];
  if (scope.salespersonId) filters.push(eq(columns.salespersonId, scope.salespersonId));
  if (scope.storeId) filters.push(eq(columns.storeId, scope.storeId));
  return filters;
}

export function inScope(
  scope: LeadScope,
  object: { salespersonId: string | null; storeId: string | null },
): boolean {
  return !(
    (scope.salespersonId !== undefined && object.salespersonId !== scope.salespersonId) ||
    (scope.storeId !== undefined && object.storeId !== scope.storeId)
  );
}

/** Outside the scope an object answers 404: its existence is not revealed. */
export function assertInScope(
  scope: LeadScope,
  entity: string,
  object: { id: string; salespersonId: string | null; storeId: string | null },
): void {
  if (!inScope(scope, object)) throw notFound(entity, object.id);
}

/** A store-scoped key may only send work to its own store (403: the caller named the store). */
export function assertStoreAllowed(scope: LeadScope, storeId: string | undefined): void {
  if (scope.storeId !== undefined && storeId !== scope.storeId) {
    throw new HubError("forbidden", "This key is limited to another store", {
      storeId: scope.storeId,
    });
  }
}

/** Group-wide settings (the assignment rules) need a key without a store or salesperson scope. */
export function assertGroupKey(actor: Actor): void {
  if (actor.storeId || actor.salespersonId) {
    throw new HubError("forbidden", "This setting belongs to the whole group; use a group key", {
      role: actor.role,
    });
  }
}

/** Who did something, as reasons and overrides record it. */
export const actorLabel = (actor: Actor): string => actor.salespersonId ?? `key:${actor.apiKeyId}`;
