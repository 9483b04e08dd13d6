/**
 * The hub's side of `pnpm bench:push`, in a child process of bench/push.ts (forked with
 * NODE_EXTRA_CA_CERTS naming the receiver's certificate). It runs the hub as `forecourt start`
 * does — or API-only until told to start the workers, for the push phase on its own — seeds a
 * dealer group through the API with one generic webhook destination connection pointing at the
 * receiver, and answers the parent's questions about the pushes from the database and the queue.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub, startWorkers } from "../src/hub.js";
import { queueNameOf } from "../src/jobs/queue.js";
import { createTenant } from "../src/tenants.js";
import { dropQueueKeys } from "./support.js";

export type StartPushHub = {
  type: "start";
  databaseUrl?: string;
  redisUrl?: string;
  /** false: API only until a `workers` message (the push phase measured on its own). */
  workers: boolean;
  receiverUrl: string;
  secret: string;
  customers: number;
};
export interface PushHubReady {
  type: "ready";
  hubUrl: string;
  adminKey: string;
  salespersonId: string;
  customerIds: string[];
  connectionId: string;
}
export interface PushProgress {
  type: "progress";
  byStatus: Record<string, number>;
}
/** One order's push as the hub recorded it. */
export interface RecordedPush {
  orderId: string;
  syncId: string;
  status: string;
  attempts: number;
  externalId: string | null;
  orderStatus: string;
  /** `orders.sync_status` for the connection. */
  summary: { status?: string; externalId?: string } | null;
}
export interface PushRecords {
  type: "records";
  pushes: RecordedPush[];
  approvedOrders: number;
  syncedEvents: number;
  syncedEventOrders: number;
  /** BullMQ's own timestamps of the first try's job (ms since epoch), where it still keeps it. */
  jobs: { syncId: string; addedAt: number; processedAt: number; finishedAt: number }[];
  /** CPU seconds (user + system) the hub's process used since the mark. */
  cpuSeconds: number;
}
/**
 * `mark` starts the clock on the hub process's CPU time (`records` reports what it used since);
 * `workers` starts the workers and marks.
 */
export type ToPushHub =
  | StartPushHub
  | { type: "mark" | "workers" | "progress" | "records" | "close" };
export type FromPushHub =
  | PushHubReady
  | PushProgress
  | PushRecords
  | { type: "marked" }
  | { type: "failed"; message: string };

let hub: Hub | undefined;
let tenantId = "";
let cleanup: (() => Promise<void>) | undefined;
let mark = process.cpuUsage();
let jobTimes: ((syncIds: string[]) => Promise<PushRecords["jobs"]>) | undefined;

const send = (message: FromPushHub) => process.send?.(message);

