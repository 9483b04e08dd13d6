/**
 * Several API processes on one port (`forecourt start --api-processes N`), with node:cluster.
 *
 * The primary process runs the job workers and forks N API processes; Node's cluster hands each
 * new connection to one of them in turn. What must be counted across the processes lives in
 * the primary and is reached over the cluster's IPC channel: the per-key rate limit (the primary
 * keeps the counts, so a key gets its limit once, not once per process) and `/metrics` (the
 * process that is scraped asks the primary, which gathers every process's metrics and adds them
 * up). An API process that dies is replaced; one that cannot start stops the start.
 *
 * The embedded database serves one process, so this needs DATABASE_URL (`loadConfig` checks).
 */
import cluster, { type Worker } from "node:cluster";
import type { FastifyRateLimitStore } from "@fastify/rate-limit";
import { AggregatorRegistry, type Registry } from "prom-client";

/** One process's metrics as `Registry.getMetricsAsJSON` gives them. */
type MetricsJson = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>;

/** Every message of ours carries `fc`; anything else on the channel is someone else's. */
type ToPrimary =
  | { fc: "listening"; address: string }
  | { fc: "rate"; id: number; key: string; timeWindow: number }
  | { fc: "metrics"; id: number }
  | { fc: "metricsPart"; id: number; part?: MetricsJson }
  | { fc: "usageReply"; id: number; micros: number };
type ToWorker =
  | { fc: "rateReply"; id: number; current: number; ttl: number }
  | { fc: "metricsReply"; id: number; text?: string; error?: string }
  | { fc: "metricsCollect"; id: number }
  | { fc: "usage"; id: number }
  | { fc: "shutdown" };

const isOurs = (message: unknown): message is { fc: string } =>
  typeof message === "object" &&
  message !== null &&
  typeof (message as { fc?: unknown }).fc === "string";

/** How long a process waits for an answer over the IPC channel before giving up on it. */
const IPC_TIMEOUT_MS = 3_000;

// ---------------------------------------------------------------------------------------------
// In an API process.

/**
 * Set in the environment of each process `startApiProcesses` forks (its number, from 1). A
 * cluster worker without it belongs to someone else's cluster (PM2's cluster mode, say), whose
 * primary would never answer this module's questions.
 */
export const API_PROCESS_ENV = "FORECOURT_API_PROCESS";

/** True in a process forked by `startApiProcesses`. */
export function isApiProcess(): boolean {
  return cluster.isWorker && process.env[API_PROCESS_ENV] !== undefined;
}

let nextId = 1;
const waiting = new Map<number, { resolve(m: ToWorker): void; timer: NodeJS.Timeout }>();
let listeningToPrimary = false;
let registryOfThisProcess: Registry | undefined;

function listenToPrimary(): void {
  if (listeningToPrimary) return;
  listeningToPrimary = true;
  process.on("message", (message: unknown) => {
    if (!isOurs(message)) return;
    const m = message as ToWorker;
    if (m.fc === "metricsCollect") {
      const registry = registryOfThisProcess;
      void (registry ? registry.getMetricsAsJSON() : Promise.resolve(undefined)).then(
        (part) => send({ fc: "metricsPart", id: m.id, part }),
        () => send({ fc: "metricsPart", id: m.id }),
      );
    } else if (m.fc === "usage") {
      const used = process.cpuUsage();
      send({ fc: "usageReply", id: m.id, micros: used.user + used.system });
    } else if ("id" in m) {
      const entry = waiting.get(m.id);
      if (!entry) return;
      waiting.delete(m.id);
      clearTimeout(entry.timer);
      entry.resolve(m);
    }
  });
}

function send(message: ToPrimary): void {
  process.send?.(message);
}

/** What an API process asks the primary; the answer comes back with the same id. */
type Question = { fc: "rate"; key: string; timeWindow: number } | { fc: "metrics" };

function askPrimary<T extends ToWorker>(message: Question): Promise<T> {
  listenToPrimary();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error(`the primary process did not answer within ${IPC_TIMEOUT_MS} ms`));
    }, IPC_TIMEOUT_MS);
    timer.unref();
    waiting.set(id, { resolve: resolve as (m: ToWorker) => void, timer });
    send({ ...message, id } as ToPrimary);
  });
}

/** Tells the primary this process is listening at `address`. */
export function reportListening(address: string): void {
  send({ fc: "listening", address });
}

/** Runs `stop` once when the primary asks this process to shut down, or goes away. */
export function onPrimaryShutdown(stop: () => void): void {
  listenToPrimary();
  process.on("message", (message: unknown) => {
    if (isOurs(message) && message.fc === "shutdown") stop();
  });
  // The primary died without a word: nothing would replace or stop this process otherwise.
  process.on("disconnect", stop);
}

