import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContext, parseConfig } from "../define.js";
import { drainPull } from "../drain-pull.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { type TencentCheckpoint, tencentAutomotiveConnector } from "./index.js";
import {
  TENCENT_CLUE_CN,
  TENCENT_TEST_SECRET_ID,
  TENCENT_TEST_SECRET_KEY,
  tencentAuthFailure,
  tencentClues,
  tencentMalformed,
  tencentRateLimited,
  tencentServerError,
  tencentWavHandlers,
} from "./mocks.js";

const NOW = Date.parse("2026-11-27T03:00:00Z");
const bodies: Record<string, unknown>[] = [];
const server = setupServer(
  ...tencentWavHandlers({
    clues: [...tencentClues(250), TENCENT_CLUE_CN],
    now: () => NOW,
    onRequest: (body) => bodies.push(body),
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  bodies.length = 0;
});
afterAll(() => server.close());

const config = parseConfig(tencentAutomotiveConnector, {
  secretId: TENCENT_TEST_SECRET_ID,
  secretKey: TENCENT_TEST_SECRET_KEY,
  startFrom: "2026-11-26T00:00:00Z",
});
const pull = tencentAutomotiveConnector.pull!;
const context = (cfg = config, now = NOW) =>
  createContext(tencentAutomotiveConnector, { config: cfg, now: () => now });

const pullAll = (start?: TencentCheckpoint) => drainPull(pull, context(), start);

describe("Tencent automotive pull", () => {
  it("follows the cursor through a window, then the next window, every call signed", async () => {
    const { items, pages: calls, checkpoints } = await pullAll();
    expect(calls).toBe(4);
    expect(items).toHaveLength(251);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(251);
    expect(bodies[0]).toEqual({ Limit: 100, BeginTime: 1_795_651_200, EndTime: 1_795_737_600 });
    expect(bodies[1]).toMatchObject({ Cursor: checkpoints[0]!.cursor });
    expect(checkpoints[0]).toMatchObject({
      windowStart: "2026-11-26T00:00:00.000Z",
      windowEnd: "2026-11-27T00:00:00.000Z",
    });
    expect(checkpoints[2]).toEqual({
      windowStart: "2026-11-26T23:50:00.000Z",
      windowEnd: null,
      cursor: null,
    });
    expect(items.at(-1)).toMatchObject({
      externalId: "1348080105398452226",
      occurredAt: "2026-11-27T02:42:13.000Z",
    });
  });

  it("resumes from a saved cursor without losing or doubling a clue", async () => {
    const ctx = context();
    const first = await pull.pullPage(undefined, ctx);
    const rest = await pullAll(first.nextCheckpoint);
    const ids = [...first.items, ...rest.items].map((i) => i.externalId);
    expect(new Set(ids).size).toBe(251);
    expect(ids).toHaveLength(251);
  });

  it("stops on RequestLimitExceeded with a wait, then carries on from the checkpoint", async () => {
    const ctx = context();
    const first = await pull.pullPage(undefined, ctx);
    server.use(tencentRateLimited({ once: true }));
    await expect(pull.pullPage(first.nextCheckpoint, ctx)).rejects.toSatisfy(
      (e) =>
        e instanceof RetryableConnectorError &&
        e.code === "tencent_rate_limited" &&
        e.retryAfterMs === 1_000,
    );
    const rest = await pullAll(first.nextCheckpoint);
    expect(new Set([...first.items, ...rest.items].map((i) => i.externalId)).size).toBe(251);
  });

  it.each([
    [
      "a wrong SecretKey",
      { secretKey: "wrongSecretKey00000000000000000" },
      NOW,
      "tencent_auth_failed",
    ],
    ["an unknown SecretId", { secretId: "AKIDunknown0000000000" }, NOW, "tencent_auth_failed"],
    ["a clock 10 minutes fast", {}, NOW + 600_000, "tencent_clock_skew"],
  ])("stops with AuthConnectorError for %s", async (_what, change, now, code) => {
    const cfg = parseConfig(tencentAutomotiveConnector, { ...config, ...change });
    const error = await pull.pullPage(undefined, context(cfg, now)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error).toMatchObject({ code });
    expect(String(error)).not.toContain(TENCENT_TEST_SECRET_KEY);
  });

  it("treats a CAM policy without the action as an auth problem", async () => {
    server.use(tencentAuthFailure("UnauthorizedOperation"));
    await expect(pull.pullPage(undefined, context())).rejects.toMatchObject({
      kind: "auth",
      code: "tencent_permission_denied",
    });
  });

  it.each([200, 502, 503] as const)("retries Tencent's failure (%i)", async (kind) => {
    server.use(tencentServerError(kind, { once: true }));
    await expect(pull.pullPage(undefined, context())).rejects.toBeInstanceOf(
      RetryableConnectorError,
    );
  });

  it("is permanent about a cursor Tencent does not accept", async () => {
    const stale: TencentCheckpoint = {
      windowStart: "2026-11-26T00:00:00.000Z",
      windowEnd: "2026-11-27T00:00:00.000Z",
      cursor: "bm90LWEtY3Vyc29y",
    };
    await expect(pull.pullPage(stale, context())).rejects.toSatisfy(
      (e) => e instanceof PermanentConnectorError && e.code === "tencent_invalid_request",
    );
  });

  it("treats a proxy page as retryable and a wrong shape as permanent", async () => {
    server.use(tencentMalformed("html"));
    await expect(pull.pullPage(undefined, context())).rejects.toMatchObject({
      code: "vendor_invalid_response",
    });
    server.use(tencentMalformed("shape"));
    await expect(pull.pullPage(undefined, context())).rejects.toMatchObject({
      code: "tencent_unexpected_response",
    });
  });

  it("tests the connection with a one-clue call", async () => {
    expect(await tencentAutomotiveConnector.testConnection!(context())).toEqual({
      ok: true,
      detail: "clues in the last 24 hours",
    });
    expect(bodies[0]).toMatchObject({ Limit: 1 });
  });
});
