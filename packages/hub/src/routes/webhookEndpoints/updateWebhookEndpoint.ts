import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { endpointIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { updateEndpoint } from "../../webhooks/endpoints.js";
import {
  webhookEndpointPatchSchema,
  webhookEndpointResponseSchema,
} from "../../webhooks/schemas.js";
import { webhookSettings } from "../../webhooks/settings.js";

export function updateWebhookEndpoint(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/v1/webhook-endpoints/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "Change a webhook endpoint's URL, description or event types, or disable/enable it (enabling clears the reason)",
        params: idParams(z.string().regex(endpointIdSchema)),
        body: webhookEndpointPatchSchema,
        response: { 200: webhookEndpointResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, WEBHOOK_ADMINS);
      const policy = webhookSettings(request.server.hub.config);
      return inTenant(request, (tx, actor) =>
        updateEndpoint(tx, actor, request.id, policy, request.params.id, request.body),
      );
    },
  );
}
