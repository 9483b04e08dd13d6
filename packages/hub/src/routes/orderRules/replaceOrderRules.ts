import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { assertGroupKey } from "../../leads/scope.js";
import { etagOf, expectedVersion } from "../../leads/versions.js";
import { writeErrors } from "../../lib/schemas.js";
import { ORDER_RULE_WRITERS } from "../../orders/access.js";
import {
  orderRulesBodySchema,
  orderRulesSchema,
  replaceOrderRules as replace,
} from "../../orders/rules.js";
import { inTenant, requireRole } from "../../services.js";

export function replaceOrderRules(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    "/v1/order-rules",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Replace the group's order rules (the SDK's approval, tax and change rules; a section or field left out follows the SDK's default); admin and finance group keys",
        body: orderRulesBodySchema,
        response: { 200: orderRulesSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ORDER_RULE_WRITERS);
      assertGroupKey(actor);
      const expected = expectedVersion(request, request.body.version);
      const view = await inTenant(request, (tx) =>
        replace(tx, actor, request.id, request.body, expected),
      );
      void reply.header("etag", etagOf(view.version));
      return view;
    },
  );
}
