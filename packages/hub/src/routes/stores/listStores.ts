import { storeSchema } from "@forecourt/sdk";
import { eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { stores } from "../../db/schema.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { storeFromRow } from "../../organization/stores.js";
import { inTenant } from "../../services.js";

export function listStores(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/stores",
    {
      schema: {
        tags: ["organisation"],
        summary: "List stores (oldest first)",
        querystring: z.strictObject({ ...pageQueryShape }),
        response: { 200: pageSchema(storeSchema), ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return inTenant(request, async (tx, actor) => {
        const filters: SQL[] = [eq(stores.tenantId, actor.tenantId)];
        if (actor.storeId) filters.push(eq(stores.id, actor.storeId));
        const rows = await tx
          .select()
          .from(stores)
          .where(afterCursor(stores.id, cursor, filters))
          .orderBy(orderById(stores.id))
          .limit(limit + 1);
        return toPage(rows, limit, storeFromRow);
      });
    },
  );
}
