import { newId } from "@forecourt/sdk";
import type { Actor } from "../auth/roles.js";
import { auditEvents } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { digestOf } from "./crypto.js";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a mutation in the same transaction as the mutation itself, so there is never a change
 * without its entry. Only digests of the before/after states are kept: the log proves what
 * changed without becoming a second copy of personal data.
 */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  requestId: string | undefined,
  entry: AuditEntry,
): Promise<void> {
  await auditInsert(tx, actor, requestId, entry);
}

/**
 * The INSERT of an audit entry, not yet run: for a caller that sends it together with the
 * mutation it records, in one statement of the same transaction.
 */
export function auditInsert(
  tx: Tx,
  actor: Actor,
  requestId: string | undefined,
  entry: AuditEntry,
) {
  return tx.insert(auditEvents).values(auditValues({ actor, requestId, entry }));
}

/** The row of an audit entry, for an INSERT of several entries at once. */
export function auditValues({
  actor,
  requestId,
  entry,
}: {
  actor: Actor;
  requestId: string | undefined;
  entry: AuditEntry;
}): typeof auditEvents.$inferInsert {
  return {
    id: newId("auditEvent"),
    tenantId: actor.tenantId,
    actorKeyId: actor.apiKeyId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    requestId: requestId ?? null,
    beforeDigest: entry.before === undefined ? null : digestOf(entry.before),
    afterDigest: entry.after === undefined ? null : digestOf(entry.after),
  };
}
