import { hmacSha256, sha256Hex, toHex } from "../crypto.js";

/**
 * Tencent Cloud API v3 signing (TC3-HMAC-SHA256), on Web Crypto:
 *
 * 1. canonical request = method, URI `/`, query (empty for POST), the signed headers as
 *    `name:value\n` in lower case, their names joined with `;`, and the hex SHA-256 of the body;
 * 2. string to sign = `TC3-HMAC-SHA256`, the Unix timestamp, the credential scope
 *    `<UTC date>/<service>/tc3_request`, and the hex SHA-256 of the canonical request;
 * 3. key = HMAC chain `"TC3" + secretKey` → date → service → `tc3_request`;
 * 4. `Authorization: TC3-HMAC-SHA256 Credential=<secretId>/<scope>, SignedHeaders=…, Signature=<hex>`.
 */

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
export const TC3_CONTENT_TYPE = "application/json; charset=utf-8";
/** The headers signed: the ones Tencent's own SDKs sign for a JSON POST. */
export const TC3_SIGNED_HEADERS = "content-type;host;x-tc-action";

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product's service name: `wav` for the automotive (WAV) API. */
  service: string;
  /** The host the request goes to (`wav.tencentcloudapi.com`), with a port if not the default. */
  host: string;
  action: string;
  /** Unix seconds; the scope's date is this instant's UTC date. */
  timestamp: number;
  /** The exact body sent. */
  payload: string;
}

export interface Tc3Signature {
  canonicalRequest: string;
  credentialScope: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

/** The UTC date of a Unix timestamp, `YYYY-MM-DD`. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export async function tc3Sign(request: Tc3Request): Promise<Tc3Signature> {
  const canonicalHeaders =
    `content-type:${TC3_CONTENT_TYPE}\n` +
    `host:${request.host.toLowerCase()}\n` +
    `x-tc-action:${request.action.toLowerCase()}\n`;
  const canonicalRequest = [
    "POST",
    "/",
    "",
    canonicalHeaders,
    TC3_SIGNED_HEADERS,
    await sha256Hex(request.payload),
  ].join("\n");
  const date = tc3Date(request.timestamp);
  const credentialScope = `${date}/${request.service}/tc3_request`;
  const stringToSign = [
    TC3_ALGORITHM,
    String(request.timestamp),
    credentialScope,
    await sha256Hex(canonicalRequest),
  ].join("\n");
  const secretDate = await hmacSha256(`TC3${request.secretKey}`, date);
  const secretService = await hmacSha256(secretDate, request.service);
  const secretSigning = await hmacSha256(secretService, "tc3_request");
  const signature = toHex(await hmacSha256(secretSigning, stringToSign));
  return {
    canonicalRequest,
    credentialScope,
    stringToSign,
    signature,
    authorization: `${TC3_ALGORITHM} Credential=${request.secretId}/${credentialScope}, SignedHeaders=${TC3_SIGNED_HEADERS}, Signature=${signature}`,
  };
}
