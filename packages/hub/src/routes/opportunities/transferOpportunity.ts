import { transferOpportunity as handOver, idSchema, isOpenOpportunityStage } from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { salespeople } from "../../db/schema.js";
import { HubError } from "../../errors.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { mutateOpportunity, runDomain } from "../../opportunities/mutate.js";
import { opportunityResponseSchema, transferSchema } from "../../opportunities/schemas.js";
import {
  actorLabel,
  assertMayOwn,
  dealScopeOf,
  OPPORTUNITY_TRANSFERRERS,
} from "../../opportunities/scope.js";
import { assertReferences } from "../../organization/teams.js";
import { inTenant, requireRole } from "../../services.js";

export function transferOpportunity(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/opportunities/:id/transfer",
    {
      schema: {
        tags: ["opportunities"],
        summary:
          "Hand an open opportunity to another salesperson (转移); history and activities stay with it",
        params: idParams(idSchema("opportunity")),
        body: transferSchema,
        response: { 200: opportunityResponseSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, OPPORTUNITY_TRANSFERRERS);
      const { to, reason, teamId, version } = request.body;
      return inTenant(request, (tx, actor) => {
        const scope = dealScopeOf(actor);
        return mutateOpportunity(tx, actor, scope, request.id, request.params.id, {
          action: "opportunity.transferred",
          version,
          async change(current, at) {
            if (!isOpenOpportunityStage(current.stage)) {
              throw new HubError(
                "opportunity_closed",
                `opportunity ${current.id} is ${current.stage} and cannot be handed over`,
                { id: current.id, stage: current.stage },
              );
            }
            const [target] = await tx
              .select({ storeId: salespeople.storeId, teamId: salespeople.teamId })
              .from(salespeople)
              .where(
                and(
                  eq(salespeople.tenantId, actor.tenantId),
                  eq(salespeople.id, to),
                  eq(salespeople.active, true),
                ),
              )
              .limit(1);
            if (!target) {
              throw new HubError(
                "validation_failed",
                "Invalid body: to: no such active salesperson",
                {
                  issues: [{ path: "to", message: "no such active salesperson" }],
                },
              );
            }
            assertMayOwn(scope, { salespersonId: to, storeId: target.storeId });
            const newTeam = teamId ?? target.teamId ?? undefined;
            await assertReferences(tx, actor.tenantId, {
              storeId: target.storeId,
              teamId: newTeam,
            });
            return runDomain(() =>
              handOver(current, {
                to,
                reason,
                at,
                by: actorLabel(actor),
                storeId: target.storeId,
                ...(newTeam ? { teamId: newTeam } : {}),
              }),
            );
          },
        });
      });
    },
  );
}
