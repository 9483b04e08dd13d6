import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { actingPerson, ORDER_WRITERS } from "../../orders/access.js";
import { moveOrder, mutateOrder } from "../../orders/mutate.js";
import { loadOrderRules } from "../../orders/rules.js";
import { orderResponseSchema, statusChangeSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant, requireRole } from "../../services.js";

export function changeOrderStatus(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/status",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Record a tracking milestone (contracted → allocated → in_transit → arrived → delivered) or cancel with a reason; an illegal move answers 409 with the states allowed",
        params: idParams(idSchema("order")),
        body: statusChangeSchema,
        response: { 200: orderResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ORDER_WRITERS);
      const { status, version, by, ...options } = request.body;
      return inTenant(request, async (tx, actor) => {
        const scope = dealScopeOf(actor);
        const person = await actingPerson(tx, actor, scope, by);
        const order = await mutateOrder(tx, actor, scope, request.id, request.params.id, {
          action: status === "cancelled" ? "order.cancelled" : "order.status_changed",
          version,
          change: async (current, at) => moveOrder(current, status, person, { ...options, at }),
        });
        const rules = await loadOrderRules(tx, actor.tenantId);
        return servedOrder(order, rules);
      });
    },
  );
}
