import { idSchema } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { touchpoints } from "../../db/schema.js";
import { loadLead } from "../../leads/load.js";
import { touchpointFromRow } from "../../leads/rows.js";
import { touchpointResponseSchema } from "../../leads/schemas.js";
import { LEAD_READERS, leadScopeOf } from "../../leads/scope.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { idParams, readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function listLeadTouchpoints(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/leads/:id/touchpoints",
    {
      schema: {
        tags: ["leads"],
        summary: "List a lead's touchpoints (each inquiry that reached it), oldest first",
        params: idParams(idSchema("lead")),
        querystring: z.strictObject({ ...pageQueryShape }),
        response: { 200: pageSchema(touchpointResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, LEAD_READERS);
      const scope = leadScopeOf(actor);
      const { limit, cursor } = request.query;
      return inTenant(request, async (tx) => {
        const lead = await loadLead(tx, actor.tenantId, scope, request.params.id);
        const rows = await tx
          .select()
          .from(touchpoints)
          .where(
            afterCursor(touchpoints.id, cursor, [
              eq(touchpoints.tenantId, actor.tenantId),
              eq(touchpoints.leadId, lead.id),
            ]),
          )
          .orderBy(orderById(touchpoints.id))
          .limit(limit + 1);
        return toPage(rows, limit, touchpointFromRow);
      });
    },
  );
}
