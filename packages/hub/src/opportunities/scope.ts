import type { Actor, ApiKeyRole } from "../auth/roles.js";
import { HubError } from "../errors.js";
import { assertInScope, type LeadScope, leadScopeOf, scopeFilters } from "../leads/scope.js";

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
 * Which deals (opportunities and orders) a key sees: the same rule as leads — a key bound to a
 * salesperson its own, a key bound to a store that store's, any other key the whole group. The
 * names below keep call sites readable; the rule itself lives once, in leads/scope.ts.
 */
export type DealScope = LeadScope;
export const dealScopeOf = leadScopeOf;
/** WHERE conditions confining a query on a table with owner and store columns to the scope. */
export const dealScopeFilters = scopeFilters;
/** Outside the scope an object answers 404: its existence is not revealed. */
export const assertInDealScope = assertInScope;

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
