import { idSchema, storeInputSchema, storeSchema } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { stores } from "../../db/schema.js";
import { recordAudit } from "../../lib/audit.js";
import { idParams, patchSchemaOf, writeErrors } from "../../lib/schemas.js";
import { assertStoreReadable, assertStoreWritable } from "../../organization/scope.js";
import { loadStore, storeColumns, storeFromRow, storeInputOf } from "../../organization/stores.js";
import { inTenant, requireRole } from "../../services.js";

const storePatchSchema = patchSchemaOf(storeInputSchema);

export function updateStore(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/v1/stores/:id",
    {
      schema: {
        tags: ["organisation"],
        summary: "Change a store (fields left out keep their values)",
        params: idParams(idSchema("store")),
        body: storePatchSchema,
        response: { 200: storeSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ["admin", "manager"]);
      return inTenant(request, async (tx, actor) => {
        const { id } = request.params;
        assertStoreReadable(actor, "store", id, id);
        assertStoreWritable(actor, id);
        const before = storeFromRow(await loadStore(tx, actor.tenantId, id, true));
        const merged = storeInputSchema.parse({ ...storeInputOf(before), ...request.body });
        const [row] = await tx
          .update(stores)
          .set({ ...storeColumns(merged), updatedAt: new Date(), version: before.version + 1 })
          .where(eq(stores.id, id))
          .returning();
        const after = storeFromRow(row!);
        await recordAudit(tx, actor, request.id, {
          action: "store.updated",
          entityType: "store",
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  );
}
