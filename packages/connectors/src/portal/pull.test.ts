import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContext, parseConfig } from "../define.js";
import { drainPull } from "../drain-pull.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import {
  type PortalCheckpoint,
  type PortalConfig,
  portalConnector,
  portalPreset,
} from "./index.js";
import { portalFailure, portalHandlers, portalRecords } from "./mocks.js";

const NOW = Date.parse("2026-11-27T03:00:00Z");
const autohome = parseConfig(
  portalConnector,
  portalPreset("autohome", {
    signing: { token: "autohome-oauth-token-0123456789" },
    pull: {
      path: "/dealer/v1/clues",
      pageSize: 50,
      authCodes: ["2049"],
      rateLimitCodes: ["2050"],
      startFrom: "2026-11-26T00:00:00+08:00",
    },
  }),
);
const md5Portal = parseConfig(portalConnector, {
  source: "regional_portal",
  mode: "pull",
  baseUrl: "https://api.portal.example.test",
  signing: {
    scheme: "md5_sorted",
    appKey: "rp-app",
    appSecret: "rp-secret-0001",
    letterCase: "lower",
  },
  recordsPath: "",
  fieldMap: { id: "externalId", tel: "contact.phone", at: "occurredAt" },
  pull: {
    path: "/open/leads",
    timeFormat: "unix_seconds",
    pageSize: 40,
    startFrom: "2026-11-26T00:00:00Z",
  },
});

const queries: URLSearchParams[] = [];
const autohomeRecords = portalRecords(autohome, 120, Date.parse("2026-11-26T01:00:00Z"));
const md5Records = portalRecords(md5Portal, 90);
const server = setupServer(
  ...portalHandlers(autohome, autohomeRecords, {
    now: () => NOW,
    onRequest: (q) => queries.push(q),
  }),
  ...portalHandlers(md5Portal, md5Records, { now: () => NOW, onRequest: (q) => queries.push(q) }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  queries.length = 0;
});
afterAll(() => server.close());

const pull = portalConnector.pull!;
const context = (config: PortalConfig) =>
  createContext(portalConnector, { config, now: () => NOW });

const pullAll = (config: PortalConfig, start?: PortalCheckpoint) =>
  drainPull(pull, context(config), start);

describe("portal pull", () => {
  it("pages an Autohome-shaped answer with the bearer token, by its page count", async () => {
    const { items, pages: calls } = await pullAll(autohome);
    expect(items).toHaveLength(120);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(120);
    expect(calls).toBe(4); // 3 pages of the first window, 1 empty page of the second
    expect(queries[0]!.get("pageindex")).toBe("1");
    expect(queries[0]!.get("pagesize")).toBe("50");
    expect(queries[0]!.get("starttime")).toBe("2026-11-26 00:00:00");
    expect(items[0]).toMatchObject({
      externalId: "PL100000",
      lead: { source: "autohome", contact: { phone: "13510000000" } },
    });
  });

  it("signs each call with MD5 of the sorted parameters and stops at a short page", async () => {
    const { items } = await pullAll(md5Portal);
    expect(items).toHaveLength(90);
    expect(queries[0]!.get("app_key")).toBe("rp-app");
    expect(queries[0]!.get("sign")).toMatch(/^[0-9a-f]{32}$/);
    expect(queries[0]!.get("start_time")).toBe(String(Date.parse("2026-11-26T00:00:00Z") / 1000));
  });

  it("resumes from a saved page", async () => {
    const ctx = context(autohome);
    const first = await pull.pullPage(undefined, ctx);
    expect(first.nextCheckpoint).toMatchObject({ page: 2 });
    const rest = await pullAll(autohome, first.nextCheckpoint);
    expect(new Set([...first.items, ...rest.items].map((i) => i.externalId)).size).toBe(120);
  });

  it("classifies the portal's codes and HTTP failures", async () => {
    const ctx = context(autohome);
    server.use(
      portalFailure(
        autohome,
        { kind: "code", code: "2049", message: "token expired" },
        { once: true },
      ),
    );
    await expect(pull.pullPage(undefined, ctx)).rejects.toBeInstanceOf(AuthConnectorError);
    server.use(portalFailure(autohome, { kind: "code", code: "2050" }, { once: true }));
    await expect(pull.pullPage(undefined, ctx)).rejects.toMatchObject({
      code: "portal_rate_limited",
      retryAfterMs: 30_000,
    });
    server.use(portalFailure(autohome, { kind: "code", code: "1001" }, { once: true }));
    await expect(pull.pullPage(undefined, ctx)).rejects.toMatchObject({ code: "portal_rejected" });
    server.use(
      portalFailure(autohome, { kind: "http", status: 429, retryAfterSeconds: 12 }, { once: true }),
    );
    await expect(pull.pullPage(undefined, ctx)).rejects.toMatchObject({ retryAfterMs: 12_000 });
    server.use(portalFailure(autohome, { kind: "http", status: 503 }, { once: true }));
    await expect(pull.pullPage(undefined, ctx)).rejects.toBeInstanceOf(RetryableConnectorError);
    server.use(portalFailure(autohome, { kind: "http", status: 401 }, { once: true }));
    await expect(pull.pullPage(undefined, ctx)).rejects.toBeInstanceOf(AuthConnectorError);
    server.use(portalFailure(autohome, { kind: "html" }, { once: true }));
    await expect(pull.pullPage(undefined, ctx)).rejects.toMatchObject({
      code: "vendor_invalid_response",
    });
    server.use(portalFailure(autohome, { kind: "shape" }, { once: true }));
    await expect(pull.pullPage(undefined, ctx)).rejects.toBeInstanceOf(PermanentConnectorError);
  });

  it("a wrong token is the portal's auth code, and the token never shows in the error", async () => {
    const wrong = parseConfig(portalConnector, {
      ...autohome,
      signing: { scheme: "bearer", token: "wrong-token-000000000000" },
    });
    const error = await pull.pullPage(undefined, context(wrong)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(JSON.stringify([String(error), (error as AuthConnectorError).raw])).not.toContain(
      "wrong-token-000000000000",
    );
  });

  it("does nothing for a push-mode connection", async () => {
    const push = parseConfig(
      portalConnector,
      portalPreset("dongchedi", { signing: { secret: "dcd-webhook-secret-0123" } }),
    );
    const ctx = createContext(portalConnector, {
      config: { ...push, baseUrl: "https://unused.example.test" },
      now: () => NOW,
    });
    expect(await pull.pullPage(undefined, ctx)).toEqual({
      items: [],
      nextCheckpoint: undefined,
      done: true,
    });
  });
});
