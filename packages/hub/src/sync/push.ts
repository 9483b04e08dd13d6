import {
  AuthConnectorError,
  buildPushOrder,
  type Connector,
  createPushContext,
  type FetchFunction,
  isConnectorError,
  orderIdempotencyKey,
  PermanentConnectorError,
  type PushOrder,
  type PushResult,
  RetryableConnectorError,
} from "@forecourt/connectors";
import { genericWebhookConnector } from "@forecourt/connectors/generic-webhook";
import { kingdeeConnector } from "@forecourt/connectors/kingdee";
import { odooConnector } from "@forecourt/connectors/odoo";
import { quickBooksConnector } from "@forecourt/connectors/quickbooks";
import { sapS4hanaConnector } from "@forecourt/connectors/sap-s4hana";
import { xeroConnector } from "@forecourt/connectors/xero";
import { yonyouConnector } from "@forecourt/connectors/yonyou";
import { type Order, ulid } from "@forecourt/sdk";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import type { Db } from "../db/database.js";
import { connections, customers, events, orders, salespeople, stores } from "../db/schema.js";
import { type Tx, withTenant } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import { liveConfig } from "../gateway/connections.js";
import { findConnector, registerConnector } from "../gateway/registry.js";
import type { JobPayloads, JobQueue } from "../jobs/queue.js";
import { recordAudit } from "../lib/audit.js";
import { KeyedLimiter } from "../lib/limiter.js";
import { loadOrder } from "../orders/rows.js";
import { loadOrderRules } from "../orders/rules.js";
import type { HubServices } from "../services.js";
import { markNeedsReauth, tokenSource } from "./oauth.js";
import { pushRetryDelayMs, syncSettings } from "./settings.js";
import { type OrderSyncStatus, orderSyncs } from "./tables.js";

/**
 * Orders to finance and ERP destinations. An approval inserts one `order_syncs` row per active
 * destination connection in the approval's own transaction; the sweeper enqueues rows that are
 * pending and not on the queue (so a crash between the commit and an enqueue loses nothing); a
 * push job (id: the row id, `-r<run>` after a replay or re-authorisation, `-a<n>` for retries)
 * pushes with the order's idempotency key and records the outcome on the row, on the order's
 * `sync_status` and as an event.
 */

export type OrderSyncRow = typeof orderSyncs.$inferSelect;
export const newOrderSyncId = () => `osync_${ulid()}`;

/** The destinations this hub pushes to; registered with the gateway so connections can use them. */
export const DESTINATION_CONNECTORS = [
  quickBooksConnector,
  xeroConnector,
  kingdeeConnector,
  yonyouConnector,
  sapS4hanaConnector,
  odooConnector,
  genericWebhookConnector,
] as unknown as Connector[];
for (const connector of DESTINATION_CONNECTORS) {
  if (!findConnector(connector.id)) registerConnector(connector);
}

const isDestination = (connectorId: string) =>
  findConnector(connectorId)?.direction === "destination";

/**
 * Called by `onOrderApproved` in the approval's transaction: one sync row per destination
 * connection of the tenant for this terms version (active connections push; connections waiting
 * for re-authorisation get a waiting row that runs after it).
 */
export async function enqueueOrderPushes(tx: Tx, tenantId: string, order: Order): Promise<number> {
  const targets = (
    await tx
      .select({
        id: connections.id,
        connectorId: connections.connectorId,
        status: connections.status,
      })
      .from(connections)
      .where(
        and(
          eq(connections.tenantId, tenantId),
          inArray(connections.status, ["active", "needs_reauth"]),
        ),
      )
  ).filter((c) => isDestination(c.connectorId));
  if (targets.length === 0) return 0;
  const termsVersion = order.termsVersion ?? 1;
  const key = orderIdempotencyKey(order.id, termsVersion);
  const inserted = await tx
    .insert(orderSyncs)
    .values(
      targets.map((c) => ({
        id: newOrderSyncId(),
        tenantId,
        orderId: order.id,
        termsVersion,
        connectionId: c.id,
        destination: c.connectorId,
        idempotencyKey: key,
        status: (c.status === "active" ? "pending" : "waiting_auth") as OrderSyncStatus,
      })),
    )
    .onConflictDoNothing({
      target: [orderSyncs.orderId, orderSyncs.termsVersion, orderSyncs.connectionId],
    })
    .returning({
      id: orderSyncs.id,
      connectionId: orderSyncs.connectionId,
      status: orderSyncs.status,
    });
  for (const row of inserted) {
    await setOrderSummary(tx, tenantId, order.id, row.connectionId, {
      destination: targets.find((t) => t.id === row.connectionId)!.connectorId,
      syncId: row.id,
      termsVersion,
      status: row.status,
    });
  }
  return inserted.length;
}

