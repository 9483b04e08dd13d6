import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { idempotencyKeys } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { canonicalJson, type FieldCrypto, sha256Hex } from "../lib/crypto.js";
import { actorOf, inTenant } from "../services.js";

/** How long a key and its stored response are kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const MAX_KEY_LENGTH = 255;

interface PendingIdempotency {
  key: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * `"in-transaction"`: the route claims and completes its `Idempotency-Key` itself, inside
     * the transaction that does its work (`claimIdempotency` / `completeIdempotency`), so the
     * key and the effect commit together; the hooks here only check the header.
     * `"by-content"`: the route's effect is idempotent by what it receives (a file import's
     * rows are keyed by file and row), and its body is a stream that is not hashed; the header
     * is checked and otherwise not used.
     */
    idempotency?: "in-transaction" | "by-content";
  }
}

/** A request's `Idempotency-Key`, for a route that claims it in its own transaction. */
export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
}

/** What a claimed key means for its request. */
export type ClaimOutcome =
  | { kind: "claimed" }
  | { kind: "replay"; statusCode: number; body: string }
  | { kind: "refused"; error: HubError };

const pending = new WeakMap<FastifyRequest, PendingIdempotency>();
const inline = new WeakMap<FastifyRequest, IdempotencyClaim>();

/** The key an `"in-transaction"` route must claim, if the request sent one. */
export function idempotencyClaimOf(request: FastifyRequest): IdempotencyClaim | undefined {
  return inline.get(request);
}

const expired = sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;

/**
 * Claims keys in the caller's transaction: a key seen for the first time (or expired) is taken
 * for its request; a key already taken answers with what the first request answered, or refuses
 * the request when it differs from the first or the first is still running. Several claims cost
 * three statements, whatever their number.
 */
export async function claimIdempotency(
  tx: Tx,
  crypto: FieldCrypto,
  tenantId: string,
  claims: IdempotencyClaim[],
): Promise<ClaimOutcome[]> {
  if (claims.length === 0) return [];
  const keyed = (c: { apiKeyId: string; key: string }) => `${c.apiKeyId}\u0000${c.key}`;
  const ofClaims = and(
    eq(idempotencyKeys.tenantId, tenantId),
    inArray(idempotencyKeys.apiKeyId, [...new Set(claims.map((c) => c.apiKeyId))]),
    inArray(idempotencyKeys.key, [...new Set(claims.map((c) => c.key))]),
  );
  await tx.delete(idempotencyKeys).where(and(ofClaims, lt(idempotencyKeys.createdAt, expired)));
  const inserted = await tx
    .insert(idempotencyKeys)
    .values(
      claims.map((c) => ({
        tenantId,
        apiKeyId: c.apiKeyId,
        key: c.key,
        requestHash: c.requestHash,
        method: c.method,
        path: c.path,
      })),
    )
    .onConflictDoNothing()
    .returning({ apiKeyId: idempotencyKeys.apiKeyId, key: idempotencyKeys.key });
  const taken = new Set(inserted.map(keyed));
  const first = new Set<string>();
  const claimed = claims.map((c) => {
    const k = keyed(c);
    // The first claim of a key in this call took it; a second one in the same call is a retry
    // of a request that is still running.
    const mine = taken.has(k) && !first.has(k);
    first.add(k);
    return mine;
  });
  if (claimed.every(Boolean)) return claims.map(() => ({ kind: "claimed" }));
  const rows = await tx.select().from(idempotencyKeys).where(ofClaims);
  const found = new Map(rows.map((r) => [keyed(r), r]));
  return claims.map((c, i): ClaimOutcome => {
    if (claimed[i]) return { kind: "claimed" };
    const row = found.get(keyed(c));
    return row ? decide(crypto, row, c.requestHash) : { kind: "claimed" };
  });
}

/** Stores what each claimed request answered, in the same transaction as its work. */
export async function completeIdempotency(
  tx: Tx,
  crypto: FieldCrypto,
  tenantId: string,
  done: { claim: IdempotencyClaim; statusCode: number; body: string }[],
): Promise<void> {
  if (done.length === 0) return;
  const completedAt = new Date();
  const rows = done.map((d) => ({
    api_key_id: d.claim.apiKeyId,
    key: d.claim.key,
    status_code: d.statusCode,
    response_body: { ciphertext: crypto.encrypt(d.body) },
  }));
  await tx.execute(sql`
    UPDATE idempotency_keys AS k
       SET status_code = d.status_code, response_body = d.response_body, completed_at = ${completedAt}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           AS d(api_key_id text, key text, status_code int, response_body jsonb)
     WHERE k.tenant_id = ${tenantId} AND k.api_key_id = d.api_key_id AND k.key = d.key`);
}

function decide(
  crypto: FieldCrypto,
  found: typeof idempotencyKeys.$inferSelect,
  requestHash: string,
): ClaimOutcome {
  if (found.requestHash !== requestHash) {
    return {
      kind: "refused",
      error: new HubError(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request; use a new key",
      ),
    };
  }
  if (found.statusCode === null || found.completedAt === null) {
    return {
      kind: "refused",
      error: new HubError(
        "idempotency_request_in_progress",
        "A request with this Idempotency-Key is still running; retry shortly",
      ),
    };
  }
  const stored = found.responseBody as { ciphertext?: string } | null;
  return {
    kind: "replay",
    statusCode: found.statusCode,
    body: stored?.ciphertext ? crypto.decrypt(stored.ciphertext) : "",
  };
}

/** Sends a stored answer again, marked as a replay. */
export function sendReplay(reply: FastifyReply, replay: { statusCode: number; body: string }) {
  return reply
    .status(replay.statusCode)
    .header("idempotent-replayed", "true")
    .type("application/json; charset=utf-8")
    .send(replay.body);
}

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
    if (request.routeOptions.config?.idempotency === "by-content") return;
    const actor = actorOf(request);
    const claim: IdempotencyClaim = {
      apiKeyId: actor.apiKeyId,
      key,
      requestHash: sha256Hex(
        `${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`,
      ),
      method: request.method,
      path: request.routeOptions.url ?? request.url,
    };
    if (request.routeOptions.config?.idempotency === "in-transaction") {
      inline.set(request, claim);
      return;
    }
    const [outcome] = await inTenant(request, (tx) =>
      claimIdempotency(tx, app.hub.crypto, actor.tenantId, [claim]),
    );
    if (outcome!.kind === "claimed") {
      pending.set(request, { key });
      return;
    }
    if (outcome!.kind === "refused") throw outcome!.error;
    return sendReplay(reply, outcome!);
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
