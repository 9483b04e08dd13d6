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
 *
 * With `inline`, the JSON is written into the statement as a dollar-quoted literal instead of
 * bound: for statements sent with the simple protocol, which takes no parameters
 * (`atOnceInTenant`). Dollar quoting takes the text as it is — no escape processing, whatever
 * `standard_conforming_strings` says — so nothing is copied character by character.
 */
export function bulkInsert<T extends PgTable>(
  table: T,
  rows: T["$inferInsert"][],
  options: { inline?: boolean } = {},
): SQL {
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
  const json = JSON.stringify(payload);
  const value = options.inline ? sql.raw(dollarQuoted(json)) : sql`${json}`;
  return sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${value}::jsonb)`;
}

function byteaHex(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

/**
 * `text` as a PostgreSQL dollar-quoted string constant (`$q$…$q$`): the text is taken verbatim, so
 * the one rule is that the string must end at its closing tag — the tag is changed until its
 * first occurrence in text + tag is that closing one (a text holding the tag, or ending in part
 * of it, takes another). Text with a NUL character is refused (PostgreSQL's text cannot hold one).
 */
export function dollarQuoted(text: string): string {
  if (text.includes("\0")) throw new Error("a PostgreSQL string cannot hold a NUL character");
  let tag = "$q$";
  for (let n = 0; !closesAtEnd(text, tag); n++) tag = `$q${n.toString(36)}$`;
  return `${tag}${text}${tag}`;
}

/** Whether the first occurrence of `tag` in `text` + `tag` is the appended one. */
function closesAtEnd(text: string, tag: string): boolean {
  if (text.includes(tag)) return false;
  // Only the text's last characters can join the tag into an earlier occurrence.
  const tail = text.slice(-(tag.length - 1));
  return `${tail}${tag}`.indexOf(tag) === tail.length;
}
