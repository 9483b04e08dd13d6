import { idSchema, teamSchema } from "@forecourt/sdk";
import { eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { teams } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { teamFromRow } from "../../organization/teams.js";
import { inTenant } from "../../services.js";

export function listTeams(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/teams",
    {
      schema: {
        tags: ["organisation"],
        summary: "List teams (oldest first), optionally of one store",
        querystring: z.strictObject({ ...pageQueryShape, storeId: idSchema("store").optional() }),
        response: { 200: pageSchema(teamSchema), ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor, storeId } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters: SQL[] = [eq(teams.tenantId, actor.tenantId)];
        if (actor.storeId) filters.push(eq(teams.storeId, actor.storeId));
        if (storeId) filters.push(eq(teams.storeId, storeId));
        const rows = await tx
          .select()
          .from(teams)
          .where(afterCursor(teams.id, cursor, filters))
          .orderBy(orderById(teams.id))
          .limit(limit + 1);
        return toPage(rows, limit, teamFromRow);
      });
    },
  );
}
