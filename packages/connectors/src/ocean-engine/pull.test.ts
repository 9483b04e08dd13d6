import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContext, parseConfig } from "../define.js";
import { drainPull } from "../drain-pull.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import {
  OCEAN_ENGINE_BASE_URL,
  type OceanEngineCheckpoint,
  oceanEngineConnector,
} from "./index.js";
import {
  OCEAN_CLUE_CN,
  OCEAN_OTHER_ADVERTISER_ID,
  OCEAN_TEST_ACCESS_TOKEN,
  OCEAN_TEST_ADVERTISER_ID,
  oceanClues,
  oceanEngineHandlers,
  oceanEngineMalformed,
  oceanEngineRateLimited,
  oceanEngineServerError,
  oceanEngineTokenExpired,
} from "./mocks.js";

const NOW = Date.parse("2026-11-27T03:00:00Z"); // 11:00 in Beijing
const clues = [
  ...oceanClues(250),
  ...oceanClues(5, { advertiserId: OCEAN_OTHER_ADVERTISER_ID, idBase: 7_400_000_000_000_000_001n }),
  OCEAN_CLUE_CN,
];
const queries: URLSearchParams[] = [];
const server = setupServer(
  ...oceanEngineHandlers({ clues, onRequest: (query) => queries.push(query) }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  queries.length = 0;
});
afterAll(() => server.close());

const config = parseConfig(oceanEngineConnector, {
  accessToken: OCEAN_TEST_ACCESS_TOKEN,
  advertiserIds: [OCEAN_TEST_ADVERTISER_ID],
  startFrom: "2026-11-26T00:00:00+08:00",
});
const pull = oceanEngineConnector.pull!;
const context = (cfg = config) =>
  createContext(oceanEngineConnector, { config: cfg, now: () => NOW });

const pullAll = (start?: OceanEngineCheckpoint) => drainPull(pull, context(), start);

