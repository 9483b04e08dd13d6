import { idSchema, teamSchema } from "@forecourt/sdk";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, readErrors } from "../../lib/schemas.js";
import { assertStoreReadable } from "../../organization/scope.js";
import { loadTeam, teamFromRow } from "../../organization/teams.js";
import { inTenant } from "../../services.js";

export function getTeam(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/teams/:id",
    {
      schema: {
        tags: ["organisation"],
        summary: "Get a team",
        params: idParams(idSchema("team")),
        response: { 200: teamSchema, ...readErrors },
      },
    },
    async (request) =>
      inTenant(request, async (tx, actor) => {
        const row = await loadTeam(tx, actor.tenantId, request.params.id);
        assertStoreReadable(actor, "team", row.id, row.storeId);
        return teamFromRow(row);
      }),
  );
}
