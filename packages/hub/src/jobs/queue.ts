import { createPostgresBackend, type Job, Queue, runMigrations, Worker, withBackend } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";

/**
 * The hub's one queue abstraction. Processors and producers see job names and typed payloads;
 * which BullMQ backend carries them (PostgreSQL on the hub's own database by default, Redis when
 * `REDIS_URL` is set) is decided here and nowhere else.
 */
export interface JobPayloads {
  /** A follow-up task falls due (`due`) or is past due and escalated (`overdue`). */
  "lead.follow_up_reminder": {
    tenantId: string;
    leadId: string;
    taskId: string;
    kind: "due" | "overdue";
    /**
     * The moment (ISO) this reminder was scheduled for: the task's due time (or the end of its
     * snooze) for `due`, its escalation time for `overdue`. A task rescheduled since (snoozed
     * again, re-planned) no longer matches, so the stale job records nothing.
     */
    scheduledFor?: string;
  };
  /** An event was recorded: create its deliveries to the matching webhook endpoints (once). */
  "webhook.fanout": { tenantId: string; eventId: string };
  /** One try of a webhook delivery: the `attempt`-th (0-based) of series `series`. */
  "webhook.deliver": { tenantId: string; deliveryId: string; series: number; attempt: number };
  /** Turn one inbox row into a lead (job id: the inbox id, `<id>-r<run>` after a replay). */
  "gateway.process": { tenantId: string; inboxId: string };
  /**
   * Add the `gateway.process` jobs of inbox rows committed together: the webhook endpoint adds
   * this one job per shared write, so the process answering senders adds one job, not one per
   * event, and a worker adds the rest.
   */
  "gateway.relay": { tenantId: string; inboxIds: string[] };
  /** Pull a connection's pages from its checkpoint (a job scheduler per pull connection). */
  "gateway.pull": { tenantId: string; connectionId: string };
  /** Re-enqueue inbox rows acknowledged but never processed (repeatable, and once at start). */
  "gateway.reconcile": Record<string, never>;
  /** Push an approved order to one destination (job id: the order_syncs id, see sync/push.ts). */
  "order.push": { tenantId: string; syncId: string };
}
export type JobName = keyof JobPayloads;
export type Processors = { [N in JobName]: (data: JobPayloads[N], job: Job) => Promise<void> };

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** A stable id makes enqueueing idempotent: a second add with the same id is a no-op. */
  jobId?: string;
  /** Put the job at the head of its lane, before the jobs already waiting (BullMQ's `lifo`). */
  first?: boolean;
}

export interface JobCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
}

export interface JobQueue {
  readonly backend: "postgres" | "redis";
  enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
  /** Adds several jobs in one round trip; like `enqueue`, an existing job id is a no-op. */
  enqueueMany<N extends JobName>(
    jobs: { name: N; data: JobPayloads[N]; options?: EnqueueOptions }[],
  ): Promise<void>;
  /** Starts processing in this process; `forecourt start` and `forecourt worker` call it. */
  startWorker(processors: Processors, options?: { concurrency?: number }): void;
  /** Creates or updates a repeating job (BullMQ job scheduler) every `everyMs`. */
  schedule<N extends JobName>(
    schedulerId: string,
    everyMs: number,
    name: N,
    data: JobPayloads[N],
  ): Promise<void>;
  /** Removes a job scheduler (no error when there is none). */
  unschedule(schedulerId: string): Promise<void>;
  /** Jobs by state, all lanes together. */
  counts(): Promise<JobCounts>;
  /** Jobs by state in each lane (see `LANES`). */
  laneCounts(): Promise<Record<Lane, JobCounts>>;
  /** Throws when the backend is unreachable (used by /readyz). */
  ping(): Promise<void>;
  onFailed(listener: (name: string, error: Error) => void): void;
  /** Stops taking jobs, waits for running ones, closes connections. */
  close(): Promise<void>;
}

/**
 * The hub's jobs travel in three BullMQ queues ("lanes"), each with its own workers, because one
 * queue is first in, first out for everything: a burst of leads (a partner's backfill, a campaign
 * going live) put every approved order's push to finance behind the whole burst, and a
 * subscriber's slow webhook endpoint held up the leads.
 *
 * - `leads` (the queue named `forecourt`, as before): leads arriving — relays, processing, pulls,
 *   the reconciler — and their follow-up reminders.
 * - `webhooks` (`forecourt-webhooks`): the hub's events on their way to subscribers.
 * - `orders` (`forecourt-orders`): approved orders on their way to finance and ERP systems.
 *
 * Reminders stay with the leads: in a lane of their own the drain of a burst of leads took a
 * quarter longer (docs/performance.md), most likely because each reminder added (one per new
 * lead, delayed) wakes that lane's idle worker. Every lane's worker runs any job, so a job queued on another lane
 * before this split (or by a hub of another version) still runs.
 */
