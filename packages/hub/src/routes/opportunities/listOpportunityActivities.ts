import { activitySchema, activityTypeSchema, idSchema } from "@forecourt/sdk";
import { and, eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { opportunities, opportunityActivities } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { idParams, readErrors } from "../../lib/schemas.js";
import { activityFromRow } from "../../opportunities/activities.js";
import { assertInDealScope, dealScopeOf } from "../../opportunities/scope.js";
import { inTenant } from "../../services.js";

export function listOpportunityActivities(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/opportunities/:id/activities",
    {
      schema: {
        tags: ["opportunities"],
        summary: "List an opportunity's activities in the order they were recorded",
        params: idParams(idSchema("opportunity")),
        querystring: z.strictObject({ ...pageQueryShape, type: activityTypeSchema.optional() }),
        response: { 200: pageSchema(activitySchema), ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor, type } = request.query;
      const { id } = request.params;
      return inTenant(request, async (tx, actor) => {
        const [owner] = await tx
          .select({ salespersonId: opportunities.salespersonId, storeId: opportunities.storeId })
          .from(opportunities)
          .where(and(eq(opportunities.tenantId, actor.tenantId), eq(opportunities.id, id)))
          .limit(1);
        if (!owner) throw notFound("opportunity", id);
        assertInDealScope(dealScopeOf(actor), "opportunity", { id, ...owner });
        const filters: SQL[] = [
          eq(opportunityActivities.tenantId, actor.tenantId),
          eq(opportunityActivities.opportunityId, id),
        ];
        if (type) filters.push(eq(opportunityActivities.type, type));
        const rows = await tx
          .select()
          .from(opportunityActivities)
          .where(afterCursor(opportunityActivities.id, cursor, filters))
          .orderBy(orderById(opportunityActivities.id))
          .limit(limit + 1);
        return toPage(rows, limit, activityFromRow);
      });
    },
  );
}
