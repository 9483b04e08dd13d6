import { timestampSchema, timeZoneSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readErrors } from "../../lib/schemas.js";
import { analyticsScopeShape } from "../../opportunities/analyticsSchemas.js";
import { dealScopeOf } from "../../opportunities/scope.js";
import { statisticsResultSchema } from "../../orders/schemas.js";
import { orderStatisticsReport } from "../../orders/statistics.js";
import { inTenant } from "../../services.js";

export function getOrderStatistics(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/analytics/orders",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Orders and revenue by model, period, store and salesperson over the orders entered in [from, to) (drafts and cancellations left out)",
        querystring: z.strictObject({
          storeId: analyticsScopeShape.storeId,
          salespersonId: analyticsScopeShape.salespersonId,
          from: timestampSchema.optional(),
          to: timestampSchema.optional(),
          period: z.enum(["day", "week", "month"]).default("month"),
          /** The calendar periods are read in; Asia/Shanghai by default. */
          timeZone: timeZoneSchema.optional(),
          dateField: z.enum(["createdAt", "deliveredAt"]).default("createdAt"),
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
        }),
        response: { 200: statisticsResultSchema, ...readErrors },
      },
    },
    async (request) => {
      const { storeId, salespersonId, from, to, ...options } = request.query;
      return inTenant(request, (tx, actor) =>
        orderStatisticsReport(
          tx,
          actor.tenantId,
          dealScopeOf(actor),
          { storeId, salespersonId, from, to },
          {
            period: options.period,
            dateField: options.dateField,
            ...(options.timeZone ? { timeZone: options.timeZone } : {}),
            ...(options.currency ? { currency: options.currency } : {}),
          },
        ),
      );
    },
  );
}
