import type {
  LossReason,
  Opportunity,
  OpportunityStage,
  OwnerChange,
  StageHistoryEntry,
  VehicleInterest,
} from "@forecourt/sdk";
import { and, asc, eq, inArray } from "drizzle-orm";
import { opportunities, opportunityOwnerChanges, opportunityStageHistory } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";

export type OpportunityRow = typeof opportunities.$inferSelect;
type StageRow = typeof opportunityStageHistory.$inferSelect;
type OwnerRow = typeof opportunityOwnerChanges.$inferSelect;

/**
 * An opportunity as the hub stores and serves it: the SDK's record plus the dealer system's own
 * order reference of a won deal (the SDK knows only Forecourt order ids). The SDK functions drop
 * the extra field, so every change carries it over explicitly.
 */
export type HubOpportunity = Opportunity & { wonOrderReference?: string };

const iso = (d: Date) => d.toISOString();

function stageEntryFromRow(row: StageRow): StageHistoryEntry {
  return {
    stage: row.stage as OpportunityStage,
    enteredAt: iso(row.enteredAt),
    by: row.by,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.lossReason ? { lossReason: row.lossReason as LossReason } : {}),
  };
}

function ownerChangeFromRow(row: OwnerRow): OwnerChange {
  return {
    from: row.fromSalespersonId,
    to: row.toSalespersonId,
    at: iso(row.at),
    by: row.by,
    reason: row.reason,
    ...(row.fromStoreId ? { fromStoreId: row.fromStoreId } : {}),
    ...(row.toStoreId ? { toStoreId: row.toStoreId } : {}),
  };
}

