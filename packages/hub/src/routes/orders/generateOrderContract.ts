import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_WRITERS } from "../../orders/access.js";
import { generateContract } from "../../orders/contracts.js";
import { loadOrderRules } from "../../orders/rules.js";
import { contractRenderSchema, contractResultSchema } from "../../orders/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function generateOrderContract(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/contract",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Render the contract (合同) of an approved order from a template (values escaped), stored with the SHA-256 of its text",
        params: idParams(idSchema("order")),
        body: contractRenderSchema,
        response: { 201: contractResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ORDER_WRITERS);
      const result = await inTenant(request, async (tx, actor) => {
        const rules = await loadOrderRules(tx, actor.tenantId);
        return generateContract(
          tx,
          actor,
          dealScopeOf(actor),
          request.id,
          request.params.id,
          rules,
          request.body,
        );
      });
      return reply.status(201).send(result);
    },
  );
}
