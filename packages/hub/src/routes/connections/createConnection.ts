import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  connectionFromRow,
  createConnection as create,
  syncPullSchedule,
} from "../../gateway/connections.js";
import { connectionCreateSchema, connectionSchema, GATEWAY_ADMINS } from "../../gateway/schemas.js";
import { writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function createConnection(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/connections",
    {
      schema: {
        tags: ["connections"],
        summary:
          "Connect a lead source: config validated by its connector, secrets encrypted and never returned; pull connections are scheduled",
        body: connectionCreateSchema,
        response: { 201: connectionSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, GATEWAY_ADMINS);
      const { crypto, queue } = app.hub;
      const row = await inTenant(request, (tx, actor) =>
        create(tx, actor, request.id, crypto, request.body),
      );
      await syncPullSchedule(queue, row, crypto);
      return reply.status(201).send(connectionFromRow(row));
    },
  );
}
