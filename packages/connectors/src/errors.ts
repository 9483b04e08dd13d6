import { ForecourtError } from "@forecourt/sdk";
import { parseRetryAfter } from "@forecourt/sdk/client";
import { createRedactor, type Redactor } from "./secrets.js";

/**
 * What went wrong talking to a vendor, in the three kinds the hub acts on:
 *
 * - `RetryableConnectorError`: try again later (network, timeout, 5xx, 429). `retryAfterMs` is
 *   the vendor's own wait when it gave one; the hub's job queue backs off otherwise.
 * - `AuthConnectorError`: the connection's credentials no longer work (token expired or revoked,
 *   key rotated). Retrying will not help; the hub marks the connection `needs_reauth`.
 * - `PermanentConnectorError`: this input will never succeed (4xx, malformed data). The hub keeps
 *   it as a dead letter with the message, which is safe to show: no secrets, no tokens.
 *
 * All three extend the SDK's `ForecourtError`, so `status` and `code` read the same everywhere.
 */

export type ConnectorErrorKind = "retryable" | "auth" | "permanent";

export interface ConnectorErrorOptions {
  /** A stable snake_case code; defaults to `connector_<kind>`. */
  code?: string;
  /** The vendor's HTTP status, when there was a response. */
  status?: number;
  /** The vendor's request id (for support tickets), when it sent one. */
  requestId?: string;
  /** The vendor's error body or details, already redacted. */
  raw?: unknown;
  cause?: unknown;
}

export abstract class ConnectorError extends ForecourtError {
  abstract readonly kind: ConnectorErrorKind;
}

export class RetryableConnectorError extends ConnectorError {
  override readonly name = "RetryableConnectorError";
  readonly kind = "retryable" as const;
  /** How long the vendor asked us to wait (Retry-After or its own header), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ConnectorErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, { code: "connector_retryable", ...options });
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class AuthConnectorError extends ConnectorError {
  override readonly name = "AuthConnectorError";
  readonly kind = "auth" as const;

  constructor(message: string, options: ConnectorErrorOptions = {}) {
    super(message, { code: "connector_auth", ...options });
  }
}

export class PermanentConnectorError extends ConnectorError {
  override readonly name = "PermanentConnectorError";
  readonly kind = "permanent" as const;

  constructor(message: string, options: ConnectorErrorOptions = {}) {
    super(message, { code: "connector_permanent", ...options });
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

/** How `classifyHttpError` describes and reads a failed response. */
export interface ClassifyHttpErrorOptions {
  /** What was called, for the message: `"Meta Graph API GET /v21.0/123"`. No query string. */
  what?: string;
  /** The body, when the caller already read it (a Response body can be read once). */
  body?: string;
  /** Scrubs tokens out of the message and raw body; credential-looking keys are always scrubbed. */
  redact?: Redactor;
  /** The vendor's own wait, when it sends one in a header of its own or in the body. */
  retryAfterMs?: number;
  /** Clock for HTTP-date `Retry-After` values. */
  now?: number;
}

/** Longest piece of a vendor's error body quoted in a message. */
const MAX_QUOTED_BODY = 300;

function quoteBody(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat === "") return "";
  return flat.length > MAX_QUOTED_BODY ? `${flat.slice(0, MAX_QUOTED_BODY)}…` : flat;
}

/**
 * The classified error for a non-2xx vendor response:
 * - 401, 403 → `AuthConnectorError` (credentials expired, revoked, or stripped of a permission);
 * - 408, 425, 429 and every 5xx → `RetryableConnectorError`, with `Retry-After` (seconds or an
 *   HTTP date) or the vendor's own wait as `retryAfterMs`;
 * - any other status → `PermanentConnectorError`.
 * Vendors whose errors say more in the body (Meta's `error.code`) read that first and fall back
 * here. The message quotes the start of the body, redacted.
 */
export async function classifyHttpError(
  response: Response,
  options: ClassifyHttpErrorOptions = {},
): Promise<ConnectorError> {
  const redact = options.redact ?? createRedactor();
  let body = options.body;
  if (body === undefined) {
    try {
      body = response.bodyUsed ? "" : await response.text();
    } catch {
      body = "";
    }
  }
  const status = response.status;
  const what = options.what ?? "The vendor";
  const quoted = quoteBody(redact(body));
  const message = redact(
    `${what} answered ${status}${response.statusText ? ` ${response.statusText}` : ""}${
      quoted ? `: ${quoted}` : ""
    }`,
  );
  const base = {
    status,
    raw: redact(body.slice(0, 4_000)),
    ...requestIdOf(response.headers),
  };
  if (status === 401 || status === 403) {
    return new AuthConnectorError(message, {
      ...base,
      code: status === 401 ? "vendor_unauthorized" : "vendor_forbidden",
    });
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    const retryAfterMs =
      options.retryAfterMs ??
      parseRetryAfter(response.headers.get("retry-after"), options.now ?? Date.now());
    return new RetryableConnectorError(message, {
      ...base,
      code:
        status === 429
          ? "vendor_rate_limited"
          : status >= 500
            ? "vendor_unavailable"
            : "vendor_timeout",
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  return new PermanentConnectorError(message, {
    ...base,
    code: status >= 400 ? "vendor_rejected" : "vendor_unexpected_status",
  });
}

const REQUEST_ID_HEADERS = ["x-request-id", "x-fb-trace-id", "x-fb-request-id", "request-id"];

function requestIdOf(headers: Headers): { requestId?: string } {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return { requestId: value };
  }
  return {};
}

/**
 * The error for a request that got no response: refused, reset, DNS, TLS, or a timeout. Always
 * retryable: the vendor may never have seen the request.
 */
export function networkError(
  what: string,
  cause: unknown,
  options: { timeoutMs?: number; redact?: Redactor } = {},
): RetryableConnectorError {
  const redact = options.redact ?? createRedactor();
  const reason =
    options.timeoutMs !== undefined
      ? `no response within ${options.timeoutMs} ms`
      : cause instanceof Error
        ? cause.message
        : String(cause);
  // The original error may quote the URL with its token; keep only a scrubbed copy.
  const safeCause =
    cause instanceof Error
      ? Object.assign(new Error(redact(cause.message)), { name: cause.name })
      : undefined;
  return new RetryableConnectorError(redact(`${what} failed: ${reason}`), {
    code: options.timeoutMs !== undefined ? "vendor_timeout" : "vendor_unreachable",
    ...(safeCause && { cause: safeCause }),
  });
}
