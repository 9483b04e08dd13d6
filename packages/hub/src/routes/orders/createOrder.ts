import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_WRITERS } from "../../orders/access.js";
import { enterOrder } from "../../orders/create.js";
import { orderCreateSchema, orderResponseSchema } from "../../orders/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function createOrder(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Enter a draft order (订单): number allocated from the store's daily counter, totals computed; a sales key enters its own",
        body: orderCreateSchema,
        response: { 201: orderResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ORDER_WRITERS);
      const created = await inTenant(request, (tx, actor) =>
        enterOrder(tx, actor, dealScopeOf(actor), request.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );
}
