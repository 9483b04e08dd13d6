import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readErrors } from "../../lib/schemas.js";
import { conversionReport } from "../../opportunities/analytics.js";
import {
  analyticsScopeShape,
  conversionResultSchema,
  windowShape,
} from "../../opportunities/analyticsSchemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { inTenant } from "../../services.js";

export function getConversion(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/analytics/conversion",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Lead → opportunity conversion and time to first contact, by source, channel, customer type and campaign, over the leads received in [from, to)",
        querystring: z.strictObject({ ...analyticsScopeShape, ...windowShape }),
        response: { 200: conversionResultSchema, ...readErrors },
      },
    },
    async (request) =>
      inTenant(request, (tx, actor) =>
        conversionReport(tx, actor.tenantId, dealScopeOf(actor), request.query),
      ),
  );
}
