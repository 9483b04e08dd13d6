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
import { readJsonBody } from "../json.js";
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
  const parsed = leadgenNotificationSchema.safeParse(json);
  if (!parsed.success) {
    throw new PermanentConnectorError(
      `Meta notification has an unexpected shape: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join(".") || "body"} ${issue.message}`)
        .join("; ")}`,
      { code: "malformed_payload" },
    );
  }
  const { object, entry } = parsed.data;
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
      const value = leadgenValueSchema.safeParse(change.value);
      if (!value.success) {
        warnings.push(`${where}: leadgen value without a usable leadgen_id; skipped`);
        return;
      }
      const { leadgen_id, page_id, form_id, ad_id, adgroup_id, created_time } = value.data;
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
