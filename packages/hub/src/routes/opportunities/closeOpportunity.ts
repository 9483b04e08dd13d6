import { changeStage, idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { mutateOpportunity, runDomain } from "../../opportunities/mutate.js";
import type { HubOpportunity } from "../../opportunities/rows.js";
import { closeSchema, opportunityResponseSchema } from "../../opportunities/schemas.js";
import { actorLabel, dealScopeOf, OPPORTUNITY_WRITERS } from "../../opportunities/scope.js";
import { inTenant, requireRole } from "../../services.js";

export function closeOpportunity(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/opportunities/:id/close",
    {
      schema: {
        tags: ["opportunities"],
        summary:
          "Close an opportunity: won (from quote or negotiation, with an optional order) or lost (with a loss reason)",
        params: idParams(idSchema("opportunity")),
        body: closeSchema,
        response: { 200: opportunityResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, OPPORTUNITY_WRITERS);
      const body = request.body;
      return inTenant(request, (tx, actor) =>
        mutateOpportunity(tx, actor, dealScopeOf(actor), request.id, request.params.id, {
          action: `opportunity.${body.outcome}`,
          version: body.version,
          change(current, at) {
            const by = actorLabel(actor);
            const note = body.note ? { note: body.note } : {};
            if (body.outcome === "lost") {
              return runDomain(() =>
                changeStage(current, "lost", { at, by, lossReason: body.lossReason, ...note }),
              );
            }
            const won: HubOpportunity = runDomain(() =>
              changeStage(current, "won", {
                at,
                by,
                ...note,
                ...(body.orderId ? { orderId: body.orderId } : {}),
              }),
            );
            if (body.orderReference) won.wonOrderReference = body.orderReference;
            return won;
          },
        }),
      );
    },
  );
}
