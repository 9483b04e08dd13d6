import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import { webhookDeliveries, webhookDeliveryAttempts } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import type { JobPayloads } from "../jobs/queue.js";
import { recordAudit } from "../lib/audit.js";
import { loadEndpoint } from "./endpoints.js";
import type { WebhookDeliveryResponse } from "./schemas.js";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookDeliveryAttempts.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function deliveryResponse(row: DeliveryRow): WebhookDeliveryResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    series: row.series,
    attemptCount: row.attemptCount,
    nextAttemptAt: iso(row.nextAttemptAt),
    lastAttemptAt: iso(row.lastAttemptAt),
    lastResponseStatus: row.lastResponseStatus,
    lastResponseBody: row.lastResponseBody,
    lastError: row.lastError,
    succeededAt: iso(row.succeededAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function attemptResponse(row: AttemptRow) {
  return {
    id: row.id,
    series: row.series,
    attempt: row.attempt,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    responseStatus: row.responseStatus,
    responseBody: row.responseBody,
    error: row.error,
    outcome: row.outcome,
    nextAttemptAt: iso(row.nextAttemptAt),
  };
}

export async function loadDelivery(tx: Tx, tenantId: string, id: string): Promise<DeliveryRow> {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .limit(1);
  if (!row) throw notFound("webhook delivery", id);
  return row;
}

export async function attemptsOf(tx: Tx, tenantId: string, deliveryId: string) {
  const rows = await tx
    .select()
    .from(webhookDeliveryAttempts)
    .where(
      and(
        eq(webhookDeliveryAttempts.tenantId, tenantId),
        eq(webhookDeliveryAttempts.deliveryId, deliveryId),
      ),
    )
    .orderBy(asc(webhookDeliveryAttempts.id));
  return rows.map(attemptResponse);
}

/**
 * A dead or failed delivery starts a new series of tries (from "immediately"), with the same
 * `webhook-id`. The endpoint must be active again (re-enable it after a 410 first). Returns the
 * first try's job, to enqueue after commit.
 */
export async function replayDelivery(
  tx: Tx,
  actor: Actor,
  requestId: string,
  id: string,
): Promise<{ delivery: WebhookDeliveryResponse; job: JobPayloads["webhook.deliver"] }> {
  const current = await loadDelivery(tx, actor.tenantId, id);
  if (current.status !== "dead" && current.status !== "failed") {
    throw new HubError(
      "webhook_delivery_not_replayable",
      `webhook delivery ${id} is ${current.status}; only dead or failed deliveries can be replayed`,
      { status: current.status },
    );
  }
  const endpoint = await loadEndpoint(tx, actor.tenantId, current.endpointId);
  if (endpoint.status !== "active") {
    throw new HubError(
      "webhook_endpoint_disabled",
      `webhook endpoint ${endpoint.id} is disabled (${endpoint.disabledReason ?? "no reason"}); enable it first`,
      { endpointId: endpoint.id },
    );
  }
  const now = new Date();
  const [row] = await tx
    .update(webhookDeliveries)
    .set({
      status: "pending",
      series: current.series + 1,
      attemptCount: 0,
      nextAttemptAt: now,
      updatedAt: now,
    })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.series, current.series),
        inArray(webhookDeliveries.status, ["dead", "failed"]),
      ),
    )
    .returning();
  if (!row) {
    throw new HubError(
      "webhook_delivery_not_replayable",
      `webhook delivery ${id} changed meanwhile`,
    );
  }
  await recordAudit(tx, actor, requestId, {
    action: "webhook_delivery.replayed",
    entityType: "webhook_delivery",
    entityId: id,
    before: { status: current.status, series: current.series },
    after: { status: row.status, series: row.series },
  });
  return {
    delivery: deliveryResponse(row),
    job: { tenantId: actor.tenantId, deliveryId: id, series: row.series, attempt: 0 },
  };
}
