import { and, eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AUDIT_READERS } from "../../auth/roles.js";
import { auditEvents } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export const auditEventSchema = z
  .object({
    id: z.string(),
    actorKeyId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    requestId: z.string().nullable(),
    beforeDigest: z.string().nullable(),
    afterDigest: z.string().nullable(),
    occurredAt: z.string(),
  })
  .meta({ id: "AuditEvent" });

export function listAuditEvents(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/audit-events",
    {
      schema: {
        tags: ["audit"],
        summary: "The audit log (admin keys only), oldest first",
        querystring: z.strictObject({
          ...pageQueryShape,
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
        }),
        response: { 200: pageSchema(auditEventSchema), ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, AUDIT_READERS);
      const { limit, cursor, entityType, entityId } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters: SQL[] = [eq(auditEvents.tenantId, actor.tenantId)];
        if (entityType) filters.push(eq(auditEvents.entityType, entityType));
        if (entityId) filters.push(eq(auditEvents.entityId, entityId));
        const rows = await tx
          .select()
          .from(auditEvents)
          .where(and(afterCursor(auditEvents.id, cursor, filters)))
          .orderBy(orderById(auditEvents.id))
          .limit(limit + 1);
        return toPage(rows, limit, (row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
      });
    },
  );
}
