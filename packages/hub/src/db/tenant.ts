import type { SQL } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Db } from "./database.js";

/** The SQL dialect as `drizzle()` makes it (the hub sets no casing option). */
const dialect = new PgDialect();

/** The database role the policies apply to: not a superuser, not the tables' owner. */
export const APP_ROLE = "forecourt_app";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Runs `work` in one transaction as `forecourt_app` with `forecourt.tenant_id` set, so row-level
 * security confines every statement to that tenant even if a query forgets its own
 * `WHERE tenant_id = …`. Both settings are transaction-local (`set_config(…, true)`): they vanish
 * at COMMIT/ROLLBACK and never leak to the next user of the pooled connection — which matters on
 * the embedded server, where every socket connection shares one PostgreSQL session.
 *
 * BEGIN and the settings go to PostgreSQL as one message (one round trip where drizzle's own
 * `transaction` makes two); `work` gets drizzle's transaction object over the same connection,
 * built as drizzle builds it, and COMMIT or ROLLBACK ends it. A connection whose ROLLBACK fails
 * is not given back to the pool.
 */
export async function withTenant<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const client = await db.$client.connect();
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN; ${tenantSettings(tenantId)}`);
    const result = await work(transactionOver(db, client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // After a failed COMMIT there is no transaction left, and ROLLBACK only warns.
    await client.query("ROLLBACK").catch((failed: Error) => {
      broken = failed;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The statement that puts a transaction in `tenantId`'s tenancy (inlined: no parameters). */
function tenantSettings(tenantId: string): string {
  return `SELECT set_config('role', ${pg.escapeLiteral(APP_ROLE)}, true), set_config('forecourt.tenant_id', ${pg.escapeLiteral(tenantId)}, true)`;
}

/** Drizzle's transaction object on `client`, as `db.transaction` makes it (without its BEGIN). */
function transactionOver(db: Db, client: pg.PoolClient): Tx {
  const schema = {
    schema: db._.schema,
    fullSchema: db._.fullSchema,
    tableNamesMap: db._.tableNamesMap,
  } as ConstructorParameters<typeof NodePgSession>[2];
  const session = new NodePgSession(client, dialect, schema);
  return new NodePgTransaction(dialect, session, schema) as unknown as Tx;
}

/**
 * One statement in `tenantId`'s tenancy, in a single round trip to PostgreSQL: the tenant's
 * settings and the statement travel as one simple-protocol message, which PostgreSQL runs as one
 * implicit transaction — committed once the message is done, rolled back whole if any part fails —
 * so the settings hold for the statement and vanish with its commit, as in `withTenant`. For the
 * hot paths where the transaction is this one statement: `withTenant` costs BEGIN, the settings,
 * the statement and COMMIT — four round trips, each a socket write and a wake-up on both sides.
 *
 * The simple protocol takes no bound parameters, so `statement` must carry none: its values are
 * inlined as literals by the caller (`bulkInsert(…, { inline: true })`); one with parameters is
 * refused rather than sent.
 */
export async function atOnceInTenant<Row extends Record<string, unknown>>(
  database: { pool: pg.Pool },
  tenantId: string,
  statement: SQL,
): Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  if (query.params.length > 0) {
    throw new Error("atOnceInTenant takes a statement without bound parameters");
  }
  const results = (await database.pool.query(
    `${tenantSettings(tenantId)}; ${query.sql}`,
  )) as unknown as pg.QueryResult<Row>[];
  return results[results.length - 1]!.rows;
}
