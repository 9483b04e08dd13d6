import path from "node:path";
import { z } from "zod";
import type { SyncSettings } from "./sync/settings.js";
import type { WebhookSettings } from "./webhooks/settings.js";

/** Defaults, named so docs/hub.md and the code say the same thing. */
export const DEFAULT_DATA_DIR = "./.forecourt";
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
/**
 * Jobs a process runs at once. Most of a job's time is spent waiting (on a vendor's API, on the
 * database), and inbox rows processed together share one intake transaction, so this is more
 * than the cores.
 */
export const DEFAULT_WORKER_CONCURRENCY = 16;
export const DEFAULT_LOG_LEVEL = "info";
/** At most this many API processes (each may hold up to 19 database connections). */
export const MAX_API_PROCESSES = 32;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const urlWithProtocols = (protocols: readonly string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: "must be a whole number" })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    );

/** Empty strings count as unset: `PORT= forecourt start` should mean the default, not an error. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

/** The environment variables the hub reads. Nothing else configures it. */
export const envSchema = z.object({
  DATABASE_URL: optional(urlWithProtocols(["postgres:", "postgresql:"], "postgres://user@host/db")),
  REDIS_URL: optional(urlWithProtocols(["redis:", "rediss:"], "redis://127.0.0.1:6379")),
  FORECOURT_DATA_DIR: optional(z.string()),
  FORECOURT_SECRET_KEY: optional(
    z.string().trim().min(32, { message: "must be at least 32 characters (use 32 random bytes)" }),
  ),
  PORT: optional(integer(0, 65_535)),
  HOST: optional(z.string().trim().min(1)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` })),
  FORECOURT_BODY_LIMIT: optional(integer(1_024, 100 * 1_048_576)),
  FORECOURT_RATE_LIMIT: optional(integer(1, 1_000_000)),
  FORECOURT_QUEUE_PREFIX: optional(z.string().regex(/^[a-z0-9_:-]{1,64}$/i)),
  FORECOURT_WORKER_CONCURRENCY: optional(integer(1, 256)),
  FORECOURT_API_PROCESSES: optional(integer(1, MAX_API_PROCESSES)),
  FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP: optional(
    z.enum(["0", "1", "true", "false"], { message: "must be 1 or 0" }),
  ),
  FORECOURT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: optional(
    z.enum(["0", "1", "true", "false"], { message: "must be 1 or 0" }),
  ),
  FORECOURT_WEBHOOK_RETRY_SCHEDULE_MS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, {
        message: "must be comma-separated milliseconds, e.g. 0,5000,300000",
      }),
  ),
  FORECOURT_WEBHOOK_TIMEOUT_MS: optional(integer(100, 120_000)),
  FORECOURT_WEBHOOK_SWEEP_MS: optional(integer(50, 3_600_000)),
});

export interface HubConfig {
  /** Unset: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Unset: BullMQ's PostgreSQL backend on the hub's database. */
  redisUrl: string | undefined;
  dataDir: string;
  /** Unset only in embedded mode, where one is generated into the data folder. */
  secretKey: string | undefined;
  port: number;
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  bodyLimit: number;
  /** Requests per minute per API key (per IP for unauthenticated requests). */
  rateLimitPerMinute: number;
  /** Namespaces BullMQ keys on Redis (ignored by the PostgreSQL backend). */
  queuePrefix: string;
  /** Jobs one process runs at once (pushes, deliveries, inbox rows, pulls). */
  workerConcurrency: number;
  /**
   * Processes `forecourt start` answers HTTP with (1: the API runs in the one process with the
   * workers; more: that many API processes on one port, the workers in the first).
   */
  apiProcesses: number;
  /** Outbound webhooks; unset fields take the defaults in webhooks/settings.ts. */
  webhooks?: Partial<WebhookSettings>;
  /** Order pushes and OAuth2 tokens; unset fields take the defaults in sync/settings.ts. */
  sync?: Partial<SyncSettings>;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/**
 * Reads and validates the hub's configuration. Throws a `ConfigError` naming every bad variable
 * (never its value: a mistyped secret must not end up in a terminal scrollback or a log).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const known = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k]]));
  const parsed = envSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${String(issue.path[0] ?? "environment")}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const config: HubConfig = {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.FORECOURT_DATA_DIR ?? DEFAULT_DATA_DIR),
    secretKey: e.FORECOURT_SECRET_KEY,
    port: e.PORT ?? DEFAULT_PORT,
    host: e.HOST ?? DEFAULT_HOST,
    logLevel: e.LOG_LEVEL ?? DEFAULT_LOG_LEVEL,
    bodyLimit: e.FORECOURT_BODY_LIMIT ?? DEFAULT_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.FORECOURT_RATE_LIMIT ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    queuePrefix: e.FORECOURT_QUEUE_PREFIX ?? "forecourt",
    workerConcurrency: e.FORECOURT_WORKER_CONCURRENCY ?? DEFAULT_WORKER_CONCURRENCY,
    apiProcesses: e.FORECOURT_API_PROCESSES ?? 1,
    webhooks: {
      ...(e.FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP
        ? { allowLocalHttp: ["1", "true"].includes(e.FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP) }
        : {}),
      ...(e.FORECOURT_WEBHOOK_ALLOW_PRIVATE_NETWORKS
        ? {
            allowPrivateNetworks: ["1", "true"].includes(
              e.FORECOURT_WEBHOOK_ALLOW_PRIVATE_NETWORKS,
            ),
          }
        : {}),
      ...(e.FORECOURT_WEBHOOK_RETRY_SCHEDULE_MS
        ? { retryScheduleMs: e.FORECOURT_WEBHOOK_RETRY_SCHEDULE_MS.split(",").map(Number) }
        : {}),
      ...(e.FORECOURT_WEBHOOK_TIMEOUT_MS ? { timeoutMs: e.FORECOURT_WEBHOOK_TIMEOUT_MS } : {}),
      ...(e.FORECOURT_WEBHOOK_SWEEP_MS ? { sweepIntervalMs: e.FORECOURT_WEBHOOK_SWEEP_MS } : {}),
    },
  };
  if (config.apiProcesses > 1 && !config.databaseUrl) {
    throw new ConfigError([
      "FORECOURT_API_PROCESSES: more than 1 needs DATABASE_URL (the embedded database serves one process; set DATABASE_URL to a PostgreSQL server, or leave this at 1)",
    ]);
  }
  if (config.databaseUrl && !config.secretKey) {
    throw new ConfigError([
      "FORECOURT_SECRET_KEY: required when DATABASE_URL is set (it encrypts customer phone numbers and emails; generate one with `openssl rand -base64 32` and keep it safe, losing it loses that data)",
    ]);
  }
  return config;
}
