import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { webhookEndpoints } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { endpointResponse } from "../../webhooks/endpoints.js";
import { webhookEndpointResponseSchema } from "../../webhooks/schemas.js";

export function listWebhookEndpoints(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/webhook-endpoints",
    {
      schema: {
        tags: ["webhooks"],
        summary: "List webhook endpoints (oldest first), optionally by status",
        querystring: z.strictObject({
          ...pageQueryShape,
          status: z.enum(["active", "disabled"]).optional(),
        }),
        response: { 200: pageSchema(webhookEndpointResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, WEBHOOK_ADMINS);
      const { limit, cursor, status } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters = [
          eq(webhookEndpoints.tenantId, actor.tenantId),
          isNull(webhookEndpoints.deletedAt),
        ];
        if (status) filters.push(eq(webhookEndpoints.status, status));
        const rows = await tx
          .select()
          .from(webhookEndpoints)
          .where(and(afterCursor(webhookEndpoints.id, cursor, filters)))
          .orderBy(orderById(webhookEndpoints.id))
          .limit(limit + 1);
        return toPage(rows, limit, (row) => endpointResponse(row));
      });
    },
  );
}
