import { funnel } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readErrors } from "../../lib/schemas.js";
import { funnelOpportunities } from "../../opportunities/analytics.js";
import {
  analyticsScopeShape,
  funnelResultSchema,
  windowShape,
} from "../../opportunities/analyticsSchemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { inTenant } from "../../services.js";

export function getFunnel(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/analytics/funnel",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Sales funnel (销售漏斗) of the opportunities created in [from, to): count and value per stage, conversion, time in stage, stalls",
        querystring: z.strictObject({
          ...analyticsScopeShape,
          ...windowShape,
          /** Count conversion only over won and lost deals, whose journey is complete. */
          closedOnly: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: funnelResultSchema, ...readErrors },
      },
    },
    async (request) => {
      const { closedOnly, ...filters } = request.query;
      const rows = await inTenant(request, (tx, actor) =>
        funnelOpportunities(tx, actor.tenantId, dealScopeOf(actor), filters),
      );
      return funnel(rows, { closedOnly: closedOnly === "true" });
    },
  );
}
