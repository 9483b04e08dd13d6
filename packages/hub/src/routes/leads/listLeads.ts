import { eq, gte, lt, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leads } from "../../db/schema.js";
import { leadFromRow } from "../../leads/rows.js";
import { leadListQuerySchema, leadResponseSchema } from "../../leads/schemas.js";
import { LEAD_READERS, leadScopeOf, scopeFilters } from "../../leads/scope.js";
import { afterCursor, orderById, pageSchema, toPage } from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function listLeads(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/leads",
    {
      schema: {
        tags: ["leads"],
        summary:
          "List leads (oldest first) a key may see: a sales key its own, a store key its store's",
        querystring: leadListQuerySchema,
        response: { 200: pageSchema(leadResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, LEAD_READERS);
      const scope = leadScopeOf(actor);
      const q = request.query;
      return inTenant(request, async (tx) => {
        const filters: SQL[] = [eq(leads.tenantId, actor.tenantId), ...scopeFilters(scope, leads)];
        if (q.status) filters.push(eq(leads.status, q.status));
        if (q.grade) filters.push(eq(leads.grade, q.grade));
        if (q.salespersonId) filters.push(eq(leads.salespersonId, q.salespersonId));
        if (q.storeId) filters.push(eq(leads.storeId, q.storeId));
        if (q.customerId) filters.push(eq(leads.customerId, q.customerId));
        if (q.source) filters.push(eq(leads.source, q.source));
        if (q.channel) filters.push(eq(leads.channel, q.channel));
        if (q.createdAfter) filters.push(gte(leads.createdAt, new Date(q.createdAfter)));
        if (q.createdBefore) filters.push(lt(leads.createdAt, new Date(q.createdBefore)));
        const rows = await tx
          .select()
          .from(leads)
          .where(afterCursor(leads.id, q.cursor, filters))
          .orderBy(orderById(leads.id))
          .limit(q.limit + 1);
        return toPage(rows, q.limit, (row) => leadFromRow(row, app.hub.crypto));
      });
    },
  );
}
