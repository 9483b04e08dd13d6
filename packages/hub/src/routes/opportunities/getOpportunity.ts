import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { loadOpportunity } from "../../opportunities/rows.js";
import { opportunityResponseSchema } from "../../opportunities/schemas.js";
import { assertInDealScope, dealScopeOf } from "../../opportunities/scope.js";
import { inTenant } from "../../services.js";

export function getOpportunity(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/opportunities/:id",
    {
      schema: {
        tags: ["opportunities"],
        summary: "Get an opportunity with its stage history and hand-overs",
        params: idParams(idSchema("opportunity")),
        response: { 200: opportunityResponseSchema, ...readErrors },
      },
    },
    async (request) =>
      inTenant(request, async (tx, actor) => {
        const scope = dealScopeOf(actor);
        const opportunity = await loadOpportunity(tx, actor.tenantId, request.params.id);
        assertInDealScope(scope, "opportunity", opportunity);
        return opportunity;
      }),
  );
}
