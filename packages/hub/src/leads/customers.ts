import {
  type Customer,
  customerSchema,
  newId,
  normalizeEmail,
  normalizePhone,
  type ParsedCustomerInput,
} from "@forecourt/sdk";
import { and, arrayContains, arrayOverlaps, eq, type SQL } from "drizzle-orm";
import { customers, leads, salespeople, stores } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import type { FieldCrypto } from "../lib/crypto.js";
import type { LeadContext } from "./context.js";
import { lockIntakeKeys } from "./identity.js";
import { invalidBody } from "./load.js";
import { assertStoreAllowed, inScope, type LeadScope, scopeFilters } from "./scope.js";

export const customerResponseSchema = customerSchema.meta({ id: "Customer" });

type CustomerRow = typeof customers.$inferSelect;

/** The personal details kept as one ciphertext (everything but the name and the main contacts' indexes). */
interface CustomerDetails {
  phones: string[];
  emails: string[];
  idDocuments: Customer["idDocuments"];
  address?: string;
  birthday?: string;
  vehiclesOwned: Customer["vehiclesOwned"];
  notes?: string;
}

export function customerIndexes(
  contact: { phones: readonly string[]; emails: readonly string[] },
  crypto: FieldCrypto,
) {
  return [
    ...contact.phones.map((p) => crypto.blindIndex("phone", p)),
    ...contact.emails.map((e) => crypto.blindIndex("email", e)),
  ];
}

function customerColumns(input: ParsedCustomerInput, crypto: FieldCrypto) {
  const { phones, emails, wechat, preferred } = input.contact;
  const details: CustomerDetails = {
    phones,
    emails,
    idDocuments: input.idDocuments,
    ...(input.address ? { address: input.address } : {}),
    ...(input.birthday ? { birthday: input.birthday } : {}),
    vehiclesOwned: input.vehiclesOwned,
    ...(input.notes ? { notes: input.notes } : {}),
  };
  return {
    type: input.type,
    name: input.name,
    companyName: input.type === "individual" ? null : input.companyName,
    fleetSize: input.type === "fleet" ? input.fleetSize : null,
    phoneCiphertext: phones[0] ? crypto.encrypt(phones[0]) : null,
    phoneIndex: phones[0] ? crypto.blindIndex("phone", phones[0]) : null,
    emailCiphertext: emails[0] ? crypto.encrypt(emails[0]) : null,
    emailIndex: emails[0] ? crypto.blindIndex("email", emails[0]) : null,
    wechatCiphertext: wechat ? crypto.encrypt(wechat) : null,
    contactIndexes: customerIndexes(input.contact, crypto),
    detailsCiphertext: crypto.encrypt(JSON.stringify(details)),
    preferredContact: preferred ?? null,
    region: input.region ?? null,
    city: input.city ?? null,
    consent: input.consent,
    storeId: input.storeId ?? null,
    salespersonId: input.salespersonId ?? null,
    leadId: input.leadId ?? null,
    tags: input.tags,
    attributes: input.attributes,
  };
}

