import { sha256Hex, timingSafeEqual } from "../crypto.js";
import type {
  InboundRequestInfo,
  ParseResult,
  VerifyResult,
  WebhookOutcome,
  WebhookResponse,
} from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type HeadersInput, mediaType } from "../headers.js";
import { canonicalJson, readJsonBody } from "../json.js";
import { TOP_SIGN_METHODS, type TopSignMethod, topSignature } from "../param-signing.js";
import { describeIssues } from "../shape.js";
import { checkFreshness, parseVendorTime } from "../vendor-time.js";
import { TMALL_LEADS_METHOD, type TmallCarConfig } from "./config.js";
import { mapTmallLead } from "./mapping.js";
import { type ParsedTmallLead, type TmallAck, tmallLeadSchema } from "./types.js";

const decoder = new TextDecoder("utf-8", { fatal: true });
const FORM = "application/x-www-form-urlencoded";

/** What a Qimen request carries: its system parameters, and the body as it was signed. */
interface QimenRequest {
  params: URLSearchParams;
  /** The body text that is part of the signature ("" for form posts: their fields are params). */
  signedBody: string;
  /** A form post's own fields. */
  form: URLSearchParams | undefined;
}

/** Qimen's system parameters, which are not part of the lead. */
const SYSTEM_PARAMS = new Set([
  "method",
  "app_key",
  "target_app_key",
  "timestamp",
  "v",
  "format",
  "sign_method",
  "sign",
  "session",
  "partner_id",
  "simplify",
  "customerId",
]);

function readQimenRequest(
  rawBody: Uint8Array,
  headers: HeadersInput,
  url: string,
): QimenRequest | undefined {
  let params: URLSearchParams;
  let text: string;
  try {
    params = new URL(url, "http://hub.invalid").searchParams;
    text = decoder.decode(rawBody);
  } catch {
    return undefined;
  }
  if (mediaType(headers) === FORM) {
    const form = new URLSearchParams(text);
    const merged = new URLSearchParams(params);
    form.forEach((value, key) => {
      merged.append(key, value);
    });
    return { params: merged, signedBody: "", form };
  }
  return { params, signedBody: text, form: undefined };
}

/**
 * Qimen's checks, in the Taobao Open Platform scheme: `app_key` is the connection's, `sign` is the
 * upper-case hex signature of the sorted parameters and the body by `sign_method` (md5, hmac,
 * hmac-sha256) with the app secret (or the one being rotated out), constant time; then the
 * signed `timestamp` must be within the tolerance of when the request arrived.
 */
export async function verifyQimenRequest(
  rawBody: Uint8Array,
  headers: HeadersInput,
  config: TmallCarConfig,
  request: Pick<InboundRequestInfo, "url" | "receivedAt">,
): Promise<VerifyResult> {
  const qimen = readQimenRequest(rawBody, headers, request.url);
  if (qimen === undefined) {
    return { ok: false, reason: "body is not UTF-8, so its signature cannot be checked" };
  }
  const { params } = qimen;
  const presented = params.get("sign")?.trim();
  if (!presented) return { ok: false, reason: "missing sign parameter" };
  const method = (params.get("sign_method") ?? "md5").toLowerCase() as TopSignMethod;
  if (!TOP_SIGN_METHODS.includes(method) || !config.signMethods.includes(method)) {
    return { ok: false, reason: `sign_method "${method.slice(0, 20)}" is not accepted` };
  }
  if (params.get("app_key") !== config.appKey) {
    return { ok: false, reason: "app_key is not this connection's app" };
  }
  if (config.customerId !== undefined && params.get("customerId") !== config.customerId) {
    return { ok: false, reason: "customerId is not this connection's" };
  }
  const given = presented.toUpperCase();
  const current = timingSafeEqual(
    given,
    await topSignature(method, config.appSecret, params, qimen.signedBody),
  );
  const previous =
    config.previousAppSecret !== undefined &&
    timingSafeEqual(
      given,
      await topSignature(method, config.previousAppSecret, params, qimen.signedBody),
    );
  if (!current && !previous) return { ok: false, reason: "sign does not match the request" };
  return checkFreshness(
    parseVendorTime(params.get("timestamp"), config.timeZone),
    request.receivedAt,
    config.timestampToleranceMs,
    "Qimen timestamp",
  );
}

