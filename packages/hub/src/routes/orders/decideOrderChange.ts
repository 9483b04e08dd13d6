import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_APPROVERS, ORDER_WRITERS } from "../../orders/access.js";
import { decideChange } from "../../orders/changes.js";
import { loadOrderRules } from "../../orders/rules.js";
import { changeDecisionSchema, changeResultSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant, requireRole } from "../../services.js";

export function decideOrderChange(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/changes/:changeId/decision",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Approve or reject a pending change (an approver of a role it needs; approval applies it), or withdraw it (the requester, a manager or admin)",
        params: z.strictObject({ id: idSchema("order"), changeId: idSchema("orderChange") }),
        body: changeDecisionSchema,
        response: { 200: changeResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, [...new Set([...ORDER_WRITERS, ...ORDER_APPROVERS])]);
      return inTenant(request, async (tx, actor) => {
        const rules = await loadOrderRules(tx, actor.tenantId);
        const { id, changeId } = request.params;
        const outcome = await decideChange(
          tx,
          actor,
          dealScopeOf(actor),
          request.id,
          id,
          changeId,
          request.body,
        );
        return { ...outcome, order: servedOrder(outcome.order, rules) };
      });
    },
  );
}
