/**
 * `pnpm bench:api`: loads the hub's HTTP API with autocannon on loopback and writes the figures
 * into docs/performance.md between the `bench:api` markers. Options: `--duration S` (measured
 * seconds per scenario, default 10), `--warmup S` (default 2), `--connections N` (default 10),
 * `--only embedded,postgres`, `--no-write`, `--api-processes N` (PostgreSQL mode, default 1: the hub
 * answers in N API processes as `forecourt start --api-processes N` runs it, forked from the
 * server child, which keeps the job workers and the bare app; the server's CPU is then theirs and
 * the child's together), `--node-options hub|default` (default hub: the server child runs with
 * the hub's Node options, as `pnpm start` runs the hub; default: Node's own). Each row also gives
 * how busy the machine was and each process's share of a core (the server, the load generator,
 * PostgreSQL), read from /proc on Linux.
 *
 * The parent process runs autocannon; the servers run in a child process (this file with
 * `--serve`) so the load generator and the server do not share one event loop. For each mode
 * (embedded PGlite in a temp folder; PostgreSQL on a fresh database next to BENCH_DATABASE_URL or
 * TEST_DATABASE_URL) the child starts a bare Fastify app (the baseline, measured in the same run)
 * and the hub with a seeded dealer group, both on 127.0.0.1 with ephemeral ports.
 */
import { fork } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import {
  apiProcessesOption,
  ask,
  cannon,
  connectionsToCarry,
  createDatabase,
  nodeOptionsOption,
  redact,
  serveHub,
  sharesText,
  summaryOf,
  urlOf,
  watchCpu,
} from "./support.js";

type Mode = "embedded" | "postgres";

interface Ready {
  type: "ready";
  bareUrl: string;
  hubUrl: string;
  adminKey: string;
  stores: string[];
  /** The hub's API processes when there are several (`--api-processes`). */
  apiPids: number[];
}
interface Verified {
  type: "verified";
  rows: number;
  missing: string[];
}
type ToChild =
  | { type: "start"; mode: Mode; databaseUrl?: string; apiProcesses: number }
  | { type: "verify"; ids: string[] }
  | { type: "cpu" }
  | { type: "close" };
/** The server process's CPU time so far (user + system, µs). */
interface Cpu {
  type: "cpu";
  micros: number;
}
type FromChild = Ready | Verified | Cpu | { type: "closed" } | { type: "failed"; message: string };
// "closed" is never sent: the child answers `close` by exiting.

const { values } = parseArgs({
  // pnpm forwards a `--` separator as an argument of its own.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    serve: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
    only: { type: "string", default: "embedded,postgres" },
    "no-write": { type: "boolean", default: false },
    "api-processes": { type: "string", default: "1" },
    "node-options": { type: "string", default: "hub" },
  },
});

if (values.serve) await serve();
else await main();

// ---------------------------------------------------------------------------------------------
// Child: the servers.

