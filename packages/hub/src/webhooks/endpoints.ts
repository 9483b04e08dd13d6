import { isIP } from "node:net";
import { ulid } from "@forecourt/sdk";
import { generateWebhookSecret } from "@forecourt/sdk/webhooks";
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import { webhookEndpoints } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import type { FieldCrypto } from "../lib/crypto.js";
import { type AddressPolicy, refusal } from "./addresses.js";
import type {
  WebhookEndpointCreate,
  WebhookEndpointPatch,
  WebhookEndpointResponse,
} from "./schemas.js";
import { WEBHOOK_SECRET_ROTATION_GRACE_MS } from "./settings.js";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** Hosts an `http://` endpoint may use when local HTTP is allowed (tests, local development). */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
export const MAX_ENDPOINT_URL_LENGTH = 2_048;

export const newEndpointId = () => `whep_${ulid()}`;
/** A delivery's id is its `webhook-id` header (`msg_…`, as Standard Webhooks senders name them). */
export const newDeliveryId = () => `msg_${ulid()}`;
export const newAttemptId = () => `wha_${ulid()}`;

/**
 * An endpoint URL must be `https://` without credentials in it; `http://` only to 127.0.0.1,
 * ::1 or localhost and only when `FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP=1`. A host given as an
 * address must be one the hub may deliver to (`addresses.ts`); a name is checked before each try.
 */
export function assertEndpointUrl(value: string, policy: AddressPolicy): string {
  const { allowLocalHttp } = policy;
  const refuse = (message: string) =>
    new HubError("webhook_url_invalid", `Invalid endpoint URL: ${message}`, {
      issues: [{ path: "url", message }],
    });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse("not an absolute URL");
  }
  if (url.username || url.password) {
    throw refuse("must not carry a user name or password (the signature authenticates us)");
  }
  if (url.protocol === "http:") {
    if (!allowLocalHttp || !LOCAL_HOSTS.has(url.hostname)) {
      throw refuse(
        allowLocalHttp
          ? "http:// is allowed only for 127.0.0.1, ::1 and localhost; use https://"
          : "must use https://",
      );
    }
  } else if (url.protocol !== "https:") {
    throw refuse("must use https://");
  }
  const literal = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(literal) !== 0) {
    const why = refusal(literal, policy);
    if (why) throw refuse(`the host ${why}`);
  }
  url.hash = "";
  const normalised = url.toString();
  if (normalised.length > MAX_ENDPOINT_URL_LENGTH) {
    throw refuse(`longer than ${MAX_ENDPOINT_URL_LENGTH} characters`);
  }
  return normalised;
}

/** Whether an event type is one an endpoint asked for: exact, `prefix.*`, or `*`. */
export function matchesEventTypes(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (p) => p === "*" || p === type || (p.endsWith(".*") && type.startsWith(p.slice(0, -1))),
  );
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The secrets that sign a delivery now: the current one, and the old one until it expires. */
export function signingSecrets(row: EndpointRow, crypto: FieldCrypto, now = Date.now()): string[] {
  const secrets = [crypto.decrypt(row.secretCiphertext)];
  if (
    row.previousSecretCiphertext &&
    row.previousSecretExpiresAt &&
    row.previousSecretExpiresAt.getTime() > now
  ) {
    secrets.push(crypto.decrypt(row.previousSecretCiphertext));
  }
  return secrets;
}

export function endpointResponse(row: EndpointRow, now = Date.now()): WebhookEndpointResponse {
  const rotating =
    row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() > now
      ? row.previousSecretExpiresAt
      : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    status: row.status,
    disabledReason: row.disabledReason,
    disabledAt: iso(row.disabledAt),
    previousSecretExpiresAt: iso(rotating),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Digest material for the audit log: never the secret. */
const auditView = (row: EndpointRow) => ({ ...endpointResponse(row), secret: undefined });

export async function loadEndpoint(tx: Tx, tenantId: string, id: string): Promise<EndpointRow> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.tenantId, tenantId),
        eq(webhookEndpoints.id, id),
        isNull(webhookEndpoints.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw notFound("webhook endpoint", id);
  return row;
}

