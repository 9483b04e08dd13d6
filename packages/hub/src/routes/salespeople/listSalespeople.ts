import { idSchema, salespersonSchema } from "@forecourt/sdk";
import { eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { salespeople } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { salespersonFromRow } from "../../organization/salespeople.js";
import { inTenant } from "../../services.js";

export function listSalespeople(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/salespeople",
    {
      schema: {
        tags: ["organisation"],
        summary: "List salespeople (oldest first), optionally of one store or team",
        querystring: z.strictObject({
          ...pageQueryShape,
          storeId: idSchema("store").optional(),
          teamId: idSchema("team").optional(),
          active: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: pageSchema(salespersonSchema), ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor, storeId, teamId, active } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters: SQL[] = [eq(salespeople.tenantId, actor.tenantId)];
        if (actor.storeId) filters.push(eq(salespeople.storeId, actor.storeId));
        if (storeId) filters.push(eq(salespeople.storeId, storeId));
        if (teamId) filters.push(eq(salespeople.teamId, teamId));
        if (active) filters.push(eq(salespeople.active, active === "true"));
        const rows = await tx
          .select()
          .from(salespeople)
          .where(afterCursor(salespeople.id, cursor, filters))
          .orderBy(orderById(salespeople.id))
          .limit(limit + 1);
        return toPage(rows, limit, (row) => salespersonFromRow(row, app.hub.crypto));
      });
    },
  );
}
