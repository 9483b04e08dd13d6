import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "./errors.js";
import { type HttpContext, request, requestJson } from "./http.js";

const BASE = "https://api.portal.test";
const TOKEN = "tok_live_5f2a9c0e71d4";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ctx: HttpContext = {
  fetch: (input, init) => globalThis.fetch(input, init),
  now: () => Date.parse("2026-11-27T08:00:00Z"),
};

describe("request", () => {
  it("sends query, headers and JSON with the injected fetch", async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${BASE}/leads`, async ({ request: req }) => {
        const url = new URL(req.url);
        seen.push(url.searchParams.toString(), req.headers.get("x-key") ?? "");
        return HttpResponse.json({ echo: await req.json() });
      }),
    );
    const calls: string[] = [];
    const counting: HttpContext = {
      ...ctx,
      fetch: (input, init) => {
        calls.push(String(input instanceof Request ? input.url : input));
        return globalThis.fetch(input, init);
      },
    };
    const body = await requestJson(counting, {
      method: "POST",
      url: `${BASE}/leads?fixed=1`,
      searchParams: { page: 2, skip: undefined },
      headers: { "x-key": "k" },
      json: { a: 1 },
      vendor: "Portal",
    });
    expect(body).toEqual({ echo: { a: 1 } });
    expect(seen).toEqual(["fixed=1&page=2", "k"]);
    expect(calls).toHaveLength(1);
  });

  it("keeps 64-bit integers in JSON bodies exact", async () => {
    server.use(
      http.get(`${BASE}/lead`, () =>
        HttpResponse.text('{"id": 1234567890123456789, "n": 7, "f": 1.5}', {
          headers: { "content-type": "application/json" },
        }),
      ),
    );
    expect(await requestJson(ctx, { url: `${BASE}/lead`, vendor: "Portal" })).toEqual({
      id: "1234567890123456789",
      n: 7,
      f: 1.5,
    });
  });

  it("does not retry: one call, one classified error", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/leads`, () => {
        calls++;
        return new HttpResponse("busy", { status: 503, headers: { "retry-after": "7" } });
      }),
    );
    const error = await request(ctx, { url: `${BASE}/leads`, vendor: "Portal" }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.retryAfterMs).toBe(7_000);
    expect(calls).toBe(1);
  });

  it("classifies 401 as auth and 400 as permanent", async () => {
    server.use(
      http.get(`${BASE}/expired`, () => new HttpResponse("expired", { status: 401 })),
      http.get(`${BASE}/bad`, () => new HttpResponse("bad", { status: 400 })),
    );
    await expect(request(ctx, { url: `${BASE}/expired`, vendor: "Portal" })).rejects.toBeInstanceOf(
      AuthConnectorError,
    );
    await expect(request(ctx, { url: `${BASE}/bad`, vendor: "Portal" })).rejects.toBeInstanceOf(
      PermanentConnectorError,
    );
  });

  it("lets a vendor read its own error format first", async () => {
    server.use(http.get(`${BASE}/odd`, () => HttpResponse.json({ code: 7 }, { status: 400 })));
    const error = await request(ctx, {
      url: `${BASE}/odd`,
      vendor: "Portal",
      classifyError: (_response, body) =>
        body.includes('"code":7') ? new RetryableConnectorError("code 7 means wait") : undefined,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.message).toBe("code 7 means wait");
  });

  it("never shows the token: not from the query, not from an echoing error body", async () => {
    server.use(
      http.get(`${BASE}/echo`, ({ request: req }) =>
        HttpResponse.json({ error: `bad request ${req.url}`, token: TOKEN }, { status: 400 }),
      ),
    );
    const error = await request(ctx, {
      url: `${BASE}/echo`,
      searchParams: { access_token: TOKEN },
      vendor: "Portal",
      secrets: [TOKEN],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(`${error.message} ${JSON.stringify(error.raw)}`).not.toContain(TOKEN);
    expect(error.message).toContain("Portal GET https://api.portal.test/echo answered 400");
  });

  it("turns a connection failure into a retryable error without the token", async () => {
    server.use(http.get(`${BASE}/down`, () => HttpResponse.error()));
    const error = await request(ctx, {
      url: `${BASE}/down`,
      searchParams: { access_token: TOKEN },
      vendor: "Portal",
      secrets: [TOKEN],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.code).toBe("vendor_unreachable");
    expect(error.message).not.toContain(TOKEN);
  });

  it("times out as a retryable error", async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const error = await request(ctx, {
      url: `${BASE}/slow`,
      searchParams: { access_token: TOKEN },
      timeoutMs: 50,
      vendor: "Portal",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.code).toBe("vendor_timeout");
    expect(`${error.message} ${(error.cause as Error | undefined)?.message}`).not.toContain(TOKEN);
  });

  it("rethrows the caller's abort as it is", async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const reason = new Error("worker shutting down");
    setTimeout(() => controller.abort(reason), 20);
    await expect(
      request({ ...ctx, signal: controller.signal }, { url: `${BASE}/slow`, vendor: "Portal" }),
    ).rejects.toBe(reason);
  });

  it("calls a 2xx that is not JSON retryable", async () => {
    server.use(http.get(`${BASE}/html`, () => HttpResponse.html("<html>gateway</html>")));
    const error = await requestJson(ctx, { url: `${BASE}/html`, vendor: "Portal" }).then(
      () => expect.unreachable("should have failed"),
      (e: RetryableConnectorError) => e,
    );
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.code).toBe("vendor_invalid_response");
  });
});
