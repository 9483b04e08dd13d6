import { sql } from "drizzle-orm";
import type { Db } from "./database.js";

/** The database role the policies apply to: not a superuser, not the tables' owner. */
export const APP_ROLE = "forecourt_app";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Runs `work` in one transaction as `forecourt_app` with `forecourt.tenant_id` set, so row-level
 * security confines every statement to that tenant even if a query forgets its own
 * `WHERE tenant_id = …`. Both settings are transaction-local (`set_config(…, true)`): they vanish
 * at COMMIT/ROLLBACK and never leak to the next user of the pooled connection — which matters on
 * the embedded server, where every socket connection shares one PostgreSQL session.
 */
export async function withTenant<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('forecourt.tenant_id', ${tenantId}, true)`,
    );
    return work(tx);
  });
}
