import { ValidationError, WebhookVerificationError } from "../errors.js";
import { toEpochMs } from "../primitives/time.js";
import { parseInput } from "../validate.js";
import { decodeBase64, encodeBase64 } from "./base64.js";
import { type WebhookEvent, webhookEventSchema } from "./events.js";

/*
 * Standard Webhooks (https://www.standardwebhooks.com), on Web Crypto so it runs in Node ≥ 20,
 * browsers, edge functions and workers alike:
 *
 *   signed content   "{webhook-id}.{webhook-timestamp}.{raw body}"   (UTF-8; the body's own bytes)
 *   signature        base64(HMAC-SHA256(key, signed content))
 *   header           webhook-signature: v1,<signature> [v1,<signature> …]
 *   secret           whsec_<base64 of the key bytes>
 *
 * During a secret rotation the sender signs with the old and the new secret and sends both
 * signatures; a receiver holding either secret accepts. Signatures are compared in constant time.
 */

/** How far a delivery's timestamp may be from the receiver's clock: five minutes either way. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
const SECRET_PREFIX = "whsec_";
const encoder = new TextEncoder();

/** Headers as a `Headers` object (fetch, edge) or a plain record (Node's `IncomingHttpHeaders`). */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** Allowed clock difference, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock: an ISO string, a `Date` or epoch milliseconds (default: now). */
  now?: string | number | Date;
}

export interface VerifiedWebhook {
  /** `webhook-id`: the same on every retry of a delivery; keep it to drop duplicates. */
  id: string;
  /** `webhook-timestamp`, in Unix seconds. */
  timestamp: number;
  /** The body as UTF-8 text. */
  body: string;
}

/** Unix seconds of an instant given as an ISO string, a `Date` or epoch milliseconds. */
function unixSeconds(value: string | number | Date, path: string): number {
  let ms: number;
  try {
    ms = toEpochMs(value);
  } catch {
    throw new ValidationError(`Invalid webhook options: ${path} is not a valid instant`, [
      { path, message: "must be an ISO 8601 instant, a Date or epoch milliseconds" },
    ]);
  }
  return Math.floor(ms / 1000);
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    // Node joins repeated headers into an array; a repeated signature header adds signatures.
    return typeof value === "string" ? value : value?.join(" ");
  }
  return undefined;
}

/** The key bytes of a `whsec_…` secret (the prefix may be left off). */
function secretKey(secret: string): Uint8Array<ArrayBuffer> {
  const text =
    typeof secret === "string" && secret.startsWith(SECRET_PREFIX)
      ? secret.slice(SECRET_PREFIX.length)
      : secret;
  const bytes = typeof text === "string" ? decodeBase64(text) : undefined;
  if (!bytes || bytes.length === 0) {
    // Never echo the secret itself.
    throw new ValidationError("Invalid webhook secret: expected whsec_ followed by base64", [
      { path: "secret", message: "must be whsec_ followed by base64 key bytes" },
    ]);
  }
  return bytes;
}

function secretList(secrets: string | readonly string[]): Uint8Array<ArrayBuffer>[] {
  const list = typeof secrets === "string" ? [secrets] : [...secrets];
  if (list.length === 0) {
    throw new ValidationError("Invalid webhook secret: at least one secret is needed", [
      { path: "secret", message: "must not be an empty list" },
    ]);
  }
  return list.map(secretKey);
}

function signedContent(
  id: string,
  timestamp: number,
  body: string | Uint8Array,
): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const payload = typeof body === "string" ? encoder.encode(body) : body;
  const content = new Uint8Array(prefix.length + payload.length);
  content.set(prefix, 0);
  content.set(payload, prefix.length);
  return content;
}

async function hmac(
  key: Uint8Array<ArrayBuffer>,
  content: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    "raw",
    key,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", cryptoKey, content));
}

/** Equal bytes, in time that depends only on the lengths. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** A fresh secret to give an endpoint: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return SECRET_PREFIX + encodeBase64(bytes);
}

export interface SignWebhookInput {
  /** The message id (`webhook-id`): keep it the same on every retry of a delivery. */
  id: string;
  /** The exact body that will be sent. */
  body: string | Uint8Array;
  /** One secret, or the old and the new one while rotating (both signatures are sent). */
  secret: string | readonly string[];
  /** When the delivery is sent: an ISO string, a `Date` or epoch milliseconds (default: now). */
  at?: string | number | Date;
}

