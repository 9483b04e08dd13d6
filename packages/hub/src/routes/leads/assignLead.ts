import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { reassignLead } from "../../leads/reassign.js";
import { leadFromRow } from "../../leads/rows.js";
import { assignBodySchema, leadResponseSchema } from "../../leads/schemas.js";
import { LEAD_ASSIGNERS, leadScopeOf } from "../../leads/scope.js";
import { etagOf } from "../../leads/versions.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function assignLead(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/leads/:id/assign",
    {
      schema: {
        tags: ["leads"],
        summary:
          "Assign a lead to a salesperson, or (without salespersonId) run the assignment rules again; managers and admins",
        params: idParams(idSchema("lead")),
        body: assignBodySchema,
        response: { 200: leadResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, LEAD_ASSIGNERS);
      const scope = leadScopeOf(actor);
      const row = await inTenant(request, (tx) =>
        reassignLead(leadContext(request, tx, actor, scope), request.params.id, {
          kind: "assign",
          salespersonId: request.body.salespersonId,
          reason: request.body.reason,
        }),
      );
      void reply.header("etag", etagOf(row.version));
      return leadFromRow(row, app.hub.crypto);
    },
  );
}
