/**
 * `pnpm bench:push`: approved orders pushed by the hub's workers through the generic webhook
 * destination to a receiver on loopback, and the count check. Writes the figures into
 * docs/performance.md between the `bench:push` markers. Options: `--orders N` (default 10000),
 * `--embedded-orders N` (default 2000: embedded PGlite runs several times slower), `--runs N`
 * (per mode and scenario, default 3; the run with the median orders/s is reported),
 * `--concurrency N` (API requests in flight, default 8), `--wait S` (cap on the wait for the
 * pushes once the approvals are done, default 900), `--only embedded,postgres,postgres-redis`,
 * `--scenarios push,end-to-end`, `--no-write`. BENCH_LOG_LEVEL sets the hub's log level (silent).
 *
 * Per run, a fresh hub (bench/pushHub.ts in a child process) on a fresh database: embedded PGlite
 * in a temp folder, or a database made next to BENCH_DATABASE_URL / TEST_DATABASE_URL with
 * BullMQ on that database (`postgres`) or on Redis from BENCH_REDIS_URL / TEST_REDIS_URL /
 * redis://127.0.0.1:6379 (`postgres-redis`). The parent enters the orders as drafts through the
 * API (not timed), then approves each with `POST /v1/orders/{id}/submit` (no approval rule stops
 * them). Scenarios:
 *
 * - `push`: the hub runs API-only while the orders are approved, so their pushes wait as pending
 *   `order_syncs` rows; then its workers start (as `forecourt worker` would) and the clock runs
 *   from that moment until the last document exists at the receiver.
 * - `end-to-end`: the workers run throughout; the clock runs from the first approval sent until
 *   the last document exists, and each order's latency is approval answered → document made.
 *
 * The count check (exit 1 when it fails): exactly N documents at the receiver for N distinct
 * orders, no delivery repeated and no order with a second document, none refused; every approved
 * order has one `order_syncs` row, synced, whose external id is the receiver's document for that
 * order, the same in the order's `sync_status`, and one `order.synced` event.
 */
import { fork } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { api, approveAll, enterDrafts } from "./orderEntry.js";
import {
  makeLoopbackCertificate,
  newWebhookSecret,
  type OrderReceiver,
  startOrderReceiver,
} from "./orderReceiver.js";
import type { PushHubReady, PushProgress, PushRecords, StartPushHub } from "./pushHub.js";
import { ask, createDatabase, redact } from "./support.js";

type Mode = "embedded" | "postgres" | "postgres-redis";
type Scenario = "push" | "end-to-end";

const { values } = parseArgs({
  // pnpm forwards a `--` separator as an argument of its own.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    orders: { type: "string", default: "10000" },
    "embedded-orders": { type: "string", default: "2000" },
    runs: { type: "string", default: "3" },
    concurrency: { type: "string", default: "8" },
    wait: { type: "string", default: "900" },
    only: { type: "string", default: "embedded,postgres,postgres-redis" },
    scenarios: { type: "string", default: "push,end-to-end" },
    "no-write": { type: "boolean", default: false },
  },
});

