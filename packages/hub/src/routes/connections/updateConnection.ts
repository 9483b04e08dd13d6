import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  connectionFromRow,
  syncPullSchedule,
  updateConnection as update,
} from "../../gateway/connections.js";
import { forgetHook } from "../../gateway/hooks.js";
import { reconcileInbox } from "../../gateway/inbox.js";
import {
  CONNECTION_ID,
  connectionPatchSchema,
  connectionSchema,
  GATEWAY_ADMINS,
} from "../../gateway/schemas.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function updateConnection(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().patch(
    "/v1/connections/:id",
    {
      schema: {
        tags: ["connections"],
        summary:
          "Change a connection's name, config (secrets left out or `[redacted]` are kept), defaults, pull interval, or status (`active` re-enables and resumes parked inbox entries)",
        params: idParams(z.string().regex(CONNECTION_ID)),
        body: connectionPatchSchema,
        response: { 200: connectionSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      const { crypto, queue, db } = app.hub;
      const { row, reactivated } = await inTenant(request, (tx, actor) =>
        update(tx, actor, request.id, crypto, request.params.id, request.body),
      );
      forgetHook(app.hub, row.hookId);
      await syncPullSchedule(queue, row, crypto);
      if (reactivated) await reconcileInbox(db, queue, { olderThanMs: 0 });
      return connectionFromRow(row);
    },
  );
}
