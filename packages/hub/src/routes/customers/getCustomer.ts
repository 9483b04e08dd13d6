import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { customerFromRow, customerResponseSchema, loadCustomer } from "../../leads/customers.js";
import { CUSTOMER_READERS, leadScopeOf } from "../../leads/scope.js";
import { idParams, readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function getCustomer(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/customers/:id",
    {
      schema: {
        tags: ["customers"],
        summary: "Get a customer",
        params: idParams(idSchema("customer")),
        response: { 200: customerResponseSchema, ...readErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, CUSTOMER_READERS);
      const scope = leadScopeOf(actor);
      const row = await inTenant(request, (tx) =>
        loadCustomer(tx, actor.tenantId, scope, request.params.id),
      );
      return customerFromRow(row, app.hub.crypto);
    },
  );
}
