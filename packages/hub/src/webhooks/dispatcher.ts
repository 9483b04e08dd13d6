import { newId } from "@forecourt/sdk";
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { events, webhookDeliveries, webhookEndpoints, webhookEventFanouts } from "../db/schema.js";
import { type Tx, withTenant } from "../db/tenant.js";
import type { JobPayloads, JobQueue } from "../jobs/queue.js";
import type { HubServices } from "../services.js";
import { matchesEventTypes, newDeliveryId } from "./endpoints.js";
import { WEBHOOK_SWEEP_LOOKBACK_HOURS, webhookSettings } from "./settings.js";

/**
 * From recorded events to deliveries. Code that records events needs to do nothing: the sweeper
 * finds committed events that have not been fanned out yet and enqueues one `webhook.fanout` job
 * each, and a fan-out creates the deliveries and enqueues their first tries. Code that wants the
 * fan-out sooner calls `enqueueEventFanout` after its transaction commits. Every step is
 * idempotent (stable job ids, the fan-out row, the delivery's attempt counter), so a crash
 * between a commit and an enqueue is repaired by the next sweep instead of losing the event.
 */

/** A delivery whose try has not been recorded this long after it was due is enqueued again. */
export const LOST_ATTEMPT_GRACE_SECONDS = 30;
const SWEEP_BATCH = 1_000;

type DeliverJob = JobPayloads["webhook.deliver"];

/** One job per try: a re-enqueued try with the same id is a no-op. */
export async function enqueueDeliveryAttempt(
  queue: JobQueue,
  job: DeliverJob,
  delayMs = 0,
): Promise<void> {
  await queue.enqueue("webhook.deliver", job, {
    jobId: `whd-${job.deliveryId}-${job.series}-${job.attempt}`,
    ...(delayMs > 0 ? { delayMs } : {}),
  });
}

/** Call after the transaction that recorded the events has committed (optional: see above). */
export async function enqueueEventFanout(
  queue: JobQueue,
  tenantId: string,
  eventIds: readonly string[],
): Promise<void> {
  for (const eventId of eventIds) {
    await queue.enqueue("webhook.fanout", { tenantId, eventId }, { jobId: `whfan-${eventId}` });
  }
}

