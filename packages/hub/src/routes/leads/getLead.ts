import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadLead } from "../../leads/load.js";
import { leadFromRow } from "../../leads/rows.js";
import { leadResponseSchema } from "../../leads/schemas.js";
import { LEAD_READERS, leadScopeOf } from "../../leads/scope.js";
import { etagOf } from "../../leads/versions.js";
import { idParams, readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function getLead(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/leads/:id",
    {
      schema: {
        tags: ["leads"],
        summary: "Get a lead (its ETag is its version; send it back as If-Match when changing it)",
        params: idParams(idSchema("lead")),
        response: { 200: leadResponseSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, LEAD_READERS);
      const scope = leadScopeOf(actor);
      const row = await inTenant(request, (tx) =>
        loadLead(tx, actor.tenantId, scope, request.params.id),
      );
      void reply.header("etag", etagOf(row.version));
      return leadFromRow(row, app.hub.crypto);
    },
  );
}