/** Lets the primary gather this process's metrics into the cluster's `/metrics`. */
export function shareMetrics(registry: Registry): void {
  registryOfThisProcess = registry;
  listenToPrimary();
}

/** Every API process's metrics and the primary's, added up (Prometheus text). */
export async function clusterMetricsText(): Promise<string> {
  const reply = await askPrimary<Extract<ToWorker, { fc: "metricsReply" }>>({ fc: "metrics" });
  if (reply.text === undefined) throw new Error(reply.error ?? "no metrics");
  return reply.text;
}

/**
 * A `@fastify/rate-limit` store whose counts the primary keeps. If the primary does not answer,
 * the plugin is told so, and (with `skipOnError`) lets the request through rather than failing it.
 */
export class ClusterRateLimitStore implements FastifyRateLimitStore {
  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow?: number,
  ): void {
    askPrimary<Extract<ToWorker, { fc: "rateReply" }>>({
      fc: "rate",
      key,
      timeWindow: timeWindow ?? 60_000,
    }).then(
      (reply) => callback(null, { current: reply.current, ttl: reply.ttl }),
      (error: Error) => callback(error),
    );
  }

  child(): FastifyRateLimitStore {
    return new ClusterRateLimitStore();
  }
}

// ---------------------------------------------------------------------------------------------
// In the primary.

/**
 * Fixed-window counts per key, as `@fastify/rate-limit`'s own store keeps them in one process:
 * a key's window starts with its first request and lasts `timeWindow`; expired windows are
 * swept so keys seen once do not pile up.
 */
export class RateCounts {
  readonly #windows = new Map<string, { count: number; start: number; length: number }>();
  readonly #limit: number;

  constructor(limit = 100_000) {
    this.#limit = limit;
  }

