import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { webhookDeliveries } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { endpointIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { deliveryResponse } from "../../webhooks/deliveries.js";
import {
  WEBHOOK_DELIVERY_STATUSES,
  webhookDeliveryResponseSchema,
} from "../../webhooks/schemas.js";

export function listWebhookDeliveries(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/webhook-deliveries",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "The delivery log (oldest first), by endpoint, status (pending, succeeded, failed, dead) or event",
        querystring: z.strictObject({
          ...pageQueryShape,
          endpointId: z.string().regex(endpointIdSchema).optional(),
          status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
          eventId: z.string().max(100).optional(),
        }),
        response: { 200: pageSchema(webhookDeliveryResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, WEBHOOK_ADMINS);
      const { limit, cursor, endpointId, status, eventId } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters = [eq(webhookDeliveries.tenantId, actor.tenantId)];
        if (endpointId) filters.push(eq(webhookDeliveries.endpointId, endpointId));
        if (status) filters.push(eq(webhookDeliveries.status, status));
        if (eventId) filters.push(eq(webhookDeliveries.eventId, eventId));
        const rows = await tx
          .select()
          .from(webhookDeliveries)
          .where(and(afterCursor(webhookDeliveries.id, cursor, filters)))
          .orderBy(orderById(webhookDeliveries.id))
          .limit(limit + 1);
        return toPage(rows, limit, deliveryResponse);
      });
    },
  );
}
