import { changeStage, idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { mutateOpportunity, runDomain } from "../../opportunities/mutate.js";
import { opportunityResponseSchema, stageChangeSchema } from "../../opportunities/schemas.js";
import { actorLabel, dealScopeOf, OPPORTUNITY_WRITERS } from "../../opportunities/scope.js";
import { inTenant, requireRole } from "../../services.js";

export function changeOpportunityStage(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/opportunities/:id/stage",
    {
      schema: {
        tags: ["opportunities"],
        summary:
          "Move an opportunity to another stage (forward, skipping allowed; back one; lost with a reason; won from quote or negotiation)",
        params: idParams(idSchema("opportunity")),
        body: stageChangeSchema,
        response: { 200: opportunityResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, OPPORTUNITY_WRITERS);
      const { stage, version, ...options } = request.body;
      return inTenant(request, (tx, actor) =>
        mutateOpportunity(tx, actor, dealScopeOf(actor), request.id, request.params.id, {
          action: "opportunity.stage_changed",
          version,
          change: (current, at) =>
            runDomain(() => changeStage(current, stage, { ...options, at, by: actorLabel(actor) })),
        }),
      );
    },
  );
}