export function opportunityFromRows(
  row: OpportunityRow,
  history: StageRow[],
  owners: OwnerRow[],
): HubOpportunity {
  return {
    id: row.id,
    ...(row.leadId ? { leadId: row.leadId } : {}),
    ...(row.customerId ? { customerId: row.customerId } : {}),
    salespersonId: row.salespersonId,
    storeId: row.storeId,
    ...(row.teamId ? { teamId: row.teamId } : {}),
    ...(row.campaignId ? { campaignId: row.campaignId } : {}),
    vehicle: row.vehicle as VehicleInterest,
    expectedValue: { amount: row.expectedValueAmount, currency: row.expectedValueCurrency },
    expectedCloseDate: row.expectedCloseDate,
    ...(row.probabilityOverride !== null ? { probabilityOverride: row.probabilityOverride } : {}),
    stage: row.stage as OpportunityStage,
    stageHistory: history.map(stageEntryFromRow),
    ownerHistory: owners.map(ownerChangeFromRow),
    ...(row.lossReason ? { lossReason: row.lossReason as LossReason } : {}),
    ...(row.wonOrderId ? { wonOrderId: row.wonOrderId } : {}),
    ...(row.wonOrderReference ? { wonOrderReference: row.wonOrderReference } : {}),
    ...(row.closedAt ? { closedAt: iso(row.closedAt) } : {}),
    ...(row.lastActivityAt ? { lastActivityAt: iso(row.lastActivityAt) } : {}),
    activityCount: row.activityCount,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

/** The columns that change with the opportunity's state (everything but id and tenant). */
function stateColumns(o: HubOpportunity) {
  return {
    leadId: o.leadId ?? null,
    customerId: o.customerId ?? null,
    salespersonId: o.salespersonId,
    storeId: o.storeId,
    teamId: o.teamId ?? null,
    campaignId: o.campaignId ?? null,
    vehicle: o.vehicle,
    expectedValueAmount: o.expectedValue.amount,
    expectedValueCurrency: o.expectedValue.currency,
    expectedCloseDate: o.expectedCloseDate,
    probabilityOverride: o.probabilityOverride ?? null,
    stage: o.stage,
    lossReason: o.lossReason ?? null,
    wonOrderId: o.wonOrderId ?? null,
    wonOrderReference: o.wonOrderReference ?? null,
    closedAt: o.closedAt ? new Date(o.closedAt) : null,
    lastActivityAt: o.lastActivityAt ? new Date(o.lastActivityAt) : null,
    activityCount: o.activityCount,
    updatedAt: new Date(o.updatedAt),
    version: o.version,
  };
}

/** Appends the history entries and hand-overs `after` has beyond the first `from` of each. */
async function appendHistories(
  tx: Tx,
  tenantId: string,
  after: HubOpportunity,
  from: { stages: number; owners: number },
): Promise<void> {
  const stages = after.stageHistory.slice(from.stages);
  if (stages.length > 0) {
    await tx.insert(opportunityStageHistory).values(
      stages.map((entry, i) => ({
        tenantId,
        opportunityId: after.id,
        seq: from.stages + i,
        stage: entry.stage,
        enteredAt: new Date(entry.enteredAt),
        by: entry.by,
        note: entry.note ?? null,
        lossReason: entry.lossReason ?? null,
      })),
    );
  }
  const owners = after.ownerHistory.slice(from.owners);
  if (owners.length > 0) {
    await tx.insert(opportunityOwnerChanges).values(
      owners.map((change, i) => ({
        tenantId,
        opportunityId: after.id,
        seq: from.owners + i,
        fromSalespersonId: change.from,
        toSalespersonId: change.to,
        fromStoreId: change.fromStoreId ?? null,
        toStoreId: change.toStoreId ?? null,
        at: new Date(change.at),
        by: change.by,
        reason: change.reason,
      })),
    );
  }
}

export async function insertOpportunity(
  tx: Tx,
  tenantId: string,
  created: HubOpportunity,
): Promise<void> {
  await tx.insert(opportunities).values({
    id: created.id,
    tenantId,
    ...stateColumns(created),
    createdAt: new Date(created.createdAt),
  });
  await appendHistories(tx, tenantId, created, { stages: 0, owners: 0 });
}

/**
 * Writes `after` over `before`: the row only if it still has `before`'s version (the caller
 * normally holds the row lock already, so this is the second line of defence), then the new
 * history entries and hand-overs.
 */
export async function saveOpportunity(
  tx: Tx,
  tenantId: string,
  before: HubOpportunity,
  after: HubOpportunity,
): Promise<void> {
  const updated = await tx
    .update(opportunities)
    .set(stateColumns(after))
    .where(
      and(
        eq(opportunities.tenantId, tenantId),
        eq(opportunities.id, before.id),
        eq(opportunities.version, before.version),
      ),
    )
    .returning({ id: opportunities.id });
  if (updated.length === 0) throw versionConflict(before.id, before.version, undefined);
  await appendHistories(tx, tenantId, after, {
    stages: before.stageHistory.length,
    owners: before.ownerHistory.length,
  });
}

export function versionConflict(id: string, sent: number, current: number | undefined) {
  return new HubError(
    "version_conflict",
    `opportunity ${id} is no longer at version ${sent}; read it again and retry`,
    {
      entity: "opportunity",
      id,
      sentVersion: sent,
      ...(current ? { currentVersion: current } : {}),
    },
  );
}

/** Stage histories and hand-overs of many opportunities at once, in order. */
export async function withHistories(
  tx: Tx,
  tenantId: string,
  rows: OpportunityRow[],
  options: { owners: boolean } = { owners: true },
): Promise<HubOpportunity[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const stageRows = await tx
    .select()
    .from(opportunityStageHistory)
    .where(
      and(
        eq(opportunityStageHistory.tenantId, tenantId),
        inArray(opportunityStageHistory.opportunityId, ids),
      ),
    )
    .orderBy(asc(opportunityStageHistory.opportunityId), asc(opportunityStageHistory.seq));
  const ownerRows = options.owners
    ? await tx
        .select()
        .from(opportunityOwnerChanges)
        .where(
          and(
            eq(opportunityOwnerChanges.tenantId, tenantId),
            inArray(opportunityOwnerChanges.opportunityId, ids),
          ),
        )
        .orderBy(asc(opportunityOwnerChanges.opportunityId), asc(opportunityOwnerChanges.seq))
    : [];
  const stagesOf = groupBy(stageRows);
  const ownersOf = groupBy(ownerRows);
  return rows.map((row) =>
    opportunityFromRows(row, stagesOf.get(row.id) ?? [], ownersOf.get(row.id) ?? []),
  );
}

function groupBy<R extends { opportunityId: string }>(rows: R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const list = groups.get(row.opportunityId);
    if (list) list.push(row);
    else groups.set(row.opportunityId, [row]);
  }
  return groups;
}

/** The stored opportunity with its histories, locked for update when `forUpdate`; 404 if absent. */
export async function loadOpportunity(
  tx: Tx,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<HubOpportunity> {
  const query = tx
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.tenantId, tenantId), eq(opportunities.id, id)))
    .limit(1);
  const row = (forUpdate ? await query.for("update") : await query)[0];
  if (!row) throw notFound("opportunity", id);
  const [loaded] = await withHistories(tx, tenantId, [row]);
  return loaded!;
}
