import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";
import { enqueuePush, orderSyncView, replayOrderSync as replay } from "../../sync/push.js";
import { ORDER_SYNC_ID, orderSyncSchema, SYNC_READERS } from "../../sync/schemas.js";

export function replayOrderSync(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/order-syncs/:id/replay",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Push a dead order sync again: a new run with the same idempotency key (nothing is created twice)",
        params: idParams(z.string().regex(ORDER_SYNC_ID)),
        response: { 202: orderSyncSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, SYNC_READERS);
      const row = await inTenant(request, (tx, actor) =>
        replay(tx, actor, request.id, request.params.id),
      );
      // Should this enqueue be lost, the sync sweeper enqueues the row again.
      await enqueuePush(request.server.hub.queue, row).catch(() => {});
      return reply.status(202).send(orderSyncView(row));
    },
  );
}
