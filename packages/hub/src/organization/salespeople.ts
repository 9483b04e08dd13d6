import type { Salesperson, salespersonInputSchema } from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { salespeople } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { notFound } from "../errors.js";
import type { FieldCrypto } from "../lib/crypto.js";

export type SalespersonRow = typeof salespeople.$inferSelect;
export type ParsedSalespersonInput = z.output<typeof salespersonInputSchema>;

export function salespersonFromRow(row: SalespersonRow, crypto: FieldCrypto): Salesperson {
  return {
    id: row.id,
    storeId: row.storeId,
    ...(row.teamId ? { teamId: row.teamId } : {}),
    name: row.name,
    role: row.role as Salesperson["role"],
    ...(row.phoneCiphertext ? { phone: crypto.decrypt(row.phoneCiphertext) } : {}),
    ...(row.emailCiphertext ? { email: crypto.decrypt(row.emailCiphertext) } : {}),
    brands: row.brands,
    regions: row.regions,
    customerTypes: row.customerTypes as Salesperson["customerTypes"],
    shifts: row.shifts,
    daysOff: row.daysOff,
    active: row.active,
    ...(row.maxOpenLeads ? { maxOpenLeads: row.maxOpenLeads } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Columns for a salesperson; phone and email are stored encrypted with a blind index. */
export function salespersonColumns(input: ParsedSalespersonInput, crypto: FieldCrypto) {
  const email = input.email?.toLowerCase();
  return {
    storeId: input.storeId,
    teamId: input.teamId ?? null,
    name: input.name,
    role: input.role,
    phoneCiphertext: input.phone ? crypto.encrypt(input.phone) : null,
    phoneIndex: input.phone ? crypto.blindIndex("phone", input.phone) : null,
    emailCiphertext: email ? crypto.encrypt(email) : null,
    emailIndex: email ? crypto.blindIndex("email", email) : null,
    brands: input.brands,
    regions: input.regions,
    customerTypes: input.customerTypes,
    shifts: input.shifts,
    daysOff: input.daysOff,
    active: input.active,
    maxOpenLeads: input.maxOpenLeads ?? null,
  };
}

export function salespersonInputOf(person: Salesperson): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...input } = person;
  return input;
}

export async function loadSalesperson(tx: Tx, tenantId: string, id: string, forUpdate = false) {
  const query = tx
    .select()
    .from(salespeople)
    .where(and(eq(salespeople.tenantId, tenantId), eq(salespeople.id, id)))
    .limit(1);
  const row = (forUpdate ? await query.for("update") : await query)[0];
  if (!row) throw notFound("salesperson", id);
  return row;
}
