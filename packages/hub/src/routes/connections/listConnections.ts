import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { connections } from "../../db/schema.js";
import { connectionFromRow } from "../../gateway/connections.js";
import { connectionSchema, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function listConnections(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/connections",
    {
      schema: {
        tags: ["connections"],
        summary: "The tenant's connections, oldest first (secrets redacted)",
        querystring: z.strictObject({ ...pageQueryShape }),
        response: { 200: pageSchema(connectionSchema), ...readErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      const { limit, cursor } = request.query;
      const rows = await inTenant(request, (tx, actor) =>
        tx
          .select()
          .from(connections)
          .where(afterCursor(connections.id, cursor, [eq(connections.tenantId, actor.tenantId)]))
          .orderBy(orderById(connections.id))
          .limit(limit + 1),
      );
      return toPage(rows, limit, connectionFromRow);
    },
  );
}
