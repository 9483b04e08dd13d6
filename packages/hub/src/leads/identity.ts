import {
  createIdentityIndex,
  type IdentityMatch,
  type IdentityRecord,
  matchIdentity,
  type NormalizedLead,
  OPEN_LEAD_STATUSES,
} from "@forecourt/sdk";
import { and, arrayOverlaps, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { customers, leads } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import type { FieldCrypto } from "../lib/crypto.js";

/** Records sharing one phone or email that matching looks at; more is a data problem, not a person. */
const MAX_CANDIDATES = 50;

export interface ContactIndexes {
  phone: string | undefined;
  email: string | undefined;
}

export function contactIndexesOf(
  contact: { phone?: string | undefined; email?: string | undefined },
  crypto: FieldCrypto,
): ContactIndexes {
  return {
    phone: contact.phone ? crypto.blindIndex("phone", contact.phone) : undefined,
    email: contact.email ? crypto.blindIndex("email", contact.email) : undefined,
  };
}

/**
 * Serialises intakes that share a phone, an email or a sender's inquiry id until their
 * transaction ends, so two parallel inquiries from one person cannot both create a lead.
 * Keys are taken in sorted order, so two intakes never wait for each other in a circle.
 */
export async function lockIntakeKeys(tx: Tx, tenantId: string, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`forecourt:intake:${tenantId}:${key}`}, 0))`,
    );
  }
}

/**
 * Identity matching against the database without decrypting anything: customers and open leads
 * are found by the blind index of the lead's normalised phone and email (one index probe each).
 * A row found by the phone's index has that phone, so the SDK's index is built from the rows
 * found, with the lead's own (already normalised) values standing in for the stored ciphertext.
 */
export async function matchStoredIdentity(
  tx: Tx,
  tenantId: string,
  lead: NormalizedLead,
  indexes: ContactIndexes,
  now: Date,
): Promise<IdentityMatch> {
  const { phone, email } = indexes;
  const keys = [phone, email].filter((k): k is string => k !== undefined);
  if (keys.length === 0) {
    return {
      decision: "new",
      reasons: [{ code: "no_match", message: "no phone or email to match by" }],
    };
  }
  const byContact: SQL[] = [];
  if (phone) byContact.push(eq(leads.phoneIndex, phone));
  if (email) byContact.push(eq(leads.emailIndex, email));
  // One after the other: a transaction is one connection, which runs one query at a time.
  const leadRows = await tx
    .select({
      id: leads.id,
      status: leads.status,
      salespersonId: leads.salespersonId,
      createdAt: leads.createdAt,
      lastActivityAt: leads.lastActivityAt,
      phoneIndex: leads.phoneIndex,
      emailIndex: leads.emailIndex,
    })
    .from(leads)
    .where(
      and(
        eq(leads.tenantId, tenantId),
        inArray(leads.status, [...OPEN_LEAD_STATUSES]),
        or(...byContact),
      ),
    )
    .orderBy(desc(leads.id))
    .limit(MAX_CANDIDATES);
  const customerRows = await tx
    .select({
      id: customers.id,
      salespersonId: customers.salespersonId,
      contactIndexes: customers.contactIndexes,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), arrayOverlaps(customers.contactIndexes, keys)))
    .orderBy(desc(customers.id))
    .limit(MAX_CANDIDATES);
  const records: IdentityRecord[] = [];
  for (const row of leadRows) {
    records.push({
      kind: "lead",
      id: row.id,
      status: row.status as IdentityRecord["status"],
      createdAt: row.createdAt.toISOString(),
      ...(row.lastActivityAt ? { lastActivityAt: row.lastActivityAt.toISOString() } : {}),
      ...(row.salespersonId ? { salespersonId: row.salespersonId } : {}),
      ...(phone && row.phoneIndex === phone ? { phone: lead.contact.phone } : {}),
      ...(email && row.emailIndex === email ? { email: lead.contact.email } : {}),
    });
  }
  for (const row of customerRows) {
    records.push({
      kind: "customer",
      id: row.id,
      ...(row.salespersonId ? { salespersonId: row.salespersonId } : {}),
      ...(phone && row.contactIndexes.includes(phone) ? { phone: lead.contact.phone } : {}),
      ...(email && row.contactIndexes.includes(email) ? { email: lead.contact.email } : {}),
    });
  }
  return matchIdentity(lead, createIdentityIndex(records), { now: now.toISOString() });
}
