import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { scheduleReminders } from "../../leads/reminders.js";
import { taskFromRow } from "../../leads/rows.js";
import { followUpTaskSchema, snoozeTaskBodySchema } from "../../leads/schemas.js";
import { LEAD_EDITORS, leadScopeOf } from "../../leads/scope.js";
import { snoozeTask as snooze } from "../../leads/tasks.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function snoozeTask(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/tasks/:id/snooze",
    {
      schema: {
        tags: ["tasks"],
        summary:
          "Snooze a follow-up task until a moment: it falls due (and escalates) later, and its reminders move with it",
        params: idParams(idSchema("task")),
        body: snoozeTaskBodySchema,
        response: { 200: followUpTaskSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, LEAD_EDITORS);
      const scope = leadScopeOf(actor);
      const task = await inTenant(request, (tx) =>
        snooze(leadContext(request, tx, actor, scope), request.params.id, request.body),
      );
      await scheduleReminders(app.hub.queue, actor.tenantId, [task], request.log);
      return taskFromRow(task);
    },
  );
}
