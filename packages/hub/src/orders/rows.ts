import type {
  Contract,
  Order,
  OrderApproval,
  OrderChange,
  OrderLine,
  OrderStatus,
  OrderStatusChange,
  OrderVehicle,
  OrderVersion,
} from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import { type contracts, orderChanges, orders, orderVersions } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";

export type OrderRow = typeof orders.$inferSelect;
type ContractRow = typeof contracts.$inferSelect;

const iso = (d: Date) => d.toISOString();

/** The stored row as the SDK's order (jsonb columns hold the SDK's own shapes). */
export function orderFromRow(row: OrderRow): Order {
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    status: row.status as OrderStatus,
    customerId: row.customerId,
    storeId: row.storeId,
    salespersonId: row.salespersonId,
    ...(row.opportunityId ? { opportunityId: row.opportunityId } : {}),
    ...(row.leadId ? { leadId: row.leadId } : {}),
    ...(row.campaignId ? { campaignId: row.campaignId } : {}),
    vehicle: row.vehicle as OrderVehicle,
    ...(row.allocatedVehicleId ? { allocatedVehicleId: row.allocatedVehicleId } : {}),
    lines: row.lines as unknown as OrderLine[],
    total: { amount: row.totalAmount, currency: row.currency },
    ...(row.tradeIn ? { tradeIn: row.tradeIn as Order["tradeIn"] } : {}),
    ...(row.financing ? { financing: row.financing as Order["financing"] } : {}),
    ...(row.requestedDeliveryDate ? { requestedDeliveryDate: row.requestedDeliveryDate } : {}),
    ...(row.expectedDeliveryDate ? { expectedDeliveryDate: row.expectedDeliveryDate } : {}),
    ...(row.contractId ? { contractId: row.contractId } : {}),
    termsVersion: row.termsVersion,
    approvals: row.approvals as unknown as OrderApproval[],
    statusHistory: row.statusHistory as unknown as OrderStatusChange[],
    ...(row.cancelReason ? { cancelReason: row.cancelReason } : {}),
    ...(row.deliveredAt ? { deliveredAt: iso(row.deliveredAt) } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
    attributes: row.attributes,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

/** The columns that change with the order's state (everything but id, tenant and number). */
function stateColumns(o: Order) {
  return {
    status: o.status,
    customerId: o.customerId,
    storeId: o.storeId,
    salespersonId: o.salespersonId,
    opportunityId: o.opportunityId ?? null,
    leadId: o.leadId ?? null,
    campaignId: o.campaignId ?? null,
    vehicle: o.vehicle as Record<string, unknown>,
    allocatedVehicleId: o.allocatedVehicleId ?? null,
    lines: o.lines as unknown as Record<string, unknown>[],
    totalAmount: o.total.amount,
    currency: o.total.currency,
    tradeIn: (o.tradeIn as Record<string, unknown> | undefined) ?? null,
    financing: (o.financing as Record<string, unknown> | undefined) ?? null,
    requestedDeliveryDate: o.requestedDeliveryDate ?? null,
    expectedDeliveryDate: o.expectedDeliveryDate ?? null,
    contractId: o.contractId ?? null,
    termsVersion: o.termsVersion ?? 1,
    approvals: o.approvals as unknown as Record<string, unknown>[],
    statusHistory: o.statusHistory as unknown as Record<string, unknown>[],
    cancelReason: o.cancelReason ?? null,
    deliveredAt: o.deliveredAt ? new Date(o.deliveredAt) : null,
    notes: o.notes ?? null,
    attributes: o.attributes,
    updatedAt: new Date(o.updatedAt),
    version: o.version,
  };
}

export async function insertOrder(tx: Tx, tenantId: string, order: Order): Promise<void> {
  await tx.insert(orders).values({
    id: order.id,
    tenantId,
    orderNumber: order.orderNumber,
    ...stateColumns(order),
    createdAt: new Date(order.createdAt),
  });
}

/** Writes `after` over `before`, only while the row still has `before`'s version. */
export async function saveOrder(tx: Tx, tenantId: string, before: Order, after: Order) {
  const updated = await tx
    .update(orders)
    .set(stateColumns(after))
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.id, before.id),
        eq(orders.version, before.version),
      ),
    )
    .returning({ id: orders.id });
  if (updated.length === 0) throw versionConflict("order", before.id, before.version, undefined);
}

