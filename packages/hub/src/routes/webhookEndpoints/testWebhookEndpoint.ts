import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HubError } from "../../errors.js";
import { recordAudit } from "../../lib/audit.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { endpointIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { enqueueDeliveryAttempt, recordTestEvent } from "../../webhooks/dispatcher.js";
import { loadEndpoint } from "../../webhooks/endpoints.js";
import { webhookTestResponseSchema } from "../../webhooks/schemas.js";

export function testWebhookEndpoint(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/webhook-endpoints/:id/test",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "Send a `webhook.test` event to this endpoint (whatever its event types), signed and retried like any delivery",
        params: idParams(z.string().regex(endpointIdSchema)),
        response: { 202: webhookTestResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, WEBHOOK_ADMINS);
      const { eventId, job } = await inTenant(request, async (tx, actor) => {
        const endpoint = await loadEndpoint(tx, actor.tenantId, request.params.id);
        if (endpoint.status !== "active") {
          throw new HubError(
            "webhook_endpoint_disabled",
            `webhook endpoint ${endpoint.id} is disabled; enable it first`,
            { endpointId: endpoint.id },
          );
        }
        const recorded = await recordTestEvent(tx, actor.tenantId, endpoint.id);
        await recordAudit(tx, actor, request.id, {
          action: "webhook_endpoint.tested",
          entityType: "webhook_endpoint",
          entityId: endpoint.id,
        });
        return recorded;
      });
      await enqueueDeliveryAttempt(request.server.hub.queue, job);
      return reply.status(202).send({ eventId, deliveryId: job.deliveryId });
    },
  );
}
