import { readFile, writeFile } from "node:fs/promises";
import type pg from "pg";

/**
 * Backup without pg_dump: every Forecourt table as JSON rows, in an order that satisfies the
 * foreign keys on restore. Works the same on the embedded and a real server. Personal data stays
 * encrypted in the file (it is copied as ciphertext), so the file is only readable with the same
 * FORECOURT_SECRET_KEY — keep the key with the backup, separately. BullMQ's jobs are not included:
 * reminders are re-planned from follow-up tasks.
 */
export const BACKUP_TABLES = [
  "tenants",
  "stores",
  "teams",
  "salespeople",
  "api_keys",
  "customers",
  "leads",
  "touchpoints",
  "follow_up_tasks",
  "assignment_state",
  "assignment_rules",
  "opportunities",
  "opportunity_stage_history",
  "opportunity_owner_changes",
  "opportunity_activities",
  "orders",
  "order_versions",
  "order_changes",
  "order_approvals",
  "contract_templates",
  "contracts",
  "order_number_counters",
  "order_rules",
  "audit_events",
  "events",
  "idempotency_keys",
  "webhook_endpoints",
  "webhook_event_fanouts",
  "webhook_deliveries",
  "webhook_delivery_attempts",
  "connections",
  "inbox",
  "order_syncs",
  "oauth_states",
] as const;

export const BACKUP_FORMAT = "forecourt-backup/1";

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

export async function backupToFile(pool: pg.Pool, file: string): Promise<Record<string, number>> {
  const client = await pool.connect();
  const tables: Record<string, unknown[]> = {};
  try {
    // One snapshot for all tables, so the file is consistent even while the hub runs.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const table of BACKUP_TABLES) {
      tables[table] = (await client.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
    }
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  const backup: BackupFile = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), tables };
  await writeFile(file, JSON.stringify(backup), { mode: 0o600 });
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
}

/** Restores into a migrated database that has no tenants yet; all or nothing. */
export async function restoreFromFile(
  pool: pg.Pool,
  file: string,
): Promise<Record<string, number>> {
  const backup = JSON.parse(await readFile(file, "utf8")) as BackupFile;
  if (backup.format !== BACKUP_FORMAT) {
    throw new Error(`${file} is not a Forecourt backup (format ${String(backup.format)})`);
  }
  const client = await pool.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN");
    const existing = await client.query("SELECT count(*)::int AS n FROM tenants");
    if (existing.rows[0].n > 0) {
      throw new Error("restore needs an empty database: this one already has tenants");
    }
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table] ?? [];
      counts[table] = rows.length;
      if (rows.length === 0) continue;
      await client.query(
        `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return counts;
}
