import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { deliveryIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { replayDelivery } from "../../webhooks/deliveries.js";
import { enqueueDeliveryAttempt } from "../../webhooks/dispatcher.js";
import { webhookDeliveryResponseSchema } from "../../webhooks/schemas.js";

export function replayWebhookDelivery(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/webhook-deliveries/:id/replay",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "Send a dead or failed delivery again: a new series of tries on the full schedule, with the same webhook-id",
        params: idParams(z.string().regex(deliveryIdSchema)),
        response: { 202: webhookDeliveryResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, WEBHOOK_ADMINS);
      const { delivery, job } = await inTenant(request, (tx, actor) =>
        replayDelivery(tx, actor, request.id, request.params.id),
      );
      await enqueueDeliveryAttempt(request.server.hub.queue, job);
      return reply.status(202).send(delivery);
    },
  );
}
