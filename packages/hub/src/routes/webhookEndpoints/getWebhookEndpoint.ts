import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { endpointIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { endpointResponse, loadEndpoint } from "../../webhooks/endpoints.js";
import { webhookEndpointResponseSchema } from "../../webhooks/schemas.js";

export function getWebhookEndpoint(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/webhook-endpoints/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Get a webhook endpoint (never its secret)",
        params: idParams(z.string().regex(endpointIdSchema)),
        response: { 200: webhookEndpointResponseSchema, ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, WEBHOOK_ADMINS);
      return inTenant(request, async (tx, actor) =>
        endpointResponse(await loadEndpoint(tx, actor.tenantId, request.params.id)),
      );
    },
  );
}
