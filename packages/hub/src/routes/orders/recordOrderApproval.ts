import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { ORDER_APPROVERS } from "../../orders/access.js";
import { decideApproval } from "../../orders/approval.js";
import { loadOrderRules } from "../../orders/rules.js";
import { approvalSchema, orderResponseSchema } from "../../orders/schemas.js";
import { servedOrder } from "../../orders/serve.js";
import { inTenant, requireRole } from "../../services.js";

export function recordOrderApproval(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/orders/:id/approvals",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Approve or reject a submitted order in an approver role the rules require (manager, finance; general_manager and the group's own roles with an admin key); the last required approval makes it approved, a rejection sends it back to draft",
        params: idParams(idSchema("order")),
        body: approvalSchema,
        response: { 200: orderResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ORDER_APPROVERS);
      return inTenant(request, async (tx, actor) => {
        const rules = await loadOrderRules(tx, actor.tenantId);
        const order = await decideApproval(
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
