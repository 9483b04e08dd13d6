import { OPEN_OPPORTUNITY_STAGES } from "@forecourt/sdk";
import { eq, inArray, notInArray, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { opportunities } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { withHistories } from "../../opportunities/rows.js";
import {
  opportunityListQueryShape,
  opportunityResponseSchema,
} from "../../opportunities/schemas.js";
import { dealScopeFilters, dealScopeOf } from "../../opportunities/scope.js";
import { inTenant } from "../../services.js";

export function listOpportunities(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/opportunities",
    {
      schema: {
        tags: ["opportunities"],
        summary:
          "List opportunities (oldest first) by stage, open/closed, owner, store, team, lead or customer",
        querystring: z.strictObject({ ...pageQueryShape, ...opportunityListQueryShape }),
        response: { 200: pageSchema(opportunityResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor, stage, status, ...match } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters: SQL[] = [
          eq(opportunities.tenantId, actor.tenantId),
          ...dealScopeFilters(dealScopeOf(actor), opportunities),
        ];
        if (stage) filters.push(eq(opportunities.stage, stage));
        if (status === "open")
          filters.push(inArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]));
        if (status === "closed") {
          filters.push(notInArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]));
        }
        if (match.salespersonId) {
          filters.push(eq(opportunities.salespersonId, match.salespersonId));
        }
        if (match.storeId) filters.push(eq(opportunities.storeId, match.storeId));
        if (match.teamId) filters.push(eq(opportunities.teamId, match.teamId));
        if (match.leadId) filters.push(eq(opportunities.leadId, match.leadId));
        if (match.customerId) filters.push(eq(opportunities.customerId, match.customerId));
        const rows = await tx
          .select()
          .from(opportunities)
          .where(afterCursor(opportunities.id, cursor, filters))
          .orderBy(orderById(opportunities.id))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => row);
        const data = await withHistories(tx, actor.tenantId, page.data);
        return { data, nextCursor: page.nextCursor };
      });
    },
  );
}
