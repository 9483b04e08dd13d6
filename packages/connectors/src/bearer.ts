import { timingSafeEqual } from "./crypto.js";
import type { VerifyResult } from "./define.js";
import { type HeadersInput, headerValue } from "./headers.js";

/**
 * `Authorization: Bearer <token>` against the connection's token (and the one being rotated
 * out, if any), in constant time. For senders that authenticate with a static token: portals on
 * the bearer scheme, and file uploads (CSV, vCard) from the hub's own import screens.
 */
export function verifyBearerToken(
  headers: HeadersInput,
  token: string,
  previousToken?: string,
): VerifyResult {
  const value = headerValue(headers, "authorization");
  const match = value === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) return { ok: false, reason: "missing bearer token (Authorization: Bearer …)" };
  const presented = match[1]!;
  // Both comparisons always run, so timing does not tell which token was close.
  const current = timingSafeEqual(presented, token);
  const previous = previousToken !== undefined && timingSafeEqual(presented, previousToken);
  return current || previous ? { ok: true } : { ok: false, reason: "bearer token does not match" };
}
