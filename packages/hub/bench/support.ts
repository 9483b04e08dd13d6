/**
 * What the hub's benchmarks share: the loopback-only autocannon runner, the request/reply
 * exchange with the server child process, a throwaway PostgreSQL database, and URL helpers.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import pg from "pg";
import { MAX_API_PROCESSES } from "../src/config.js";
import { withHubNodeFlags } from "../src/runtime.js";

/** Percentiles of the 2xx answers' response times, as measured (ms). */
export interface ResponseTimes {
  p50: number;
  p99: number;
}

/**
 * Runs autocannon, refusing any target but a loopback address, and also returns the percentiles
 * of the 2xx answers' own response times (`responses`). Those are what the benchmarks report.
 * autocannon's `latency` is the same thing until a rate is set (`overallRate`,
 * `connectionRate`). With a rate, autocannon 9 corrects its histogram for coordinated omission
 * with `Math.ceil(1 / rate)` as the expected interval between a connection's requests. That
 * value is in seconds, but the histogram is in milliseconds, so the interval comes out as 1 ms.
 * Every answer of R ms then adds R − 1 made-up samples (R − 1, R − 2, … 1 ms). The slow answers
 * count many times over, and the reported p99 is not the p99 of any set of requests. Whether a
 * rate was carried is checked separately (requests answered per second against the rate offered).
 */
export function cannon(
  options: autocannon.Options,
): Promise<autocannon.Result & { responses: ResponseTimes }> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(options.url as string)) {
    throw new Error(`refusing to load anything but loopback: ${String(options.url)}`);
  }
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ ...result, responses: percentiles(times) });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
}

