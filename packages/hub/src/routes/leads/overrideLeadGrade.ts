import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { overrideGrade } from "../../leads/grade.js";
import { scheduleReminders } from "../../leads/reminders.js";
import { leadFromRow } from "../../leads/rows.js";
import { gradeBodySchema, leadResponseSchema } from "../../leads/schemas.js";
import { LEAD_EDITORS, leadScopeOf } from "../../leads/scope.js";
import { etagOf } from "../../leads/versions.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function overrideLeadGrade(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/leads/:id/grade",
    {
      schema: {
        tags: ["leads"],
        summary:
          "Override a lead's grade with a reason (the computed grade is kept beside it); grade null removes the override",
        params: idParams(idSchema("lead")),
        body: gradeBodySchema,
        response: { 200: leadResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, LEAD_EDITORS);
      const scope = leadScopeOf(actor);
      const { row, remind } = await inTenant(request, (tx) =>
        overrideGrade(
          leadContext(request, tx, actor, scope),
          request.params.id,
          request.body.grade,
          request.body.reason,
        ),
      );
      await scheduleReminders(app.hub.queue, actor.tenantId, remind, request.log);
      void reply.header("etag", etagOf(row.version));
      return leadFromRow(row, app.hub.crypto);
    },
  );
}