export const LANES = ["leads", "webhooks", "orders"] as const;
export type Lane = (typeof LANES)[number];

export const JOB_LANE: Readonly<Record<JobName, Lane>> = {
  "gateway.process": "leads",
  "gateway.relay": "leads",
  "gateway.pull": "leads",
  "gateway.reconcile": "leads",
  "lead.follow_up_reminder": "leads",
  "webhook.fanout": "webhooks",
  "webhook.deliver": "webhooks",
  "order.push": "orders",
};

/** The leads lane keeps the one queue's old name, so jobs queued before the split still run. */
export const QUEUE_NAME = "forecourt";
const LANE_QUEUE: Readonly<Record<Lane, string>> = {
  leads: QUEUE_NAME,
  webhooks: `${QUEUE_NAME}-webhooks`,
  orders: `${QUEUE_NAME}-orders`,
};

/** The BullMQ queue that carries jobs of this name. */
export function queueNameOf(name: JobName): string {
  return LANE_QUEUE[JOB_LANE[name]];
}
const BULLMQ_SCHEMA = "bullmq";
const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export interface QueueSettings {
  /** Connection settings of the hub's database (used when `redisUrl` is unset). */
  database: pg.PoolConfig;
  redisUrl: string | undefined;
  /** Redis key prefix; lets several hubs (or test files) share one Redis. */
  prefix: string;
}

export async function openJobQueue(settings: QueueSettings): Promise<JobQueue> {
  return settings.redisUrl
    ? openRedisQueue(settings.redisUrl, settings.prefix)
    : openPostgresQueue(settings.database);
}

type AnyQueue = Queue;
type AnyWorker = Worker;

function jobOptions(options: EnqueueOptions) {
  return {
    ...(options.delayMs ? { delay: options.delayMs } : {}),
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.first ? { lifo: true } : {}),
  };
}

function wrap(
  backend: JobQueue["backend"],
  queues: Record<Lane, AnyQueue>,
  makeWorker: (
    queueName: string,
    processor: (job: Job) => Promise<void>,
    concurrency: number,
  ) => AnyWorker,
  ping: () => Promise<void>,
  closeConnections: () => Promise<void>,
): JobQueue {
  const workers: AnyWorker[] = [];
  const failedListeners: ((name: string, error: Error) => void)[] = [];
  const queueOf = (name: JobName) => queues[JOB_LANE[name]];
  const laneCounts = async (): Promise<Record<Lane, JobCounts>> => {
    const perLane = await Promise.all(
      LANES.map(async (lane) => {
        const c = await queues[lane].getJobCounts(
          "waiting",
          "delayed",
          "active",
          "failed",
          "completed",
        );
        const counts: JobCounts = {
          waiting: c.waiting ?? 0,
          delayed: c.delayed ?? 0,
          active: c.active ?? 0,
          failed: c.failed ?? 0,
          completed: c.completed ?? 0,
        };
        return [lane, counts] as const;
      }),
    );
    return Object.fromEntries(perLane) as Record<Lane, JobCounts>;
  };
  return {
    backend,
    async enqueue(name, data, options = {}) {
      await queueOf(name).add(name, data, jobOptions(options));
    },
    async enqueueMany(jobs) {
      const byLane = new Map<AnyQueue, typeof jobs>();
      for (const job of jobs) {
        const queue = queueOf(job.name);
        const list = byLane.get(queue);
        if (list) list.push(job);
        else byLane.set(queue, [job]);
      }
      await Promise.all(
        [...byLane].map(([queue, list]) =>
          queue.addBulk(
            list.map(({ name, data, options = {} }) => ({ name, data, opts: jobOptions(options) })),
          ),
        ),
      );
    },
    async schedule(schedulerId, everyMs, name, data) {
      await queueOf(name).upsertJobScheduler(schedulerId, { every: everyMs }, { name, data });
    },
    async unschedule(schedulerId) {
      // The id does not say its job's lane; removing a scheduler that is not there is a no-op.
      await Promise.all(LANES.map((lane) => queues[lane].removeJobScheduler(schedulerId)));
    },
    startWorker(processors, options = {}) {
      if (workers.length > 0) return;
      const processor = async (job: Job) => {
        const run = processors[job.name as JobName];
        if (!run) throw new Error(`no processor for job "${job.name}"`);
        await run(job.data, job);
      };
      for (const lane of LANES) {
        const worker = makeWorker(LANE_QUEUE[lane], processor, options.concurrency ?? 4);
        worker.on("failed", (job, error) => {
          for (const listener of failedListeners) listener(job?.name ?? "unknown", error);
        });
        // Errors of the worker's own connection are retried by BullMQ; listening keeps an
        // unhandled 'error' event from crashing the process.
        worker.on("error", () => {});
        workers.push(worker);
      }
    },
    async counts() {
      const total: JobCounts = { waiting: 0, delayed: 0, active: 0, failed: 0, completed: 0 };
      for (const c of Object.values(await laneCounts())) {
        for (const state of Object.keys(total) as (keyof JobCounts)[]) total[state] += c[state];
      }
      return total;
    },
    laneCounts,
    ping,
    onFailed(listener) {
      failedListeners.push(listener);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(LANES.map((lane) => queues[lane].close()));
      await closeConnections();
    },
  };
}

