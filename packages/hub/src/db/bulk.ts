import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * A multi-row INSERT whose rows travel as one JSON parameter (`jsonb_populate_recordset`), for
 * statements of hundreds of rows: building one bound parameter per value costs more than the
 * database's work on them. Every row must set the same columns (those it leaves out get their
 * defaults); values are what `JSON.stringify` makes of them (dates as ISO 8601, JSON columns as
 * they are, arrays as arrays), so it suits text, number, boolean, timestamp, JSON and array
 * columns; bytes (`Uint8Array`, `Buffer`) travel as PostgreSQL's hex text (`\x…`), which a
 * `bytea` column reads back as the same bytes.
 */
export function bulkInsert<T extends PgTable>(table: T, rows: T["$inferInsert"][]): SQL {
  const first = rows[0];
  if (!first) throw new Error("bulkInsert needs at least one row");
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(first).filter((key) => columns[key] !== undefined);
  const names = keys.map((key) => columns[key]!.name);
  const payload = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = (row as Record<string, unknown>)[keys[i]!] ?? null;
      record[names[i]!] = value instanceof Uint8Array ? byteaHex(value) : value;
    }
    return record;
  });
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  return sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${JSON.stringify(payload)}::jsonb)`;
}

function byteaHex(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}
