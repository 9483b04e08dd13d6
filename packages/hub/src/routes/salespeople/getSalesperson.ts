import { idSchema, salespersonSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { loadSalesperson, salespersonFromRow } from "../../organization/salespeople.js";
import { assertStoreReadable } from "../../organization/scope.js";
import { inTenant } from "../../services.js";

export function getSalesperson(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/salespeople/:id",
    {
      schema: {
        tags: ["organisation"],
        summary: "Get a salesperson",
        params: idParams(idSchema("salesperson")),
        response: { 200: salespersonSchema, ...readErrors },
      },
    },
    async (request) =>
      inTenant(request, async (tx, actor) => {
        const row = await loadSalesperson(tx, actor.tenantId, request.params.id);
        assertStoreReadable(actor, "salesperson", row.id, row.storeId);
        return salespersonFromRow(row, app.hub.crypto);
      }),
  );
}
