import { fromHex, hmacSha256, timingSafeEqual } from "../crypto.js";
import type {
  HandshakeRequest,
  HandshakeResponse,
  ParseResult,
  SourceEvent,
  VerifyResult,
} from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type HeadersInput, headerValue } from "../headers.js";
import { exactIdOf, readJsonBody } from "../json.js";
import { describeIssues } from "../shape.js";
import type { MetaLeadAdsConfig } from "./config.js";
import { metaTimeToIso } from "./mapping.js";
import { leadgenNotificationSchema, leadgenValueSchema } from "./types.js";

/** What a `leadgen` reference is called in the inbox. */
export const META_LEADGEN_REFERENCE = "meta.leadgen";
export const META_SIGNATURE_HEADER = "x-hub-signature-256";

/** Meta's challenge is a number; anything else is not echoed back (no reflected content). */
const CHALLENGE = /^[A-Za-z0-9_-]{1,128}$/;

const text = (status: number, body: string): HandshakeResponse => ({
  status,
  headers: { "content-type": "text/plain; charset=utf-8" },
  body,
});

/**
 * Meta's subscription check: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
 * Answers the challenge when the token matches (constant time); 403 when it does not; leaves
 * anything without `hub.mode` to `verify`.
 */
export function metaHandshake(
  request: HandshakeRequest,
  config: Pick<MetaLeadAdsConfig, "verifyToken">,
): HandshakeResponse | undefined {
  // No query string, no hub.mode: every notification POST takes this way out, unparsed.
  if (!request.url.includes("?")) return undefined;
  let params: URLSearchParams;
  try {
    params = new URL(request.url, "http://hub.invalid").searchParams;
  } catch {
    return undefined;
  }
  const mode = params.get("hub.mode");
  if (mode === null) return undefined;
  if (mode !== "subscribe") return text(400, `unsupported hub.mode "${mode.slice(0, 40)}"`);
  const token = params.get("hub.verify_token") ?? "";
  if (!timingSafeEqual(token, config.verifyToken)) return text(403, "verify token does not match");
  const challenge = params.get("hub.challenge") ?? "";
  if (!CHALLENGE.test(challenge)) return text(400, "missing or malformed hub.challenge");
  return text(200, challenge);
}

/** `X-Hub-Signature-256: sha256=<hex>` against an HMAC-SHA256 of the exact bytes received. */
export async function verifyMetaSignature(
  rawBody: Uint8Array,
  headers: HeadersInput,
  config: Pick<MetaLeadAdsConfig, "appSecret">,
): Promise<VerifyResult> {
  const header = headerValue(headers, META_SIGNATURE_HEADER);
  if (header === undefined || header.trim() === "") {
    return { ok: false, reason: "missing X-Hub-Signature-256 header" };
  }
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  const presented = match ? fromHex(match[1]!) : undefined;
  if (presented === undefined) {
    return { ok: false, reason: "malformed X-Hub-Signature-256 header (expected sha256=<64 hex>)" };
  }
  const expected = await hmacSha256(config.appSecret, rawBody);
  return timingSafeEqual(presented, expected)
    ? { ok: true }
    : { ok: false, reason: "X-Hub-Signature-256 does not match the body" };
}

/**
 * One `reference` event per `leadgen` change, across every entry of the POST. The lead id comes
 * from the raw JSON text with all its digits. Changes of other fields, and (when the connection
 * names a page) changes for other pages, are skipped with a warning.
 */