  increment(key: string, timeWindow: number, now = Date.now()): { current: number; ttl: number } {
    let window = this.#windows.get(key);
    if (!window || window.start + window.length <= now) {
      if (!window && this.#windows.size >= this.#limit) this.sweep(now);
      // Still full of live windows: the oldest goes (Map keeps insertion order).
      if (!window && this.#windows.size >= this.#limit) {
        const oldest = this.#windows.keys().next().value;
        if (oldest !== undefined) this.#windows.delete(oldest);
      }
      window = { count: 0, start: now, length: timeWindow };
      this.#windows.delete(key);
      this.#windows.set(key, window);
    }
    window.count++;
    return { current: window.count, ttl: window.start + window.length - now };
  }

  sweep(now = Date.now()): void {
    for (const [key, window] of this.#windows) {
      if (window.start + window.length <= now) this.#windows.delete(key);
    }
  }

  get size(): number {
    return this.#windows.size;
  }
}

export interface ApiProcessesOptions {
  /** How many API processes. */
  count: number;
  /**
   * The script each one runs, and its arguments: the CLI's `start`, which serves the API alone
   * (and answers the primary) when `isApiProcess()`.
   */
  exec: string;
  args?: string[];
  /** Node options for them; default this process's. */
  execArgv?: string[];
  /** Added to this process's environment in each of them. */
  env?: Record<string, string>;
  /** This process's own metrics (the job workers'), added to the API processes' on `/metrics`. */
  registry?: Registry;
  /** A line of what happens (a process died, was replaced). */
  log?: (line: string) => void;
  /** Wait before replacing a process that died (default 1 s). */
  restartDelayMs?: number;
  /** How long `stop` lets the processes finish their in-flight requests (default 30 s). */
  stopTimeoutMs?: number;
}

export interface ApiProcesses {
  /** Where they listen, `http://host:port`. */
  readonly address: string;
  /** The pids of the API processes running now. */
  pids(): number[];
  /** CPU time (user + system, µs) the running API processes have used so far. */
  cpuMicros(): Promise<number>;
  /** Stops taking connections, lets in-flight requests finish, waits for every process to exit. */
  stop(): Promise<void>;
}

/**
 * Forks `count` API processes and resolves once every one is listening. A process that exits
 * before it listens fails the start (the others are stopped); one that dies later is replaced.
 */
export async function startApiProcesses(options: ApiProcessesOptions): Promise<ApiProcesses> {
  if (!cluster.isPrimary) throw new Error("API processes are started from the primary process");
  const log = options.log ?? (() => {});
  const restartDelay = options.restartDelayMs ?? 1_000;
  const counts = new RateCounts();
  const sweeper = setInterval(() => counts.sweep(), 60_000);
  sweeper.unref();
  const workers = new Set<Worker>();
  let stopping = false;
  let address: string | undefined;
  let collectId = 1;
  const collecting = new Map<number, (worker: Worker, part: MetricsJson | undefined) => void>();
  const usage = new Map<number, (micros: number) => void>();

  cluster.setupPrimary({
    exec: options.exec,
    args: options.args ?? [],
    execArgv: options.execArgv ?? process.execArgv,
  });

  const gatherMetrics = async (): Promise<string> => {
    const id = collectId++;
    const running = [...workers].filter((w) => w.isConnected());
    const parts: MetricsJson[] = [];
    if (options.registry) parts.push(await options.registry.getMetricsAsJSON());
    await new Promise<void>((resolve) => {
      let left = running.length;
      if (left === 0) return resolve();
      const timer = setTimeout(() => {
        collecting.delete(id);
        resolve();
      }, IPC_TIMEOUT_MS);
      collecting.set(id, (_worker, part) => {
        if (part) parts.push(part);
        if (--left === 0) {
          clearTimeout(timer);
          collecting.delete(id);
          resolve();
        }
      });
      for (const w of running) w.send({ fc: "metricsCollect", id } satisfies ToWorker);
    });
    return AggregatorRegistry.aggregate(parts).metrics();
  };

  const onMessage = (worker: Worker, message: unknown) => {
    if (!isOurs(message)) return;
    const m = message as ToPrimary;
    const reply = (answer: ToWorker) => {
      if (worker.isConnected()) worker.send(answer);
    };
    switch (m.fc) {
      case "rate": {
        const { current, ttl } = counts.increment(m.key, m.timeWindow);
        reply({ fc: "rateReply", id: m.id, current, ttl });
        break;
      }
      case "metrics":
        gatherMetrics().then(
          (text) => reply({ fc: "metricsReply", id: m.id, text }),
          (error: Error) => reply({ fc: "metricsReply", id: m.id, error: error.message }),
        );
        break;
      case "metricsPart":
        collecting.get(m.id)?.(worker, m.part);
        break;
      case "usageReply":
        usage.get(m.id)?.(m.micros);
        break;
      case "listening":
        address ??= m.address;
        break;
    }
  };

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ ...options.env, [API_PROCESS_ENV]: String(index) });
    workers.add(worker);
    worker.on("message", (message: unknown) => onMessage(worker, message));
    return worker;
  };

  const startOne = (index: number): Promise<number | undefined> =>
    new Promise((resolve, reject) => {
      const worker = fork(index);
      const pid = worker.process.pid;
      let listening = false;
      worker.on("message", (message: unknown) => {
        if (isOurs(message) && message.fc === "listening" && !listening) {
          listening = true;
          resolve(pid);
        }
      });
      worker.on("exit", (code, signal) => {
        workers.delete(worker);
        if (!listening) {
          reject(
            new Error(
              `API process ${index} exited before it listened (${signal ?? `exit code ${code}`})`,
            ),
          );
          return;
        }
        if (stopping) return;
        log(
          `forecourt: API process ${index} (pid ${pid}) exited (${signal ?? `exit code ${code}`}); starting another in ${restartDelay} ms`,
        );
        setTimeout(() => {
          if (stopping) return;
          startOne(index).then(
            (pid) => log(`forecourt: API process ${index} is listening again (pid ${pid})`),
            (error: Error) => log(`forecourt: ${error.message}`),
          );
        }, restartDelay).unref();
      });
    });

  const stop = async (): Promise<void> => {
    stopping = true;
    clearInterval(sweeper);
    const exits = [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          const timer = setTimeout(
            () => worker.process.kill("SIGKILL"),
            options.stopTimeoutMs ?? 30_000,
          );
          worker.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          if (worker.isConnected()) worker.send({ fc: "shutdown" } satisfies ToWorker);
          else worker.process.kill("SIGTERM");
        }),
    );
    await Promise.all(exits);
  };

  try {
    await Promise.all(Array.from({ length: options.count }, (_, i) => startOne(i + 1)));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    address: address!,
    pids: () => [...workers].map((w) => w.process.pid).filter((pid): pid is number => !!pid),
    async cpuMicros() {
      const running = [...workers].filter((w) => w.isConnected());
      const each = await Promise.all(
        running.map(
          (worker) =>
            new Promise<number>((resolve) => {
              const id = collectId++;
              const timer = setTimeout(() => {
                usage.delete(id);
                resolve(0);
              }, IPC_TIMEOUT_MS);
              usage.set(id, (micros) => {
                clearTimeout(timer);
                usage.delete(id);
                resolve(micros);
              });
              worker.send({ fc: "usage", id } satisfies ToWorker);
            }),
        ),
      );
      return each.reduce((sum, n) => sum + n, 0);
    },
    stop,
  };
}
