import type { FastifyInstance } from "fastify";
import { authenticateApiKey } from "../auth/apiKeys.js";
import { HubError } from "../errors.js";

/**
 * Every route in the scope this is registered in needs `Authorization: Bearer fc_…`. The key
 * resolves to the caller (tenant, role, scope) before anything else runs, including the rate
 * limiter, which counts per key.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest("actor", undefined);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new HubError("unauthenticated", "Send an API key as `Authorization: Bearer fc_…`");
    }
    const actor = await authenticateApiKey(app.hub.db, match[1]);
    if (!actor) throw new HubError("unauthenticated", "The API key is unknown or revoked");
    request.actor = actor;
  });
}
