import { and, asc, gt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { HubError } from "../errors.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=` on every list route. Ids are ULIDs, so ordering by id is ordering by time. */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
};

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    /** Pass as `cursor` to get the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });

const encode = (id: string) => Buffer.from(id, "utf8").toString("base64url");

function decode(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) {
    throw new HubError(
      "validation_failed",
      "Invalid cursor: pass nextCursor from a previous page",
      {
        issues: [{ path: "cursor", message: "is not a cursor returned by this API" }],
      },
    );
  }
  return id;
}

/** The WHERE part for a page after `cursor` (combined with the caller's filters). */
export function afterCursor(idColumn: PgColumn, cursor: string | undefined, filters: SQL[]) {
  const conditions = cursor ? [...filters, gt(idColumn, decode(cursor))] : filters;
  return and(...conditions);
}

export const orderById = (idColumn: PgColumn) => asc(idColumn);

/** Fetch `limit + 1` rows, then call this: it trims the extra row and makes the next cursor. */
export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
): { data: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { data: shown.map(map), nextCursor: more && last ? encode(last.id) : null };
}
