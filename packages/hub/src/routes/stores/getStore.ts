import { idSchema, storeSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { assertStoreReadable } from "../../organization/scope.js";
import { loadStore, storeFromRow } from "../../organization/stores.js";
import { inTenant } from "../../services.js";

export function getStore(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/stores/:id",
    {
      schema: {
        tags: ["organisation"],
        summary: "Get a store",
        params: idParams(idSchema("store")),
        response: { 200: storeSchema, ...readErrors },
      },
    },
    async (request) =>
      inTenant(request, async (tx, actor) => {
        assertStoreReadable(actor, "store", request.params.id, request.params.id);
        return storeFromRow(await loadStore(tx, actor.tenantId, request.params.id));
      }),
  );
}
