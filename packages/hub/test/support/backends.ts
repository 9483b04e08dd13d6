import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type HubConfig, loadConfig } from "../../src/config.js";

/**
 * Where an integration suite runs: always on the embedded PGlite, and also on the real
 * PostgreSQL (and Redis) named by TEST_DATABASE_URL / TEST_REDIS_URL. Each suite gets its own
 * data folder or its own freshly created database and its own Redis key prefix, so files running
 * in parallel never see each other's rows or jobs. With FORECOURT_REQUIRE_SERVICES=1 a promised
 * service that is missing fails the suite instead of quietly skipping it.
 */
export interface Backend {
  name: "embedded" | "postgres";
  /** A fresh configuration; `cleanup` removes what it made. */
  prepare(env?: NodeJS.ProcessEnv): Promise<{ config: HubConfig; cleanup(): Promise<void> }>;
}

const env = process.env;
export const requireServices = env.FORECOURT_REQUIRE_SERVICES === "1";
export const TEST_SECRET = "test-secret-key-0123456789abcdefghijklmnop";

export async function tempDir(): Promise<string> {
  // Short: the embedded server's unix socket path must fit in ~100 bytes.
  return mkdtemp(path.join(tmpdir(), "fch-"));
}

export const embedded: Backend = {
  name: "embedded",
  async prepare(extra = {}) {
    const dir = await tempDir();
    return {
      config: loadConfig({ FORECOURT_DATA_DIR: dir, LOG_LEVEL: "silent", ...extra }),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

/** Creates an empty database next to TEST_DATABASE_URL's and returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `fc_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
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
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export const postgres: Backend = {
  name: "postgres",
  async prepare(extra = {}) {
    const database = await createTestDatabase();
    const dir = await tempDir();
    return {
      config: loadConfig({
        DATABASE_URL: database.url,
        FORECOURT_SECRET_KEY: TEST_SECRET,
        FORECOURT_DATA_DIR: dir,
        LOG_LEVEL: "silent",
        ...(env.TEST_REDIS_URL
          ? {
              REDIS_URL: env.TEST_REDIS_URL,
              FORECOURT_QUEUE_PREFIX: `fc-test-${randomBytes(6).toString("hex")}`,
            }
          : {}),
        ...extra,
      }),
      async cleanup() {
        await database.drop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/** The backends this machine offers; a required but missing service throws at collection. */
export function availableBackends(): Backend[] {
  const list: Backend[] = [embedded];
  if (env.TEST_DATABASE_URL) list.push(postgres);
  return list;
}

/** Checked by services.test.ts so a CI run that promised services cannot pass without them. */
export function missingRequiredServices(): string[] {
  if (!requireServices) return [];
  const missing: string[] = [];
  if (!env.TEST_DATABASE_URL) missing.push("TEST_DATABASE_URL");
  if (!env.TEST_REDIS_URL) missing.push("TEST_REDIS_URL");
  return missing;
}
