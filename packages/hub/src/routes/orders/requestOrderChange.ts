import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_WRITERS } from "../../orders/access.js";
import { requestChange } from "../../orders/changes.js";
import { loadOrderRules } from "../../orders/rules.js";
import { changeRequestSchema, changeResultSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant, requireRole } from "../../services.js";

export function requestOrderChange(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/changes",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Request a change (变更) of configuration, delivery date or price: the diff is kept; applied at once as a new terms version unless the rules ask for approval",
        params: idParams(idSchema("order")),
        body: changeRequestSchema,
        response: { 201: changeResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ORDER_WRITERS);
      const result = await inTenant(request, async (tx, actor) => {
        const rules = await loadOrderRules(tx, actor.tenantId);
        const outcome = await requestChange(
          tx,
          actor,
          dealScopeOf(actor),
          request.id,
          request.params.id,
          rules,
          request.body,
        );
        return { ...outcome, order: servedOrder(outcome.order, rules) };
      });
      return reply.status(201).send(result);
    },
  );
}
