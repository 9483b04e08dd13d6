import {
  AuthConnectorError,
  type ConnectorError,
  type ConnectorErrorKind,
  type ConnectorErrorOptions,
  PermanentConnectorError,
  RetryableConnectorError,
} from "./errors.js";

/**
 * Vendors that answer HTTP 200 with an error code in the body (Ocean Engine's `code`, Tencent
 * Cloud's `Error.Code`, many portals) are classified from a table: one row per code or code
 * prefix, saying what the hub should do. The tables are data, so each vendor's docs page can
 * print them and say which rows still need the partner's confirmation.
 */
export interface VendorCodeRule {
  kind: ConnectorErrorKind;
  /** Our stable error code: `ocean_engine_token_expired`. */
  code: string;
  /** What the vendor's code means, in a few words. */
  meaning: string;
  /** The wait reported with a rate limit when the vendor names none. */
  retryAfterMs?: number;
}

/** The classified error for a vendor code's rule; `retryAfterMs` only for retryable rules. */
export function vendorCodeError(
  rule: VendorCodeRule,
  message: string,
  options: ConnectorErrorOptions & { retryAfterMs?: number } = {},
): ConnectorError {
  const { retryAfterMs, ...rest } = options;
  const base = { ...rest, code: rule.code };
  if (rule.kind === "auth") return new AuthConnectorError(message, base);
  if (rule.kind === "permanent") return new PermanentConnectorError(message, base);
  const wait = retryAfterMs ?? rule.retryAfterMs;
  return new RetryableConnectorError(message, {
    ...base,
    ...(wait !== undefined && { retryAfterMs: wait }),
  });
}

/**
 * The rule for a string code from rows keyed by exact code or by prefix ending in `.` or `*`
 * (`"AuthFailure.*"`): the exact row first, then the longest matching prefix.
 */
export function matchVendorCode<R>(rows: Readonly<Record<string, R>>, code: string): R | undefined {
  const exact = rows[code];
  if (exact !== undefined) return exact;
  let best: { length: number; rule: R } | undefined;
  for (const [key, rule] of Object.entries(rows)) {
    if (!key.endsWith("*")) continue;
    const prefix = key.slice(0, -1);
    if (code.startsWith(prefix) && (best === undefined || prefix.length > best.length)) {
      best = { length: prefix.length, rule };
    }
  }
  return best?.rule;
}
