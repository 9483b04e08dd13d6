import { TransitionError } from "@forecourt/sdk";
import type { Actor } from "../auth/roles.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { type HubOpportunity, loadOpportunity, saveOpportunity, versionConflict } from "./rows.js";
import { assertInDealScope, type DealScope } from "./scope.js";

/**
 * The SDK's domain functions throw typed errors; this is where an illegal stage move becomes the
 * hub's `illegal_stage_transition` with the stages that are allowed. (Validation errors pass
 * through: the error plugin already maps them to `validation_failed`.)
 */
export function runDomain<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TransitionError) {
      throw new HubError("illegal_stage_transition", error.message, {
        from: error.from,
        to: error.to,
        allowed: [...error.allowed],
      });
    }
    throw error;
  }
}

/**
 * The time a change is recorded at: now, but never before the opportunity's last change (a
 * server clock stepping back must not make the SDK refuse the change as out of order).
 */
export function changeTime(opportunity: HubOpportunity): string {
  const now = Date.now();
  const last = Date.parse(opportunity.updatedAt);
  return new Date(Math.max(now, last)).toISOString();
}

export interface Mutation {
  /** Audit action, e.g. `opportunity.stage_changed`. */
  action: string;
  /** The version the caller read; a different stored version answers 409. */
  version: number | undefined;
  change(current: HubOpportunity, at: string): HubOpportunity | Promise<HubOpportunity>;
}

/**
 * Loads the opportunity locked for update, checks scope (404) and version (409), applies the
 * change, saves it with its new history entries and records the audit entry — all in `tx`.
 */
export async function mutateOpportunity(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  mutation: Mutation,
): Promise<HubOpportunity> {
  const before = await loadOpportunity(tx, actor.tenantId, id, true);
  assertInDealScope(scope, "opportunity", before);
  if (mutation.version !== undefined && mutation.version !== before.version) {
    throw versionConflict(id, mutation.version, before.version);
  }
  const changed = await mutation.change(before, changeTime(before));
  // The SDK's functions drop the hub-only order reference; a change keeps it unless it sets one.
  const after: HubOpportunity =
    changed.wonOrderReference === undefined && before.wonOrderReference !== undefined
      ? { ...changed, wonOrderReference: before.wonOrderReference }
      : changed;
  await saveOpportunity(tx, actor.tenantId, before, after);
  await recordAudit(tx, actor, requestId, {
    action: mutation.action,
    entityType: "opportunity",
    entityId: id,
    before,
    after,
  });
  return after;
}