export function parseMetaNotification(
  rawBody: Uint8Array,
  config: Pick<MetaLeadAdsConfig, "pageId">,
): ParseResult {
  const json = readJsonBody(rawBody, "Meta notification");
  const { object, entry } = readNotification(json) ?? checkedNotification(json);
  if (object !== "page") {
    throw new PermanentConnectorError(
      `Meta notification is for object "${object.slice(0, 40)}", not "page"`,
      { code: "malformed_payload" },
    );
  }
  const events: SourceEvent[] = [];
  const warnings: string[] = [];
  entry.forEach((item, e) => {
    item.changes.forEach((change, c) => {
      const where = `entry.${e}.changes.${c}`;
      if (change.field !== "leadgen") {
        warnings.push(`${where}: field "${change.field.slice(0, 40)}" is not leadgen; skipped`);
        return;
      }
      const value =
        readLeadgenValue(change.value) ?? leadgenValueSchema.safeParse(change.value).data;
      if (value === undefined) {
        warnings.push(`${where}: leadgen value without a usable leadgen_id; skipped`);
        return;
      }
      const { leadgen_id, page_id, form_id, ad_id, adgroup_id, created_time } = value;
      const pageId = page_id ?? item.id;
      if (config.pageId !== undefined && pageId !== undefined && pageId !== config.pageId) {
        warnings.push(
          `${where}: lead ${leadgen_id} is for page ${pageId}, not this connection's page; skipped`,
        );
        return;
      }
      const occurredAt = metaTimeToIso(created_time);
      events.push({
        kind: "reference",
        externalId: leadgen_id,
        reference: {
          type: META_LEADGEN_REFERENCE,
          id: leadgen_id,
          data: {
            ...(pageId !== undefined && { pageId }),
            ...(form_id !== undefined && { formId: form_id }),
            ...(ad_id !== undefined && { adId: ad_id }),
            ...(adgroup_id !== undefined && { adgroupId: adgroup_id }),
          },
        },
        ...(occurredAt !== undefined && { occurredAt }),
      });
    });
  });
  return { events, ...(warnings.length > 0 && { warnings }) };
}

type Notification = { object: string; entry: NotificationEntry[] };
type NotificationEntry = { id?: string; changes: { field: string; value?: unknown }[] };
type Value = {
  leadgen_id: string;
  page_id?: string;
  form_id?: string;
  ad_id?: string;
  adgroup_id?: string;
  created_time?: number;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The notification as `leadgenNotificationSchema` reads it, checked by hand — every delivery
 * takes this way, in about two thirds of the schemas' time — or `undefined` whenever the body is not plainly of that shape, for the schema to decide and word
 * the error (`checkedNotification`). It accepts nothing the schema refuses and reads every field
 * the same way (ids trimmed, numeric ids as decimal text, missing `changes` as none).
 */
function readNotification(json: unknown): Notification | undefined {
  if (!isRecord(json) || typeof json.object !== "string" || !Array.isArray(json.entry)) {
    return undefined;
  }
  const entry: NotificationEntry[] = [];
  for (const item of json.entry as unknown[]) {
    if (!isRecord(item)) return undefined;
    let id: string | undefined;
    if (item.id !== undefined) {
      id = exactIdOf(item.id);
      if (id === undefined) return undefined;
    }
    // The schema's numbers are finite (JSON reads 1e999 as Infinity).
    if (item.time !== undefined && !(typeof item.time === "number" && Number.isFinite(item.time))) {
      return undefined;
    }
    const changes: NotificationEntry["changes"] = [];
    if (item.changes !== undefined) {
      if (!Array.isArray(item.changes)) return undefined;
      for (const change of item.changes as unknown[]) {
        if (!isRecord(change) || typeof change.field !== "string") return undefined;
        changes.push({ field: change.field, value: change.value });
      }
    }
    entry.push(id === undefined ? { changes } : { id, changes });
  }
  return { object: json.object, entry };
}

/** The notification read by its schema; a body not of its shape is a permanent error. */
function checkedNotification(json: unknown): Notification {
  const parsed = leadgenNotificationSchema.safeParse(json);
  if (!parsed.success) {
    throw new PermanentConnectorError(
      `Meta notification has an unexpected shape: ${describeIssues(parsed.error)}`,
      { code: "malformed_payload" },
    );
  }
  return parsed.data;
}

/** A `leadgen` value as `leadgenValueSchema` reads it, or `undefined` for the schema to decide. */
function readLeadgenValue(value: unknown): Value | undefined {
  if (!isRecord(value)) return undefined;
  const leadgenId = exactIdOf(value.leadgen_id);
  if (leadgenId === undefined) return undefined;
  const out: Value = { leadgen_id: leadgenId };
  for (const key of ["page_id", "form_id", "ad_id", "adgroup_id"] as const) {
    if (value[key] === undefined) continue;
    const id = exactIdOf(value[key]);
    if (id === undefined) return undefined;
    out[key] = id;
  }
  if (value.created_time !== undefined) {
    const time = value.created_time;
    if (typeof time !== "number" || !Number.isFinite(time)) return undefined;
    out.created_time = time;
  }
  return out;
}
