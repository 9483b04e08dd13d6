import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { HubConfig } from "../config.js";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.js";
import * as schema from "./schema.js";

/** The hub's drizzle database over its pool (`$client`). */
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type DatabaseMode = "embedded" | "postgres";

export interface Database {
  mode: DatabaseMode;
  /** Settings to open further pools on the same database (BullMQ's). */
  connection: pg.PoolConfig;
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

const POOL_SIZE = 10;

/**
 * Opens the hub's database: the server in `DATABASE_URL`, or the embedded PGlite in the data
 * folder reached over its unix socket. Everything above this function is the same in both modes.
 */
export async function openDatabase(config: HubConfig): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let connection: pg.PoolConfig;
  if (config.databaseUrl) {
    connection = { connectionString: config.databaseUrl };
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir);
    connection = { ...embedded.connection };
  }
  const pool = new pg.Pool({ ...connection, max: POOL_SIZE, application_name: "forecourt-hub" });
  // An idle client that loses its connection emits here; without a listener it would crash the
  // process. The next checkout gets a fresh connection.
  pool.on("error", () => {});
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw new Error(`cannot connect to the database: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    mode: embedded ? "embedded" : "postgres",
    connection,
    pool,
    db: drizzle(pool, { schema }),
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
