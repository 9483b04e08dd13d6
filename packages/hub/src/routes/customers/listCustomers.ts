import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { customers } from "../../db/schema.js";
import {
  customerFromRow,
  customerResponseSchema,
  customerSearchFilters,
} from "../../leads/customers.js";
import { CUSTOMER_READERS, leadScopeOf } from "../../leads/scope.js";
import {
  afterCursor,
  orderById,
  pageQueryShape,
  pageSchema,
  toPage,
} from "../../lib/pagination.js";
import { readErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function listCustomers(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/customers",
    {
      schema: {
        tags: ["customers"],
        summary:
          "List customers (oldest first), or find them by phone or email through the blind index (the phone is normalised first)",
        querystring: z.strictObject({
          ...pageQueryShape,
          phone: z.string().trim().min(1).max(40).optional(),
          email: z.string().trim().min(1).max(254).optional(),
        }),
        response: { 200: pageSchema(customerResponseSchema), ...readErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, CUSTOMER_READERS);
      const scope = leadScopeOf(actor);
      const { limit, cursor, phone, email } = request.query;
      const filters = customerSearchFilters(
        actor.tenantId,
        scope,
        { phone, email },
        app.hub.crypto,
      );
      return inTenant(request, async (tx) => {
        const rows = await tx
          .select()
          .from(customers)
          .where(afterCursor(customers.id, cursor, filters))
          .orderBy(orderById(customers.id))
          .limit(limit + 1);
        return toPage(rows, limit, (row) => customerFromRow(row, app.hub.crypto));
      });
    },
  );
}
