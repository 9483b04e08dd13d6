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
import { connectionError, createRedactor, errorFromResponse } from "./errors.js";

const KEY = "fc_live_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers({ "x-request-id": "req_01", ...headers }),
  body,
});
const hub = (code: string, message: string, details?: object) => ({
  error: { code, message, ...(details ? { details } : {}) },
});

describe("errorFromResponse", () => {
  it.each([
    [400, "validation_failed", ValidationError],
    [401, "unauthenticated", AuthenticationError],
    [403, "forbidden", PermissionError],
    [404, "not_found", NotFoundError],
    [409, "conflict", ConflictError],
    [422, "idempotency_key_reused", ValidationError],
    [429, "rate_limited", RateLimitError],
    [413, "payload_too_large", ForecourtError],
    [500, "internal_error", ForecourtError],
  ])("maps %i to the right class with status, code, request id and body", (status, code, kind) => {
    const body = hub(code, `message for ${code}`);
    const error = errorFromResponse(response(status, body));
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(ForecourtError);
    expect(error).toMatchObject({
      status,
      code,
      requestId: "req_01",
      raw: body,
      message: `message for ${code}`,
    });
  });

  it("carries the hub's validation issues", () => {
    const body = hub("validation_failed", "Invalid body: name: expected string", {
      issues: [
        { path: "name", message: "expected string", in: "body" },
        { path: "businessHours.0.opens", message: "invalid", code: "invalid_format" },
        { message: "no path" },
        "not an issue",
      ],
    });
    const error = errorFromResponse(response(400, body)) as ValidationError;
    expect(error.issues).toEqual([
      { path: "name", message: "expected string" },
      { path: "businessHours.0.opens", message: "invalid", code: "invalid_format" },
      { path: "", message: "no path" },
    ]);
  });

  it("reads retryAfterMs from Retry-After on 429", () => {
    const now = Date.parse("2026-03-02T08:00:00Z");
    const seconds = errorFromResponse(
      response(429, hub("rate_limited", "x"), { "retry-after": "3" }),
    );
    expect((seconds as RateLimitError).retryAfterMs).toBe(3000);
    const date = errorFromResponse(
      response(429, hub("rate_limited", "x"), { "retry-after": "Mon, 02 Mar 2026 08:01:00 GMT" }),
      { now },
    );
    expect((date as RateLimitError).retryAfterMs).toBe(60_000);
    expect((errorFromResponse(response(429, "")) as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it("falls back to the status for a body that is not the hub's", () => {
    const error = errorFromResponse({
      status: 502,
      statusText: "Bad Gateway",
      headers: new Headers(),
      body: "<html>upstream</html>",
    });
    expect(error).toMatchObject({
      status: 502,
      code: "http_502",
      message: "The hub answered HTTP 502 Bad Gateway",
      requestId: undefined,
      raw: "<html>upstream</html>",
    });
    expect(errorFromResponse(response(404, { error: "nope" }))).toBeInstanceOf(NotFoundError);
  });

  it("redacts the key and bearer tokens from the message, issues and raw body", () => {
    const redact = createRedactor([KEY]);
    const body = hub("unauthenticated", `bad key ${KEY}`, {
      issues: [{ path: KEY, message: `Bearer ${KEY}` }],
      echoed: { authorization: "Bearer fc_other_token", [KEY]: [KEY] },
    });
    const error = errorFromResponse(response(400, body), { redact }) as ValidationError;
    expect(JSON.stringify([error.message, error.raw, error.issues])).not.toContain(KEY);
    expect(error.message).toBe("bad key [redacted]");
    expect(error.raw).toMatchObject({
      error: { details: { echoed: { authorization: "Bearer [redacted]" } } },
    });
  });
});

describe("connectionError", () => {
  it("names the request, keeps a clean cause, and drops one that holds the key", () => {
    const cause = new TypeError("fetch failed");
    const error = connectionError({ method: "GET", path: "/v1/stores", cause });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "connection_failed", cause });
    expect(error.message).toBe("Could not reach the hub: GET /v1/stores: fetch failed");
    const leaky = connectionError(
      { method: "GET", path: "/v1/stores", cause: new Error(`refused for ${KEY}`) },
      createRedactor([KEY]),
    );
    expect(leaky.message).not.toContain(KEY);
    expect(leaky.cause).toBeUndefined();
  });

  it("reports a timeout with its limit", () => {
    const error = connectionError({ method: "POST", path: "/v1/teams", timeoutMs: 5000 });
    expect(error).toMatchObject({
      code: "timeout",
      message: "POST /v1/teams timed out after 5000 ms",
    });
  });
});
