import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadConnection, testConnection as test } from "../../gateway/connections.js";
import { CONNECTION_ID, connectionTestSchema, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function testConnection(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/connections/:id/test",
    {
      schema: {
        tags: ["connections"],
        summary: "Check a connection's credentials with the connector's cheap authenticated call",
        params: idParams(z.string().regex(CONNECTION_ID)),
        response: { 200: connectionTestSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      const row = await inTenant(request, (tx, actor) =>
        loadConnection(tx, actor.tenantId, request.params.id),
      );
      return test(row, app.hub.crypto);
    },
  );
}
