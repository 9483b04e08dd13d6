import { idSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { scheduleReminders } from "../../leads/reminders.js";
import { leadFromRow } from "../../leads/rows.js";
import { leadPatchSchema, leadResponseSchema } from "../../leads/schemas.js";
import { LEAD_EDITORS, leadScopeOf } from "../../leads/scope.js";
import { updateLead as applyLeadPatch } from "../../leads/update.js";
import { etagOf, expectedVersion } from "../../leads/versions.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function updateLead(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/v1/leads/:id",
    {
      schema: {
        tags: ["leads"],
        summary:
          "Change a lead: status (lost needs lostReason), contact details (normalised and re-indexed), interest and buying signals (re-rated). Send If-Match or version to refuse a stale write (409)",
        params: idParams(idSchema("lead")),
        body: leadPatchSchema,
        response: { 200: leadResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, LEAD_EDITORS);
      const scope = leadScopeOf(actor);
      const expected = expectedVersion(request, request.body.version);
      const { row, remind } = await inTenant(request, (tx) =>
        applyLeadPatch(
          leadContext(request, tx, actor, scope),
          request.params.id,
          request.body,
          expected,
        ),
      );
      await scheduleReminders(app.hub.queue, actor.tenantId, remind, request.log);
      void reply.header("etag", etagOf(row.version));
      return leadFromRow(row, app.hub.crypto);
    },
  );
}