/** Records the fan-out of an event inside `tx`; returns the deliveries to enqueue after commit. */
export async function fanOutInTx(
  tx: Tx,
  tenantId: string,
  eventId: string,
  only?: string,
): Promise<DeliverJob[]> {
  const [event] = await tx
    .select()
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.id, eventId)))
    .limit(1);
  if (!event) return [];
  const [done] = await tx
    .select({ eventId: webhookEventFanouts.eventId })
    .from(webhookEventFanouts)
    .where(eq(webhookEventFanouts.eventId, eventId))
    .limit(1);
  if (done) return [];
  const endpoints = await tx
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.tenantId, tenantId),
        eq(webhookEndpoints.status, "active"),
        isNull(webhookEndpoints.deletedAt),
        // A targeted event (webhook.test) goes to its endpoint; others to endpoints older than it.
        only ? eq(webhookEndpoints.id, only) : lte(webhookEndpoints.createdAt, event.occurredAt),
      ),
    );
  const matching = only
    ? endpoints
    : endpoints.filter((e) => matchesEventTypes(e.eventTypes, event.type));
  const now = new Date();
  // A fan-out running twice at once inserts nothing twice: one delivery per endpoint and event.
  const rows =
    matching.length === 0
      ? []
      : await tx
          .insert(webhookDeliveries)
          .values(
            matching.map((endpoint) => ({
              id: newDeliveryId(),
              tenantId,
              endpointId: endpoint.id,
              eventId,
              eventType: event.type,
              nextAttemptAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning();
  await tx
    .insert(webhookEventFanouts)
    .values({ eventId, tenantId, deliveryCount: matching.length })
    .onConflictDoNothing();
  return rows.map((row) => ({ tenantId, deliveryId: row.id, series: row.series, attempt: 0 }));
}

export async function processFanout(
  services: HubServices,
  data: JobPayloads["webhook.fanout"],
): Promise<void> {
  const jobs = await withTenant(services.db, data.tenantId, (tx) =>
    fanOutInTx(tx, data.tenantId, data.eventId),
  );
  for (const job of jobs) await enqueueDeliveryAttempt(services.queue, job);
}

/**
 * `webhook.test` for one endpoint: recorded as an event (already fanned out, so the sweeper
 * leaves it alone) with a single delivery to that endpoint, whatever its filter.
 */
export async function recordTestEvent(
  tx: Tx,
  tenantId: string,
  endpointId: string,
): Promise<{ eventId: string; job: DeliverJob }> {
  const eventId = newId("event");
  await tx.insert(events).values({
    id: eventId,
    tenantId,
    type: "webhook.test",
    entityType: "webhook_endpoint",
    entityId: endpointId,
    payload: { endpointId, message: "A test delivery from Forecourt" },
    occurredAt: new Date(),
  });
  const [job] = await fanOutInTx(tx, tenantId, eventId, endpointId);
  if (!job) throw new Error("the test delivery was not created");
  return { eventId, job };
}

/**
 * One sweep over every tenant (the hub's own connection is not confined to a tenant): events of
 * the last 72 hours with an active endpoint older than them and no fan-out yet get a fan-out
 * job; pending deliveries whose try is overdue by more than the grace get their job again.
 */
export async function sweepWebhooks(
  db: Db,
  queue: JobQueue,
): Promise<{ events: number; deliveries: number }> {
  const unfanned = await db.execute<{ id: string; tenant_id: string }>(sql`
    SELECT e.id, e.tenant_id FROM events e
    WHERE e.occurred_at > now() - make_interval(hours => ${WEBHOOK_SWEEP_LOOKBACK_HOURS})
      AND NOT EXISTS (SELECT 1 FROM webhook_event_fanouts f WHERE f.event_id = e.id)
      AND EXISTS (
        SELECT 1 FROM webhook_endpoints w
        WHERE w.tenant_id = e.tenant_id AND w.status = 'active' AND w.deleted_at IS NULL
          AND w.created_at <= e.occurred_at
      )
    ORDER BY e.occurred_at LIMIT ${SWEEP_BATCH}`);
  for (const row of unfanned.rows) {
    await enqueueEventFanout(queue, row.tenant_id, [row.id]);
  }
  const lost = await db.execute<{
    id: string;
    tenant_id: string;
    series: number;
    attempt_count: number;
  }>(sql`
    SELECT id, tenant_id, series, attempt_count FROM webhook_deliveries
    WHERE status = 'pending'
      AND next_attempt_at <= now() - make_interval(secs => ${LOST_ATTEMPT_GRACE_SECONDS})
    ORDER BY next_attempt_at LIMIT ${SWEEP_BATCH}`);
  for (const row of lost.rows) {
    await enqueueDeliveryAttempt(queue, {
      tenantId: row.tenant_id,
      deliveryId: row.id,
      series: row.series,
      attempt: row.attempt_count,
    });
  }
  return { events: unfanned.rows.length, deliveries: lost.rows.length };
}

const sweepers = new WeakMap<HubServices, { timer: NodeJS.Timeout; running?: Promise<void> }>();

/** Runs `sweepWebhooks` every `sweepIntervalMs` in a worker process until `stopWebhookSweeper`. */
export function startWebhookSweeper(services: HubServices): void {
  if (sweepers.has(services)) return;
  const { sweepIntervalMs } = webhookSettings(services.config);
  const state: { timer: NodeJS.Timeout; running?: Promise<void> } = {
    timer: setInterval(() => {
      if (state.running) return;
      state.running = sweepWebhooks(services.db, services.queue)
        .then(() => undefined)
        // A database or queue hiccup: the next sweep tries again.
        .catch(() => undefined)
        .finally(() => {
          state.running = undefined;
        });
    }, sweepIntervalMs),
  };
  state.timer.unref();
  sweepers.set(services, state);
}

export async function stopWebhookSweeper(services: HubServices): Promise<void> {
  const state = sweepers.get(services);
  if (!state) return;
  clearInterval(state.timer);
  sweepers.delete(services);
  await state.running;
}
