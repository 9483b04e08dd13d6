import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { apiKeyRoleSchema } from "./auth/roles.js";
import { backupToFile, restoreFromFile } from "./backup.js";
import { isApiProcess, onPrimaryShutdown, reportListening, startApiProcesses } from "./cluster.js";
import { ConfigError, type HubConfig, loadConfig } from "./config.js";
import { buildHub, closeServices, openServices, startWorkers } from "./hub.js";
import { createMetrics } from "./plugins/metrics.js";
import { HUB_NODE_FLAGS, missingHubNodeFlags, withHubNodeFlags } from "./runtime.js";
import type { HubServices } from "./services.js";
import { createKey, createTenant, revokeKey, seedDemoTenant, tenantCount } from "./tenants.js";

export const ADMIN_KEY_FILE = "admin-key.txt";

const USAGE = `Usage: forecourt <command>

  start [--api-processes N]  API and job workers in one process (the default); with N > 1,
                             N API processes on one port and the workers in this one
                             (needs DATABASE_URL; also FORECOURT_API_PROCESSES)
  worker                     job workers only
  migrate                    apply database migrations and exit
  tenant create <name>       create a dealer group; prints its admin key once
  key create --tenant <id> --role <role> [--name <name>] [--store <id>] [--salesperson <id>]
  key revoke <key id>
  backup <file>              write every Forecourt table to a JSON file
  restore <file>             load a backup into an empty database

Configuration comes from the environment; see docs/hub.md.`;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const warn = (line: string): void => {
  process.stderr.write(`warning: ${line}\n`);
};

/** Runs `stop` once on SIGTERM/SIGINT, then exits. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`forecourt: ${signal} received, finishing in-flight work`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`forecourt: shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", handler);
  process.once("SIGINT", handler);
}

/** On an empty database: the demo dealer group, its admin key printed once and kept in a file. */
async function seedIfEmpty(config: HubConfig, services: HubServices): Promise<void> {
  if ((await tenantCount(services.db)) > 0) return;
  const demo = await seedDemoTenant(services.db, services.crypto);
  await mkdir(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, ADMIN_KEY_FILE);
  await writeFile(file, `${demo.apiKey}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  say("");
  say("Created the demo dealer group (2 stores, 5 salespeople). Its admin API key, shown once:");
  say("");
  say(`  ${demo.apiKey}`);
  say("");
  say(`It is also in ${file} (readable by you only).`);
  say("");
}

/**
 * Said once when a long-running process lacks the hub's Node options (the binary started
 * directly, without `pnpm start`'s options or the operator's own values for them).
 */
function noteNodeFlags(): void {
  const missing = missingHubNodeFlags(process.execArgv);
  if (missing.length === 0) return;
  say(
    `forecourt: note: Node runs without ${missing.join(" ")}, which keep V8's full garbage collections from taking the cores the hub needs under load; start it as node ${HUB_NODE_FLAGS.join(" ")} …/cli.js, or put them in NODE_OPTIONS (docs/hub.md, "Node options")`,
  );
}

async function start(config: HubConfig): Promise<void> {
  if (isApiProcess()) return startApiProcess(config);
  noteNodeFlags();
  if (config.apiProcesses > 1) return startPrimary(config);
  const hub = await buildHub(config, { warn });
  onShutdown(() => hub.close());
  await seedIfEmpty(config, hub.services);
  const address = await hub.app.listen({ port: config.port, host: config.host });
  say(
    `forecourt: listening on ${address} (database: ${hub.services.database.mode}, queue: ${hub.services.queue.backend}); docs at ${address}/docs`,
  );
}

/** `start` with several API processes: this one runs the job workers and keeps them going. */
async function startPrimary(config: HubConfig): Promise<void> {
  const services = await openServices(config, warn);
  let api: Awaited<ReturnType<typeof startApiProcesses>> | undefined;
  onShutdown(async () => {
    await api?.stop();
    await closeServices(services);
  });
  await seedIfEmpty(config, services);
  try {
    api = await startApiProcesses({
      count: config.apiProcesses,
      exec: process.argv[1]!,
      args: ["start"],
      // The hub's Node options even when this process was started without them.
      execArgv: withHubNodeFlags(process.execArgv),
      registry: createMetrics(services.queue),
      log: say,
    });
  } catch (error) {
    await closeServices(services);
    throw error;
  }
  startWorkers(services);
  say(
    `forecourt: listening on ${api.address} with ${config.apiProcesses} API processes (pids ${api.pids().join(", ")}; database: ${services.database.mode}, queue: ${services.queue.backend}); docs at ${api.address}/docs`,
  );
}

