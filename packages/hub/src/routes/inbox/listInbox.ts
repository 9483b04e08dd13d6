import { eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { inbox } from "../../db/schema.js";
import { inboxEntryFromRow } from "../../gateway/inboxView.js";
import {
  CONNECTION_ID,
  GATEWAY_ADMINS,
  INBOX_STATUSES,
  inboxEntrySchema,
} from "../../gateway/schemas.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function listInbox(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/inbox",
    {
      schema: {
        tags: ["connections"],
        summary:
          "Inbound events as stored, oldest first; `status=dead` lists the dead letters with their reasons",
        querystring: z.strictObject({
          ...pageQueryShape,
          status: z.enum(INBOX_STATUSES).optional(),
          connectionId: z.string().regex(CONNECTION_ID).optional(),
        }),
        response: { 200: pageSchema(inboxEntrySchema), ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      const { limit, cursor, status, connectionId } = request.query;
      const rows = await inTenant(request, (tx, actor) => {
        const filters: SQL[] = [eq(inbox.tenantId, actor.tenantId)];
        if (status) filters.push(eq(inbox.status, status));
        if (connectionId) filters.push(eq(inbox.connectionId, connectionId));
        return tx
          .select()
          .from(inbox)
          .where(afterCursor(inbox.id, cursor, filters))
          .orderBy(orderById(inbox.id))
          .limit(limit + 1);
      });
      return toPage(rows, limit, inboxEntryFromRow);
    },
  );
}