function malformed(message: string): PermanentConnectorError {
  return new PermanentConnectorError(message, { code: "malformed_payload" });
}

/** The lead object, from a JSON body (bare or inside one wrapper object) or a form post. */
function readLead(rawBody: Uint8Array, qimen: QimenRequest): ParsedTmallLead {
  let content: unknown;
  if (qimen.form) {
    const fields: Record<string, string> = {};
    qimen.form.forEach((value, key) => {
      if (!SYSTEM_PARAMS.has(key)) fields[key] = value;
    });
    content = fields;
  } else {
    content = readJsonBody(rawBody, "Tmall Car lead");
    // Some Qimen gateways wrap the content in one object (`{ "request": { … } }`).
    if (typeof content === "object" && content !== null && !("mobile" in content)) {
      const values = Object.values(content);
      if (values.length === 1 && typeof values[0] === "object" && values[0] !== null) {
        content = values[0];
      }
    }
  }
  const parsed = tmallLeadSchema.safeParse(content);
  if (!parsed.success) {
    throw malformed(`Tmall Car lead has an unexpected shape: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The sender's id, or one made from the lead's content, so a redelivery is recognised. */
async function leadExternalId(lead: ParsedTmallLead): Promise<string> {
  if (lead.lead_id?.trim()) return lead.lead_id.trim();
  return `sha256:${await sha256Hex(canonicalJson(lead))}`;
}

/**
 * One lead event per request. The method must be `qimen.tmall.car.leads.synchronize` and the
 * body JSON (`format=json`) or a form post; a lead without `mobile` cannot be worked and is a
 * dead letter; a missing `name` or store is a warning.
 */
export async function parseTmallLeadRequest(
  rawBody: Uint8Array,
  headers: HeadersInput,
  config: TmallCarConfig,
  request: Pick<InboundRequestInfo, "url">,
): Promise<ParseResult> {
  const qimen = readQimenRequest(rawBody, headers, request.url);
  if (qimen === undefined) throw malformed("Tmall Car lead is not valid UTF-8");
  const method = qimen.params.get("method");
  if (method !== TMALL_LEADS_METHOD) {
    throw new PermanentConnectorError(
      `Qimen method "${(method ?? "").slice(0, 60)}" is not ${TMALL_LEADS_METHOD}`,
      { code: "unsupported_method" },
    );
  }
  const format = (qimen.params.get("format") ?? "").toLowerCase();
  if (format === "xml" || /xml/.test(mediaType(headers) ?? "")) {
    throw malformed("Qimen format=xml is not supported: ask the partner to send format=json");
  }
  const lead = readLead(rawBody, qimen);
  if (!lead.mobile?.trim()) throw malformed("Tmall Car lead has no mobile (required)");
  const warnings: string[] = [];
  if (!lead.name?.trim()) warnings.push("name is missing (required by Tmall's spec)");
  if (!lead.attr?.store_id?.trim()) warnings.push("attr.store_id is missing (required)");
  if (!lead.attr?.store_code?.trim()) warnings.push("attr.store_code is missing (required)");
  const externalId = await leadExternalId(lead);
  return {
    events: [{ kind: "lead", externalId, lead: mapTmallLead(lead, config, externalId) }],
    ...(warnings.length > 0 && { warnings }),
  };
}

/** `msgCode` values of the answer; Tmall's expected codes are to be confirmed with the partner. */
export const TMALL_ACK_CODES = {
  accepted: "200",
  unauthorized: "INVALID_SIGNATURE",
  dead_letter: "INVALID_DATA",
  failed: "SYSTEM_ERROR",
} as const;

/** The `{ success, msgCode, msgDesc }` answer Qimen reads, with the hub's status. */
export function tmallAck(outcome: WebhookOutcome): WebhookResponse {
  const ack: TmallAck =
    outcome.kind === "accepted"
      ? { success: true, msgCode: TMALL_ACK_CODES.accepted, msgDesc: "success" }
      : {
          success: false,
          msgCode: TMALL_ACK_CODES[outcome.kind],
          msgDesc: (outcome.kind === "unauthorized" ? outcome.reason : outcome.message).slice(
            0,
            200,
          ),
        };
  return {
    status: outcome.status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(ack),
  };
}
