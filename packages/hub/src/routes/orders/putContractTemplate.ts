import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { writeErrors } from "../../lib/schemas.js";
import { TEMPLATE_WRITERS } from "../../orders/access.js";
import { putTemplate } from "../../orders/contracts.js";
import { TEMPLATE_ID, templateBodySchema, templateResponseSchema } from "../../orders/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function putContractTemplate(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    "/v1/contract-templates/:id",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Create or replace one of the group's contract templates (admin); `default` replaces the shipped template. Unknown placeholders are refused",
        params: z.strictObject({ id: z.string().regex(TEMPLATE_ID) }),
        body: templateBodySchema,
        response: { 200: templateResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, TEMPLATE_WRITERS);
      return inTenant(request, (tx, actor) =>
        putTemplate(tx, actor, request.id, request.params.id, request.body),
      );
    },
  );
}
