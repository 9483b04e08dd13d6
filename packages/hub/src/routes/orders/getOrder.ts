import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { assertInDealScope, dealScopeOf } from "../../opportunities/scope.js";
import { loadOrder } from "../../orders/rows.js";
import { loadOrderRules } from "../../orders/rules.js";
import { orderResponseSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant } from "../../services.js";

export function getOrder(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/orders/:id",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Get an order with its totals, approvals, status history and (when financed) loan schedule",
        params: idParams(idSchema("order")),
        response: { 200: orderResponseSchema, ...readErrors },
      },
    },
    async (request) =>
      inTenant(request, async (tx, actor) => {
        const order = await loadOrder(tx, actor.tenantId, request.params.id);
        assertInDealScope(dealScopeOf(actor), "order", order);
        const rules = await loadOrderRules(tx, actor.tenantId);
        return servedOrder(order, rules);
      }),
  );
}
