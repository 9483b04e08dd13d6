import { eq, gte, lt, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { orders } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { dealScopeFilters, dealScopeOf } from "../../opportunities/scope.js";
import { orderFromRow } from "../../orders/rows.js";
import { loadOrderRules } from "../../orders/rules.js";
import { orderListQueryShape, orderResponseSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant } from "../../services.js";

export function listOrders(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/orders",
    {
      schema: {
        tags: ["orders"],
        summary:
          "List orders (oldest first) by status, store, salesperson, customer and entry time [from, to); a sales key sees its own, a store key its store's",
        querystring: z.strictObject({ ...pageQueryShape, ...orderListQueryShape }),
        response: { 200: pageSchema(orderResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor, status, storeId, salespersonId, customerId, from, to } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters: SQL[] = [
          eq(orders.tenantId, actor.tenantId),
          ...dealScopeFilters(dealScopeOf(actor), orders),
        ];
        if (status) filters.push(eq(orders.status, status));
        if (storeId) filters.push(eq(orders.storeId, storeId));
        if (salespersonId) filters.push(eq(orders.salespersonId, salespersonId));
        if (customerId) filters.push(eq(orders.customerId, customerId));
        if (from) filters.push(gte(orders.createdAt, new Date(from)));
        if (to) filters.push(lt(orders.createdAt, new Date(to)));
        const rows = await tx
          .select()
          .from(orders)
          .where(afterCursor(orders.id, cursor, filters))
          .orderBy(orderById(orders.id))
          .limit(limit + 1);
        const rules = await loadOrderRules(tx, actor.tenantId);
        return toPage(rows, limit, (row) => servedOrder(orderFromRow(row), rules));
      });
    },
  );
}
