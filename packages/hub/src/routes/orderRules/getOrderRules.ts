import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { etagOf } from "../../leads/versions.js";
import { readErrors } from "../../lib/schemas.js";
import { ORDER_RULE_READERS } from "../../orders/access.js";
import { getOrderRules as loadView, orderRulesSchema } from "../../orders/rules.js";
import { inTenant, requireRole } from "../../services.js";

export function getOrderRules(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/order-rules",
    {
      schema: {
        tags: ["orders"],
        summary:
          "The group's order rules in force (approval, tax, changes), every field filled in; `overrides` is what the group set, the rest is the SDK's default. Admin, finance and manager keys",
        querystring: z.strictObject({}),
        response: { 200: orderRulesSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ORDER_RULE_READERS);
      const view = await inTenant(request, (tx, actor) => loadView(tx, actor.tenantId));
      void reply.header("etag", etagOf(view.version));
      return view;
    },
  );
}