/** The job id of a row's next try. */
export function pushJobId(row: Pick<OrderSyncRow, "id" | "run" | "attempts">): string {
  return `${row.id}${row.run > 0 ? `-r${row.run}` : ""}${row.attempts > 0 ? `-a${row.attempts}` : ""}`;
}

export async function enqueuePush(
  queue: JobQueue,
  row: Pick<OrderSyncRow, "id" | "tenantId" | "run" | "attempts">,
  delayMs = 0,
): Promise<void> {
  await queue.enqueue(
    "order.push",
    { tenantId: row.tenantId, syncId: row.id },
    { jobId: pushJobId(row), ...(delayMs > 0 && { delayMs }) },
  );
}

/**
 * Pushes to one destination connection in flight at once, per process. Vendors cap concurrent
 * calls per organisation (Xero: 5 in progress at a time) and answer more with 429s; the worker
 * may run many more jobs than this at once (`FORECOURT_WORKER_CONCURRENCY`).
 */
export const PUSHES_IN_FLIGHT_PER_CONNECTION = 4;
const limiters = new WeakMap<HubServices, KeyedLimiter>();
function pushLimiter(services: HubServices): KeyedLimiter {
  let limiter = limiters.get(services);
  if (!limiter) {
    limiter = new KeyedLimiter(PUSHES_IN_FLIGHT_PER_CONNECTION);
    limiters.set(services, limiter);
  }
  return limiter;
}

/** A queued try not started this long after it was due is enqueued again. */
const LOST_JOB_GRACE_MS = 60_000;
const SWEEP_BATCH = 1_000;

/**
 * One sweep across tenants (the hub's own connection, outside any tenant's policy): rows waiting
 * for a connection that is active again are released; pending rows not on the queue — or whose
 * try is overdue past the grace — are enqueued (a job id that exists already makes that a no-op).
 */
export async function sweepOrderSyncs(db: Db, queue: JobQueue): Promise<number> {
  await db.execute(sql`
    UPDATE order_syncs s SET status = 'pending', run = s.run + 1, enqueued_at = NULL,
      next_attempt_at = NULL, updated_at = now()
    FROM connections c
    WHERE c.id = s.connection_id AND s.status = 'waiting_auth' AND c.status = 'active'`);
  let total = 0;
  for (;;) {
    const rows = await db
      .select({
        id: orderSyncs.id,
        tenantId: orderSyncs.tenantId,
        run: orderSyncs.run,
        attempts: orderSyncs.attempts,
        enqueuedAt: orderSyncs.enqueuedAt,
      })
      .from(orderSyncs)
      .innerJoin(connections, eq(connections.id, orderSyncs.connectionId))
      .where(
        and(
          eq(orderSyncs.status, "pending"),
          eq(connections.status, "active"),
          or(
            isNull(orderSyncs.enqueuedAt),
            and(
              lt(orderSyncs.enqueuedAt, new Date(Date.now() - LOST_JOB_GRACE_MS)),
              or(
                isNull(orderSyncs.nextAttemptAt),
                lt(orderSyncs.nextAttemptAt, new Date(Date.now() - LOST_JOB_GRACE_MS)),
              ),
            ),
          ),
        ),
      )
      .orderBy(orderSyncs.createdAt)
      .limit(SWEEP_BATCH);
    for (const row of rows) await enqueuePush(queue, row);
    if (rows.length > 0) {
      await db
        .update(orderSyncs)
        .set({ enqueuedAt: new Date() })
        .where(
          inArray(
            orderSyncs.id,
            rows.map((r) => r.id),
          ),
        );
    }
    total += rows.length;
    if (rows.length < SWEEP_BATCH) return total;
  }
}

const sweepers = new WeakMap<HubServices, { timer: NodeJS.Timeout; running?: Promise<void> }>();

export function startSyncSweeper(services: HubServices): void {
  if (sweepers.has(services)) return;
  const state: { timer: NodeJS.Timeout; running?: Promise<void> } = {
    timer: setInterval(() => {
      if (state.running) return;
      state.running = sweepOrderSyncs(services.db, services.queue)
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => {
          state.running = undefined;
        });
    }, syncSettings(services.config).sweepIntervalMs),
  };
  state.timer.unref();
  sweepers.set(services, state);
}