process.on("message", (message: ToPushHub) => {
  void (async () => {
    try {
      if (message.type === "start") send(await start(message));
      else if (message.type === "mark" || message.type === "workers") {
        mark = process.cpuUsage();
        if (message.type === "workers") startWorkers(running().services);
        send({ type: "marked" });
      } else if (message.type === "progress") send(await progress());
      else if (message.type === "records") send(await records());
      else {
        await cleanup?.();
        process.exit(0);
      }
    } catch (error) {
      send({
        type: "failed",
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  })();
});

function running(): Hub {
  if (!hub) throw new Error("not started");
  return hub;
}

async function start(message: StartPushHub): Promise<PushHubReady> {
  const dir = await mkdtemp(path.join(tmpdir(), "fcb-push-"));
  const queuePrefix = `fc-bench-${randomBytes(6).toString("hex")}`;
  const config = loadConfig({
    FORECOURT_DATA_DIR: dir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
    FORECOURT_RATE_LIMIT: "1000000",
    FORECOURT_SECRET_KEY: randomBytes(32).toString("hex"),
    ...(message.databaseUrl ? { DATABASE_URL: message.databaseUrl } : {}),
    ...(message.redisUrl
      ? { REDIS_URL: message.redisUrl, FORECOURT_QUEUE_PREFIX: queuePrefix }
      : {}),
  });
  hub = await buildHub(config, { workers: message.workers });
  await hub.app.listen({ host: "127.0.0.1", port: 0 });
  const seeded = await seed(hub, message);
  tenantId = seeded.tenantId;

  const redis = message.redisUrl ? new Redis(message.redisUrl) : undefined;
  jobTimes = redis
    ? async (syncIds) => {
        const pipeline = redis.pipeline();
        for (const id of syncIds) {
          pipeline.hmget(
            `${queuePrefix}:${queueNameOf("order.push")}:${id}`,
            "timestamp",
            "processedOn",
            "finishedOn",
          );
        }
        const answers = (await pipeline.exec()) ?? [];
        return answers.flatMap(([, fields], i) => {
          const [added, processed, finished] = (fields as (string | null)[]).map(Number);
          return finished
            ? [
                {
                  syncId: syncIds[i]!,
                  addedAt: added!,
                  processedAt: processed!,
                  finishedAt: finished,
                },
              ]
            : [];
        });
      }
    : async () => {
        const result = await running().services.database.pool.query<{
          id: string;
          added: string;
          processed: string;
          finished: string;
        }>(
          `SELECT id, added_at_ms AS added, processed_at_ms AS processed, finished_at_ms AS finished
           FROM bullmq.job WHERE queue = $1 AND name = 'order.push' AND state = 'completed'`,
          [queueNameOf("order.push")],
        );
        return result.rows.map((r) => ({
          syncId: r.id,
          addedAt: Number(r.added),
          processedAt: Number(r.processed),
          finishedAt: Number(r.finished),
        }));
      };
  cleanup = async () => {
    await hub?.close();
    redis?.disconnect();
    if (message.redisUrl) await dropQueueKeys(message.redisUrl, queuePrefix);
    await rm(dir, { recursive: true, force: true });
  };
  const address = hub.app.server.address();
  if (!address || typeof address === "string") throw new Error("hub not listening on TCP");
  return { type: "ready", hubUrl: `http://127.0.0.1:${address.port}`, ...seeded.ready };
}

/** One store, one salesperson, `customers` customers with a phone and an email, the connection. */
async function seed(
  hub: Hub,
  message: StartPushHub,
): Promise<{ tenantId: string; ready: Omit<PushHubReady, "type" | "hubUrl"> }> {
  const tenant = await createTenant(hub.services.db, "Bench Push Motors");
  const adminKey = tenant.apiKey;
  const post = async (url: string, payload: object) => {
    const res = await hub.app.inject({
      method: "POST",
      url,
      headers: { authorization: `Bearer ${adminKey}` },
      payload,
    });
    if (res.statusCode !== 201) throw new Error(`seed ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const store = await post("/v1/stores", {
    name: "Bench Hangzhou",
    code: "HZ01",
    region: "Zhejiang",
  });
  const salesperson = await post("/v1/salespeople", { storeId: store.id, name: "Seller HZ01-1" });
  const customerIds: string[] = [];
  for (let i = 0; i < message.customers; i++) {
    const n = String(i).padStart(4, "0");
    const customer = await post("/v1/customers", {
      type: "individual",
      name: `Bench Customer ${n}`,
      contact: { phones: [`+86 139 0000 ${n}`], emails: [`customer${n}@example.com`] },
      storeId: store.id,
    });
    customerIds.push(customer.id);
  }
  const connection = await post("/v1/connections", {
    connectorId: "generic_webhook",
    name: "Bench order receiver",
    config: { url: message.receiverUrl, secret: message.secret },
  });
  return {
    tenantId: tenant.tenantId,
    ready: { adminKey, salespersonId: salesperson.id, customerIds, connectionId: connection.id },
  };
}

async function progress(): Promise<PushProgress> {
  const rows = await withTenant(running().services.db, tenantId, (tx) =>
    tx.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM order_syncs GROUP BY status`,
    ),
  );
  return { type: "progress", byStatus: Object.fromEntries(rows.rows.map((r) => [r.status, r.n])) };
}

async function records(): Promise<PushRecords> {
  const cpu = process.cpuUsage(mark);
  const { pushes, approved, events } = await withTenant(
    running().services.db,
    tenantId,
    async (tx) => {
      const pushes = await tx.execute<{
        order_id: string;
        sync_id: string;
        status: string;
        attempts: number;
        external_id: string | null;
        order_status: string;
        summary: RecordedPush["summary"];
      }>(sql`
        SELECT s.order_id, s.id AS sync_id, s.status, s.attempts, s.external_id,
          o.status AS order_status, o.sync_status -> s.connection_id AS summary
        FROM order_syncs s JOIN orders o ON o.tenant_id = s.tenant_id AND o.id = s.order_id`);
      const approved = await tx.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM orders WHERE status = 'approved'`,
      );
      const events = await tx.execute<{ n: number; orders: number }>(sql`
        SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS orders
        FROM events WHERE type = 'order.synced'`);
      return { pushes: pushes.rows, approved: approved.rows[0]!.n, events: events.rows[0]! };
    },
  );
  const mapped = pushes.map((p) => ({
    orderId: p.order_id,
    syncId: p.sync_id,
    status: p.status,
    attempts: p.attempts,
    externalId: p.external_id,
    orderStatus: p.order_status,
    summary: p.summary,
  }));
  return {
    type: "records",
    pushes: mapped,
    approvedOrders: approved,
    syncedEvents: events.n,
    syncedEventOrders: events.orders,
    jobs: (await jobTimes?.(mapped.map((p) => p.syncId))) ?? [],
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}
