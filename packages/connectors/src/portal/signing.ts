import { verifyBearerToken } from "../bearer.js";
import { bytesConcat, fromBase64, fromHex, hmacSha256, timingSafeEqual } from "../crypto.js";
import type { InboundRequestInfo, VerifyResult } from "../define.js";
import { type HeadersInput, headerValue, mediaType } from "../headers.js";
import { sortedParamsSignature } from "../param-signing.js";
import { checkFreshness, parseVendorTime } from "../vendor-time.js";
import type { PortalConfig } from "./config.js";

/**
 * The three signing schemes of the portal connector, both ways: `verifyPortalPush` checks a
 * pushed request, `signPortalPull` signs the parameters of an outbound pull.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const FORM = "application/x-www-form-urlencoded";

type HmacSigning = Extract<PortalConfig["signing"], { scheme: "hmac_sha256" }>;
type Md5Signing = Extract<PortalConfig["signing"], { scheme: "md5_sorted" }>;

async function verifyHmac(
  rawBody: Uint8Array,
  headers: HeadersInput,
  signing: HmacSigning,
  config: PortalConfig,
  receivedAt: number,
): Promise<VerifyResult> {
  const header = headerValue(headers, signing.header)?.trim();
  if (!header) return { ok: false, reason: `missing ${signing.header} header` };
  const text = header.startsWith(signing.prefix) ? header.slice(signing.prefix.length) : "";
  const presented = signing.encoding === "hex" ? fromHex(text) : fromBase64(text);
  if (presented === undefined || presented.length !== 32) {
    return { ok: false, reason: `malformed ${signing.header} header` };
  }
  let timestamp: string | undefined;
  if (signing.timestampHeader !== undefined) {
    timestamp = headerValue(headers, signing.timestampHeader)?.trim();
    if (!timestamp) return { ok: false, reason: `missing ${signing.timestampHeader} header` };
  }
  const content =
    timestamp === undefined
      ? rawBody
      : bytesConcat(encoder.encode(`${timestamp}${signing.separator}`), rawBody);
  const current = timingSafeEqual(presented, await hmacSha256(signing.secret, content));
  const previous =
    signing.previousSecret !== undefined &&
    timingSafeEqual(presented, await hmacSha256(signing.previousSecret, content));
  if (!current && !previous)
    return { ok: false, reason: `${signing.header} does not match the body` };
  return timestamp === undefined
    ? { ok: true }
    : checkFreshness(
        parseVendorTime(timestamp, config.timeZone),
        receivedAt,
        config.timestampToleranceMs,
      );
}

/** The parameters a pushed request signs: its query, and a form body's fields. */
function pushedParams(
  rawBody: Uint8Array,
  headers: HeadersInput,
  url: string,
): { params: URLSearchParams; body: string } | undefined {
  try {
    const params = new URL(url, "http://hub.invalid").searchParams;
    const text = decoder.decode(rawBody);
    if (mediaType(headers) !== FORM) return { params, body: text };
    const merged = new URLSearchParams(params);
    new URLSearchParams(text).forEach((value, key) => {
      merged.append(key, value);
    });
    return { params: merged, body: "" };
  } catch {
    return undefined;
  }
}

function md5Signature(signing: Md5Signing, secret: string, params: URLSearchParams, body: string) {
  return sortedParamsSignature(secret, params, body, {
    format: signing.format,
    secretPlacement: signing.secretPlacement,
    letterCase: signing.letterCase,
    exclude: [signing.signParam],
  });
}

function verifyMd5(
  rawBody: Uint8Array,
  headers: HeadersInput,
  signing: Md5Signing,
  config: PortalConfig,
  request: Pick<InboundRequestInfo, "url" | "receivedAt">,
): VerifyResult {
  const read = pushedParams(rawBody, headers, request.url);
  if (read === undefined)
    return { ok: false, reason: "body is not UTF-8, so it cannot be checked" };
  const { params, body } = read;
  const presented = params.get(signing.signParam)?.trim();
  if (!presented) return { ok: false, reason: `missing ${signing.signParam} parameter` };
  if (params.get(signing.appKeyParam) !== signing.appKey) {
    return { ok: false, reason: `${signing.appKeyParam} is not this connection's` };
  }
  const given = signing.letterCase === "upper" ? presented.toUpperCase() : presented.toLowerCase();
  const current = timingSafeEqual(given, md5Signature(signing, signing.appSecret, params, body));
  const previous =
    signing.previousAppSecret !== undefined &&
    timingSafeEqual(given, md5Signature(signing, signing.previousAppSecret, params, body));
  if (!current && !previous) {
    return { ok: false, reason: `${signing.signParam} does not match the request` };
  }
  return checkFreshness(
    parseVendorTime(params.get(signing.timestampParam), config.timeZone),
    request.receivedAt,
    config.timestampToleranceMs,
  );
}

/** Whether a pushed request comes from the portal, by the connection's scheme. */
export async function verifyPortalPush(
  rawBody: Uint8Array,
  headers: HeadersInput,
  config: PortalConfig,
  request: Pick<InboundRequestInfo, "url" | "receivedAt">,
): Promise<VerifyResult> {
  if (config.mode !== "push") {
    return { ok: false, reason: "this connection pulls from the portal; it accepts no pushes" };
  }
  const signing = config.signing;
  if (signing.scheme === "bearer") {
    return verifyBearerToken(headers, signing.token, signing.previousToken);
  }
  if (signing.scheme === "hmac_sha256") {
    return verifyHmac(rawBody, headers, signing, config, request.receivedAt);
  }
  return verifyMd5(rawBody, headers, signing, config, request);
}

/**
 * Signs an outbound pull: the bearer token as a header, or the app key, a timestamp and the MD5
 * signature added to the query parameters (GET, no body).
 */
export function signPortalPull(
  config: PortalConfig,
  params: URLSearchParams,
  now: number,
): { params: URLSearchParams; headers: Record<string, string> } {
  const signing = config.signing;
  if (signing.scheme === "bearer") {
    return { params, headers: { authorization: `Bearer ${signing.token}` } };
  }
  if (signing.scheme === "hmac_sha256") {
    // Refused by the config schema for pulls; kept total for the type checker.
    throw new TypeError("hmac_sha256 cannot sign a pull");
  }
  const signed = new URLSearchParams(params);
  signed.set(signing.appKeyParam, signing.appKey);
  signed.set(signing.timestampParam, String(Math.floor(now / 1000)));
  signed.set(signing.signParam, md5Signature(signing, signing.appSecret, signed, ""));
  return { params: signed, headers: {} };
}
