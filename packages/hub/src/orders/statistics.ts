import { type OrderStatisticsOptions, orderStatistics, type StatisticsOrder } from "@forecourt/sdk";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import { orders } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { type DealScope, dealScopeFilters } from "../opportunities/scope.js";
import { orderFromRow } from "./rows.js";

export interface StatisticsFilters {
  storeId?: string | undefined;
  salespersonId?: string | undefined;
  /** Orders entered in [from, to). */
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Orders and revenue by model, period, store and salesperson (the SDK's `orderStatistics`) over
 * the orders the key may see, narrowed by the filters.
 */
export async function orderStatisticsReport(
  tx: Tx,
  tenantId: string,
  scope: DealScope,
  filters: StatisticsFilters,
  options: OrderStatisticsOptions,
) {
  const where: SQL[] = [eq(orders.tenantId, tenantId), ...dealScopeFilters(scope, orders)];
  if (filters.storeId) where.push(eq(orders.storeId, filters.storeId));
  if (filters.salespersonId) where.push(eq(orders.salespersonId, filters.salespersonId));
  if (filters.from) where.push(gte(orders.createdAt, new Date(filters.from)));
  if (filters.to) where.push(lt(orders.createdAt, new Date(filters.to)));
  const rows = await tx
    .select()
    .from(orders)
    .where(and(...where))
    .orderBy(orders.id);
  const list: StatisticsOrder[] = rows.map(orderFromRow);
  return orderStatistics(list, options);
}
