import { createOrder, nextOrderNumber, orderNumberDate, orderTermsVersion } from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import {
  customers,
  leads,
  opportunities,
  orderNumberCounters,
  salespeople,
  stores,
} from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { assertMayOwn, type DealScope } from "../opportunities/scope.js";
import { recordOrderEvent } from "./events.js";
import { insertOrder, insertOrderVersion } from "./rows.js";
import { loadOrderRules } from "./rules.js";
import type { OrderCreateBody } from "./schemas.js";
import { type ServedOrder, servedOrder } from "./serve.js";

const badReference = (path: string, message: string) =>
  new HubError("validation_failed", `Invalid body: ${path}: ${message}`, {
    issues: [{ path, message, in: "body" }],
  });

/**
 * The next sequence of a store's day, in the caller's transaction: the counter row is created or
 * incremented in one statement, so concurrent creates queue on its row lock and each gets its own
 * number; a rolled-back create releases it with its row.
 */
export async function allocateSequence(
  tx: Tx,
  tenantId: string,
  storeId: string,
  day: string,
): Promise<number> {
  const [row] = await tx
    .insert(orderNumberCounters)
    .values({ tenantId, storeId, day, seq: 1 })
    .onConflictDoUpdate({
      target: [orderNumberCounters.tenantId, orderNumberCounters.storeId, orderNumberCounters.day],
      set: { seq: sql`${orderNumberCounters.seq} + 1` },
    })
    .returning({ seq: orderNumberCounters.seq });
  return row!.seq;
}

async function exists(
  tx: Tx,
  table: typeof customers | typeof leads | typeof opportunities,
  tenantId: string,
  id: string,
) {
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, id)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Enters a draft order: the owner is checked against the key's scope, every referenced object
 * against the tenant (foreign keys alone would accept another tenant's ids), the number comes
 * from the store's counter, and the SDK validates the order and computes its total.
 */
export async function enterOrder(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  body: OrderCreateBody,
): Promise<ServedOrder> {
  const tenantId = actor.tenantId;
  const salespersonId = body.salespersonId ?? actor.salespersonId;
  if (!salespersonId) throw badReference("salespersonId", "is required for this key");
  const [person] = await tx
    .select({ storeId: salespeople.storeId })
    .from(salespeople)
    .where(and(eq(salespeople.tenantId, tenantId), eq(salespeople.id, salespersonId)))
    .limit(1);
  if (!person) throw badReference("salespersonId", `no salesperson ${salespersonId} here`);
  const storeId = body.storeId ?? person.storeId;
  assertMayOwn(scope, { salespersonId, storeId });
  const [store] = await tx
    .select({ code: stores.code, timeZone: stores.timeZone })
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), eq(stores.id, storeId)))
    .limit(1);
  if (!store) throw badReference("storeId", `no store ${storeId} here`);
  if (!(await exists(tx, customers, tenantId, body.customerId))) {
    throw badReference("customerId", `no customer ${body.customerId} here`);
  }
  if (body.leadId && !(await exists(tx, leads, tenantId, body.leadId))) {
    throw badReference("leadId", `no lead ${body.leadId} here`);
  }
  if (body.opportunityId && !(await exists(tx, opportunities, tenantId, body.opportunityId))) {
    throw badReference("opportunityId", `no opportunity ${body.opportunityId} here`);
  }
  const at = new Date().toISOString();
  const input = { ...body, salespersonId, storeId };
  // Validate before taking a number, so a bad order never moves the counter (even briefly).
  createOrder(input, { at, orderNumber: `${store.code}-00000000-0000` });
  const day = orderNumberDate(at, store.timeZone);
  const seq = await allocateSequence(tx, tenantId, storeId, day);
  const orderNumber = nextOrderNumber(store.code, at, store.timeZone, seq - 1);
  const order = createOrder(input, { at, orderNumber });
  await insertOrder(tx, tenantId, order);
  await insertOrderVersion(tx, tenantId, orderTermsVersion(order, at));
  await recordAudit(tx, actor, requestId, {
    action: "order.created",
    entityType: "order",
    entityId: order.id,
    after: order,
  });
  await recordOrderEvent(tx, tenantId, "order.created", order, { total: order.total });
  const rules = await loadOrderRules(tx, tenantId);
  return servedOrder(order, rules);
}
