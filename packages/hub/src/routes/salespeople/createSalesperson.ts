import { newId, salespersonInputSchema, salespersonSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { salespeople } from "../../db/schema.js";
import { recordAudit } from "../../lib/audit.js";
import { writeErrors } from "../../lib/schemas.js";
import { salespersonColumns, salespersonFromRow } from "../../organization/salespeople.js";
import { assertStoreWritable } from "../../organization/scope.js";
import { assertReferences } from "../../organization/teams.js";
import { inTenant, requireRole } from "../../services.js";

export function createSalesperson(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/salespeople",
    {
      schema: {
        tags: ["organisation"],
        summary: "Add a salesperson (with shifts, days off and what they sell)",
        body: salespersonInputSchema,
        response: { 201: salespersonSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ["admin", "manager"]);
      const { crypto } = app.hub;
      const person = await inTenant(request, async (tx, actor) => {
        const input = request.body;
        assertStoreWritable(actor, input.storeId);
        await assertReferences(tx, actor.tenantId, input);
        const [row] = await tx
          .insert(salespeople)
          .values({
            id: newId("salesperson"),
            tenantId: actor.tenantId,
            ...salespersonColumns(input, crypto),
          })
          .returning();
        const created = salespersonFromRow(row!, crypto);
        await recordAudit(tx, actor, request.id, {
          action: "salesperson.created",
          entityType: "salesperson",
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(person);
    },
  );
}
