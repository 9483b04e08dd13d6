import { newId, teamInputSchema, teamSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { teams } from "../../db/schema.js";
import { recordAudit } from "../../lib/audit.js";
import { writeErrors } from "../../lib/schemas.js";
import { assertStoreWritable } from "../../organization/scope.js";
import { assertReferences, teamFromRow } from "../../organization/teams.js";
import { inTenant, requireRole } from "../../services.js";

export function createTeam(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/teams",
    {
      schema: {
        tags: ["organisation"],
        summary: "Create a team in a store",
        body: teamInputSchema,
        response: { 201: teamSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, ["admin", "manager"]);
      const team = await inTenant(request, async (tx, actor) => {
        const input = request.body;
        assertStoreWritable(actor, input.storeId);
        await assertReferences(tx, actor.tenantId, { storeId: input.storeId });
        const [row] = await tx
          .insert(teams)
          .values({
            id: newId("team"),
            tenantId: actor.tenantId,
            storeId: input.storeId,
            name: input.name,
            leaderId: input.leaderId ?? null,
          })
          .returning();
        const created = teamFromRow(row!);
        await recordAudit(tx, actor, request.id, {
          action: "team.created",
          entityType: "team",
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(team);
    },
  );
}
