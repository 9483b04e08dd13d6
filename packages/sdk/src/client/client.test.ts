/**
 * The client against msw: what a request carries (key, idempotency key, user agent, query),
 * checks made before sending, option validation, and the API key kept out of every error.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, BASE, ok, page, sequence, storeBody, storeJson, testClient } from "./fixtures.js";
import {
  AuthenticationError,
  type ClientOptions,
  ConnectionError,
  createClient,
  type ForecourtError,
  ValidationError,
} from "./index.js";

const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("requests", () => {
  it("send the key as a bearer token, ask for JSON and name the SDK", async () => {
    const requests = sequence(server, "get", "/v1/stores", [page]);
    const { client } = testClient({ userAgent: "dealer-crm/2.1" });
    await expect(client.stores.list({ limit: 5 })).resolves.toEqual({
      data: [storeJson],
      nextCursor: null,
    });
    const [request] = requests;
    expect(request!.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers.get("accept")).toBe("application/json");
    expect(request!.headers.get("user-agent")).toBe("dealer-crm/2.1");
    expect(request!.headers.get("idempotency-key")).toBeNull();
    expect(new URL(request!.url).search).toBe("?limit=5");
  });

  it("keeps a path prefix of the base URL", async () => {
    server.use(http.get(`${BASE}/forecourt/v1/stores`, page));
    const { client } = testClient({ baseUrl: `${BASE}/forecourt/` });
    await expect(client.stores.list()).resolves.toMatchObject({ nextCursor: null });
  });

  it("uses an injected fetch instead of the global one", async () => {
    const seen: string[] = [];
    const client = createClient({
      baseUrl: "https://hub.example.com",
      apiKey: API_KEY,
      fetch: async (input) => {
        seen.push(input instanceof Request ? `${input.method} ${input.url}` : String(input));
        return Response.json(storeJson);
      },
    });
    await expect(client.stores.get(storeJson.id)).resolves.toEqual(storeJson);
    expect(seen).toEqual([`GET https://hub.example.com/v1/stores/${storeJson.id}`]);
  });

  it("gives every POST a fresh UUID idempotency key unless the caller passes one", async () => {
    const requests = sequence(server, "post", "/v1/stores", [ok]);
    const client = createClient({ baseUrl: BASE, apiKey: API_KEY });
    await client.stores.create(storeBody);
    await client.stores.create(storeBody);
    await client.stores.create(storeBody, { idempotencyKey: "crm-lead-42" });
    const keys = requests.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe("crm-lead-42");
    expect(await requests[0]!.json()).toEqual(storeBody);
    expect(requests[0]!.headers.get("content-type")).toBe("application/json");
  });

  it("refuses an idempotency key the hub would refuse, before sending", async () => {
    const requests = sequence(server, "post", "/v1/stores", [ok]);
    const { client } = testClient();
    for (const idempotencyKey of ["", "x".repeat(256), "has space"]) {
      await expect(client.stores.create(storeBody, { idempotencyKey })).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    expect(requests).toHaveLength(0);
  });

  it("refuses a body that is not JSON-serialisable and a missing path parameter, before sending", async () => {
    const { client } = testClient();
    const cyclic: Record<string, unknown> = { ...storeBody };
    cyclic.self = cyclic;
    await expect(client.stores.create(cyclic as never)).rejects.toThrow(/cannot be sent as JSON/);
    await expect(client.stores.get("")).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "id" }],
    });
  });

  it("answers a 2xx that is not JSON with invalid_response, without retrying", async () => {
    const requests = sequence(server, "get", "/v1/stores", [
      () => new HttpResponse("<html>portal</html>", { headers: { "content-type": "text/html" } }),
    ]);
    const { client } = testClient();
    await expect(client.stores.list()).rejects.toMatchObject({
      code: "invalid_response",
      status: 200,
    });
    expect(requests).toHaveLength(1);
  });
});

describe("options", () => {
  const valid = { baseUrl: BASE, apiKey: API_KEY };

  it("reject unknown options, naming them", () => {
    const attempt = () => createClient({ ...valid, retries: 3, timeoutMs: 10 } as ClientOptions);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/retries/);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        expect.objectContaining({
          code: "unrecognized_keys",
          message: expect.stringContaining("timeoutMs"),
        }),
      ]);
    }
  });

  it.each([
    [{ baseUrl: "hub.example.com" }, "baseUrl"],
    [{ baseUrl: "ftp://hub.example.com" }, "baseUrl"],
    [{ apiKey: "" }, "apiKey"],
    [{ apiKey: "fc_with space" }, "apiKey"],
    [{ timeout: 0 }, "timeout"],
    [{ timeout: 1.5 }, "timeout"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 11 }, "maxRetries"],
    [{ fetch: "fetch" }, "fetch"],
    [{ userAgent: "crm\n" }, "userAgent"],
  ])("reject %o", (override, path) => {
    const error = (() => {
      try {
        createClient({ ...valid, ...override } as ClientOptions);
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error("accepted");
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect(error.message).not.toContain(API_KEY);
  });

  it("reject a missing options object", () => {
    expect(() => createClient(undefined as unknown as ClientOptions)).toThrow(ValidationError);
  });
});

describe("the API key", () => {
  const leaks = (error: unknown) => {
    const e = error as ForecourtError;
    return JSON.stringify({
      message: e.message,
      raw: e.raw,
      stack: e.stack,
      cause: String(e.cause),
    }).includes(API_KEY);
  };

  it("never appears in an error, even when a proxy echoes the request headers", async () => {
    server.use(
      http.get(`${BASE}/v1/stores`, ({ request }) =>
        HttpResponse.json(
          {
            error: {
              code: "unauthenticated",
              message: `key ${API_KEY} is revoked`,
              details: { headers: { authorization: request.headers.get("authorization") } },
            },
          },
          { status: 401 },
        ),
      ),
      http.get(
        `${BASE}/v1/teams`,
        ({ request }) =>
          new HttpResponse(`<pre>Authorization: ${request.headers.get("authorization")}</pre>`, {
            status: 502,
            headers: { "content-type": "text/html" },
          }),
      ),
    );
    const { client } = testClient({ maxRetries: 0 });
    const unauthenticated = await client.stores.list().catch((e: unknown) => e);
    expect(unauthenticated).toBeInstanceOf(AuthenticationError);
    expect(leaks(unauthenticated)).toBe(false);
    expect(unauthenticated).toMatchObject({
      message: "key [redacted] is revoked",
      raw: { error: { details: { headers: { authorization: "Bearer [redacted]" } } } },
    });
    const proxy = await client.teams.list().catch((e: unknown) => e);
    expect(proxy).toMatchObject({ status: 502, code: "http_502" });
    expect(leaks(proxy)).toBe(false);
  });

  it("never appears in a connection error raised by an injected fetch", async () => {
    const client = createClient({
      baseUrl: BASE,
      apiKey: API_KEY,
      maxRetries: 0,
      fetch: async (input) => {
        const auth = input instanceof Request ? input.headers.get("authorization") : "";
        throw new TypeError(`socket hang up (${auth})`);
      },
    });
    const error = await client.stores.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leaks(error)).toBe(false);
    expect((error as Error).cause).toBeUndefined();
  });
});
