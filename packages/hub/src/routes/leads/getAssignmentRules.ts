import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { assignmentRulesSchema, loadRules, rulesView } from "../../leads/rules.js";
import { assertGroupKey, RULE_ADMINS } from "../../leads/scope.js";
import { etagOf } from "../../leads/versions.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function getAssignmentRules(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/assignment-rules",
    {
      schema: {
        tags: ["leads"],
        summary:
          "The group's lead assignment rules (configured: false while the default applies: each store's sales staff take turns, then the group's)",
        querystring: z.strictObject({}),
        response: { 200: assignmentRulesSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      assertGroupKey(requireRole(request, RULE_ADMINS));
      const view = await inTenant(request, async (tx, actor) =>
        rulesView(await loadRules({ tx, actor })),
      );
      void reply.header("etag", etagOf(view.version));
      return view;
    },
  );
}
