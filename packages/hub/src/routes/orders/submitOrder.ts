import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_WRITERS } from "../../orders/access.js";
import { submitOrder as submit } from "../../orders/approval.js";
import { loadOrderRules } from "../../orders/rules.js";
import { orderResponseSchema, submitSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant, requireRole } from "../../services.js";

export function submitOrder(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/submit",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Submit a draft for approval (审核); an order no approval rule stops is approved at once",
        params: idParams(idSchema("order")),
        body: submitSchema,
        response: { 200: orderResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ORDER_WRITERS);
      return inTenant(request, async (tx, actor) => {
        const rules = await loadOrderRules(tx, actor.tenantId);
        const order = await submit(
          tx,
          actor,
          dealScopeOf(actor),
          request.id,
          request.params.id,
          rules,
          request.body,
        );
        return servedOrder(order, rules);
      });
    },
  );
}
