import { type Store, storeInputSchema } from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { stores } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { notFound } from "../errors.js";

export type StoreRow = typeof stores.$inferSelect;
export type ParsedStoreInput = z.output<typeof storeInputSchema>;

export function storeFromRow(row: StoreRow): Store {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    region: row.region,
    ...(row.city ? { city: row.city } : {}),
    ...(row.address ? { address: row.address } : {}),
    timeZone: row.timeZone,
    brands: row.brands,
    businessHours: row.businessHours,
    calendar: row.calendar,
    ...(row.managerId ? { managerId: row.managerId } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function storeColumns(input: ParsedStoreInput) {
  return {
    name: input.name,
    code: input.code,
    region: input.region,
    city: input.city ?? null,
    address: input.address ?? null,
    timeZone: input.timeZone,
    brands: input.brands,
    businessHours: input.businessHours,
    calendar: input.calendar,
    managerId: input.managerId ?? null,
  };
}

/** The stored store, locked for update when `forUpdate`; 404 when absent in this tenant. */
export async function loadStore(
  tx: Tx,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<StoreRow> {
  const query = tx
    .select()
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), eq(stores.id, id)))
    .limit(1);
  const rows = forUpdate ? await query.for("update") : await query;
  const row = rows[0];
  if (!row) throw notFound("store", id);
  return row;
}

/** The create-input form of a stored store, for merging a PATCH into. */
export function storeInputOf(store: Store): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...input } = store;
  return input;
}

export { storeInputSchema };