export async function stopSyncSweeper(services: HubServices): Promise<void> {
  const state = sweepers.get(services);
  if (!state) return;
  clearInterval(state.timer);
  sweepers.delete(services);
  await state.running;
}

/** The order's `sync_status`: one entry per destination connection, the latest row's outcome. */
async function setOrderSummary(
  tx: Tx,
  tenantId: string,
  orderId: string,
  connectionId: string,
  entry: Record<string, unknown>,
): Promise<void> {
  await tx
    .update(orders)
    .set({
      syncStatus: sql`coalesce(${orders.syncStatus}, '{}'::jsonb) || jsonb_build_object(${connectionId}::text, ${JSON.stringify(entry)}::jsonb)`,
    })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)));
}

async function recordSyncEvent(
  tx: Tx,
  tenantId: string,
  type: "order.synced" | "order.sync_failed",
  row: OrderSyncRow,
  order: { orderNumber: string } | undefined,
  extra: Record<string, unknown>,
): Promise<void> {
  await tx.insert(events).values({
    id: `evt_${ulid()}`,
    tenantId,
    type,
    entityType: "order",
    entityId: row.orderId,
    // The fields of the SDK's order.synced / order.sync_failed schemas (@forecourt/sdk/webhooks),
    // which subscribers verify deliveries against, and the hub's own beside them.
    payload: {
      orderId: row.orderId,
      ...(order ? { orderNumber: order.orderNumber } : {}),
      orderVersion: row.termsVersion,
      termsVersion: row.termsVersion,
      syncId: row.id,
      connectionId: row.connectionId,
      destination: row.destination,
      ...extra,
    },
  });
}

/** The push order of one order at the sync row's terms version. */
export async function loadPushOrder(
  tx: Tx,
  services: Pick<HubServices, "crypto">,
  tenantId: string,
  row: OrderSyncRow,
): Promise<{ order: Order; pushOrder: PushOrder }> {
  const order = await loadOrder(tx, tenantId, row.orderId);
  if ((order.termsVersion ?? 1) !== row.termsVersion) {
    throw new PermanentConnectorError(
      `The order's terms changed (now version ${order.termsVersion}); version ${row.termsVersion} is not pushed`,
      { code: "superseded" },
    );
  }
  const [customer] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, order.customerId)));
  const [store] = await tx
    .select({ code: stores.code, name: stores.name, timeZone: stores.timeZone })
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), eq(stores.id, order.storeId)));
  const [salesperson] = await tx
    .select({ name: salespeople.name })
    .from(salespeople)
    .where(and(eq(salespeople.tenantId, tenantId), eq(salespeople.id, order.salespersonId)));
  if (!customer)
    throw new PermanentConnectorError("The order's customer is gone", { code: "no_customer" });
  const rules = await loadOrderRules(tx, tenantId);
  const decrypt = (value: string | null) => (value ? services.crypto.decrypt(value) : undefined);
  const phone = decrypt(customer.phoneCiphertext);
  const email = decrypt(customer.emailCiphertext);
  try {
    const pushOrder = buildPushOrder({
      order,
      customer: {
        id: customer.id,
        type: customer.type as "individual" | "business" | "fleet",
        name: customer.name || customer.companyName || "Customer",
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        ...(customer.companyName ? { company: customer.companyName } : {}),
      },
      ...(store ? { store: { code: store.code, name: store.name }, timeZone: store.timeZone } : {}),
      ...(salesperson ? { salesperson: { name: salesperson.name } } : {}),
      ...(rules.tax ? { taxRules: rules.tax } : {}),
    });
    return { order, pushOrder };
  } catch (error) {
    if (isConnectorError(error)) throw error;
    throw new PermanentConnectorError(
      `The order cannot be pushed: ${(error as Error).message}`.slice(0, 500),
      { code: "invalid_push_order" },
    );
  }
}

/** Options the bench and tests may pass (a fetch other than the global one). */
export interface PushOptions {
  fetch?: FetchFunction;
}

