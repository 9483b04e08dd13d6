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
 * Finds the actor behind a presented key. Runs as the database owner, outside any tenant: the
 * key is what tells us the tenant. The lookup is by hash, so the comparison is of digests, never
 * of the secret; the unique index makes it one probe whatever the key.
 */
export async function authenticateApiKey(db: Db, presented: string): Promise<Actor | undefined> {
  if (!KEY_PATTERN.test(presented)) return undefined;
  const hash = sha256Hex(presented);
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash)).limit(1);
  const row = rows[0];
  if (!row || !digestsEqual(row.keyHash, hash) || row.revokedAt) return undefined;
  return {
    tenantId: row.tenantId,
    apiKeyId: row.id,
    role: row.role as ApiKeyRole,
    storeId: row.storeId ?? undefined,
    salespersonId: row.salespersonId ?? undefined,
  };
}
