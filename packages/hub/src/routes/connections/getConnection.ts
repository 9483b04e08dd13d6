import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { connectionFromRow, loadConnection } from "../../gateway/connections.js";
import { CONNECTION_ID, connectionSchema, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import { idParams, readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function getConnection(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/connections/:id",
    {
      schema: {
        tags: ["connections"],
        summary: "One connection (secrets redacted), with its webhook path and pull state",
        params: idParams(z.string().regex(CONNECTION_ID)),
        response: { 200: connectionSchema, ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      const row = await inTenant(request, (tx, actor) =>
        loadConnection(tx, actor.tenantId, request.params.id),
      );
      return connectionFromRow(row);
    },
  );
}
