import { DEFAULT_TIME_ZONE, forecast, localDateSchema, timeZoneSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readErrors } from "../../lib/schemas.js";
import { forecastOpportunities, storeTimeZone } from "../../opportunities/analytics.js";
import { analyticsScopeShape, forecastResultSchema } from "../../opportunities/analyticsSchemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { inTenant } from "../../services.js";

const CONFIDENCE_LEVELS = { "0.8": 0.8, "0.9": 0.9, "0.95": 0.95, "0.99": 0.99 } as const;

export function getForecast(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/analytics/forecast",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Sales forecast (销售预测) for a period from the weighted pipeline, with a range; win rates learnt from the last year's closed deals",
        querystring: z.strictObject({
          ...analyticsScopeShape,
          periodStart: localDateSchema,
          periodEnd: localDateSchema,
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
          confidence: z.enum(["0.8", "0.9", "0.95", "0.99"]).optional(),
          /** The calendar the period is read in; default: the store's, else Asia/Shanghai. */
          timeZone: timeZoneSchema.optional(),
        }),
        response: { 200: forecastResultSchema, ...readErrors },
      },
    },
    async (request) => {
      const { periodStart, periodEnd, currency, confidence, timeZone, ...filters } = request.query;
      const { pipeline, history, zone } = await inTenant(request, async (tx, actor) => {
        const scope = dealScopeOf(actor);
        const loaded = await forecastOpportunities(tx, actor.tenantId, scope, {
          ...filters,
          periodEnd,
        });
        const oneStore = filters.storeId ?? scope.storeId;
        const zone = timeZone ?? (await storeTimeZone(tx, actor.tenantId, oneStore));
        return { ...loaded, zone };
      });
      return forecast(pipeline, {
        periodStart,
        periodEnd,
        history,
        timeZone: zone ?? DEFAULT_TIME_ZONE,
        ...(currency ? { currency } : {}),
        ...(confidence ? { confidence: CONFIDENCE_LEVELS[confidence] } : {}),
      });
    },
  );
}
