import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { orderSyncView } from "../../sync/push.js";
import { ORDER_SYNC_STATUSES, orderSyncSchema, SYNC_READERS } from "../../sync/schemas.js";
import { orderSyncs } from "../../sync/tables.js";

export function listOrderSyncs(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/order-syncs",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Pushes of approved orders to finance and ERP destinations (oldest first); `status=dead` lists the dead letters",
        querystring: z.strictObject({
          ...pageQueryShape,
          status: z.enum(ORDER_SYNC_STATUSES).optional(),
          orderId: z.string().max(100).optional(),
          connectionId: z.string().max(100).optional(),
        }),
        response: { 200: pageSchema(orderSyncSchema), ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, SYNC_READERS);
      const { limit, cursor, status, orderId, connectionId } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters = [eq(orderSyncs.tenantId, actor.tenantId)];
        if (status) filters.push(eq(orderSyncs.status, status));
        if (orderId) filters.push(eq(orderSyncs.orderId, orderId));
        if (connectionId) filters.push(eq(orderSyncs.connectionId, connectionId));
        const rows = await tx
          .select()
          .from(orderSyncs)
          .where(and(afterCursor(orderSyncs.id, cursor, filters)))
          .orderBy(orderById(orderSyncs.id))
          .limit(limit + 1);
        return toPage(rows, limit, orderSyncView);
      });
    },
  );
}