export async function createEndpoint(
  tx: Tx,
  actor: Actor,
  requestId: string,
  crypto: FieldCrypto,
  policy: AddressPolicy,
  input: WebhookEndpointCreate,
): Promise<WebhookEndpointResponse & { secret: string }> {
  const secret = generateWebhookSecret();
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({
      id: newEndpointId(),
      tenantId: actor.tenantId,
      url: assertEndpointUrl(input.url, policy),
      description: input.description ?? null,
      eventTypes: [...new Set(input.eventTypes)],
      secretCiphertext: crypto.encrypt(secret),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(tx, actor, requestId, {
    action: "webhook_endpoint.created",
    entityType: "webhook_endpoint",
    entityId: row.id,
    after: auditView(row),
  });
  return { ...endpointResponse(row), secret };
}

function versionConflict(row: EndpointRow): HubError {
  return new HubError(
    "version_conflict",
    `webhook endpoint ${row.id} is at version ${row.version}; read it again and retry`,
    { version: row.version },
  );
}

export async function updateEndpoint(
  tx: Tx,
  actor: Actor,
  requestId: string,
  policy: AddressPolicy,
  id: string,
  patch: WebhookEndpointPatch,
): Promise<WebhookEndpointResponse> {
  const current = await loadEndpoint(tx, actor.tenantId, id);
  if (patch.version !== undefined && patch.version !== current.version) {
    throw versionConflict(current);
  }
  const changes: Partial<typeof webhookEndpoints.$inferInsert> = {};
  if (patch.url !== undefined) changes.url = assertEndpointUrl(patch.url, policy);
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.eventTypes !== undefined) changes.eventTypes = [...new Set(patch.eventTypes)];
  if (patch.status !== undefined && patch.status !== current.status) {
    changes.status = patch.status;
    changes.disabledReason = patch.status === "disabled" ? "disabled through the API" : null;
    changes.disabledAt = patch.status === "disabled" ? new Date() : null;
  }
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ ...changes, updatedAt: new Date(), version: current.version + 1 })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.version, current.version)))
    .returning();
  if (!row) throw versionConflict(current);
  await recordAudit(tx, actor, requestId, {
    action: "webhook_endpoint.updated",
    entityType: "webhook_endpoint",
    entityId: id,
    before: auditView(current),
    after: auditView(row),
  });
  return endpointResponse(row);
}

/** Deleting keeps the row (the delivery log points at it) but hides it and stops deliveries. */
export async function deleteEndpoint(
  tx: Tx,
  actor: Actor,
  requestId: string,
  id: string,
): Promise<void> {
  const current = await loadEndpoint(tx, actor.tenantId, id);
  const now = new Date();
  await tx
    .update(webhookEndpoints)
    .set({
      deletedAt: now,
      status: "disabled",
      disabledReason: "deleted",
      disabledAt: now,
      updatedAt: now,
      version: current.version + 1,
    })
    .where(eq(webhookEndpoints.id, id));
  await recordAudit(tx, actor, requestId, {
    action: "webhook_endpoint.deleted",
    entityType: "webhook_endpoint",
    entityId: id,
    before: auditView(current),
  });
}

/**
 * A new secret, returned once; the current one becomes the previous secret and keeps signing
 * (both signatures are sent) for 24 hours. Rotating again within the window drops the oldest.
 */
export async function rotateEndpointSecret(
  tx: Tx,
  actor: Actor,
  requestId: string,
  crypto: FieldCrypto,
  id: string,
): Promise<WebhookEndpointResponse & { secret: string }> {
  const current = await loadEndpoint(tx, actor.tenantId, id);
  const secret = generateWebhookSecret();
  const now = Date.now();
  const [row] = await tx
    .update(webhookEndpoints)
    .set({
      secretCiphertext: crypto.encrypt(secret),
      previousSecretCiphertext: current.secretCiphertext,
      previousSecretExpiresAt: new Date(now + WEBHOOK_SECRET_ROTATION_GRACE_MS),
      updatedAt: new Date(now),
      version: current.version + 1,
    })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  if (!row) throw new Error("update returned no row");
  await recordAudit(tx, actor, requestId, {
    action: "webhook_endpoint.secret_rotated",
    entityType: "webhook_endpoint",
    entityId: id,
    before: auditView(current),
    after: auditView(row),
  });
  return { ...endpointResponse(row, now), secret };
}
