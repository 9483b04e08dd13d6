import { activityInputSchema, idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { recordOpportunityActivity as record } from "../../opportunities/activities.js";
import { activityResultSchema } from "../../opportunities/schemas.js";
import { dealScopeOf, OPPORTUNITY_WRITERS } from "../../opportunities/scope.js";
import { inTenant, requireRole } from "../../services.js";

export function recordOpportunityActivity(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/opportunities/:id/activities",
    {
      schema: {
        tags: ["opportunities"],
        summary:
          "Record a call, visit, message, test drive, quote or note (跟踪); answers the activity, the updated opportunity and any stage it suggests",
        params: idParams(idSchema("opportunity")),
        body: activityInputSchema,
        response: { 201: activityResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, OPPORTUNITY_WRITERS);
      const result = await inTenant(request, (tx, actor) =>
        record(tx, actor, dealScopeOf(actor), request.id, request.params.id, request.body),
      );
      return reply.status(201).send(result);
    },
  );
}
