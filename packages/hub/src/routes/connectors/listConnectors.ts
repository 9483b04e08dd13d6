import { connectorManifest } from "@forecourt/connectors";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { takesImports } from "../../gateway/imports.js";
import { listConnectors as registered } from "../../gateway/registry.js";
import { connectorListSchema, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import { readErrors } from "../../lib/schemas.js";
import { requireRole } from "../../services.js";

export function listConnectors(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/connectors",
    {
      schema: {
        tags: ["connections"],
        summary:
          "The connectors this hub offers: capabilities and each config as JSON Schema (secret fields writeOnly)",
        response: { 200: connectorListSchema, ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      return {
        data: registered().map((c) => {
          const manifest = connectorManifest(c);
          return {
            ...manifest,
            capabilities: { ...manifest.capabilities, import: takesImports(c.id) },
          };
        }),
      };
    },
  );
}
