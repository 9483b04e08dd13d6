import { leadInputSchema, normalizeLead } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { intakeLead } from "../../leads/intake.js";
import { scheduleReminders } from "../../leads/reminders.js";
import { leadIntakeSchema } from "../../leads/schemas.js";
import { LEAD_CREATORS, leadScopeOf } from "../../leads/scope.js";
import { writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function createLead(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/leads",
    {
      schema: {
        tags: ["leads"],
        summary:
          "Send in a lead: normalised, matched against customers and open leads (a match becomes a touchpoint, 200), otherwise rated, assigned and given follow-up tasks (201)",
        body: leadInputSchema,
        response: { 200: leadIntakeSchema, 201: leadIntakeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, LEAD_CREATORS);
      const scope = leadScopeOf(actor);
      // Validation and normalisation happen before any transaction: a bad lead writes nothing.
      const { lead, warnings } = normalizeLead(request.body);
      const outcome = await inTenant(request, (tx) =>
        intakeLead(leadContext(request, tx, actor, scope), lead, warnings),
      );
      await scheduleReminders(app.hub.queue, actor.tenantId, outcome.remind, request.log);
      return reply.status(outcome.status).send(outcome.body);
    },
  );
}