/** The `order.push` job. Never throws for a vendor's answer: it schedules its own retries. */
export async function processPush(
  services: HubServices,
  data: JobPayloads["order.push"],
  options: PushOptions = {},
): Promise<void> {
  const { tenantId, syncId } = data;
  const settings = syncSettings(services.config);
  const start = await withTenant(services.db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(orderSyncs)
      .where(and(eq(orderSyncs.tenantId, tenantId), eq(orderSyncs.id, syncId)))
      .for("update");
    if (row?.status !== "pending") return undefined;
    const [connection] = await tx
      .select()
      .from(connections)
      .where(and(eq(connections.tenantId, tenantId), eq(connections.id, row.connectionId)));
    if (connection?.status !== "active") {
      // Disabled or waiting for re-authorisation: the row waits; re-enabling releases it.
      await tx
        .update(orderSyncs)
        .set({ status: "waiting_auth", enqueuedAt: null, updatedAt: new Date() })
        .where(eq(orderSyncs.id, row.id));
      return undefined;
    }
    const [counted] = await tx
      .update(orderSyncs)
      .set({ attempts: row.attempts + 1, updatedAt: new Date() })
      .where(eq(orderSyncs.id, row.id))
      .returning();
    let built: Awaited<ReturnType<typeof loadPushOrder>> | PermanentConnectorError;
    try {
      built = await loadPushOrder(tx, services, tenantId, counted!);
    } catch (error) {
      if (!(error instanceof PermanentConnectorError)) throw error;
      built = error;
    }
    return { row: counted!, connection, built };
  });
  if (!start) return;
  const { row, connection } = start;
  let result: PushResult | undefined;
  let failure: unknown;
  if (start.built instanceof PermanentConnectorError) {
    failure = start.built;
  } else {
    try {
      const connector = findConnector(connection.connectorId);
      const push = connector?.push;
      if (!connector || !push) {
        throw new PermanentConnectorError(`${connection.connectorId} cannot push orders`, {
          code: "not_a_destination",
        });
      }
      const tokens = tokenSource(services, tenantId, connection.id, options.fetch);
      const pushOrder = start.built.pushOrder;
      // The timeout runs from the moment this push has its place, not while it waits for one.
      result = await pushLimiter(services).run(connection.id, () =>
        push.call(
          connector,
          pushOrder,
          createPushContext(connector, {
            config: liveConfig(connection, services.crypto),
            idempotencyKey: row.idempotencyKey,
            ...(options.fetch ? { fetch: options.fetch } : {}),
            signal: AbortSignal.timeout(settings.pushTimeoutMs),
            getAccessToken: tokens.getAccessToken,
            refreshAccessToken: tokens.refreshAccessToken,
          }),
        ),
      );
    } catch (error) {
      failure = error;
    }
  }
  const orderNumber =
    start.built instanceof PermanentConnectorError ? undefined : start.built.order;
  if (result) {
    await withTenant(services.db, tenantId, async (tx) => {
      const now = new Date();
      const [synced] = await tx
        .update(orderSyncs)
        .set({
          status: "synced",
          externalId: result.externalId,
          externalNumber: result.externalNumber ?? null,
          externalUrl: result.url ?? null,
          lastError: null,
          errorCode: null,
          nextAttemptAt: null,
          syncedAt: now,
          updatedAt: now,
        })
        .where(and(eq(orderSyncs.id, row.id), eq(orderSyncs.status, "pending")))
        .returning();
      if (!synced) return;
      await setOrderSummary(tx, tenantId, row.orderId, row.connectionId, {
        destination: row.destination,
        syncId: row.id,
        termsVersion: row.termsVersion,
        status: "synced",
        externalId: result.externalId,
        ...(result.externalNumber ? { externalNumber: result.externalNumber } : {}),
        ...(result.url ? { url: result.url } : {}),
        syncedAt: now.toISOString(),
      });
      await recordSyncEvent(tx, tenantId, "order.synced", synced, orderNumber, {
        externalRef: result.externalId,
        externalId: result.externalId,
        ...(result.externalNumber ? { externalNumber: result.externalNumber } : {}),
        ...(result.url ? { url: result.url } : {}),
        created: result.created,
      });
    });
    return;
  }
  await recordFailure(services, row, failure, orderNumber);
}

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

