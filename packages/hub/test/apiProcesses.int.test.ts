/**
 * `forecourt start --api-processes 2` as a user runs it: the CLI in a process of its own on a
 * real PostgreSQL, two API processes on one port, the job workers in the primary. Every request
 * goes on a connection of its own, so Node's cluster hands them to the two processes in turn:
 * what is counted per process (the rate limit, the metrics) would show it.
 */
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HUB_NODE_FLAGS } from "../src/runtime.js";
import { createTestDatabase, requireServices, TEST_SECRET, tempDir } from "./support/backends.js";
import { until } from "./support/gateway.js";

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
/** The hub's package folder, where `tsx` (a dev dependency) resolves from. */
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const NODE_ARGS = ["--conditions=@forecourt/source", "--import", "tsx"];
const RATE_LIMIT = 40;

const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!hasPostgres && requireServices) throw new Error("TEST_DATABASE_URL is required");

/** The CLI started with `args`; its output kept as it comes. */
function runCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [...NODE_ARGS, CLI, ...args], {
    env: { ...process.env, ...env },
    cwd: PACKAGE,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { text: "" };
  child.stdout.on("data", (chunk: Buffer) => {
    output.text += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output.text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, output, exited };
}

/** `probe`'s first value other than undefined, polled with the suites' `until`. */
async function waitFor<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const value = await until(
    async () => probe(),
    (v) => v !== undefined,
    ms,
  );
  if (value === undefined) throw new Error(`timed out waiting for ${what}`);
  return value;
}

interface Answer {
  status: number;
  text: string;
  json<T = { id: string }>(): T;
}

