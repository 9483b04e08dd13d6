/**
 * The SDK's error family. Callers branch with `instanceof`; every error carries a stable `code`.
 * HTTP-only fields (`status`, `requestId`, `raw`) are filled by the hub client and stay
 * `undefined` for errors raised by the pure domain logic.
 */

export interface ForecourtErrorOptions {
  code?: string;
  status?: number;
  requestId?: string;
  raw?: unknown;
  cause?: unknown;
}

export class ForecourtError extends Error {
  override readonly name: string = "ForecourtError";
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly raw: unknown;

  constructor(message: string, options: ForecourtErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? "forecourt_error";
    this.status = options.status;
    this.requestId = options.requestId;
    this.raw = options.raw;
  }
}

/** One problem with an input: where it is (`path`, dotted, `""` for the root) and what is wrong. */
export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
}

export class ValidationError extends ForecourtError {
  override readonly name = "ValidationError";
  readonly issues: readonly ValidationIssue[];

  constructor(
    message: string,
    issues: readonly ValidationIssue[],
    options: ForecourtErrorOptions = {},
  ) {
    super(message, { code: "validation_failed", ...options });
    this.issues = issues;
  }
}

/** A state change the domain does not allow (an illegal stage or status transition). */
export class TransitionError extends ForecourtError {
  override readonly name = "TransitionError";
  readonly from: string;
  readonly to: string;
  readonly allowed: readonly string[];

  constructor(entity: string, from: string, to: string, allowed: readonly string[]) {
    super(
      `${entity} cannot move from "${from}" to "${to}"; allowed from "${from}": ${
        allowed.length ? allowed.map((s) => `"${s}"`).join(", ") : "none (final state)"
      }`,
      { code: "illegal_transition" },
    );
    this.from = from;
    this.to = to;
    this.allowed = allowed;
  }
}

export class AuthenticationError extends ForecourtError {
  override readonly name = "AuthenticationError";
}
export class PermissionError extends ForecourtError {
  override readonly name = "PermissionError";
}
export class NotFoundError extends ForecourtError {
  override readonly name = "NotFoundError";
}
export class ConflictError extends ForecourtError {
  override readonly name = "ConflictError";
}
export class RateLimitError extends ForecourtError {
  override readonly name = "RateLimitError";
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: ForecourtErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}
export class ConnectionError extends ForecourtError {
  override readonly name = "ConnectionError";
}

/** Why an incoming webhook was refused; see `WebhookVerificationError.reason`. */
export type WebhookVerificationFailure =
  | "missing_header"
  | "invalid_timestamp"
  | "timestamp_too_old"
  | "timestamp_in_future"
  | "no_matching_signature";

/**
 * An incoming webhook that is not provably from the sender: a header missing, a timestamp outside
 * the tolerance, or no signature that matches a secret. Answer it with 400 (or 401) and drop it.
 */
export class WebhookVerificationError extends ForecourtError {
  override readonly name = "WebhookVerificationError";
  readonly reason: WebhookVerificationFailure;

  constructor(
    reason: WebhookVerificationFailure,
    message: string,
    options: ForecourtErrorOptions = {},
  ) {
    super(message, { code: "webhook_verification_failed", ...options });
    this.reason = reason;
  }
}
