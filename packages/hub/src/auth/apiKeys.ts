import { randomBytes } from "node:crypto";
import { newId } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { apiKeys } from "../db/schema.js";
import { digestsEqual, sha256Hex } from "../lib/crypto.js";
import type { Actor, ApiKeyRole } from "./roles.js";

export const API_KEY_PREFIX = "fc_";
const KEY_PATTERN = /^fc_[A-Za-z0-9_-]{43}$/;

/**
 * A new API key: `fc_` and 32 random bytes. With that much entropy a plain SHA-256 is a safe
 * way to store it (no salt or slow hash needed: there is nothing to guess). The key itself is
 * returned once, to be shown to the person who asked for it, and never stored.
 */
export function generateApiKey(): { key: string; hash: string; hint: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, hash: sha256Hex(key), hint: key.slice(0, 10) };
}

export interface CreateApiKeyInput {
  tenantId: string;
  name: string;
  role: ApiKeyRole;
  storeId?: string | undefined;
  salespersonId?: string | undefined;
}

/** Inserts a key (in whatever transaction `db` is) and returns its id and the one-time secret. */
export async function insertApiKey(
  db: Pick<Db, "insert">,
  input: CreateApiKeyInput,
): Promise<{ id: string; key: string }> {
  const { key, hash, hint } = generateApiKey();
  const id = newId("apiKey");
  await db.insert(apiKeys).values({
    id,
    tenantId: input.tenantId,
    name: input.name,
    keyHash: hash,
    keyHint: hint,
    role: input.role,
    storeId: input.storeId ?? null,
    salespersonId: input.salespersonId ?? null,
  });
  return { id, key };
}

/**
 * How long a process trusts a key it has looked up. A key revoked by this process (`revokeKey`)
 * stops working at once; one revoked elsewhere — the `forecourt key revoke` command, another hub
 * process — within this time. Without it every request costs a database round trip before its
 * own work starts.
 */
export const API_KEY_MEMO_MS = 2_000;
const MEMO_LIMIT = 10_000;

/** Actors by key digest, per database handle; only keys that were found and not revoked. */
const memos = new WeakMap<Db, Map<string, { actor: Actor; until: number }>>();

/** Forgets what this process remembers of a key (it was just revoked). */
export function forgetApiKey(db: Db, apiKeyId: string): void {
  const memo = memos.get(db);
  if (!memo) return;
  for (const [hash, entry] of memo) if (entry.actor.apiKeyId === apiKeyId) memo.delete(hash);
}

/**
 * Finds the actor behind a presented key. Runs as the database owner, outside any tenant: the
 * key is what tells us the tenant. The lookup is by hash, so the comparison is of digests, never
 * of the secret; the unique index makes it one probe whatever the key. A key found is remembered
 * for `API_KEY_MEMO_MS`; unknown and revoked keys are looked up every time (they cannot fill
 * the memo).
 */
export async function authenticateApiKey(db: Db, presented: string): Promise<Actor | undefined> {
  if (!KEY_PATTERN.test(presented)) return undefined;
  const hash = sha256Hex(presented);
  let memo = memos.get(db);
  if (!memo) {
    memo = new Map();
    memos.set(db, memo);
  }
  const now = Date.now();
  const hit = memo.get(hash);
  if (hit && hit.until > now) return hit.actor;
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash)).limit(1);
  const row = rows[0];
  if (!row || !digestsEqual(row.keyHash, hash) || row.revokedAt) {
    memo.delete(hash);
    return undefined;
  }
  const actor: Actor = {
    tenantId: row.tenantId,
    apiKeyId: row.id,
    role: row.role as ApiKeyRole,
    storeId: row.storeId ?? undefined,
    salespersonId: row.salespersonId ?? undefined,
  };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(hash, { actor, until: now + API_KEY_MEMO_MS });
  return actor;
}