/** One of `startPrimary`'s API processes: the HTTP API, no job workers. */
async function startApiProcess(config: HubConfig): Promise<void> {
  let hub: Awaited<ReturnType<typeof buildHub>> | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Asked to stop while still starting: nothing is in flight yet.
    if (!hub) process.exit(0);
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`forecourt: shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  onPrimaryShutdown(stop);
  // A terminal's Ctrl-C reaches every process of the group; the primary also asks each to stop.
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  hub = await buildHub(config, { workers: false, warn });
  reportListening(await hub.app.listen({ port: config.port, host: config.host }));
}

async function withServices<T>(
  config: HubConfig,
  work: (s: Awaited<ReturnType<typeof openServices>>) => Promise<T>,
) {
  const services = await openServices(config, warn);
  try {
    return await work(services);
  } finally {
    await closeServices(services);
  }
}

/** The environment's configuration, with `--api-processes` (when given) in its variable's place. */
function loadConfigWith(apiProcesses: string | undefined): HubConfig {
  if (apiProcesses === undefined) return loadConfig();
  try {
    return loadConfig({ ...process.env, FORECOURT_API_PROCESSES: apiProcesses });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      error.problems.map((p) => p.replace(/^FORECOURT_API_PROCESSES:/, "--api-processes:")),
    );
  }
}

export async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      store: { type: "string" },
      salesperson: { type: "string" },
      "api-processes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command = "start", sub, arg] = positionals;
  if (values.help || command === "help") return say(USAGE);
  const processes = values["api-processes"];
  if (processes !== undefined && command !== "start") {
    throw new UsageError("--api-processes is an option of start");
  }
  const config = loadConfigWith(processes);
  switch (command) {
    case "start":
      return start(config);
    case "worker": {
      noteNodeFlags();
      const services = await openServices(config, warn);
      startWorkers(services);
      onShutdown(() => closeServices(services));
      say(`forecourt: worker running (queue: ${services.queue.backend})`);
      return;
    }
    case "migrate":
      return withServices(config, async () => say("forecourt: database is up to date"));
    case "tenant":
      if (sub !== "create" || !arg) throw new UsageError("tenant create <name>");
      return withServices(config, async (s) => {
        const t = await createTenant(s.db, arg);
        say(`tenant ${t.tenantId}\nadmin key (shown once): ${t.apiKey}`);
      });
    case "key":
      if (sub === "create") {
        const role = apiKeyRoleSchema.safeParse(values.role);
        if (!values.tenant || !role.success) {
          throw new UsageError(
            `key create --tenant <id> --role <${apiKeyRoleSchema.options.join("|")}>`,
          );
        }
        const tenant = values.tenant;
        return withServices(config, async (s) => {
          const k = await createKey(s.db, tenant, values.name ?? role.data, role.data, {
            storeId: values.store,
            salespersonId: values.salesperson,
          });
          say(`key ${k.apiKeyId} (${role.data})\napi key (shown once): ${k.apiKey}`);
        });
      }
      if (sub === "revoke" && arg) {
        return withServices(config, async (s) => {
          if (!(await revokeKey(s.db, arg))) throw new Error(`no key ${arg}`);
          say(`revoked ${arg}`);
        });
      }
      throw new UsageError("key create … | key revoke <key id>");
    case "backup":
      if (!sub) throw new UsageError("backup <file>");
      return withServices(config, async (s) => {
        const counts = await backupToFile(s.database.pool, sub);
        say(`wrote ${sub}: ${JSON.stringify(counts)}`);
      });
    case "restore":
      if (!sub) throw new UsageError("restore <file>");
      return withServices(config, async (s) => {
        const counts = await restoreFromFile(s.database.pool, sub);
        say(`restored ${sub}: ${JSON.stringify(counts)}`);
      });
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`forecourt: ${error.message}\n`);
  } else if (error instanceof UsageError) {
    process.stderr.write(`forecourt: ${error.message}\n\n${USAGE}\n`);
  } else {
    process.stderr.write(`forecourt: ${(error as Error).message}\n`);
  }
  process.exit(1);
});
