import { idSchema, salespersonInputSchema, salespersonSchema } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { salespeople } from "../../db/schema.js";
import { recordAudit } from "../../lib/audit.js";
import { idParams, patchSchemaOf, writeErrors } from "../../lib/schemas.js";
import {
  loadSalesperson,
  salespersonColumns,
  salespersonFromRow,
  salespersonInputOf,
} from "../../organization/salespeople.js";
import { assertStoreReadable, assertStoreWritable } from "../../organization/scope.js";
import { assertReferences } from "../../organization/teams.js";
import { inTenant, requireRole } from "../../services.js";

const salespersonPatchSchema = patchSchemaOf(salespersonInputSchema);

export function updateSalesperson(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/v1/salespeople/:id",
    {
      schema: {
        tags: ["organisation"],
        summary:
          "Change a salesperson: shifts, days off, team, active (fields left out keep their values)",
        params: idParams(idSchema("salesperson")),
        body: salespersonPatchSchema,
        response: { 200: salespersonSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ["admin", "manager"]);
      const { crypto } = app.hub;
      return inTenant(request, async (tx, actor) => {
        const { id } = request.params;
        const current = await loadSalesperson(tx, actor.tenantId, id, true);
        assertStoreReadable(actor, "salesperson", id, current.storeId);
        const before = salespersonFromRow(current, crypto);
        const merged = salespersonInputSchema.parse({
          ...salespersonInputOf(before),
          ...request.body,
        });
        assertStoreWritable(actor, merged.storeId);
        await assertReferences(tx, actor.tenantId, merged);
        const [row] = await tx
          .update(salespeople)
          .set({
            ...salespersonColumns(merged, crypto),
            updatedAt: new Date(),
            version: before.version + 1,
          })
          .where(eq(salespeople.id, id))
          .returning();
        const after = salespersonFromRow(row!, crypto);
        await recordAudit(tx, actor, request.id, {
          action: "salesperson.updated",
          entityType: "salesperson",
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  );
}
