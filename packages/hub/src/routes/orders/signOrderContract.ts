import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_WRITERS } from "../../orders/access.js";
import { signOrderContract as sign } from "../../orders/contracts.js";
import { loadOrderRules } from "../../orders/rules.js";
import { contractResultSchema, contractSignSchema } from "../../orders/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function signOrderContract(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/contract/sign",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Record who signed the order's current contract and when (the SHA-256 of the signed text must match), and move the order to contracted",
        params: idParams(idSchema("order")),
        body: contractSignSchema,
        response: { 200: contractResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ORDER_WRITERS);
      return inTenant(request, async (tx, actor) => {
        const rules = await loadOrderRules(tx, actor.tenantId);
        return sign(
          tx,
          actor,
          dealScopeOf(actor),
          request.id,
          request.params.id,
          rules,
          request.body,
        );
      });
    },
  );
}
