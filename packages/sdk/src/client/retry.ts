import { ConflictError, ConnectionError, type ForecourtError, RateLimitError } from "../errors.js";

/** The first retry waits up to this long; each further retry doubles the ceiling. */
export const BASE_RETRY_DELAY_MS = 500;
/** The backoff ceiling never grows past this. */
export const MAX_RETRY_DELAY_MS = 8_000;
/**
 * The longest `Retry-After` the client sleeps through. A hub asking for more is surfaced to the
 * caller at once (a `RateLimitError` carries `retryAfterMs`), rather than looking like a hang.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** What one failed attempt left behind: the error it maps to and any `Retry-After` it carried. */
export interface FailedAttempt {
  error: ForecourtError;
  /** Milliseconds the hub asked the client to wait, from `Retry-After`. */
  retryAfterMs: number | undefined;
}

/**
 * Whether to send the request again after `failure`, given how many retries were already made.
 * Every retry of a POST carries the same `Idempotency-Key`, so the hub runs the write at most
 * once however many attempts reach it.
 */
export function shouldRetry(
  failure: FailedAttempt,
  retriesSoFar: number,
  maxRetries: number,
): boolean {
  const { error, retryAfterMs } = failure;
  // The caller's budget is spent: give the last error back.
  if (retriesSoFar >= maxRetries) return false;
  // The hub asked for a longer pause than we are willing to sleep through; the caller decides.
  if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) return false;
  // No response at all (refused, reset, DNS, timeout): the request may never have arrived. If it
  // did, repeating it is still safe: a POST repeats its idempotency key, a GET only reads, and a
  // PUT or PATCH sets the same fields again.
  if (error instanceof ConnectionError) return true;
  // 409 is retried only while the hub is still running the first request with this idempotency
  // key; a real conflict (a duplicate code, a stale version, an illegal stage change) will not
  // go away by asking again.
  if (error instanceof ConflictError) return error.code === "idempotency_request_in_progress";
  // 429: the key's rate limit; waiting (Retry-After) is exactly what the hub asks for.
  if (error instanceof RateLimitError) return true;
  const status = error.status;
  // 5xx: the hub or something in front of it failed; a 5xx never keeps an idempotency key, so
  // the retry runs the request afresh.
  if (status !== undefined && status >= 500) return true;
  // Every other 4xx (validation, auth, permission, not found, too large): the same request
  // would fail the same way.
  return false;
}

/**
 * How long to wait before retry number `retriesSoFar + 1`. The hub's `Retry-After` wins when it
 * sent one; otherwise exponential backoff with full jitter (a random wait between 0 and the
 * ceiling), so clients that failed together do not come back together.
 */
export function retryDelayMs(
  failure: FailedAttempt,
  retriesSoFar: number,
  random: () => number = Math.random,
): number {
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** retriesSoFar);
  return Math.floor(random() * ceiling);
}

/**
 * Reads `Retry-After`: either delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`). Returns milliseconds from `now`, never negative, or
 * `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // An HTTP date always names a weekday or month; this keeps odd strings like "-5" (which
  // Date.parse reads as a year) from counting as dates.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
