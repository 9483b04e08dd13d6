import { base64ToUtf8, timingSafeEqual } from "../crypto.js";
import type { InboundRequestInfo, VerifyResult } from "../define.js";
import { type HeadersInput, headerValue } from "../headers.js";
import type { AdfConfig } from "./index.js";

function queryValue(url: string, name: string): string | undefined {
  try {
    return new URL(url, "http://hub.invalid").searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks an ADF sender's credentials in constant time: the shared key from the configured header
 * or query parameter, or HTTP basic credentials. Reasons name what was missing or wrong, never
 * the expected value.
 */
export function verifyAdfRequest(
  headers: HeadersInput,
  config: AdfConfig,
  request: Pick<InboundRequestInfo, "url">,
): VerifyResult {
  const auth = config.auth;
  if (auth.kind === "basic") {
    const value = headerValue(headers, "authorization");
    const match = value === undefined ? null : /^Basic\s+(\S+)\s*$/i.exec(value);
    if (!match)
      return { ok: false, reason: "missing HTTP basic credentials (Authorization: Basic …)" };
    const decoded = base64ToUtf8(match[1]!);
    const colon = decoded?.indexOf(":") ?? -1;
    if (decoded === undefined || colon < 0) {
      return { ok: false, reason: "malformed HTTP basic credentials" };
    }
    // Both halves are compared every time, so timing does not tell which one was wrong.
    const userOk = timingSafeEqual(decoded.slice(0, colon), auth.username);
    const passwordOk = timingSafeEqual(decoded.slice(colon + 1), auth.password);
    return userOk && passwordOk
      ? { ok: true }
      : { ok: false, reason: "HTTP basic credentials do not match" };
  }
  const fromHeader = auth.accept === "query" ? undefined : headerValue(headers, auth.header);
  const fromQuery =
    auth.accept === "header" || fromHeader !== undefined
      ? undefined
      : queryValue(request.url, auth.queryParam);
  const presented = fromHeader ?? fromQuery;
  if (presented === undefined || presented === "") {
    const where =
      auth.accept === "header"
        ? `header ${auth.header}`
        : auth.accept === "query"
          ? `query parameter ${auth.queryParam}`
          : `header ${auth.header} or query parameter ${auth.queryParam}`;
    return { ok: false, reason: `missing shared key (${where})` };
  }
  return timingSafeEqual(presented.trim(), auth.key)
    ? { ok: true }
    : { ok: false, reason: "shared key does not match" };
}
