import { idSchema, teamInputSchema, teamSchema } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { teams } from "../../db/schema.js";
import { recordAudit } from "../../lib/audit.js";
import { idParams, patchSchemaOf, writeErrors } from "../../lib/schemas.js";
import { assertStoreReadable, assertStoreWritable } from "../../organization/scope.js";
import { assertReferences, loadTeam, teamFromRow } from "../../organization/teams.js";
import { inTenant, requireRole } from "../../services.js";

const teamPatchSchema = patchSchemaOf(teamInputSchema);

export function updateTeam(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/v1/teams/:id",
    {
      schema: {
        tags: ["organisation"],
        summary: "Change a team (fields left out keep their values)",
        params: idParams(idSchema("team")),
        body: teamPatchSchema,
        response: { 200: teamSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, ["admin", "manager"]);
      return inTenant(request, async (tx, actor) => {
        const { id } = request.params;
        const current = await loadTeam(tx, actor.tenantId, id, true);
        assertStoreReadable(actor, "team", id, current.storeId);
        const before = teamFromRow(current);
        const merged = teamInputSchema.parse({
          storeId: before.storeId,
          name: before.name,
          ...(before.leaderId ? { leaderId: before.leaderId } : {}),
          ...request.body,
        });
        assertStoreWritable(actor, merged.storeId);
        await assertReferences(tx, actor.tenantId, { storeId: merged.storeId });
        const [row] = await tx
          .update(teams)
          .set({
            storeId: merged.storeId,
            name: merged.name,
            leaderId: merged.leaderId ?? null,
            updatedAt: new Date(),
            version: before.version + 1,
          })
          .where(eq(teams.id, id))
          .returning();
        const after = teamFromRow(row!);
        await recordAudit(tx, actor, request.id, {
          action: "team.updated",
          entityType: "team",
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  );
}
