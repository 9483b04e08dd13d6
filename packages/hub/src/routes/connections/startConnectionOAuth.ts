import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONNECTION_ID, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { startOAuth } from "../../sync/oauth.js";
import { oauthStartSchema } from "../../sync/schemas.js";
import { syncSettings } from "../../sync/settings.js";

export const OAUTH_CALLBACK_PATH = "/v1/oauth/callback";

export function startConnectionOAuth(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/connections/:id/oauth/start",
    {
      schema: {
        tags: ["connections"],
        summary:
          "Start OAuth2 authorisation (Xero, QuickBooks, Meta): the provider's authorize URL with state and PKCE S256; `redirect=true` answers 302",
        params: idParams(z.string().regex(CONNECTION_ID)),
        querystring: z.strictObject({
          redirect: z
            .enum(["true", "false", "1", "0"])
            .optional()
            .describe("Answer 302 to the provider instead of JSON"),
          clientId: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .describe("The OAuth2 client (Meta's app id) when the connection's config has none"),
        }),
        response: { 200: oauthStartSchema, 302: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, GATEWAY_ADMINS);
      const redirectUri = `${request.protocol}://${request.host}${OAUTH_CALLBACK_PATH}`;
      const start = await inTenant(request, (tx, actor) =>
        startOAuth(
          tx,
          actor.tenantId,
          request.params.id,
          app.hub.crypto,
          syncSettings(app.hub.config),
          redirectUri,
          request.query.clientId,
        ),
      );
      if (request.query.redirect === "true" || request.query.redirect === "1") {
        return reply.redirect(start.authorizeUrl, 302);
      }
      return start;
    },
  );
}
