import { readdir, readFile } from "node:fs/promises";
import type pg from "pg";

/** Any fixed number; every hub process migrating the same database takes this lock first. */
const MIGRATION_LOCK_KEY = 7_213_405_118;
const MIGRATIONS_TABLE = "forecourt_migrations";

/** The committed SQL files, next to this module in the sources and next to the bundle in dist. */
export const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the SQL files in `migrations/` in name order, each in its own transaction, recording
 * each in `forecourt_migrations`. Concurrency-safe: a session-level advisory lock makes a second
 * process wait and then find nothing left to do.
 */
export async function migrate(pool: pg.Pool, dir: URL = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = new Set(
        (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map(
          (r) => r.name,
        ),
      );
      for (const file of files) {
        if (done.has(file)) continue;
        const text = await readFile(new URL(file, dir), "utf8");
        await client.query("BEGIN");
        try {
          await client.query(text);
          await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES ($1)`, [file]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${file} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(file);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return { applied };
}
