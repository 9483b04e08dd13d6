import {
  type ConversionLead,
  type ConversionOutcome,
  type ConversionReport,
  type ConversionRow,
  conversionByChannel,
  DAY_MS,
  OPEN_OPPORTUNITY_STAGES,
} from "@forecourt/sdk";
import { and, eq, gte, inArray, lt, lte, notInArray, type SQL } from "drizzle-orm";
import { leads, opportunities, stores } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import type { ConversionRowBody } from "./analyticsSchemas.js";
import { type HubOpportunity, withHistories } from "./rows.js";
import { type DealScope, dealScopeFilters } from "./scope.js";

/*
 * The analytics routes select rows with SQL — confined to the tenant, the key's scope and the
 * caller's filters — and hand them to the SDK's funnel, forecast and conversion functions.
 */

/** How far back closed deals teach the forecast its win rates and cycle times. */
export const FORECAST_HISTORY_DAYS = 365;

export interface AnalyticsFilters {
  storeId?: string | undefined;
  teamId?: string | undefined;
  salespersonId?: string | undefined;
}

function opportunityFilters(tenantId: string, scope: DealScope, filters: AnalyticsFilters): SQL[] {
  const where: SQL[] = [
    eq(opportunities.tenantId, tenantId),
    ...dealScopeFilters(scope, opportunities),
  ];
  if (filters.storeId) where.push(eq(opportunities.storeId, filters.storeId));
  if (filters.teamId) where.push(eq(opportunities.teamId, filters.teamId));
  if (filters.salespersonId) where.push(eq(opportunities.salespersonId, filters.salespersonId));
  return where;
}

async function selectOpportunities(tx: Tx, tenantId: string, where: SQL[]) {
  const rows = await tx
    .select()
    .from(opportunities)
    .where(and(...where))
    .orderBy(opportunities.id);
  return withHistories(tx, tenantId, rows, { owners: false });
}

/** Opportunities for the funnel: those created in `[from, to)`, open or closed. */
export function funnelOpportunities(
  tx: Tx,
  tenantId: string,
  scope: DealScope,
  filters: AnalyticsFilters & { from?: string | undefined; to?: string | undefined },
): Promise<HubOpportunity[]> {
  const where = opportunityFilters(tenantId, scope, filters);
  if (filters.from) where.push(gte(opportunities.createdAt, new Date(filters.from)));
  if (filters.to) where.push(lt(opportunities.createdAt, new Date(filters.to)));
  return selectOpportunities(tx, tenantId, where);
}

/**
 * The forecast's pipeline (open deals expected to close by the end of the period; earlier ones
 * have slipped and the SDK decides whether they count) and its history (deals closed in the
 * last FORECAST_HISTORY_DAYS).
 */
export async function forecastOpportunities(
  tx: Tx,
  tenantId: string,
  scope: DealScope,
  filters: AnalyticsFilters & { periodEnd: string },
  now: Date = new Date(),
): Promise<{ pipeline: HubOpportunity[]; history: HubOpportunity[] }> {
  const pipeline = await selectOpportunities(tx, tenantId, [
    ...opportunityFilters(tenantId, scope, filters),
    inArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]),
    lte(opportunities.expectedCloseDate, filters.periodEnd),
  ]);
  const history = await selectOpportunities(tx, tenantId, [
    ...opportunityFilters(tenantId, scope, filters),
    notInArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]),
    gte(opportunities.closedAt, new Date(now.getTime() - FORECAST_HISTORY_DAYS * DAY_MS)),
  ]);
  return { pipeline, history };
}

/** The time zone of the one store a forecast is about, if it is about one. */
export async function storeTimeZone(
  tx: Tx,
  tenantId: string,
  storeId: string | undefined,
): Promise<string | undefined> {
  if (!storeId) return undefined;
  const [store] = await tx
    .select({ timeZone: stores.timeZone })
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), eq(stores.id, storeId)))
    .limit(1);
  return store?.timeZone;
}

/**
 * Lead → opportunity conversion by source, channel, customer type and campaign, over the leads
 * received in `[from, to)` within the scope (a lead counts for its store and salesperson). Orders
 * are not kept in the hub yet, so the order columns are zero until they are.
 */
export async function conversionReport(
  tx: Tx,
  tenantId: string,
  scope: DealScope,
  filters: AnalyticsFilters & { from?: string | undefined; to?: string | undefined },
) {
  const where: SQL[] = [eq(leads.tenantId, tenantId), ...dealScopeFilters(scope, leads)];
  if (filters.storeId) where.push(eq(leads.storeId, filters.storeId));
  if (filters.teamId) where.push(eq(leads.teamId, filters.teamId));
  if (filters.salespersonId) where.push(eq(leads.salespersonId, filters.salespersonId));
  if (filters.from) where.push(gte(leads.receivedAt, new Date(filters.from)));
  if (filters.to) where.push(lt(leads.receivedAt, new Date(filters.to)));
  const leadRows = await tx
    .select({
      id: leads.id,
      source: leads.source,
      channel: leads.channel,
      customerType: leads.customerType,
      campaignId: leads.campaignId,
      receivedAt: leads.receivedAt,
      firstContactAt: leads.firstContactAt,
    })
    .from(leads)
    .where(and(...where));
  const outcomeRows =
    leadRows.length === 0
      ? []
      : await tx
          .select({
            id: opportunities.id,
            leadId: opportunities.leadId,
            createdAt: opportunities.createdAt,
          })
          .from(opportunities)
          .where(
            and(
              eq(opportunities.tenantId, tenantId),
              inArray(
                opportunities.leadId,
                tx
                  .select({ id: leads.id })
                  .from(leads)
                  .where(and(...where)),
              ),
            ),
          );
  const conversionLeads: ConversionLead[] = leadRows.map((l) => ({
    id: l.id,
    source: l.source,
    channel: l.channel as ConversionLead["channel"],
    customerType: l.customerType as ConversionLead["customerType"],
    ...(l.campaignId ? { campaignId: l.campaignId } : {}),
    receivedAt: l.receivedAt.toISOString(),
    ...(l.firstContactAt ? { firstContactAt: l.firstContactAt.toISOString() } : {}),
  }));
  const outcomes: ConversionOutcome[] = outcomeRows.map((o) => ({
    id: o.id,
    leadId: o.leadId!,
    createdAt: o.createdAt.toISOString(),
  }));
  return conversionBody(conversionByChannel(conversionLeads, outcomes, []));
}

/** JSON has no `undefined`: a group with no contacted lead says so with null. */
function conversionBody(report: ConversionReport) {
  const row = (r: ConversionRow): ConversionRowBody => ({
    ...r,
    medianMinutesToFirstContact: r.medianMinutesToFirstContact ?? null,
  });
  return {
    total: row(report.total),
    bySource: report.bySource.map(row),
    byChannel: report.byChannel.map(row),
    byCustomerType: report.byCustomerType.map(row),
    byCampaign: report.byCampaign.map(row),
    warnings: report.warnings,
  };
}