interface RunResult {
  orders: number;
  approvalSeconds: number;
  /** From the clock's start until the last document was made at the receiver. */
  lastDocumentSeconds: number | undefined;
  /** Until the hub's poll saw every row synced (polled once the receiver has them all). */
  allSyncedSeconds: number | undefined;
  /** BullMQ processedOn → finishedOn of each push job (ms). */
  pushMs: number[];
  /** End to end only: approval answered → document made (ms). */
  latencyMs: number[];
  /** CPU time of the hub's process over the timed span, as a share of one core. */
  hubCpuShare: number;
  check: string;
  ok: boolean;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const sortNumbers = (list: number[]) => [...list].sort((a, b) => a - b);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** The count check: receiver and hub agree, one document per approved order, nothing doubled. */
function countCheck(
  label: string,
  approved: string[],
  receiver: OrderReceiver,
  records: PushRecords,
): { ok: boolean; text: string } {
  const n = approved.length;
  const documents = receiver.documents.length;
  const doubled = [...receiver.byOrder.values()].filter((refs) => refs.length > 1).length;
  const approvedIds = new Set(approved);
  const unknown = [...receiver.byOrder.keys()].filter((id) => !approvedIds.has(id)).length;
  const byOrder = new Map(records.pushes.map((p) => [p.orderId, p]));
  let synced = 0;
  let matching = 0;
  let summaries = 0;
  let retried = 0;
  for (const id of approved) {
    const push = byOrder.get(id);
    if (!push) continue;
    if (push.status === "synced") synced++;
    if (push.attempts > 1) retried++;
    const refs = receiver.byOrder.get(id);
    if (refs?.length === 1 && push.externalId === refs[0]) matching++;
    if (push.summary?.status === "synced" && push.summary.externalId === push.externalId)
      summaries++;
  }
  const ok =
    documents === n &&
    receiver.byOrder.size === n &&
    doubled === 0 &&
    unknown === 0 &&
    receiver.repeats === 0 &&
    receiver.refused === 0 &&
    records.pushes.length === n &&
    synced === n &&
    matching === n &&
    summaries === n &&
    records.syncedEvents === n &&
    records.syncedEventOrders === n;
  const c = (x: number) => x.toLocaleString("en-US");
  const text = `${label}: ${c(n)} orders approved; receiver made ${c(documents)} documents for ${c(receiver.byOrder.size)} distinct orders (${c(receiver.attempts)} deliveries, ${receiver.repeats} repeated, ${doubled} orders with a second document, ${receiver.refused} refused); hub: ${c(records.pushes.length)} order_syncs rows, ${c(synced)} synced with the receiver's document as external id for ${c(matching)}, sync_status synced with it on ${c(summaries)} orders, ${c(records.syncedEvents)} order.synced events for ${c(records.syncedEventOrders)} orders, ${retried} pushes needing more than one try → ${ok ? "ok" : "FAILED"}`;
  return { ok, text };
}

async function runOnce(
  mode: Mode,
  scenario: Scenario,
  orders: number,
  certificate: Awaited<ReturnType<typeof makeLoopbackCertificate>>,
  services: { databaseBase: string; redisUrl: string | undefined },
): Promise<RunResult> {
  const concurrency = Number(values.concurrency);
  const waitCap = Number(values.wait) * 1000;
  const database = mode === "embedded" ? undefined : await createDatabase(services.databaseBase);
  const secret = newWebhookSecret();
  const receiver = await startOrderReceiver(certificate, secret);
  const child = fork(fileURLToPath(new URL("./pushHub.ts", import.meta.url)), [], {
    execArgv: process.execArgv,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certFile },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const start: StartPushHub = {
      type: "start",
      workers: scenario === "end-to-end",
      receiverUrl: receiver.url,
      secret,
      customers: 50,
      ...(database ? { databaseUrl: database.url } : {}),
      ...(mode === "postgres-redis" && services.redisUrl ? { redisUrl: services.redisUrl } : {}),
    };
    const ready = await ask<PushHubReady>(child, start);
    const client = api(ready.hubUrl, ready.adminKey);
    const entryStart = performance.now();
    const drafts = await enterDrafts(client, ready, orders, concurrency);
    console.error(
      `  ${mode} ${scenario}: ${fmt(orders)} drafts entered in ${((performance.now() - entryStart) / 1000).toFixed(1)} s (not timed)`,
    );

    const approvalStart = performance.now();
    if (scenario === "end-to-end") await ask(child, { type: "mark" });
    const approvedAt = await approveAll(client, ready, drafts, concurrency);
    const approvalSeconds = (performance.now() - approvalStart) / 1000;
    let t0 = approvalStart;
    if (scenario === "push") {
      const before = await ask<PushProgress>(child, { type: "progress" });
      if ((before.byStatus.pending ?? 0) !== orders) {
        throw new Error(
          `expected ${orders} pending pushes before the workers start: ${JSON.stringify(before.byStatus)}`,
        );
      }
      t0 = performance.now();
      await ask(child, { type: "workers" });
    }

    // Until every document exists and every row is synced; a push given up on (dead) or the
    // cap ends the wait early.
    let allSyncedAt: number | undefined;
    let lastPoll = 0;
    const waitStart = performance.now();
    while (performance.now() - waitStart < waitCap) {
      const complete = receiver.documents.length >= orders;
      if (complete || performance.now() - lastPoll > 2_000) {
        lastPoll = performance.now();
        const now = await ask<PushProgress>(child, { type: "progress" });
        if ((now.byStatus.synced ?? 0) >= orders) {
          allSyncedAt = performance.now();
          break;
        }
        if ((now.byStatus.dead ?? 0) > 0 || (now.byStatus.failed ?? 0) > 0) break;
      }
      await new Promise((r) => setTimeout(r, complete ? 50 : 100));
    }
    const recordsAt = performance.now();
    const lastDocument = receiver.documents.at(-1);
    const records = await ask<PushRecords>(child, { type: "records" });
    const approved = [...approvedAt.keys()];
    const label = `${mode}, ${scenario}`;
    const { ok, text } = countCheck(label, approved, receiver, records);
    const latencyMs =
      scenario === "end-to-end"
        ? receiver.documents.flatMap((d) => {
            const at = approvedAt.get(d.orderId);
            return at === undefined ? [] : [Math.max(0, d.at - at)];
          })
        : [];
    await ask(child, { type: "close" });
    return {
      orders,
      approvalSeconds,
      lastDocumentSeconds:
        receiver.documents.length >= orders && lastDocument
          ? (lastDocument.at - t0) / 1000
          : undefined,
      allSyncedSeconds: allSyncedAt === undefined ? undefined : (allSyncedAt - t0) / 1000,
      pushMs: records.jobs.map((j) => j.finishedAt - j.processedAt),
      latencyMs,
      hubCpuShare: records.cpuSeconds / ((recordsAt - t0) / 1000),
      check: `${text}; BullMQ timings kept for ${records.jobs.length.toLocaleString("en-US")} push jobs`,
      ok,
    };
  } finally {
    if (child.exitCode === null) child.kill();
    await receiver.close();
    await database?.drop();
  }
}

async function reachableRedis(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  const only = new Set(values.only.split(","));
  const scenarios = values.scenarios.split(",") as Scenario[];
  const started = new Date();
  const loadAtStart = loadavg().map((l) => l.toFixed(2));
  const databaseBase =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const redisUrl =
    process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const notes: string[] = [];
  const checks: string[] = [];
  const rows: string[] = [];
  const loads: number[] = [];
  let failed = false;
  const certificate = await makeLoopbackCertificate();
  try {
    for (const mode of ["embedded", "postgres", "postgres-redis"] as const) {
      if (!only.has(mode)) continue;
      if (mode !== "embedded") {
        try {
          await (await createDatabase(databaseBase)).drop();
        } catch (error) {
          const message = `${mode} skipped: ${redact(databaseBase)} unreachable (${error instanceof Error ? error.message : String(error)})`;
          console.error(message);
          notes.push(message);
          continue;
        }
      }
      if (mode === "postgres-redis" && !(await reachableRedis(redisUrl))) {
        const message = `postgres-redis skipped: ${redact(redisUrl)} unreachable`;
        console.error(message);
        notes.push(message);
        continue;
      }
      const orders = Number(mode === "embedded" ? values["embedded-orders"] : values.orders);
      for (const scenario of scenarios) {
        const results: RunResult[] = [];
        for (let run = 1; run <= runs; run++) {
          loads.push(loadavg()[0]!);
          let result: RunResult;
          try {
            result = await runOnce(mode, scenario, orders, certificate, { databaseBase, redisUrl });
          } catch (error) {
            const message = `run ${run} of ${mode}, ${scenario} failed: ${error instanceof Error ? error.message : String(error)}`;
            console.error(message);
            notes.push(message.split("\n")[0]!);
            failed = true;
            continue;
          }
          const rate = result.lastDocumentSeconds ? orders / result.lastDocumentSeconds : 0;
          console.error(
            `${mode} ${scenario} run ${run}: approvals ${result.approvalSeconds.toFixed(1)} s, last document after ${result.lastDocumentSeconds?.toFixed(1) ?? "—"} s (${fmt(rate)} orders/s), all synced after ${result.allSyncedSeconds?.toFixed(1) ?? "—"} s, load ${loadavg()[0]!.toFixed(2)}`,
          );
          console.error(`  ${result.check}`);
          results.push(result);
          checks.push(`run ${run} of ${result.check}`);
          if (!result.ok || result.lastDocumentSeconds === undefined) failed = true;
        }
        if (results.length > 0) rows.push(tableRow(mode, scenario, results));
      }
    }
  } finally {
    await certificate.remove();
  }

  const cpu = cpus();
  const header = `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}; load average at start ${loadAtStart.join(" / ")} (1 / 5 / 15 min), 1-minute load at the start of each run ${loads.map((l) => l.toFixed(1)).join(", ")}. ${runs} run${runs === 1 ? "" : "s"} per row, each on a fresh hub and database; the row is the run with the median orders/s, with the range of all runs. API requests ${values.concurrency} in flight; the hub's workers at their default concurrency.`;
  const table = [
    "| mode | scenario | orders | approvals/s | orders/s to the last document (min – max) | seconds to the last document | all rows synced after | per push p50 / p99 ms (BullMQ) | approval → document p50 / p99 ms | hub process CPU |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
  const block = [
    "<!-- bench:push:start -->",
    header,
    "",
    table,
    "",
    ...[...checks, ...notes].map((c) => `- ${c}`),
    "<!-- bench:push:end -->",
  ].join("\n");
  console.log(block);

  if (!values["no-write"]) {
    const file = fileURLToPath(new URL("../../../docs/performance.md", import.meta.url));
    const text = await readFile(file, "utf8");
    const start = text.indexOf("<!-- bench:push:start -->");
    const end = text.indexOf("<!-- bench:push:end -->");
    if (start < 0 || end < 0) throw new Error("docs/performance.md lacks the bench:push markers");
    await writeFile(
      file,
      text.slice(0, start) + block + text.slice(end + "<!-- bench:push:end -->".length),
    );
    console.error(`wrote ${file}`);
  }
  if (failed) {
    console.error("the count check failed: documents missing, doubled or not recorded as synced");
    process.exit(1);
  }
}

function tableRow(mode: Mode, scenario: Scenario, results: RunResult[]): string {
  const rate = (r: RunResult) => (r.lastDocumentSeconds ? r.orders / r.lastDocumentSeconds : 0);
  const byRate = [...results].sort((a, b) => rate(a) - rate(b));
  const median = byRate[Math.floor((byRate.length - 1) / 2)]!;
  const push = sortNumbers(median.pushMs);
  const latency = sortNumbers(median.latencyMs);
  const range =
    results.length > 1 ? ` (${fmt(rate(byRate[0]!))} – ${fmt(rate(byRate.at(-1)!))})` : "";
  return `| ${mode} | ${scenario} | ${fmt(median.orders)} | ${fmt(median.orders / median.approvalSeconds)} | ${median.lastDocumentSeconds ? fmt(rate(median)) : "not all"}${range} | ${median.lastDocumentSeconds?.toFixed(1) ?? "—"} | ${median.allSyncedSeconds === undefined ? "—" : `${median.allSyncedSeconds.toFixed(1)} s`} | ${push.length ? `${fmt(quantile(push, 0.5))} / ${fmt(quantile(push, 0.99))}` : "—"} | ${latency.length ? `${fmt(quantile(latency, 0.5))} / ${fmt(quantile(latency, 0.99))}` : "—"} | ${Math.round(median.hubCpuShare * 100)} % |`;
}

await main();
