import { leadInputSchema, normalizeLead } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { intakeQueueOf } from "../../leads/intakeQueue.js";
import { leadIntakeSchema } from "../../leads/schemas.js";
import { LEAD_CREATORS, leadScopeOf } from "../../leads/scope.js";
import { writeErrors } from "../../lib/schemas.js";
import { idempotencyClaimOf, sendReplay } from "../../plugins/idempotency.js";
import { requireRole } from "../../services.js";

export function createLead(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/leads",
    {
      // The Idempotency-Key is claimed and completed in the lead's own transaction.
      config: { idempotency: "in-transaction" },
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
      // Stored with the other leads that arrive meanwhile (see IntakeQueue), then answered.
      const answer = await intakeQueueOf(app.hub).submit({
        lead,
        warnings,
        actor,
        scope,
        requestId: request.id,
        log: request.log,
        idempotency: idempotencyClaimOf(request),
      });
      if (answer.kind === "replay") return sendReplay(reply, answer);
      // Only the gateway's inquiries (from inbox rows) can be skipped; this one has none.
      if (answer.kind === "skipped") throw new Error("an API inquiry was answered as skipped");
      const { kind: _kind, ...outcome } = answer;
      return reply.status(outcome.status).send(outcome.body);
    },
  );
}
