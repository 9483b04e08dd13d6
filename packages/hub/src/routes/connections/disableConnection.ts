import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  connectionFromRow,
  syncPullSchedule,
  updateConnection,
} from "../../gateway/connections.js";
import { forgetHook } from "../../gateway/hooks.js";
import { CONNECTION_ID, connectionSchema, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function disableConnection(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/connections/:id/disable",
    {
      schema: {
        tags: ["connections"],
        summary:
          "Disable a connection: its webhook answers 404, its pulls stop, its unprocessed inbox entries wait",
        params: idParams(z.string().regex(CONNECTION_ID)),
        response: { 200: connectionSchema, ...writeErrors },
      },
    },
    async (request) => {
      requireRole(request, GATEWAY_ADMINS);
      const { crypto, queue } = app.hub;
      const { row } = await inTenant(request, (tx, actor) =>
        updateConnection(tx, actor, request.id, crypto, request.params.id, { status: "disabled" }),
      );
      forgetHook(app.hub, row.hookId);
      await syncPullSchedule(queue, row, crypto);
      return connectionFromRow(row);
    },
  );
}