async function serve(): Promise<void> {
  const [{ default: Fastify }, { loadConfig }, { buildHub }, { createTenant }, { withTenant }] =
    await Promise.all([
      import("fastify"),
      import("../src/config.js"),
      import("../src/hub.js"),
      import("../src/tenants.js"),
      import("../src/db/tenant.js"),
    ]);
  const { leads } = await import("../src/db/schema.js");
  const { eq } = await import("drizzle-orm");

  const send = (message: FromChild) => process.send?.(message);
  let cleanup: (() => Promise<void>) | undefined;
  let verify: ((ids: string[]) => Promise<Verified>) | undefined;
  let apiCpu: () => Promise<number> = async () => 0;

  process.on("message", (message: ToChild) => {
    void (async () => {
      try {
        if (message.type === "start") {
          const dir = await mkdtemp(path.join(tmpdir(), "fcb-"));
          const env: Record<string, string> = {
            FORECOURT_DATA_DIR: dir,
            LOG_LEVEL: "silent",
            // The default 600 requests/minute per key would answer 429 within a second.
            FORECOURT_RATE_LIMIT: "1000000",
            ...(message.databaseUrl
              ? {
                  DATABASE_URL: message.databaseUrl,
                  FORECOURT_SECRET_KEY: randomBytes(32).toString("hex"),
                }
              : {}),
          };
          const config = loadConfig(env);

          const bare = Fastify({ logger: false });
          const list = Array.from({ length: 50 }, (_, i) => ({ id: `item_${i}`, n: i }));
          bare.post("/echo", async (request, reply) => {
            const body = request.body as { contact?: { phone?: string } };
            return reply.code(201).send({ id: randomUUID(), phone: body.contact?.phone ?? null });
          });
          bare.get("/list", async () => ({ data: list, nextCursor: null }));
          await bare.listen({ host: "127.0.0.1", port: 0 });

          const hub = await buildHub(config);
          const seeded = await seed(hub, createTenant);
          const http = await serveHub(hub, env, message.apiProcesses);
          apiCpu = () => http.cpuMicros();

          cleanup = async () => {
            await bare.close();
            await http.close();
            await hub.close();
            await rm(dir, { recursive: true, force: true });
          };
          verify = async (ids) => {
            const rows = await withTenant(hub.services.db, seeded.tenantId, (tx) =>
              tx.select({ id: leads.id }).from(leads).where(eq(leads.tenantId, seeded.tenantId)),
            );
            const stored = new Set(rows.map((r) => r.id));
            return {
              type: "verified",
              rows: stored.size,
              missing: ids.filter((id) => !stored.has(id)),
            };
          };
          send({
            type: "ready",
            bareUrl: urlOf(bare.server.address()),
            hubUrl: http.url,
            adminKey: seeded.adminKey,
            stores: seeded.stores,
            apiPids: http.pids(),
          });
        } else if (message.type === "verify") {
          if (!verify) throw new Error("not started");
          send(await verify(message.ids));
        } else if (message.type === "cpu") {
          const used = process.cpuUsage();
          send({ type: "cpu", micros: used.user + used.system + (await apiCpu()) });
        } else {
          await cleanup?.();
          // The parent waits for the exit itself (a --cpu-prof profile is written on exit).
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
}

/** Two stores open around the clock, five salespeople each on shift every hour, default rules. */
async function seed(
  hub: import("../src/hub.js").Hub,
  createTenant: typeof import("../src/tenants.js").createTenant,
): Promise<{ tenantId: string; adminKey: string; stores: string[] }> {
  const tenant = await createTenant(hub.services.db, "Bench Motors");
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
  const week = [1, 2, 3, 4, 5, 6, 7];
  const stores: string[] = [];
  for (const [i, code] of ["BJ01", "SH01"].entries()) {
    const store = await post("/v1/stores", {
      name: `Bench ${code}`,
      code,
      region: i === 0 ? "Beijing" : "Shanghai",
      businessHours: week.map((weekday) => ({ weekday, opens: "00:00", closes: "23:59" })),
    });
    stores.push(store.id);
    for (let k = 1; k <= 5; k++) {
      await post("/v1/salespeople", {
        storeId: store.id,
        name: `Seller ${code}-${k}`,
        shifts: week.map((weekday) => ({ weekday, starts: "00:00", ends: "23:59" })),
      });
    }
  }
  return { tenantId: tenant.tenantId, adminKey, stores };
}

// ---------------------------------------------------------------------------------------------
// Parent: the load.

interface Row {
  mode: string;
  scenario: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  autocannonP99?: number;
  total: number;
  non2xx: number;
  errors: number;
  /** CPU time of the server process (the hub, or the bare app in its own rows) per answer, µs. */
  cpuPerRequest: number;
  /** That CPU time as a share of one core over the measured seconds. */
  cpuShare: number;
  /** How busy all the machine's cores were over the measured seconds (Linux), 0 – 1. */
  machineBusy: number | undefined;
  /** Each process's CPU as a share of one core over the measured seconds (Linux). */
  processShares: Record<string, number> | undefined;
  ratio?: number;
}

async function main(): Promise<void> {
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const connections = Number(values.connections);
  const only = new Set(values.only.split(","));
  const apiProcesses = apiProcessesOption(values["api-processes"]);
  const nodeOptions = nodeOptionsOption(values["node-options"]);
  const started = new Date();
  const load = loadavg().map((l) => l.toFixed(2));
  const rows: Row[] = [];
  const checks: string[] = [];
  const notes: string[] = [];
  let failed = false;

  for (const mode of ["embedded", "postgres"] as const) {
    if (!only.has(mode)) continue;
    let database: { url: string; drop(): Promise<void> } | undefined;
    if (mode === "postgres") {
      const base =
        process.env.BENCH_DATABASE_URL ??
        process.env.TEST_DATABASE_URL ??
        "postgres://postgres@127.0.0.1:5432/test";
      try {
        database = await createDatabase(base);
      } catch (error) {
        const message = `PostgreSQL mode skipped: ${redact(base)} unreachable (${error instanceof Error ? error.message : String(error)})`;
        console.error(message);
        notes.push(message);
        continue;
      }
    }
    const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
      execArgv: nodeOptions.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    try {
      const ready = await ask<Ready>(child, {
        type: "start",
        mode,
        // The embedded database serves one process.
        apiProcesses: mode === "postgres" ? apiProcesses : 1,
        ...(database ? { databaseUrl: database.url } : {}),
      });
      const label =
        mode === "postgres" && apiProcesses > 1 ? `postgres, ${apiProcesses} API processes` : mode;
      console.error(`${label}: hub at ${ready.hubUrl}, bare Fastify at ${ready.bareUrl}`);
      const auth = {
        authorization: `Bearer ${ready.adminKey}`,
        "content-type": "application/json",
      };
      const ids: string[] = [];
      let phone = 0;
      const leadRequest = (): autocannon.Request => ({
        method: "POST",
        path: "/v1/leads",
        headers: auth,
        setupRequest: (req) => {
          phone++;
          return {
            ...req,
            headers: { ...auth, "idempotency-key": randomUUID() },
            body: JSON.stringify({
              source: "autohome",
              channel: "portal",
              storeId: ready.stores[phone % ready.stores.length],
              contact: { name: "Bench Lead", phone: `139${String(phone).padStart(8, "0")}` },
              interest: { brand: "BYD", series: "Han" },
              timeframe: "within_30_days",
              intent: "high",
            }),
          };
        },
        onResponse: (status, body) => {
          if (status !== 201) return;
          const id = /"leadId":"(lead_[^"]+)"/.exec(body)?.[1];
          if (id) ids.push(id);
        },
      });
      const bareRequest = (): autocannon.Request => ({
        method: "POST",
        path: "/echo",
        headers: { "content-type": "application/json" },
        setupRequest: (req) => {
          phone++;
          return {
            ...req,
            body: JSON.stringify({ contact: { phone: `139${String(phone).padStart(8, "0")}` } }),
          };
        },
      });

      const run = async (
        scenario: string,
        target: string,
        url: string,
        options: Partial<autocannon.Options>,
        seconds = duration,
      ): Promise<Row> => {
        if (warmup > 0) await cannon({ url, connections, duration: warmup, ...options });
        const before = await ask<Cpu>(child, { type: "cpu" });
        const wallBefore = performance.now();
        const watch = await watchCpu(
          { server: [child.pid!, ...ready.apiPids], "load generator": process.pid },
          { PostgreSQL: "postgres" },
        );
        const r = await cannon({ url, connections, duration: seconds, ...options });
        const { machineBusy, processShares } = await watch.stop();
        const after = await ask<Cpu>(child, { type: "cpu" });
        const cpuMicros = after.micros - before.micros;
        const row: Row = {
          mode: label,
          scenario,
          target,
          ...summaryOf(r, options),
          cpuPerRequest: cpuMicros / Math.max(1, r.requests.total),
          cpuShare: cpuMicros / ((performance.now() - wallBefore) * 1000),
          machineBusy,
          processShares,
        };
        console.error(
          `  ${scenario.padEnd(34)} ${Math.round(row.rps).toString().padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms${row.autocannonP99 === undefined ? "" : ` (autocannon's ${row.autocannonP99})`}  non-2xx ${row.non2xx}  errors ${row.errors}  server CPU ${Math.round(row.cpuPerRequest)} µs/request (${Math.round(row.cpuShare * 100)} % of a core)${row.machineBusy === undefined ? "" : `, machine ${Math.round(row.machineBusy * 100)} % busy`}${row.processShares ? ` (${sharesText(row.processShares)})` : ""}`,
        );
        return row;
      };

      const barePost = await run("bare Fastify JSON POST", "POST /echo", ready.bareUrl, {
        requests: [bareRequest()],
      });
      const bareGet = await run("bare Fastify GET (50 items)", "GET /list", ready.bareUrl, {
        requests: [{ method: "GET", path: "/list" }],
      });
      const create = await run("lead create (full pipeline)", "POST /v1/leads", ready.hubUrl, {
        requests: [leadRequest()],
      });
      create.ratio = create.rps / barePost.rps;
      const list = await run("lead list", "GET /v1/leads?limit=50", ready.hubUrl, {
        requests: [{ method: "GET", path: "/v1/leads?limit=50", headers: auth }],
      });
      list.ratio = list.rps / bareGet.rps;
      rows.push(barePost, bareGet, create, list);

      if (mode === "postgres") {
        const rate = Math.max(1, Math.ceil(barePost.rps * 0.2));
        const carrying = connectionsToCarry(rate, connections);
        const reduced = await run(
          `lead create at ${rate.toLocaleString("en-US")} req/s (20 % of bare, ${carrying} connections)`,
          "POST /v1/leads",
          ready.hubUrl,
          { requests: [leadRequest()], overallRate: rate, connections: carrying },
        );
        reduced.ratio = reduced.rps / barePost.rps;
        rows.push(reduced);
        const met = reduced.rps >= rate * 0.95 && reduced.p99 < 50 && reduced.non2xx === 0;
        checks.push(
          `${label} target (≥ 20 % of the bare route's rate with p99 < 50 ms): offered ${rate} req/s, achieved ${Math.round(reduced.rps)} req/s, p99 ${reduced.p99} ms (autocannon's rate-corrected p99: ${reduced.autocannonP99} ms), non-2xx ${reduced.non2xx} → ${met ? "met" : "NOT met"}`,
        );
      }

      const unique = new Set(ids);
      const verified = await ask<Verified>(child, { type: "verify", ids: [...unique] });
      const ok = verified.missing.length === 0 && unique.size === ids.length;
      const check = `${label}: ${ids.length.toLocaleString("en-US")} creates answered 201 (${unique.size.toLocaleString("en-US")} distinct ids), ${verified.rows.toLocaleString("en-US")} leads stored for the tenant, ${verified.missing.length} acknowledged missing → ${ok ? "ok" : "FAILED"}`;
      console.error(check);
      checks.push(check);
      if (!ok) {
        failed = true;
        console.error(`missing ids (first 10): ${verified.missing.slice(0, 10).join(", ")}`);
      }
      await ask(child, { type: "close" });
    } finally {
      if (child.exitCode === null) child.kill();
      await database?.drop();
    }
  }

  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  const table = [
    "| mode | scenario | request | req/s (mean) | p50 ms | p99 ms | requests | non-2xx | errors | ratio to bare | server CPU µs/request (share of a core) | machine busy (per process, share of one core) |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.mode} | ${r.scenario} | \`${r.target}\` | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${fmt(r.total)} | ${fmt(r.non2xx)} | ${fmt(r.errors)} | ${r.ratio === undefined ? "—" : `${(r.ratio * 100).toFixed(1)} %`} | ${fmt(r.cpuPerRequest)} (${Math.round(r.cpuShare * 100)} %) | ${r.machineBusy === undefined ? "—" : `${Math.round(r.machineBusy * 100)} %`}${r.processShares ? ` (${sharesText(r.processShares)})` : ""} |`,
    ),
  ].join("\n");
  const cpu = cpus();
  const header = `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, load average at start ${load.join(" / ")} (1 / 5 / 15 min; a shared machine, so absolute figures move between runs — compare the ratios). ${connections} connections, ${warmup} s warm-up then ${duration} s per scenario; ${nodeOptions.text}.`;
  const block = [
    "<!-- bench:api:start -->",
    header,
    "",
    table,
    "",
    ...[...checks, ...notes].map((c) => `- ${c}`),
    "<!-- bench:api:end -->",
  ].join("\n");
  console.log(block);

  if (!values["no-write"]) {
    const file = fileURLToPath(new URL("../../../docs/performance.md", import.meta.url));
    const text = await readFile(file, "utf8");
    const start = text.indexOf("<!-- bench:api:start -->");
    const end = text.indexOf("<!-- bench:api:end -->");
    if (start < 0 || end < 0) throw new Error("docs/performance.md lacks the bench:api markers");
    await writeFile(
      file,
      text.slice(0, start) + block + text.slice(end + "<!-- bench:api:end -->".length),
    );
    console.error(`wrote ${file}`);
  }
  if (failed) {
    console.error("acknowledged creates are missing from the database");
    process.exit(1);
  }
}