/** A stored customer as the API shows it; the ciphertexts are opened here and only here. */
export function customerFromRow(row: CustomerRow, crypto: FieldCrypto): Customer {
  const details: CustomerDetails = row.detailsCiphertext
    ? JSON.parse(crypto.decrypt(row.detailsCiphertext))
    : { phones: [], emails: [], idDocuments: [], vehiclesOwned: [] };
  const common = {
    id: row.id,
    name: row.name ?? "",
    contact: {
      phones: details.phones,
      emails: details.emails,
      ...(row.wechatCiphertext ? { wechat: crypto.decrypt(row.wechatCiphertext) } : {}),
      ...(row.preferredContact
        ? { preferred: row.preferredContact as Customer["contact"]["preferred"] }
        : {}),
    },
    idDocuments: details.idDocuments,
    ...(row.region ? { region: row.region } : {}),
    ...(row.city ? { city: row.city } : {}),
    ...(details.address ? { address: details.address } : {}),
    ...(details.birthday ? { birthday: details.birthday } : {}),
    vehiclesOwned: details.vehiclesOwned,
    consent: row.consent as Customer["consent"],
    ...(row.storeId ? { storeId: row.storeId } : {}),
    ...(row.salespersonId ? { salespersonId: row.salespersonId } : {}),
    ...(row.leadId ? { leadId: row.leadId } : {}),
    tags: row.tags,
    ...(details.notes ? { notes: details.notes } : {}),
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
  if (row.type === "fleet") {
    return {
      ...common,
      type: "fleet",
      companyName: row.companyName ?? "",
      fleetSize: row.fleetSize ?? 1,
    };
  }
  if (row.type === "business")
    return { ...common, type: "business", companyName: row.companyName ?? "" };
  return { ...common, type: "individual" };
}

/**
 * `POST /v1/customers`. A store key files customers under its store; a sales key under itself.
 * A phone or email that already belongs to a customer of the group is refused (409): customers
 * are found, not duplicated.
 */
export async function createCustomer(c: LeadContext, body: ParsedCustomerInput): Promise<Customer> {
  const { tx, actor, scope, crypto } = c;
  const tenantId = actor.tenantId;
  const input = { ...body };
  if (scope.storeId !== undefined) {
    input.storeId ??= scope.storeId;
    assertStoreAllowed(scope, input.storeId);
  }
  if (scope.salespersonId !== undefined) {
    if (input.salespersonId !== undefined && input.salespersonId !== scope.salespersonId) {
      throw new HubError("forbidden", "This key may only file customers under its own salesperson");
    }
    input.salespersonId = scope.salespersonId;
  }
  // References must name this tenant's rows (a foreign key would accept another tenant's id).
  const found = async (rows: Promise<unknown[]>) => (await rows).length > 0;
  if (
    input.storeId &&
    !(await found(
      tx
        .select({ id: stores.id })
        .from(stores)
        .where(and(eq(stores.tenantId, tenantId), eq(stores.id, input.storeId))),
    ))
  ) {
    throw invalidBody("storeId", "no such store");
  }
  if (
    input.salespersonId &&
    !(await found(
      tx
        .select({ id: salespeople.id })
        .from(salespeople)
        .where(and(eq(salespeople.tenantId, tenantId), eq(salespeople.id, input.salespersonId))),
    ))
  ) {
    throw invalidBody("salespersonId", "no such salesperson");
  }
  if (
    input.leadId &&
    !(await found(
      tx
        .select({ id: leads.id })
        .from(leads)
        .where(and(eq(leads.tenantId, tenantId), eq(leads.id, input.leadId))),
    ))
  ) {
    throw invalidBody("leadId", "no such lead");
  }
  const indexes = customerIndexes(input.contact, crypto);
  await lockIntakeKeys(tx, tenantId, [
    ...input.contact.phones.map((p) => `phone:${crypto.blindIndex("phone", p)}`),
    ...input.contact.emails.map((e) => `email:${crypto.blindIndex("email", e)}`),
  ]);
  if (indexes.length > 0) {
    const taken = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(eq(customers.tenantId, tenantId), arrayOverlaps(customers.contactIndexes, indexes)),
      )
      .limit(1);
    if (taken.length > 0) {
      throw new HubError(
        "conflict",
        "A customer with this phone or email already exists; search for it",
        {
          constraint: "customer_contact",
        },
      );
    }
  }
  const [row] = await tx
    .insert(customers)
    .values({
      id: newId("customer"),
      tenantId,
      ...customerColumns(input, crypto),
      createdAt: c.now,
      updatedAt: c.now,
    })
    .returning();
  const created = customerFromRow(row!, crypto);
  await recordAudit(tx, actor, c.requestId, {
    action: "customer.created",
    entityType: "customer",
    entityId: created.id,
    after: created,
  });
  return created;
}

export async function loadCustomer(tx: Tx, tenantId: string, scope: LeadScope, id: string) {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)))
    .limit(1);
  if (!row || !inScope(scope, row)) throw notFound("customer", id);
  return row;
}

/**
 * Filters for `GET /v1/customers?phone=…&email=…`: the phone is normalised (numbers without a
 * country code read as Chinese) and the email lower-cased, then each becomes its blind index —
 * a lookup that never decrypts a row.
 */
export function customerSearchFilters(
  tenantId: string,
  scope: LeadScope,
  query: { phone?: string | undefined; email?: string | undefined },
  crypto: FieldCrypto,
): SQL[] {
  const filters: SQL[] = [eq(customers.tenantId, tenantId), ...scopeFilters(scope, customers)];
  const wanted: string[] = [];
  if (query.phone !== undefined) {
    const phone = normalizePhone(query.phone);
    if (!phone.ok) throw badQuery("phone", phone.reason);
    wanted.push(crypto.blindIndex("phone", phone.e164));
  }
  if (query.email !== undefined) {
    const email = normalizeEmail(query.email);
    if (!email) throw badQuery("email", "not an email address");
    wanted.push(crypto.blindIndex("email", email));
  }
  if (wanted.length > 0) filters.push(arrayContains(customers.contactIndexes, wanted));
  return filters;
}

const badQuery = (path: string, message: string) =>
  new HubError("validation_failed", `Invalid querystring: ${path}: ${message}`, {
    issues: [{ path, message, in: "querystring" }],
  });
