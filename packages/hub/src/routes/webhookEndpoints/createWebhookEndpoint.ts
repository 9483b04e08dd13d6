import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { WEBHOOK_ADMINS } from "../../webhooks/access.js";
import { createEndpoint } from "../../webhooks/endpoints.js";
import {
  webhookEndpointCreateSchema,
  webhookEndpointWithSecretSchema,
} from "../../webhooks/schemas.js";
import { webhookSettings } from "../../webhooks/settings.js";

export function createWebhookEndpoint(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/webhook-endpoints",
    {
      schema: {
        tags: ["webhooks"],
        summary:
          "Register an endpoint for outbound events (Standard Webhooks); the response carries its whsec_… secret, shown only this once",
        body: webhookEndpointCreateSchema,
        response: { 201: webhookEndpointWithSecretSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, WEBHOOK_ADMINS);
      const { crypto, config } = request.server.hub;
      const created = await inTenant(request, (tx, actor) =>
        createEndpoint(tx, actor, request.id, crypto, webhookSettings(config), request.body),
      );
      return reply.status(201).send(created);
    },
  );
}