describe("Ocean Engine pull", () => {
  it("pages through the window, then the next window up to the present, ids exact", async () => {
    const { items, pages: calls, checkpoints } = await pullAll();
    // Window 1 (Nov 26, Beijing): 251 clues in 3 pages. Window 2 (to 10:58 on Nov 27): 1 page.
    expect(calls).toBe(4);
    expect(items).toHaveLength(251);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(251);
    expect(items.map((i) => i.externalId)).toContain("7301234567890123456");
    expect(checkpoints[0]).toEqual({
      windowStart: "2026-11-25T16:00:00.000Z",
      windowEnd: "2026-11-26T16:00:00.000Z",
      page: 2,
    });
    expect(checkpoints[2]).toEqual({
      windowStart: "2026-11-26T15:50:00.000Z",
      windowEnd: null,
      page: 1,
    });
    expect(checkpoints[3]).toEqual({
      windowStart: "2026-11-27T02:48:00.000Z",
      windowEnd: null,
      page: 1,
    });
    expect(queries[0]!.get("advertiser_ids")).toBe(`[${OCEAN_TEST_ADVERTISER_ID}]`);
    expect(queries[0]!.get("start_time")).toBe("2026-11-26 00:00:00");
    expect(queries[0]!.get("end_time")).toBe("2026-11-27 00:00:00");
    expect(queries[3]!.get("end_time")).toBe("2026-11-27 10:58:00");
    expect(queries[0]!.get("page_size")).toBe("100");
  });

  it("resumes a crashed pull on the saved page of the same window", async () => {
    const ctx = context();
    const first = await pull.pullPage(undefined, ctx);
    const second = await pull.pullPage(first.nextCheckpoint, ctx);
    expect(second.nextCheckpoint).toMatchObject({ page: 3 });
    // The process dies here; a new one starts from the checkpoint the hub saved.
    const resumed = await pullAll(second.nextCheckpoint);
    const ids = [...first.items, ...second.items, ...resumed.items].map((i) => i.externalId);
    expect(ids).toHaveLength(251);
    expect(new Set(ids).size).toBe(251);
    expect(queries[2]!.get("page")).toBe("3");
    expect(queries[2]!.get("start_time")).toBe(queries[0]!.get("start_time"));
    expect(queries[2]!.get("end_time")).toBe(queries[0]!.get("end_time"));
  });

  it("stops on a rate limit with a wait and loses nothing when retried from the checkpoint", async () => {
    const ctx = context();
    const first = await pull.pullPage(undefined, ctx);
    server.use(oceanEngineRateLimited({ once: true }));
    const limited = await pull.pullPage(first.nextCheckpoint, ctx).then(
      () => expect.unreachable("should be rate limited"),
      (error: unknown) => error,
    );
    expect(limited).toBeInstanceOf(RetryableConnectorError);
    expect(limited).toMatchObject({ code: "ocean_engine_rate_limited", retryAfterMs: 5_000 });
    const rest = await pullAll(first.nextCheckpoint);
    expect(new Set([...first.items, ...rest.items].map((i) => i.externalId)).size).toBe(251);
  });

  it("honours Retry-After, and waits longer for the platform-wide limit", async () => {
    server.use(oceanEngineRateLimited({ code: 40100, retryAfterSeconds: 30, once: true }));
    await expect(pull.pullPage(undefined, context())).rejects.toMatchObject({
      retryAfterMs: 30_000,
    });
    server.use(oceanEngineRateLimited({ code: 40110, once: true }));
    await expect(pull.pullPage(undefined, context())).rejects.toMatchObject({
      retryAfterMs: 60_000,
    });
  });

  it("stops with AuthConnectorError when the token expired or is wrong", async () => {
    server.use(oceanEngineTokenExpired());
    await expect(pull.pullPage(undefined, context())).rejects.toSatisfy(
      (e) => e instanceof AuthConnectorError && e.code === "ocean_engine_token_expired",
    );
    server.resetHandlers();
    const wrong = parseConfig(oceanEngineConnector, { ...config, accessToken: "x".repeat(40) });
    await expect(pull.pullPage(undefined, context(wrong))).rejects.toSatisfy(
      (e) => e instanceof AuthConnectorError && e.code === "ocean_engine_token_invalid",
    );
  });

  it.each([200, 500, 502, 503] as const)(
    "retries Ocean Engine's failure (HTTP %i)",
    async (kind) => {
      server.use(oceanEngineServerError(kind, { once: true }));
      const error = await pull.pullPage(undefined, context()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryableConnectorError);
      expect((error as RetryableConnectorError).code).toMatch(
        /^(ocean_engine|vendor)_unavailable$/,
      );
    },
  );

  it("treats a proxy page as retryable and a wrong shape as permanent", async () => {
    server.use(oceanEngineMalformed("html"));
    await expect(pull.pullPage(undefined, context())).rejects.toMatchObject({
      code: "vendor_invalid_response",
    });
    server.use(oceanEngineMalformed("shape"));
    await expect(pull.pullPage(undefined, context())).rejects.toBeInstanceOf(
      PermanentConnectorError,
    );
  });

  it("keeps the token out of messages even when Ocean Engine echoes it", async () => {
    server.use(
      http.get(`${OCEAN_ENGINE_BASE_URL}/open_api/2/tools/clue/get/`, ({ request }) =>
        HttpResponse.json({
          code: 40001,
          message: `invalid request, Access-Token=${request.headers.get("access-token")}`,
          data: {},
        }),
      ),
    );
    const error = await pull.pullPage(undefined, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(JSON.stringify([String(error), (error as PermanentConnectorError).raw])).not.toContain(
      OCEAN_TEST_ACCESS_TOKEN,
    );
  });

  it("tests the connection with one small page", async () => {
    const result = await oceanEngineConnector.testConnection!(context());
    expect(result).toEqual({
      ok: true,
      detail: "71 clues in the last 24 hours for 1 advertiser(s)",
    });
    expect(queries[0]!.get("page_size")).toBe("1");
  });
});
