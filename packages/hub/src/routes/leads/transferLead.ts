import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { reassignLead } from "../../leads/reassign.js";
import { leadFromRow } from "../../leads/rows.js";
import { leadResponseSchema, transferBodySchema } from "../../leads/schemas.js";
import { LEAD_ASSIGNERS, leadScopeOf } from "../../leads/scope.js";
import { etagOf } from "../../leads/versions.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function transferLead(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/leads/:id/transfer",
    {
      schema: {
        tags: ["leads"],
        summary:
          "Hand a lead to another store (its sales staff take turns) or salesperson, with a reason; audited",
        params: idParams(idSchema("lead")),
        body: transferBodySchema,
        response: { 200: leadResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, LEAD_ASSIGNERS);
      const scope = leadScopeOf(actor);
      const { storeId, salespersonId, reason } = request.body;
      const row = await inTenant(request, (tx) =>
        reassignLead(leadContext(request, tx, actor, scope), request.params.id, {
          kind: "transfer",
          storeId,
          salespersonId,
          reason,
        }),
      );
      void reply.header("etag", etagOf(row.version));
      return leadFromRow(row, app.hub.crypto);
    },
  );
}
