import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { writeErrors } from "../../lib/schemas.js";
import { openOpportunity } from "../../opportunities/open.js";
import { opportunityCreateSchema, opportunityResponseSchema } from "../../opportunities/schemas.js";
import { dealScopeOf, OPPORTUNITY_WRITERS } from "../../opportunities/scope.js";
import { inTenant, requireRole } from "../../services.js";

export function createOpportunity(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/opportunities",
    {
      schema: {
        tags: ["opportunities"],
        summary:
          "Open an opportunity for a customer, or from a lead (the lead becomes converted); owner, team, customer and campaign default to the lead's",
        body: opportunityCreateSchema,
        response: { 201: opportunityResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, OPPORTUNITY_WRITERS);
      const created = await inTenant(request, (tx, actor) =>
        openOpportunity(tx, actor, dealScopeOf(actor), request.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );
}
