import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withTenant } from "../../db/tenant.js";
import { errorResponseSchema } from "../../lib/schemas.js";
import { completeOAuth } from "../../sync/oauth.js";
import { enqueuePush } from "../../sync/push.js";
import { oauthCallbackResultSchema } from "../../sync/schemas.js";
import { orderSyncs } from "../../sync/tables.js";

/**
 * The providers' redirect after an admin authorised a connection. No API key: the single-use
 * `state` (bound to the tenant and connection when the flow started) is the credential.
 */
export async function registerOAuthCallback(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/oauth/callback",
    {
      schema: {
        tags: ["connections"],
        summary:
          "OAuth2 callback: checks the single-use state, exchanges the code (PKCE) and stores the tokens encrypted on the connection",
        security: [],
        querystring: z.object({
          code: z.string().max(4096).optional(),
          state: z.string().max(200).optional(),
          realmId: z.string().max(64).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(2000).optional(),
        }),
        response: {
          200: oauthCallbackResultSchema,
          400: errorResponseSchema,
          502: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const result = await completeOAuth(app.hub, request.query);
      // Released pushes are enqueued now (the sync sweeper would anyway).
      const rows = await withTenant(app.hub.db, result.tenantId, (tx) =>
        tx
          .select()
          .from(orderSyncs)
          .where(
            and(
              eq(orderSyncs.tenantId, result.tenantId),
              eq(orderSyncs.connectionId, result.connectionId),
              eq(orderSyncs.status, "pending"),
            ),
          ),
      );
      for (const row of rows) await enqueuePush(app.hub.queue, row).catch(() => {});
      const { tenantId: _tenant, ...shown } = result;
      return shown;
    },
  );
}