/** The stored order, locked for update when `forUpdate`; 404 if absent. */
export async function loadOrder(
  tx: Tx,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<Order> {
  const query = tx
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .limit(1);
  const row = (forUpdate ? await query.for("update") : await query)[0];
  if (!row) throw notFound("order", id);
  return orderFromRow(row);
}

export function versionConflict(
  entity: string,
  id: string,
  sent: number,
  current: number | undefined,
) {
  return new HubError(
    "version_conflict",
    `${entity} ${id} is no longer at version ${sent}; read it again and retry`,
    { entity, id, sentVersion: sent, ...(current ? { currentVersion: current } : {}) },
  );
}

export async function insertOrderVersion(tx: Tx, tenantId: string, terms: OrderVersion) {
  await tx.insert(orderVersions).values({
    tenantId,
    orderId: terms.orderId,
    version: terms.version,
    changeId: terms.changeRequestId ?? null,
    terms: terms as unknown as Record<string, unknown>,
    createdAt: new Date(terms.createdAt),
  });
}

// ── Change requests ──

export async function insertChange(tx: Tx, tenantId: string, change: OrderChange) {
  await tx.insert(orderChanges).values({
    id: change.id,
    tenantId,
    orderId: change.orderId,
    kind: change.kind,
    status: change.status,
    baseVersion: change.baseVersion,
    resultingVersion: change.resultingVersion ?? null,
    record: change as unknown as Record<string, unknown>,
    createdAt: new Date(change.createdAt),
    updatedAt: new Date(change.updatedAt),
    version: change.version,
  });
}

export async function saveChange(
  tx: Tx,
  tenantId: string,
  before: OrderChange,
  after: OrderChange,
) {
  const updated = await tx
    .update(orderChanges)
    .set({
      status: after.status,
      resultingVersion: after.resultingVersion ?? null,
      record: after as unknown as Record<string, unknown>,
      updatedAt: new Date(after.updatedAt),
      version: after.version,
    })
    .where(
      and(
        eq(orderChanges.tenantId, tenantId),
        eq(orderChanges.id, before.id),
        eq(orderChanges.version, before.version),
      ),
    )
    .returning({ id: orderChanges.id });
  if (updated.length === 0) {
    throw versionConflict("order change", before.id, before.version, undefined);
  }
}

export async function loadChange(
  tx: Tx,
  tenantId: string,
  orderId: string,
  id: string,
): Promise<OrderChange> {
  const [row] = await tx
    .select()
    .from(orderChanges)
    .where(
      and(
        eq(orderChanges.tenantId, tenantId),
        eq(orderChanges.orderId, orderId),
        eq(orderChanges.id, id),
      ),
    )
    .limit(1)
    .for("update");
  if (!row) throw notFound("order change", id);
  return row.record as unknown as OrderChange;
}

// ── Contracts ──

/** The SDK's contract plus the rendered text the hash is of. */
export type StoredContract = Contract & { text: string };

export function contractFromRow(row: ContractRow): StoredContract {
  return {
    id: row.id,
    status: row.status as Contract["status"],
    orderId: row.orderId,
    orderVersion: row.orderVersion,
    templateId: row.templateId,
    ...(row.templateVersion ? { templateVersion: row.templateVersion } : {}),
    renderedSha256: row.renderedSha256,
    signedBy: row.signedBy as unknown as Contract["signedBy"],
    ...(row.signedAt ? { signedAt: iso(row.signedAt) } : {}),
    ...(row.documentRef ? { documentRef: row.documentRef } : {}),
    ...(row.voidedAt ? { voidedAt: iso(row.voidedAt) } : {}),
    ...(row.voidReason ? { voidReason: row.voidReason } : {}),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
    text: row.renderedText,
  };
}

export function contractColumns(c: Contract) {
  return {
    status: c.status,
    signedBy: c.signedBy as unknown as Record<string, unknown>[],
    signedAt: c.signedAt ? new Date(c.signedAt) : null,
    documentRef: c.documentRef ?? null,
    voidedAt: c.voidedAt ? new Date(c.voidedAt) : null,
    voidReason: c.voidReason ?? null,
    updatedAt: new Date(c.updatedAt),
    version: c.version,
  };
}