async function recordFailure(
  services: HubServices,
  row: OrderSyncRow,
  error: unknown,
  order: { orderNumber: string } | undefined,
): Promise<void> {
  const settings = syncSettings(services.config);
  const { tenantId } = row;
  const code = isConnectorError(error) ? error.code : "push_failed";
  if (error instanceof AuthConnectorError) {
    await withTenant(services.db, tenantId, async (tx) => {
      await markNeedsReauth(tx, tenantId, row.connectionId, messageOf(error));
      // Waiting for re-authorisation does not use up a try.
      await tx
        .update(orderSyncs)
        .set({
          status: "waiting_auth",
          attempts: Math.max(0, row.attempts - 1),
          lastError: messageOf(error),
          errorCode: code,
          enqueuedAt: null,
          updatedAt: new Date(),
        })
        .where(and(eq(orderSyncs.id, row.id), eq(orderSyncs.status, "pending")));
      await setOrderSummary(tx, tenantId, row.orderId, row.connectionId, {
        destination: row.destination,
        syncId: row.id,
        termsVersion: row.termsVersion,
        status: "waiting_auth",
        error: messageOf(error),
      });
    });
    return;
  }
  // Anything but a permanent answer is retried (a bug or a database hiccup included).
  const retryable = !(error instanceof PermanentConnectorError);
  if (retryable && row.attempts < settings.maxAttempts) {
    const retryAfterMs = error instanceof RetryableConnectorError ? error.retryAfterMs : undefined;
    const delayMs = pushRetryDelayMs(settings, row.attempts, retryAfterMs);
    await withTenant(services.db, tenantId, (tx) =>
      tx
        .update(orderSyncs)
        .set({
          lastError: messageOf(error),
          errorCode: code,
          nextAttemptAt: new Date(Date.now() + delayMs),
          enqueuedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(and(eq(orderSyncs.id, row.id), eq(orderSyncs.status, "pending"))),
    );
    await enqueuePush(services.queue, row, delayMs);
    return;
  }
  await withTenant(services.db, tenantId, async (tx) => {
    const [dead] = await tx
      .update(orderSyncs)
      .set({
        status: "dead",
        lastError: messageOf(error),
        errorCode: code,
        nextAttemptAt: null,
        enqueuedAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(orderSyncs.id, row.id), eq(orderSyncs.status, "pending")))
      .returning();
    if (!dead) return;
    await setOrderSummary(tx, tenantId, row.orderId, row.connectionId, {
      destination: row.destination,
      syncId: row.id,
      termsVersion: row.termsVersion,
      status: "dead",
      error: messageOf(error),
    });
    await recordSyncEvent(tx, tenantId, "order.sync_failed", dead, order, {
      error: { code, message: messageOf(error) },
      code,
      message: messageOf(error),
      attempts: dead.attempts,
      deadLettered: true,
    });
  });
}

/** A dead (or failed) push runs again: a new run with the same idempotency key, tries from zero. */
export async function replayOrderSync(
  tx: Tx,
  actor: Actor,
  requestId: string,
  id: string,
): Promise<OrderSyncRow> {
  const [before] = await tx
    .select()
    .from(orderSyncs)
    .where(and(eq(orderSyncs.tenantId, actor.tenantId), eq(orderSyncs.id, id)))
    .for("update");
  if (!before) throw notFound("order_sync", id);
  if (before.status !== "dead" && before.status !== "failed") {
    throw new HubError("order_sync_not_replayable", `The push is ${before.status}`, {
      status: before.status,
    });
  }
  const [row] = await tx
    .update(orderSyncs)
    .set({
      status: "pending",
      run: before.run + 1,
      attempts: 0,
      nextAttemptAt: null,
      enqueuedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(orderSyncs.id, id))
    .returning();
  await setOrderSummary(tx, actor.tenantId, row!.orderId, row!.connectionId, {
    destination: row!.destination,
    syncId: row!.id,
    termsVersion: row!.termsVersion,
    status: "pending",
  });
  await recordAudit(tx, actor, requestId, {
    action: "order_sync.replayed",
    entityType: "order_sync",
    entityId: id,
    before: { status: before.status, run: before.run },
    after: { status: "pending", run: row!.run },
  });
  return row!;
}

export function orderSyncView(row: OrderSyncRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    orderId: row.orderId,
    termsVersion: row.termsVersion,
    connectionId: row.connectionId,
    destination: row.destination,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    attempts: row.attempts,
    externalId: row.externalId,
    externalNumber: row.externalNumber,
    externalUrl: row.externalUrl,
    lastError: row.lastError,
    errorCode: row.errorCode,
    nextAttemptAt: iso(row.nextAttemptAt),
    syncedAt: iso(row.syncedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
