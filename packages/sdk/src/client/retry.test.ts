import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  ForecourtError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from "../errors.js";
import {
  BASE_RETRY_DELAY_MS,
  type FailedAttempt,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
} from "./retry.js";

const failure = (error: ForecourtError, retryAfterMs?: number): FailedAttempt => ({
  error,
  retryAfterMs,
});

describe("shouldRetry", () => {
  it.each([
    ["a connection error", new ConnectionError("reset", { code: "connection_failed" }), true],
    ["a timeout", new ConnectionError("slow", { code: "timeout" }), true],
    ["429", new RateLimitError("slow down", { status: 429, code: "rate_limited" }), true],
    ["500", new ForecourtError("boom", { status: 500, code: "internal_error" }), true],
    ["503", new ForecourtError("down", { status: 503, code: "service_unavailable" }), true],
    [
      "409 idempotency_request_in_progress",
      new ConflictError("running", { status: 409, code: "idempotency_request_in_progress" }),
      true,
    ],
    ["409 conflict", new ConflictError("dup", { status: 409, code: "conflict" }), false],
    ["400", new ValidationError("bad", [], { status: 400 }), false],
    ["401", new AuthenticationError("who", { status: 401 }), false],
    ["403", new PermissionError("no", { status: 403 }), false],
    ["404", new NotFoundError("none", { status: 404 }), false],
    ["413", new ForecourtError("big", { status: 413, code: "payload_too_large" }), false],
    ["422", new ValidationError("reused", [], { status: 422 }), false],
  ])("%s → %s", (_label, error, expected) => {
    expect(shouldRetry(failure(error), 0, 2)).toBe(expected);
  });

  it("stops when the retries are used up", () => {
    const down = failure(new ForecourtError("down", { status: 503 }));
    expect(shouldRetry(down, 1, 2)).toBe(true);
    expect(shouldRetry(down, 2, 2)).toBe(false);
    expect(shouldRetry(down, 0, 0)).toBe(false);
  });

  it("does not sleep through a Retry-After longer than MAX_RETRY_AFTER_MS", () => {
    const limited = new RateLimitError("later", { status: 429 });
    expect(shouldRetry(failure(limited, MAX_RETRY_AFTER_MS), 0, 2)).toBe(true);
    expect(shouldRetry(failure(limited, MAX_RETRY_AFTER_MS + 1), 0, 2)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const down = failure(new ForecourtError("down", { status: 503 }));

  it("draws from 0 up to a ceiling that doubles per retry (full jitter)", () => {
    const top = () => 0.999_999;
    expect(retryDelayMs(down, 0, () => 0)).toBe(0);
    expect(retryDelayMs(down, 0, top)).toBe(BASE_RETRY_DELAY_MS - 1);
    expect(retryDelayMs(down, 1, top)).toBe(2 * BASE_RETRY_DELAY_MS - 1);
    expect(retryDelayMs(down, 2, top)).toBe(4 * BASE_RETRY_DELAY_MS - 1);
  });

  it("caps the ceiling at MAX_RETRY_DELAY_MS", () => {
    expect(retryDelayMs(down, 30, () => 0.999_999)).toBe(MAX_RETRY_DELAY_MS - 1);
  });

  it("uses Retry-After as given", () => {
    expect(retryDelayMs(failure(down.error, 4200), 3, () => 0)).toBe(4200);
  });

  it("spreads clients that fail together", () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(down, 3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeLessThan(8 * BASE_RETRY_DELAY_MS);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-03-02T08:00:00Z");

  it.each([
    ["2", 2000],
    [" 0 ", 0],
    ["1.5", 1500],
    ["Mon, 02 Mar 2026 08:00:30 GMT", 30_000],
    ["Mon, 02 Mar 2026 07:59:00 GMT", 0],
  ])("%j → %i ms", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([null, undefined, "", "soon", "-5", "1e3"])("%j → undefined", (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