/** What the benchmarks report of an autocannon run given `options`. */
export function summaryOf(
  r: autocannon.Result & { responses: ResponseTimes },
  options: Partial<autocannon.Options>,
) {
  return {
    rps: r.requests.mean,
    p50: r.responses.p50,
    p99: r.responses.p99,
    // autocannon's own p99, which a rate distorts (see `cannon`).
    ...((options.overallRate ?? options.connectionRate) !== undefined && {
      autocannonP99: r.latency.p99,
    }),
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** Nearest-rank percentile `p` (0–1) of an ascending array (0 when empty). */
export function rank(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Nearest-rank percentiles, rounded to whole milliseconds as autocannon prints them. */
export function percentiles(times: number[]): ResponseTimes {
  const sorted = Float64Array.from(times).sort();
  return { p50: Math.round(rank(sorted, 0.5)), p99: Math.round(rank(sorted, 0.99)) };
}

/**
 * Sends one message to the server child and waits for its reply; a `failed` reply rejects, and
 * the child exiting answers a `close` message (anything else it rejects).
 */
export function ask<T extends { type: string }>(
  child: ChildProcess,
  message: { type: string; [field: string]: unknown },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { type: string; message?: string }) => {
      cleanup();
      if (reply.type === "failed") reject(new Error(reply.message));
      else resolve(reply as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      if (message.type === "close") resolve({ type: "closed" } as unknown as T);
      else reject(new Error(`server process exited (${code})`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send(message);
  });
}

/** A dedicated empty database next to `base`'s; `drop` removes it. */
export async function createDatabase(
  base: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fc_bench_${randomBytes(6).toString("hex")}`;
  const connect = async () => {
    const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3_000 });
    await client.connect();
    return client;
  };
  const admin = await connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = await connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}

/** The http://127.0.0.1:<port> address of a listening server. */
export function urlOf(address: ReturnType<import("node:net").Server["address"]>): string {
  if (!address || typeof address === "string") throw new Error("not listening on TCP");
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Connections enough to offer `rate` requests a second to a server that answers within the
 * targets' 50 ms (rate × 0.05 s in flight, Little's law), and never fewer than `atLeast`: with
 * too few, autocannon cannot offer the rate at all, however fast the server.
 */
export function connectionsToCarry(rate: number, atLeast: number): number {
  return Math.max(atLeast, Math.ceil(rate * 0.05));
}

/**
 * Deletes a run's queue keys (`prefix:*`) from Redis: a benchmark's queue holds tens of thousands
 * of jobs, and Redis keeps them in memory until someone removes them.
 */
export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let dropped = 0;
  try {
    const stream = redis.scanStream({ match: `${prefix}:*`, count: 1_000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length === 0) continue;
      dropped += await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
  return dropped;
}

/**
 * The machine's CPU counters (`/proc/stat`, Linux): busy and total jiffies over every core, or
 * undefined where there is no such file. Two readings give how busy the whole machine was
 * between them — the server, the database, Redis and the load generator together.
 */
export async function machineCpu(): Promise<
  { busy: number; total: number; cores: number } | undefined
> {
  const text = await readFile("/proc/stat", "utf8").catch(() => undefined);
  const line = text?.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal …: idle and iowait are the idle time.
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const cores = text!.split("\n").filter((l) => /^cpu\d+ /.test(l)).length || 1;
  return { busy: total - idle, total, cores };
}

/**
 * CPU time (USER_HZ ticks, as `/proc/stat` counts) of the processes that share the machine during
 * a run: those given by pid (several pids under one label add up), and every process whose
 * command is one of `commands` (PostgreSQL runs a process per connection), per pid with its label. Linux only; undefined elsewhere.
 * `cpuSharesBetween` turns two readings into each label's share of a core.
 */
export async function cpuByProcess(
  pids: Record<string, number | number[]>,
  commands: Record<string, string>,
): Promise<ProcessTicks | undefined> {
  const entries = await readdir("/proc").catch(() => undefined);
  if (!entries) return undefined;
  const byPid = new Map(
    Object.entries(pids).flatMap(([label, pid]) => [pid].flat().map((p) => [p, label] as const)),
  );
  const byCommand = new Map(Object.entries(commands).map(([label, command]) => [command, label]));
  const ticks: ProcessTicks = {
    labels: [...Object.keys(pids), ...Object.keys(commands)],
    byPid: new Map(),
  };
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => undefined);
        if (!stat) return;
        const open = stat.indexOf("(");
        const close = stat.lastIndexOf(")");
        const command = stat.slice(open + 1, close);
        const label = byPid.get(Number(entry)) ?? byCommand.get(command);
        if (!label) return;
        // After the command: state, ppid, … — utime and stime are the 12th and 13th fields.
        const fields = stat.slice(close + 2).split(" ");
        ticks.byPid.set(Number(entry), { label, ticks: Number(fields[11]) + Number(fields[12]) });
      }),
  );
  return ticks;
}

export interface ProcessTicks {
  labels: string[];
  byPid: Map<number, { label: string; ticks: number }>;
}

/**
 * Each label's CPU between two `cpuByProcess` readings as a share of one core over the wall time
 * `machineCpu` measured. A process that started in between counts from zero; one that exited in
 * between drops out, so its share is undercounted (PostgreSQL backends come and go with the pool).
 */
export function cpuSharesBetween(
  before: ProcessTicks | undefined,
  after: ProcessTicks | undefined,
  machineBefore: { total: number; cores: number } | undefined,
  machineAfter: { total: number; cores: number } | undefined,
): Record<string, number> | undefined {
  if (!before || !after || !machineBefore || !machineAfter) return undefined;
  const oneCore = (machineAfter.total - machineBefore.total) / machineAfter.cores;
  if (oneCore <= 0) return undefined;
  const shares: Record<string, number> = {};
  for (const label of after.labels) shares[label] = 0;
  for (const [pid, { label, ticks }] of after.byPid) {
    shares[label]! += (ticks - (before.byPid.get(pid)?.ticks ?? 0)) / oneCore;
  }
  return shares;
}

/** The share of all cores busy between two `machineCpu` readings (0 – 1), if both exist. */
export function busyShare(
  before: { busy: number; total: number } | undefined,
  after: { busy: number; total: number } | undefined,
): number | undefined {
  if (!before || !after || after.total === before.total) return undefined;
  return (after.busy - before.busy) / (after.total - before.total);
}

/** `--api-processes`, as `forecourt start` takes it. */
export function apiProcessesOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_API_PROCESSES) {
    throw new Error(`--api-processes must be a whole number from 1 to ${MAX_API_PROCESSES}`);
  }
  return n;
}

/**
 * `--node-options hub|default`: the Node options of the process that holds the hub. `hub` (the
 * default) runs it as `pnpm start` does, with `HUB_NODE_FLAGS`; `default` with Node's own.
 * Returns the server child's `execArgv` and a phrase for the header.
 */
export function nodeOptionsOption(value: string): { execArgv: string[]; text: string } {
  if (value === "hub") {
    const execArgv = withHubNodeFlags(process.execArgv);
    const added = execArgv.slice(process.execArgv.length);
    return {
      execArgv,
      text:
        added.length > 0
          ? `the hub's process with ${added.join(" ")} (as pnpm start runs it)`
          : "the hub's process with the Node options given to this one",
    };
  }
  if (value === "default") {
    return {
      execArgv: [...process.execArgv],
      text: "the hub's process with Node's defaults (not the hub's Node options)",
    };
  }
  throw new Error(`--node-options must be hub or default, not ${value}`);
}

/** The process's peak resident memory so far, MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Where a benchmark's hub answers HTTP, and the CPU its API processes used (beyond this one's). */
export interface HubHttp {
  url: string;
  /** The API processes' pids when there are several (none when the hub answers in-process). */
  pids(): number[];
  /** CPU time (µs) of the API processes so far; 0 when the hub answers in this process. */
  cpuMicros(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Puts a benchmark's hub on a loopback port: in this process (`apiProcesses` 1), or as
 * `forecourt start --api-processes N` does, in N API processes forked from this one, which then
 * runs only the job workers. `env` must be what the hub's configuration was loaded from: the API
 * processes load theirs from it (the same database, secret key and queue).
 */
export async function serveHub(
  hub: import("../src/hub.js").Hub,
  env: Record<string, string>,
  apiProcesses: number,
): Promise<HubHttp> {
  if (apiProcesses <= 1) {
    await hub.app.listen({ host: "127.0.0.1", port: 0 });
    return {
      url: urlOf(hub.app.server.address()),
      pids: () => [],
      cpuMicros: async () => 0,
      close: async () => {},
    };
  }
  const { startApiProcesses } = await import("../src/cluster.js");
  const api = await startApiProcesses({
    count: apiProcesses,
    exec: fileURLToPath(new URL("../src/cli.ts", import.meta.url)),
    args: ["start"],
    env: { ...env, HOST: "127.0.0.1", PORT: "0" },
    log: (line) => console.error(line),
  });
  return {
    url: api.address.replace("localhost", "127.0.0.1"),
    pids: () => api.pids(),
    cpuMicros: () => api.cpuMicros(),
    close: () => api.stop(),
  };
}

/**
 * Starts watching the machine's CPU and that of the given processes (see `cpuByProcess`);
 * `stop` says how busy the machine was since (0 – 1) and each label's share of one core.
 */
export async function watchCpu(
  pids: Record<string, number | number[]>,
  commands: Record<string, string>,
): Promise<{
  stop(): Promise<{
    machineBusy: number | undefined;
    processShares: Record<string, number> | undefined;
  }>;
}> {
  const machineBefore = await machineCpu();
  const processesBefore = await cpuByProcess(pids, commands);
  return {
    async stop() {
      const processesAfter = await cpuByProcess(pids, commands);
      const machineAfter = await machineCpu();
      return {
        machineBusy: busyShare(machineBefore, machineAfter),
        processShares: cpuSharesBetween(
          processesBefore,
          processesAfter,
          machineBefore,
          machineAfter,
        ),
      };
    },
  };
}

/** Each label's share of a core, as the benchmarks print it: "server 81 %, PostgreSQL 35 %". */
export function sharesText(shares: Record<string, number>): string {
  return Object.entries(shares)
    .map(([label, share]) => `${label} ${Math.round(share * 100)} %`)
    .join(", ");
}
