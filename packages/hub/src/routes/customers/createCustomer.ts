import { customerInputSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { leadContext } from "../../leads/context.js";
import { createCustomer as create, customerResponseSchema } from "../../leads/customers.js";
import { CUSTOMER_WRITERS, leadScopeOf } from "../../leads/scope.js";
import { writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function createCustomer(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/customers",
    {
      schema: {
        tags: ["customers"],
        summary:
          "Create a customer (phones normalised to E.164; personal details encrypted; a phone or email already on file answers 409)",
        body: customerInputSchema,
        response: { 201: customerResponseSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, CUSTOMER_WRITERS);
      const scope = leadScopeOf(actor);
      const created = await inTenant(request, (tx) =>
        create(leadContext(request, tx, actor, scope), request.body),
      );
      return reply.status(201).send(created);
    },
  );
}
