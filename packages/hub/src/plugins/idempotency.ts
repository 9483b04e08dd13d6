import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { idempotencyKeys } from "../db/schema.js";
import { HubError } from "../errors.js";
import { canonicalJson, sha256Hex } from "../lib/crypto.js";
import { actorOf, inTenant } from "../services.js";

/** How long a key and its stored response are kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const MAX_KEY_LENGTH = 255;

interface PendingIdempotency {
  key: string;
}

const pending = new WeakMap<FastifyRequest, PendingIdempotency>();

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its response (status and
 * body, the body encrypted like other personal data) is kept for 24 hours; a retry with the same
 * key and the same body gets that response again without running twice; the same key with a
 * different body or route is refused (`idempotency_key_reused`), and one that arrives while the
 * first is still running gets `idempotency_request_in_progress`. Keys are per API key.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "POST") return;
    const header = request.headers["idempotency-key"];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > MAX_KEY_LENGTH) {
      throw new HubError(
        "idempotency_key_invalid",
        `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters`,
      );
    }
    const actor = actorOf(request);
    const path = request.routeOptions.url ?? request.url;
    const requestHash = sha256Hex(
      `${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`,
    );
    const found = await inTenant(request, async (tx) => {
      const where = and(
        eq(idempotencyKeys.tenantId, actor.tenantId),
        eq(idempotencyKeys.apiKeyId, actor.apiKeyId),
        eq(idempotencyKeys.key, key),
      );
      await tx
        .delete(idempotencyKeys)
        .where(
          and(
            where,
            lt(
              idempotencyKeys.createdAt,
              sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
            ),
          ),
        );
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({
          tenantId: actor.tenantId,
          apiKeyId: actor.apiKeyId,
          key,
          requestHash,
          method: request.method,
          path,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return undefined;
      const rows = await tx.select().from(idempotencyKeys).where(where).limit(1);
      return rows[0];
    });
    if (!found) {
      pending.set(request, { key });
      return;
    }
    if (found.requestHash !== requestHash) {
      throw new HubError(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request; use a new key",
      );
    }
    if (found.statusCode === null || found.completedAt === null) {
      throw new HubError(
        "idempotency_request_in_progress",
        "A request with this Idempotency-Key is still running; retry shortly",
      );
    }
    const stored = found.responseBody as { ciphertext?: string } | null;
    const body = stored?.ciphertext ? app.hub.crypto.decrypt(stored.ciphertext) : "";
    return reply
      .status(found.statusCode)
      .header("idempotent-replayed", "true")
      .type("application/json; charset=utf-8")
      .send(body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const entry = pending.get(request);
    if (!entry) return payload;
    pending.delete(request);
    const actor = actorOf(request);
    const where = and(
      eq(idempotencyKeys.tenantId, actor.tenantId),
      eq(idempotencyKeys.apiKeyId, actor.apiKeyId),
      eq(idempotencyKeys.key, entry.key),
    );
    await inTenant(request, async (tx) => {
      if (reply.statusCode >= 500) {
        // The request did not finish; let the client retry with the same key.
        await tx.delete(idempotencyKeys).where(where);
        return;
      }
      const text = typeof payload === "string" ? payload : "";
      await tx
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          responseBody: { ciphertext: app.hub.crypto.encrypt(text) },
          completedAt: new Date(),
        })
        .where(where);
    });
    return payload;
  });
}
