import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { endpointIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { rotateEndpointSecret } from "../../webhooks/endpoints.js";
import { webhookEndpointWithSecretSchema } from "../../webhooks/schemas.js";

export function rotateWebhookEndpointSecret(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/webhook-endpoints/:id/rotate-secret",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "Rotate an endpoint's secret: the new whsec_… is returned once; for 24 h every delivery carries signatures with the old and the new secret",
        params: idParams(z.string().regex(endpointIdSchema)),
        response: { 200: webhookEndpointWithSecretSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, WEBHOOK_ADMINS);
      const { crypto } = request.server.hub;
      return inTenant(request, (tx, actor) =>
        rotateEndpointSecret(tx, actor, request.id, crypto, request.params.id),
      );
    },
  );
}
