import { ForecourtError } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import {
  AuthConnectorError,
  classifyHttpError,
  isConnectorError,
  networkError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "./errors.js";
import { createRedactor } from "./secrets.js";

const respond = (status: number, body = "", headers: Record<string, string> = {}) =>
  new Response(body, { status, headers });

describe("classifyHttpError", () => {
  it.each([
    [401, AuthConnectorError, "vendor_unauthorized"],
    [403, AuthConnectorError, "vendor_forbidden"],
    [408, RetryableConnectorError, "vendor_timeout"],
    [429, RetryableConnectorError, "vendor_rate_limited"],
    [500, RetryableConnectorError, "vendor_unavailable"],
    [503, RetryableConnectorError, "vendor_unavailable"],
    [400, PermanentConnectorError, "vendor_rejected"],
    [404, PermanentConnectorError, "vendor_rejected"],
    [422, PermanentConnectorError, "vendor_rejected"],
  ])("%i → %o (%s)", async (status, kind, code) => {
    const error = await classifyHttpError(respond(status, "nope"), { what: "Portal GET /leads" });
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(ForecourtError);
    expect(isConnectorError(error)).toBe(true);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(new RegExp(`^Portal GET /leads answered ${status}`));
  });

  it("reads Retry-After in seconds and as an HTTP date", async () => {
    const seconds = await classifyHttpError(respond(429, "", { "retry-after": "30" }));
    expect((seconds as RetryableConnectorError).retryAfterMs).toBe(30_000);
    const now = Date.parse("2026-11-27T08:00:00Z");
    const date = await classifyHttpError(
      respond(503, "", { "retry-after": "Fri, 27 Nov 2026 08:01:00 GMT" }),
      { now },
    );
    expect((date as RetryableConnectorError).retryAfterMs).toBe(60_000);
  });

  it("prefers the vendor's own wait", async () => {
    const error = await classifyHttpError(respond(429, "", { "retry-after": "30" }), {
      retryAfterMs: 5_000,
    });
    expect((error as RetryableConnectorError).retryAfterMs).toBe(5_000);
  });

  it("keeps tokens out of the message and raw body", async () => {
    const body = JSON.stringify({
      error: "bad token EAAB-secret-token",
      echo: "https://x.test/a?access_token=abcdef123&x=1",
      headers: { authorization: "Bearer zzz.yyy" },
    });
    const error = await classifyHttpError(respond(400, body), {
      redact: createRedactor(["EAAB-secret-token"]),
    });
    const shown = `${error.message} ${JSON.stringify(error.raw)}`;
    expect(shown).not.toContain("EAAB-secret-token");
    expect(shown).not.toContain("abcdef123");
    expect(shown).not.toContain("zzz.yyy");
    expect(shown).toContain("[redacted]");
  });

  it("reads a vendor request id", async () => {
    const error = await classifyHttpError(respond(500, "", { "x-request-id": "req-1" }));
    expect(error.requestId).toBe("req-1");
  });
});

describe("networkError", () => {
  it("is retryable and scrubs the cause", () => {
    const error = networkError(
      "Portal GET https://x.test/leads",
      new TypeError("fetch failed for https://x.test/leads?token=s3cr3t-value"),
    );
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.code).toBe("vendor_unreachable");
    expect(error.message).not.toContain("s3cr3t-value");
    expect(String((error.cause as Error).message)).not.toContain("s3cr3t-value");
    expect(networkError("x", new Error("t"), { timeoutMs: 100 }).code).toBe("vendor_timeout");
  });
});
