import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { endpointIdSchema, WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { deleteEndpoint } from "../../webhooks/endpoints.js";

export function deleteWebhookEndpoint(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().delete(
    "/v1/webhook-endpoints/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "Delete a webhook endpoint: nothing more is sent to it (pending deliveries fail); its delivery log stays readable",
        params: idParams(z.string().regex(endpointIdSchema)),
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, WEBHOOK_ADMINS);
      await inTenant(request, (tx, actor) =>
        deleteEndpoint(tx, actor, request.id, request.params.id),
      );
      return reply.status(204).send(null);
    },
  );
}
