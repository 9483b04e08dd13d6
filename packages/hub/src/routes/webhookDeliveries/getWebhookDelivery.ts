import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { deliveryIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { attemptsOf, deliveryResponse, loadDelivery } from "../../webhooks/deliveries.js";
import { webhookDeliveryDetailSchema } from "../../webhooks/schemas.js";

export function getWebhookDelivery(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/webhook-deliveries/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Get a webhook delivery with every try (status, duration, answer excerpt)",
        params: idParams(z.string().regex(deliveryIdSchema)),
        response: { 200: webhookDeliveryDetailSchema, ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, WEBHOOK_ADMINS);
      return inTenant(request, async (tx, actor) => {
        const row = await loadDelivery(tx, actor.tenantId, request.params.id);
        return {
          ...deliveryResponse(row),
          attempts: await attemptsOf(tx, actor.tenantId, row.id),
        };
      });
    },
  );
}
