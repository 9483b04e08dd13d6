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

/** The advisory-lock keys of an intake: its phone, its email and its sender's inquiry id. */
export function intakeKeysOf(lead: NormalizedLead, indexes: ContactIndexes): string[] {
  return [
    ...(indexes.phone ? [`phone:${indexes.phone}`] : []),
    ...(indexes.email ? [`email:${indexes.email}`] : []),
    ...(lead.externalId ? [`external:${lead.source}:${lead.externalId}`] : []),
  ];
}

/**
 * Serialises intakes that share a phone, an email or a sender's inquiry id until their
 * transaction ends, so two parallel inquiries from one person cannot both create a lead.
 * Keys are taken in sorted order (one statement; `unnest` yields them in the array's order), so
 * two intakes never wait for each other in a circle.
 */
export async function lockIntakeKeys(tx: Tx, tenantId: string, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort().map((key) => `forecourt:intake:${tenantId}:${key}`);
  if (sorted.length === 0) return;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${sql.param(sorted)}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`,
  );
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
  const [match] = await matchStoredIdentities(tx, tenantId, [{ lead, indexes }], now);
  return match!;
}

/**
 * `matchStoredIdentity` for several leads with one query for open leads and one for customers:
 * each lead is then matched against the rows that share its phone or email index.
 */
export async function matchStoredIdentities(
  tx: Tx,
  tenantId: string,
  items: { lead: NormalizedLead; indexes: ContactIndexes }[],
  now: Date,
): Promise<IdentityMatch[]> {
  const phones = [...new Set(items.flatMap((i) => (i.indexes.phone ? [i.indexes.phone] : [])))];
  const emails = [...new Set(items.flatMap((i) => (i.indexes.email ? [i.indexes.email] : [])))];
  const limit = MAX_CANDIDATES * items.length;
  const byContact: SQL[] = [];
  if (phones.length > 0) byContact.push(inArray(leads.phoneIndex, phones));
  if (emails.length > 0) byContact.push(inArray(leads.emailIndex, emails));
  // One after the other: a transaction is one connection, which runs one query at a time.
  const leadRows =
    byContact.length === 0
      ? []
      : await tx
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
          .limit(limit);
  const keys = [...phones, ...emails];
  const customerRows =
    keys.length === 0
      ? []
      : await tx
          .select({
            id: customers.id,
            salespersonId: customers.salespersonId,
            contactIndexes: customers.contactIndexes,
          })
          .from(customers)
          .where(
            and(eq(customers.tenantId, tenantId), arrayOverlaps(customers.contactIndexes, keys)),
          )
          .orderBy(desc(customers.id))
          .limit(limit);
  return items.map(({ lead, indexes: { phone, email } }) => {
    if (!phone && !email) {
      return {
        decision: "new",
        reasons: [{ code: "no_match", message: "no phone or email to match by" }],
      };
    }
    const records: IdentityRecord[] = [];
    for (const row of leadRows) {
      const byPhone = phone !== undefined && row.phoneIndex === phone;
      const byEmail = email !== undefined && row.emailIndex === email;
      if (!byPhone && !byEmail) continue;
      records.push({
        kind: "lead",
        id: row.id,
        status: row.status as IdentityRecord["status"],
        createdAt: row.createdAt.toISOString(),
        ...(row.lastActivityAt ? { lastActivityAt: row.lastActivityAt.toISOString() } : {}),
        ...(row.salespersonId ? { salespersonId: row.salespersonId } : {}),
        ...(byPhone ? { phone: lead.contact.phone } : {}),
        ...(byEmail ? { email: lead.contact.email } : {}),
      });
    }
    for (const row of customerRows) {
      const byPhone = phone !== undefined && row.contactIndexes.includes(phone);
      const byEmail = email !== undefined && row.contactIndexes.includes(email);
      if (!byPhone && !byEmail) continue;
      records.push({
        kind: "customer",
        id: row.id,
        ...(row.salespersonId ? { salespersonId: row.salespersonId } : {}),
        ...(byPhone ? { phone: lead.contact.phone } : {}),
        ...(byEmail ? { email: lead.contact.email } : {}),
      });
    }
    return matchIdentity(lead, createIdentityIndex(records), { now: now.toISOString() });
  });
}