/** One queue object per lane, made by `open`. */
function lanesOf(open: (queueName: string) => AnyQueue): Record<Lane, AnyQueue> {
  return Object.fromEntries(LANES.map((lane) => [lane, open(LANE_QUEUE[lane])])) as Record<
    Lane,
    AnyQueue
  >;
}

/**
 * BullMQ's PostgreSQL backend wakes a waiting worker with NOTIFY and otherwise sleeps until the
 * next delayed job (up to an hour). The embedded server does not pass NOTIFY between its socket
 * connections, so a job added while a reminder hours away is pending would wait that long: the
 * worker re-checks at least every second instead (one cheap query).
 */
const MAX_WORKER_BLOCK_SECONDS = 1;
const pollingPostgresBackend: typeof createPostgresBackend = (name, opts, factoryOpts) => {
  const backend = createPostgresBackend(name, opts, factoryOpts);
  Object.defineProperty(backend, "maximumBlockTimeout", { get: () => MAX_WORKER_BLOCK_SECONDS });
  return backend;
};

/**
 * A client that puts BullMQ's schema first on its search_path before the pool hands it out, so
 * the setting is in place before any job query runs (setting it from the pool's "connect" event
 * races the first query on that client).
 */
class BullmqSearchPathClient extends pg.Client {
  // pg's pool connects its clients with a callback; plain callers use the promise.
  override connect(): Promise<pg.Client>;
  override connect(
    callback: ((err: Error) => void) | ((err: null, client: pg.Client) => void),
  ): void;
  override connect(
    callback?: ((err: Error) => void) | ((err: null, client: pg.Client) => void),
  ): Promise<pg.Client> | undefined {
    const ready = super
      .connect()
      .then(() => this.query(`SET search_path TO ${BULLMQ_SCHEMA}, public`))
      .then(() => this as pg.Client);
    if (!callback) return ready;
    const done = callback as (err: Error | null, client?: pg.Client) => void;
    ready.then(
      (client) => done(null, client),
      (error: Error) => done(error),
    );
    return undefined;
  }
}

async function openPostgresQueue(database: pg.PoolConfig): Promise<JobQueue> {
  // BullMQ's SQL names its tables unqualified, so its connections need its schema first on the
  // search_path. On the embedded server every socket connection shares one session, so this
  // setting is seen by the hub's own connections too; the hub's table names never collide with
  // BullMQ's (job, event, meta …), and the hub's role cannot use the bullmq schema anyway.
  const pool = new pg.Pool({
    ...database,
    // Each lane's worker keeps one of these connections for LISTEN; six are left for queries.
    max: 6 + LANES.length,
    application_name: "forecourt-jobs",
    Client: BullmqSearchPathClient,
  });
  pool.on("error", () => {});
  const client = await pool.connect();
  try {
    await runMigrations(client, BULLMQ_SCHEMA);
  } finally {
    client.release();
  }
  const { Queue: PgQueue, Worker: PgWorker } = withBackend(pollingPostgresBackend);
  const queues = lanesOf((queueName) => {
    const queue = new PgQueue(queueName, {
      connection: pool,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    }) as unknown as AnyQueue;
    queue.on("error", () => {});
    return queue;
  });
  return wrap(
    "postgres",
    queues,
    (queueName, processor, concurrency) =>
      new PgWorker(queueName, processor, {
        connection: pool,
        concurrency,
        // With no delayed job the wait is `drainDelay`: one second, for the reason above.
        drainDelay: MAX_WORKER_BLOCK_SECONDS,
      }) as unknown as AnyWorker,
    async () => {
      await pool.query("SELECT 1");
    },
    () => pool.end(),
  );
}

async function openRedisQueue(url: string, prefix: string): Promise<JobQueue> {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
    redis.on("error", () => {});
    connections.push(redis);
    return redis;
  };
  const queueConnection = connect();
  await queueConnection.ping();
  // The lanes' queues only send commands, so they share one connection; each worker blocks on
  // its own.
  const queues = lanesOf((queueName) => {
    const queue = new Queue(queueName, {
      connection: queueConnection,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    queue.on("error", () => {});
    return queue;
  });
  return wrap(
    "redis",
    queues,
    (queueName, processor, concurrency) =>
      new Worker(queueName, processor, { connection: connect(), prefix, concurrency }),
    async () => {
      await queueConnection.ping();
    },
    async () => {
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  );
}