/** One request on a connection of its own (no keep-alive), so each may reach another process. */
function request(
  base: string,
  method: string,
  url: string,
  key?: string,
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(url, base),
      {
        method,
        agent: false,
        headers: {
          connection: "close",
          ...(key && { authorization: `Bearer ${key}` }),
          ...(payload && { "content-type": "application/json" }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!hasPostgres)("forecourt start --api-processes 2 (PostgreSQL)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir: string;
  let cli: ReturnType<typeof runCli>;
  let base: string;
  let pids: number[];
  let adminKey: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await tempDir();
    env = {
      DATABASE_URL: database.url,
      FORECOURT_SECRET_KEY: TEST_SECRET,
      FORECOURT_DATA_DIR: dir,
      FORECOURT_RATE_LIMIT: String(RATE_LIMIT),
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
    };
    cli = runCli(["start", "--api-processes", "2"], env);
    const listening = await waitFor("the hub to listen", () => {
      const m = /listening on (http:\/\/\S+) with 2 API processes \(pids (\d+), (\d+);/.exec(
        cli.output.text,
      );
      if (m) return m;
      if (cli.child.exitCode !== null) throw new Error(`the CLI exited:\n${cli.output.text}`);
      return undefined;
    });
    base = listening[1]!;
    pids = [Number(listening[2]), Number(listening[3])];
    adminKey = (await readFile(path.join(dir, "admin-key.txt"), "utf8")).trim();
  }, 90_000);

  afterAll(async () => {
    if (cli && cli.child.exitCode === null) {
      cli.child.kill("SIGKILL");
      for (const pid of pids ?? []) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("runs two API processes besides the primary, which seeded the demo group once", () => {
    expect(pids).toHaveLength(2);
    expect(new Set([...pids, cli.child.pid]).size).toBe(3);
    for (const pid of pids) expect(alive(pid)).toBe(true);
    expect(cli.output.text.match(/Created the demo dealer group/g)).toHaveLength(1);
  });

  it("runs the API processes with the hub's Node options, and notes their absence in the primary", async () => {
    // Started here without them (as `node …/cli.js start` would be): the primary says so once,
    // and forks its API processes with them all the same.
    const notes = cli.output.text.match(/note: Node runs without (.*?),/g) ?? [];
    expect(notes).toEqual([`note: Node runs without ${HUB_NODE_FLAGS.join(" ")},`]);
    // A process's command line is read from /proc, which Linux has (CI runs there).
    if (process.platform !== "linux") return;
    for (const pid of pids) {
      const argv = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
      for (const flag of HUB_NODE_FLAGS) expect(argv).toContain(flag);
    }
    const primary = (await readFile(`/proc/${cli.child.pid}/cmdline`, "utf8")).split("\0");
    for (const flag of HUB_NODE_FLAGS) expect(primary).not.toContain(flag);
  });

  it("assigns parallel creates reaching both processes round-robin, evenly", async () => {
    const week = [1, 2, 3, 4, 5, 6, 7];
    const store = await request(base, "POST", "/v1/stores", adminKey, {
      name: "Cluster Motors",
      code: "CL01",
      region: "Zhejiang",
      businessHours: week.map((weekday) => ({ weekday, opens: "00:00", closes: "23:59" })),
    });
    expect(store.status).toBe(201);
    const storeId = store.json().id;
    const sellers: string[] = [];
    for (let k = 1; k <= 5; k++) {
      const seller = await request(base, "POST", "/v1/salespeople", adminKey, {
        storeId,
        name: `Seller ${k}`,
        shifts: week.map((weekday) => ({ weekday, starts: "00:00", ends: "23:59" })),
      });
      expect(seller.status).toBe(201);
      sellers.push(seller.json().id);
    }
    const creates = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(base, "POST", "/v1/leads", adminKey, {
          source: "autohome",
          channel: "portal",
          contact: { name: "Li Lei", phone: `1390000${String(1000 + i)}` },
          interest: { brand: "BYD", series: "Han" },
          timeframe: "within_7_days",
          storeId,
        }),
      ),
    );
    expect(creates.map((r) => r.status)).toEqual(Array(20).fill(201));
    const perSeller = new Map(sellers.map((id) => [id, 0]));
    for (const r of creates) {
      const id = r.json<{ lead: { salespersonId: string } }>().lead.salespersonId;
      perSeller.set(id, (perSeller.get(id) ?? 0) + 1);
    }
    expect([...perSeller.values()]).toEqual([4, 4, 4, 4, 4]);
  });

  it("limits a key once across the processes, not once in each", async () => {
    // A dealer group of its own, so its admin key has made no request yet this minute.
    const made = runCli(["tenant", "create", "Limits Motors"], env);
    expect(await made.exited).toBe(0);
    const key = /admin key \(shown once\): (\S+)/.exec(made.output.text)![1]!;
    const statuses: number[] = [];
    // One after another: which process answers alternates with each new connection.
    for (let i = 0; i < RATE_LIMIT + 20; i++) {
      statuses.push((await request(base, "GET", "/v1/stores", key)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const refused = await request(base, "GET", "/v1/stores", key);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe("rate_limited");
  });

  it("answers /metrics with every process's requests added up, and the queue once", async () => {
    const sample = (text: string) => {
      const m =
        /forecourt_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} (\d+)/.exec(
          text,
        );
      return m ? Number(m[1]) : 0;
    };
    const before = sample((await request(base, "GET", "/metrics")).text);
    for (let i = 0; i < 12; i++) expect((await request(base, "GET", "/healthz")).status).toBe(200);
    const text = (await request(base, "GET", "/metrics")).text;
    expect(sample(text) - before).toBe(12);
    expect(text.match(/^forecourt_queue_jobs\{lane="leads",state="waiting"\}/gm)).toHaveLength(1);
  });

  it("replaces an API process that dies, and keeps answering meanwhile", async () => {
    const victim = pids[0]!;
    process.kill(victim, "SIGKILL");
    const replacement = await waitFor("the replacement", () => {
      const m = /API process 1 is listening again \(pid (\d+)\)/.exec(cli.output.text);
      return m ? Number(m[1]) : undefined;
    });
    pids[0] = replacement;
    expect(alive(victim)).toBe(false);
    expect(cli.output.text).toMatch(/API process 1 \(pid \d+\) exited \(SIGKILL\)/);
    for (let i = 0; i < 6; i++) expect((await request(base, "GET", "/healthz")).status).toBe(200);
  }, 60_000);

  it("stops every process on SIGTERM and exits 0", async () => {
    const running = await request(base, "GET", "/metrics");
    expect(running.status).toBe(200);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    await waitFor("the API processes to exit", () =>
      pids.every((pid) => !alive(pid)) ? true : undefined,
    );
  }, 60_000);
});

describe("an API process", () => {
  it("is one only when forked as one, not as any cluster worker (PM2's cluster mode)", async () => {
    const dir = await tempDir();
    try {
      const script = path.join(dir, "probe.ts");
      await writeFile(
        script,
        `import cluster from "node:cluster";
import { isApiProcess } from ${JSON.stringify(path.join(PACKAGE, "src/cluster.ts"))};
if (cluster.isPrimary) {
  for (const env of [{}, { FORECOURT_API_PROCESS: "1" }]) {
    cluster.fork(env).on("message", (m) => console.log(JSON.stringify(m)));
  }
} else {
  process.send({ env: process.env.FORECOURT_API_PROCESS ?? null, isApiProcess: isApiProcess() });
  process.disconnect();
}
`,
      );
      const child = spawn(process.execPath, [...NODE_ARGS, script], {
        cwd: PACKAGE,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
      const lines = out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
        .sort((a, b) => String(a.env).localeCompare(String(b.env)));
      expect(lines).toEqual([
        { env: "1", isApiProcess: true },
        { env: null, isApiProcess: false },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("forecourt start --api-processes on the embedded database", () => {
  it("refuses more than one process, saying what it needs", async () => {
    const dir = await tempDir();
    try {
      const run = runCli(["start", "--api-processes", "2"], {
        DATABASE_URL: "",
        FORECOURT_DATA_DIR: dir,
        LOG_LEVEL: "silent",
      });
      expect(await run.exited).toBe(1);
      expect(run.output.text).toContain("--api-processes: more than 1 needs DATABASE_URL");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
