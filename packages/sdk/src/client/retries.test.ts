/**
 * Retries against msw: backoff with full jitter, Retry-After (seconds and dates), 429, 5xx then
 * success, connection errors and timeouts, the one retryable 409, non-retryable 4xx, and the
 * idempotency key reused across a call's retries. Sleeps are recorded, not waited.
 */
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClientWithRuntime } from "./client.js";
import {
  API_KEY,
  BASE,
  NOW,
  ok,
  page,
  sequence,
  storeBody,
  storeJson,
  testClient,
} from "./fixtures.js";
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  DEFAULT_MAX_RETRIES,
  ForecourtError,
  MAX_RETRY_AFTER_MS,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from "./index.js";

const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const hubError = (status: number, code: string, message: string, details?: object) =>
  HttpResponse.json(
    { error: { code, message, ...(details ? { details } : {}) } },
    { status, headers: { "x-request-id": `req_${code}` } },
  );

describe("retries", () => {
  it("retry 5xx with exponential backoff and full jitter, then succeed", async () => {
    const requests = sequence(server, "post", "/v1/stores", [
      () => hubError(500, "internal_error", "boom"),
      () => hubError(503, "service_unavailable", "restarting"),
      () => new HttpResponse("bad gateway", { status: 502 }),
      ok,
    ]);
    const { client, sleeps } = testClient({ maxRetries: 3 });
    await expect(client.stores.create(storeBody)).resolves.toEqual(storeJson);
    expect(requests).toHaveLength(4);
    // random() = 0.5 of a ceiling of 500 ms, doubling per retry.
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it("reuse one idempotency key across every retry of a call", async () => {
    const requests = sequence(server, "post", "/v1/stores", [
      () => hubError(503, "service_unavailable", "restarting"),
      () => HttpResponse.error(),
      ok,
    ]);
    const { client } = testClient();
    await client.stores.create(storeBody);
    const keys = requests.map((r) => r.headers.get("idempotency-key"));
    expect(keys).toEqual(["key-1", "key-1", "key-1"]);
    await client.stores.create(storeBody);
    expect(requests.at(-1)!.headers.get("idempotency-key")).toBe("key-2");
  });

  it("retry a 409 while the hub is still running the same idempotent request", async () => {
    const requests = sequence(server, "post", "/v1/stores", [
      () => hubError(409, "idempotency_request_in_progress", "still running; retry shortly"),
      ok,
    ]);
    const { client } = testClient();
    await expect(client.stores.create(storeBody, { idempotencyKey: "k-1" })).resolves.toEqual(
      storeJson,
    );
    expect(requests.map((r) => r.headers.get("idempotency-key"))).toEqual(["k-1", "k-1"]);
  });

  it("treat any other 409 as final", async () => {
    const requests = sequence(server, "post", "/v1/stores", [
      () =>
        hubError(409, "conflict", "An object with the same unique fields already exists", {
          constraint: "stores_code",
        }),
    ]);
    const { client, sleeps } = testClient();
    const error = await client.stores.create(storeBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: "conflict", requestId: "req_conflict" });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("honour Retry-After in seconds on 429", async () => {
    const requests = sequence(server, "get", "/v1/stores", [
      () =>
        HttpResponse.json(
          { error: { code: "rate_limited", message: "slow down" } },
          { status: 429, headers: { "retry-after": "2" } },
        ),
      page,
    ]);
    const { client, sleeps } = testClient();
    await expect(client.stores.list()).resolves.toMatchObject({ data: [storeJson] });
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it("honour Retry-After as an HTTP date", async () => {
    sequence(server, "get", "/v1/stores", [
      () =>
        new HttpResponse(null, {
          status: 503,
          headers: { "retry-after": new Date(NOW + 7000).toUTCString() },
        }),
      page,
    ]);
    const { client, sleeps } = testClient();
    await client.stores.list();
    expect(sleeps).toEqual([7000]);
  });

  it("give up on 429 after maxRetries with a RateLimitError carrying retryAfterMs", async () => {
    const requests = sequence(server, "get", "/v1/stores", [
      () =>
        HttpResponse.json(
          { error: { code: "rate_limited", message: "Too many requests: at most 600 a minute" } },
          { status: 429, headers: { "retry-after": "1", "x-request-id": "req_rl" } },
        ),
    ]);
    const { client, sleeps } = testClient({ maxRetries: 2 });
    const error = await client.stores.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      retryAfterMs: 1000,
      requestId: "req_rl",
      message: "Too many requests: at most 600 a minute",
    });
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it("do not sleep through a Retry-After longer than MAX_RETRY_AFTER_MS", async () => {
    const seconds = MAX_RETRY_AFTER_MS / 1000 + 1;
    const requests = sequence(server, "get", "/v1/stores", [
      () =>
        HttpResponse.json(
          { error: { code: "rate_limited", message: "later" } },
          { status: 429, headers: { "retry-after": String(seconds) } },
        ),
    ]);
    const { client, sleeps } = testClient();
    await expect(client.stores.list()).rejects.toMatchObject({ retryAfterMs: seconds * 1000 });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retry connection errors, then report a ConnectionError once the budget is spent", async () => {
    const requests = sequence(server, "get", "/v1/stores", [() => HttpResponse.error()]);
    const { client, sleeps } = testClient();
    const error = await client.stores.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "connection_failed", status: undefined });
    expect((error as Error).message).toContain("GET /v1/stores");
    expect(requests).toHaveLength(DEFAULT_MAX_RETRIES + 1);
    expect(sleeps).toHaveLength(DEFAULT_MAX_RETRIES);
  });

  it("recover from a connection error", async () => {
    sequence(server, "post", "/v1/stores", [() => HttpResponse.error(), ok]);
    const { client } = testClient();
    await expect(client.stores.create(storeBody)).resolves.toEqual(storeJson);
  });

  it("retry a timed-out attempt and report a timeout when every attempt times out", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v1/stores`, async () => {
        calls++;
        await delay(1_000);
        return page();
      }),
    );
    const { client } = testClient({ timeout: 25, maxRetries: 1 });
    const error = await client.stores.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      code: "timeout",
      message: "GET /v1/stores timed out after 25 ms",
    });
    expect(calls).toBe(2);
  });

  it("count a body that stalls after the headers as a timeout", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v1/stores`, () => {
        calls++;
        const stalled = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data":['));
          },
        });
        return new HttpResponse(stalled, { headers: { "content-type": "application/json" } });
      }),
    );
    const { client } = testClient({ timeout: 25, maxRetries: 1 });
    await expect(client.stores.list()).rejects.toMatchObject({
      name: "ConnectionError",
      code: "timeout",
    });
    expect(calls).toBe(2);
  });

  it("recover when only the first attempt times out", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v1/stores`, async () => {
        calls++;
        if (calls === 1) await delay(1_000);
        return page();
      }),
    );
    const { client } = testClient({ timeout: 25 });
    await expect(client.stores.list()).resolves.toMatchObject({ nextCursor: null });
    expect(calls).toBe(2);
  });

  it.each([
    [400, "validation_failed", ValidationError],
    [401, "unauthenticated", AuthenticationError],
    [403, "forbidden", PermissionError],
    [404, "not_found", NotFoundError],
    [413, "payload_too_large", ForecourtError],
    [422, "idempotency_key_reused", ValidationError],
  ])("never retry a %i", async (status, code, kind) => {
    const requests = sequence(server, "post", "/v1/stores", [() => hubError(status, code, "no")]);
    const { client, sleeps } = testClient({ maxRetries: 5 });
    const error = await client.stores.create(storeBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ status, code, requestId: `req_${code}` });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("stop waiting between retries when the caller aborts", async () => {
    sequence(server, "get", "/v1/stores", [() => hubError(503, "service_unavailable", "down")]);
    const controller = new AbortController();
    const sleeps: number[] = [];
    const client = createClientWithRuntime(
      { baseUrl: BASE, apiKey: API_KEY },
      {
        sleep: async (ms) => {
          sleeps.push(ms);
          controller.abort(new Error("caller gave up"));
          throw controller.signal.reason;
        },
        random: () => 0,
        now: () => NOW,
        randomUUID: () => "k",
      },
    );
    await expect(client.stores.list(undefined, { signal: controller.signal })).rejects.toThrow(
      "caller gave up",
    );
    expect(sleeps).toHaveLength(1);
  });

  it("make no retries with maxRetries: 0", async () => {
    const requests = sequence(server, "get", "/v1/stores", [
      () => hubError(503, "service_unavailable", "down"),
    ]);
    const { client } = testClient({ maxRetries: 0 });
    await expect(client.stores.list()).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
  });
});