/** A type alias rather than an interface, so it passes where a header record is expected. */
export type WebhookSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** The three Standard Webhooks headers for an outbound delivery. */
export async function signWebhook(input: SignWebhookInput): Promise<WebhookSignatureHeaders> {
  if (typeof input.id !== "string" || input.id.length === 0 || /\s/.test(input.id)) {
    throw new ValidationError("Invalid webhook: id must be a non-empty string without spaces", [
      { path: "id", message: "must be a non-empty string without spaces" },
    ]);
  }
  const keys = secretList(input.secret);
  const timestamp = unixSeconds(input.at ?? Date.now(), "at");
  const content = signedContent(input.id, timestamp, input.body);
  const signatures = await Promise.all(
    keys.map(async (key) => `v1,${encodeBase64(await hmac(key, content))}`),
  );
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signatures.join(" "),
  };
}

/**
 * Checks a delivery's headers and signature against the raw body, without reading the body:
 * for receivers that parse the payload themselves. Throws `WebhookVerificationError` (with a
 * `reason`) when a header is missing, the timestamp is outside the tolerance or no signature
 * matches any of the secrets; `ValidationError` for a malformed secret (a configuration error).
 */
export async function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<VerifiedWebhook> {
  const keys = secretList(secret);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new ValidationError("Invalid webhook options: toleranceSeconds must be 0 or more", [
      { path: "toleranceSeconds", message: "must be a number of seconds, 0 or more" },
    ]);
  }
  const id = header(headers, "webhook-id");
  const stamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  const missing = [
    ["webhook-id", id],
    ["webhook-timestamp", stamp],
    ["webhook-signature", signatures],
  ].filter(([, value]) => !value);
  if (missing.length > 0) {
    const names = missing.map(([name]) => name).join(", ");
    throw new WebhookVerificationError(
      "missing_header",
      `Webhook refused: missing header ${names}`,
    );
  }
  if (!/^\d{1,12}$/.test(stamp!)) {
    throw new WebhookVerificationError(
      "invalid_timestamp",
      "Webhook refused: webhook-timestamp must be Unix seconds",
    );
  }
  const timestamp = Number(stamp);
  const now = unixSeconds(options.now ?? Date.now(), "now");
  if (timestamp < now - tolerance) {
    throw new WebhookVerificationError(
      "timestamp_too_old",
      `Webhook refused: timestamp is ${now - timestamp} s old, more than the ${tolerance} s allowed (a replay, or a clock out of sync)`,
    );
  }
  if (timestamp > now + tolerance) {
    throw new WebhookVerificationError(
      "timestamp_in_future",
      `Webhook refused: timestamp is ${timestamp - now} s ahead of this clock, more than the ${tolerance} s allowed`,
    );
  }

  const candidates = signatures!
    .split(" ")
    .filter((entry) => entry.startsWith("v1,"))
    .map((entry) => decodeBase64(entry.slice(3)))
    .filter((bytes) => bytes !== undefined);
  const content = signedContent(id!, timestamp, rawBody);
  const expected = await Promise.all(keys.map((key) => hmac(key, content)));
  // Every comparison runs, so the time taken does not tell which secret or signature matched.
  let matched = false;
  for (const mac of expected)
    for (const candidate of candidates) matched = constantTimeEqual(mac, candidate) || matched;
  if (!matched) {
    throw new WebhookVerificationError(
      "no_matching_signature",
      candidates.length === 0
        ? "Webhook refused: no v1 signature in webhook-signature"
        : "Webhook refused: no signature matches the secret (a wrong secret, or a body changed in transit: verify the raw bytes, before any JSON parsing)",
    );
  }
  const body = typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody);
  return { id: id!, timestamp, body };
}

/**
 * Verifies a delivery (as `verifyWebhookSignature`) and returns its event, typed by `type`.
 * A verified body that is not one of the known events throws `ValidationError`: the sender is
 * genuine, so a receiver may answer 2xx to ignore event types it does not handle yet.
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const { body } = await verifyWebhookSignature(rawBody, headers, secret, options);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ValidationError("Invalid webhook event: the body is not JSON", [
      { path: "", message: "must be a JSON object" },
    ]);
  }
  return parseInput(webhookEventSchema, json, "webhook event");
}
