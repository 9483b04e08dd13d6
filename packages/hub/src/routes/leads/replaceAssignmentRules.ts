import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import {
  assignmentRulesBodySchema,
  assignmentRulesSchema,
  replaceRules,
} from "../../leads/rules.js";
import { assertGroupKey, leadScopeOf, RULE_ADMINS } from "../../leads/scope.js";
import { etagOf, expectedVersion } from "../../leads/versions.js";
import { writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function replaceAssignmentRules(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    "/v1/assignment-rules",
    {
      schema: {
        tags: ["leads"],
        summary:
          "Replace the group's lead assignment rules (tried in order; an empty list restores the default); admins",
        body: assignmentRulesBodySchema,
        response: { 200: assignmentRulesSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, RULE_ADMINS);
      assertGroupKey(actor);
      const expected = expectedVersion(request, request.body.version);
      const view = await inTenant(request, (tx) =>
        replaceRules(leadContext(request, tx, actor, leadScopeOf(actor)), request.body, expected),
      );
      void reply.header("etag", etagOf(view.version));
      return view;
    },
  );
}
