import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { inbox } from "../../db/schema.js";
import { HubError, notFound } from "../../errors.js";
import { enqueueProcessing } from "../../gateway/inbox.js";
import { inboxEntryFromRow } from "../../gateway/inboxView.js";
import { GATEWAY_ADMINS, INBOX_ID, inboxEntrySchema } from "../../gateway/schemas.js";
import { recordAudit } from "../../lib/audit.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { inTenant, requireRole } from "../../services.js";

export function replayInboxEntry(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/v1/inbox/:id/replay",
    {
      schema: {
        tags: ["connections"],
        summary:
          "Process a dead letter (or an event kept apart as a test) again, from its stored bytes; a lead it already made is not made twice",
        params: idParams(z.string().regex(INBOX_ID)),
        response: { 202: inboxEntrySchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      requireRole(request, GATEWAY_ADMINS);
      const row = await inTenant(request, async (tx, actor) => {
        const [current] = await tx
          .select()
          .from(inbox)
          .where(and(eq(inbox.tenantId, actor.tenantId), eq(inbox.id, request.params.id)))
          .for("update");
        if (!current) throw notFound("inbox entry", request.params.id);
        if (current.status !== "dead" && current.status !== "ignored_test") {
          throw new HubError(
            "inbox_not_replayable",
            `The entry is ${current.status}; only dead or test entries are replayed`,
            { status: current.status },
          );
        }
        const [updated] = await tx
          .update(inbox)
          .set({
            status: "received",
            attempts: 0,
            waits: 0,
            run: sql`${inbox.run} + 1`,
            nextAttemptAt: null,
            processedAt: null,
            updatedAt: new Date(),
            // A test event replayed is processed as a real one.
            ...(current.status === "ignored_test" &&
              current.event && { event: { ...current.event, isTest: false } }),
          })
          .where(and(eq(inbox.tenantId, actor.tenantId), eq(inbox.id, current.id)))
          .returning();
        await recordAudit(tx, actor, request.id, {
          action: "inbox.replayed",
          entityType: "inbox",
          entityId: current.id,
          before: { status: current.status },
        });
        return updated!;
      });
      await enqueueProcessing(app.hub.queue, [row]);
      return reply.status(202).send(inboxEntryFromRow(row));
    },
  );
}
