import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { scheduleReminders } from "../../leads/reminders.js";
import { taskFromRow } from "../../leads/rows.js";
import { completeTaskBodySchema, followUpTaskSchema } from "../../leads/schemas.js";
import { LEAD_EDITORS, leadScopeOf } from "../../leads/scope.js";
import { completeTask as complete } from "../../leads/tasks.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function completeTask(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/tasks/:id/complete",
    {
      schema: {
        tags: ["tasks"],
        summary:
          "Complete a follow-up task: the lead records the contact and its next follow-ups are planned from it",
        params: idParams(idSchema("task")),
        body: completeTaskBodySchema,
        response: { 200: followUpTaskSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, LEAD_EDITORS);
      const scope = leadScopeOf(actor);
      const { task, remind } = await inTenant(request, (tx) =>
        complete(leadContext(request, tx, actor, scope), request.params.id, request.body ?? {}),
      );
      await scheduleReminders(app.hub.queue, actor.tenantId, remind, request.log);
      return taskFromRow(task);
    },
  );
}
