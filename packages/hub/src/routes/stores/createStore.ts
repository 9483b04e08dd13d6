import { newId, storeInputSchema, storeSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { stores } from "../../db/schema.js";
import { recordAudit } from "../../lib/audit.js";
import { writeErrors } from "../../lib/schemas.js";
import { storeColumns, storeFromRow } from "../../organization/stores.js";
import { inTenant, requireRole } from "../../services.js";

export function createStore(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/stores",
    {
      schema: {
        tags: ["organisation"],
        summary: "Create a store",
        body: storeInputSchema,
        response: { 201: storeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ["admin"]);
      const store = await inTenant(request, async (tx, actor) => {
        const [row] = await tx
          .insert(stores)
          .values({ id: newId("store"), tenantId: actor.tenantId, ...storeColumns(request.body) })
          .returning();
        const created = storeFromRow(row!);
        await recordAudit(tx, actor, request.id, {
          action: "store.created",
          entityType: "store",
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(store);
    },
  );
}
