import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  ForecourtError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type ValidationIssue,
} from "../errors.js";
import { parseRetryAfter } from "./retry.js";

/** A response the hub (or something in front of it) sent with a non-2xx status. */
export interface HubResponse {
  status: number;
  statusText?: string;
  headers: Headers;
  /** The body: the parsed value when it was JSON, else its text (`""` when empty). */
  body: unknown;
}

/** Replaces secrets in strings, deeply; `errorFromResponse` runs every message and body through it. */
export type Redactor = <T>(value: T) => T;

export const REDACTED = "[redacted]";

/**
 * A redactor for one client: removes its API key wherever it appears, and any bearer token, so
 * a proxy that echoes request headers into its error page cannot leak the key into logs.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const shown = secrets.filter((s) => s.length > 0);
  const scrub = (text: string): string => {
    let out = text.replace(/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`);
    for (const secret of shown) out = out.split(secret).join(REDACTED);
    return out;
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return scrub(value);
    if (depth > 32 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrub(key), walk(item, depth + 1)]),
    );
  };
  return <T>(value: T) => walk(value, 0) as T;
}

const noRedaction: Redactor = (value) => value;

interface HubErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown> | undefined;
}

/** The hub's `{ error: { code, message, details? } }`, or undefined for any other body. */
function readHubError(body: unknown): HubErrorBody | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  const detailsObject =
    typeof details === "object" && details !== null && !Array.isArray(details)
      ? (details as Record<string, unknown>)
      : undefined;
  return { code, message, details: detailsObject };
}

/** `details.issues` as the SDK's validation issues (the hub sends `{ path, message, in? }`). */
function issuesFrom(details: Record<string, unknown> | undefined): ValidationIssue[] {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue): ValidationIssue[] => {
    if (typeof issue !== "object" || issue === null) return [];
    const { path, message, code } = issue as Record<string, unknown>;
    return [
      {
        path: typeof path === "string" ? path : "",
        message: typeof message === "string" ? message : "is invalid",
        ...(typeof code === "string" ? { code } : {}),
      },
    ];
  });
}

export interface ErrorFromResponseOptions {
  /** Applied to the message and the raw body (the client passes one that hides its API key). */
  redact?: Redactor;
  /** The clock for an HTTP-date `Retry-After`. */
  now?: number;
}

/**
 * Maps a non-2xx response to the SDK error a caller can branch on with `instanceof`:
 * 400/422 → ValidationError (with the hub's issues), 401 → AuthenticationError,
 * 403 → PermissionError, 404 → NotFoundError, 409 → ConflictError, 429 → RateLimitError
 * (with `retryAfterMs`), anything else → ForecourtError. Each carries `status`, the hub's `code`,
 * `requestId` (the `x-request-id` header) and the redacted body as `raw`.
 */
export function errorFromResponse(
  response: HubResponse,
  options: ErrorFromResponseOptions = {},
): ForecourtError {
  const redact = options.redact ?? noRedaction;
  const { status, headers } = response;
  const hubError = readHubError(response.body);
  const fallback = `The hub answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const message = redact(hubError?.message ?? fallback);
  const common = {
    status,
    code: hubError?.code ?? `http_${status}`,
    requestId: headers.get("x-request-id") ?? undefined,
    raw: redact(response.body),
  };
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(message, redact(issuesFrom(hubError?.details)), common);
    case 401:
      return new AuthenticationError(message, common);
    case 403:
      return new PermissionError(message, common);
    case 404:
      return new NotFoundError(message, common);
    case 409:
      return new ConflictError(message, common);
    case 429:
      return new RateLimitError(message, {
        ...common,
        retryAfterMs: parseRetryAfter(headers.get("retry-after"), options.now),
      });
    default:
      return new ForecourtError(message, common);
  }
}

/** What went wrong when no response arrived. */
export interface ConnectionFailure {
  method: string;
  /** The path that was requested, without its query (which may hold personal data). */
  path: string;
  /** Set when the attempt ran out of time rather than failing outright. */
  timeoutMs?: number;
  cause?: unknown;
}

/** A `ConnectionError` for an attempt that got no response: refused, reset, DNS, or timed out. */
export function connectionError(
  failure: ConnectionFailure,
  redact: Redactor = noRedaction,
): ConnectionError {
  const where = `${failure.method} ${failure.path}`;
  if (failure.timeoutMs !== undefined) {
    // No cause: it would only say "aborted", and errors of the HTTP layer can hold the Request,
    // and with it the Authorization header.
    return new ConnectionError(`${where} timed out after ${failure.timeoutMs} ms`, {
      code: "timeout",
    });
  }
  const reason =
    failure.cause instanceof Error ? redact(failure.cause.message) : "the request failed";
  const causeIsClean =
    !(failure.cause instanceof Error) || redact(failure.cause.message) === failure.cause.message;
  return new ConnectionError(`Could not reach the hub: ${where}: ${reason}`, {
    code: "connection_failed",
    ...(causeIsClean ? { cause: failure.cause } : {}),
  });
}
