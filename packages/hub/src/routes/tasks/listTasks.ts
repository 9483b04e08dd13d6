import { and, eq, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { followUpTasks, leads } from "../../db/schema.js";
import { taskFromRow } from "../../leads/rows.js";
import { followUpTaskSchema, taskListQuerySchema } from "../../leads/schemas.js";
import { LEAD_EDITORS, leadScopeOf } from "../../leads/scope.js";
import { afterCursor, orderById, pageSchema, toPage } from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function listTasks(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/tasks",
    {
      schema: {
        tags: ["tasks"],
        summary:
          "List follow-up tasks (oldest first): a sales key its own, a store key its store's; filter by status and what falls due before a moment",
        querystring: taskListQuerySchema,
        response: { 200: pageSchema(followUpTaskSchema), ...readErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, LEAD_EDITORS);
      const scope = leadScopeOf(actor);
      const q = request.query;
      return inTenant(request, async (tx) => {
        const filters: SQL[] = [eq(followUpTasks.tenantId, actor.tenantId)];
        if (scope.salespersonId) filters.push(eq(followUpTasks.salespersonId, scope.salespersonId));
        if (scope.storeId) filters.push(eq(leads.storeId, scope.storeId));
        if (q.status) filters.push(eq(followUpTasks.status, q.status));
        if (q.leadId) filters.push(eq(followUpTasks.leadId, q.leadId));
        if (q.salespersonId) filters.push(eq(followUpTasks.salespersonId, q.salespersonId));
        if (q.dueBefore) {
          filters.push(
            sql`coalesce(${followUpTasks.snoozedUntil}, ${followUpTasks.dueAt}) < ${new Date(q.dueBefore)}`,
          );
        }
        const rows = await tx
          .select({ task: followUpTasks })
          .from(followUpTasks)
          .innerJoin(
            leads,
            and(eq(leads.tenantId, followUpTasks.tenantId), eq(leads.id, followUpTasks.leadId)),
          )
          .where(afterCursor(followUpTasks.id, q.cursor, filters))
          .orderBy(orderById(followUpTasks.id))
          .limit(q.limit + 1);
        return toPage(
          rows.map((r) => r.task),
          q.limit,
          taskFromRow,
        );
      });
    },
  );
}
