import { leadInputSchema } from "@forecourt/sdk";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContext, parseConfig } from "../define.js";
import {
  AuthConnectorError,
  type ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { META_DEFAULT_RATE_LIMIT_WAIT_MS, metaLeadAdsConnector } from "./index.js";
import {
  META_LEAD_CN,
  META_LEAD_EN,
  META_TEST_APP_SECRET,
  META_TEST_PAGE_ID,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
  metaGraphHandlers,
  metaLeadgenNotification,
  metaMalformedResponse,
  metaNotificationPost,
  metaRateLimited,
  metaSeriesLookup,
  metaServerError,
  metaTokenExpired,
} from "./mocks.js";

const server = setupServer(
  ...metaGraphHandlers({ leads: [META_LEAD_CN, META_LEAD_EN], appSecret: META_TEST_APP_SECRET }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const config = parseConfig(metaLeadAdsConnector, {
  appSecret: META_TEST_APP_SECRET,
  verifyToken: META_TEST_VERIFY_TOKEN,
  pageAccessToken: META_TEST_PAGE_TOKEN,
});
const ctx = (overrides: Partial<typeof config> = {}) =>
  createContext(metaLeadAdsConnector, { config: { ...config, ...overrides } });
const reference = (id: string) => ({
  type: "meta.leadgen",
  id,
  data: { pageId: META_TEST_PAGE_ID },
});

async function fetchFailure(id: string, context = ctx()): Promise<ConnectorError> {
  return metaLeadAdsConnector.fetchReference!(reference(id), context).then(
    () => expect.unreachable("should have failed"),
    (error: ConnectorError) => error,
  );
}

function expectNoSecrets(error: ConnectorError) {
  const shown = `${error.message} ${JSON.stringify(error.raw)} ${String(error.cause ?? "")}`;
  expect(shown).not.toContain(META_TEST_PAGE_TOKEN);
  expect(shown).not.toContain(META_TEST_APP_SECRET);
}

describe("Meta fetchReference", () => {
  it("reads the lead by its exact 64-bit id with the page token and appsecret_proof", async () => {
    const lead = await metaLeadAdsConnector.fetchReference!(
      reference("1234567890123456789"),
      ctx(),
    );
    expect(lead).toMatchObject({
      source: "meta_lead_ads",
      channel: "social",
      externalId: "1234567890123456789",
      contact: { name: "王芳", phone: "+8613912345678", email: "wang.fang@example.cn" },
      city: "杭州",
      region: "330000",
    });
    expect(leadInputSchema.safeParse(lead).success).toBe(true);
  });

  it("sends the ids and fields Meta needs", async () => {
    const seen: URL[] = [];
    server.events.on("request:start", ({ request }) => {
      seen.push(new URL(request.url));
    });
    await metaLeadAdsConnector.fetchReference!(reference("987654321098765"), ctx());
    server.events.removeAllListeners();
    expect(seen[0]!.pathname).toBe("/v21.0/987654321098765");
    expect(seen[0]!.searchParams.get("fields")).toContain("field_data");
    expect(seen[0]!.searchParams.get("access_token")).toBe(META_TEST_PAGE_TOKEN);
    expect(seen[0]!.searchParams.get("appsecret_proof")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("follows the connection's baseUrl and apiVersion (a sandbox)", async () => {
    server.use(
      ...metaGraphHandlers({ baseUrl: "http://graph.sandbox.test", leads: [META_LEAD_EN] }),
    );
    const lead = await metaLeadAdsConnector.fetchReference!(
      reference("987654321098765"),
      ctx({ baseUrl: "http://graph.sandbox.test", apiVersion: "v23.0" }),
    );
    expect(lead.externalId).toBe("987654321098765");
  });

  it("maps error 190 (expired token) to AuthConnectorError, token redacted", async () => {
    server.use(metaTokenExpired());
    const error = await fetchFailure("1234567890123456789");
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.code).toBe("meta_token_invalid");
    expect(error.message).toMatch(/error 190\/463: Error validating access token/);
    expect(error.requestId).toBe("AbCdEfGhIjK");
    expectNoSecrets(error);
  });

  it("maps a token Meta does not recognise to AuthConnectorError", async () => {
    const error = await fetchFailure(
      "1234567890123456789",
      ctx({ pageAccessToken: "EAAwrong-token-0123456789" }),
    );
    expect(error).toBeInstanceOf(AuthConnectorError);
  });

  it.each([4, 17, 32, 613] as const)(
    "maps rate limit %i to a retryable error with Meta's wait",
    async (code) => {
      server.use(metaRateLimited({ code, regainMinutes: 7 }));
      const error = await fetchFailure("1234567890123456789");
      expect(error).toBeInstanceOf(RetryableConnectorError);
      expect(error.code).toBe("meta_rate_limited");
      expect((error as RetryableConnectorError).retryAfterMs).toBe(7 * 60_000);
    },
  );

  it("waits a default time after a rate limit without a usable hint", async () => {
    server.use(metaRateLimited({ code: 4, regainMinutes: 0 }));
    const error = await fetchFailure("1234567890123456789");
    expect((error as RetryableConnectorError).retryAfterMs).toBe(META_DEFAULT_RATE_LIMIT_WAIT_MS);
  });

  it.each([500, 502, 503] as const)("maps %i to a retryable error", async (status) => {
    server.use(metaServerError(status));
    const error = await fetchFailure("1234567890123456789");
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.status).toBe(status);
  });

  it("maps error 100 (unknown lead, bad parameter) to PermanentConnectorError", async () => {
    const error = await fetchFailure("1111111111111111111");
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("meta_invalid_request");
    expect(error.message).toMatch(/error 100\/33/);
  });

  it("maps a permission error (code 200) to AuthConnectorError", async () => {
    server.use(
      http.get("https://graph.facebook.com/*", () =>
        HttpResponse.json(
          {
            error: {
              message: "(#200) Requires leads_retrieval permission",
              type: "OAuthException",
              code: 200,
            },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await fetchFailure("1234567890123456789");
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.code).toBe("meta_permission_missing");
  });

  it("treats a 200 that is not JSON as retryable, and a wrong shape as permanent", async () => {
    server.use(metaMalformedResponse("html"));
    expect(await fetchFailure("1234567890123456789")).toBeInstanceOf(RetryableConnectorError);
    server.resetHandlers();
    server.use(metaMalformedResponse("shape"));
    const shape = await fetchFailure("1234567890123456789");
    expect(shape).toBeInstanceOf(PermanentConnectorError);
    expect(shape.code).toBe("meta_unexpected_response");
  });

  it("refuses a reference that is not a lead id without calling Meta", async () => {
    const error = await fetchFailure("../me?fields=");
    expect(error).toBeInstanceOf(PermanentConnectorError);
    await expect(
      metaLeadAdsConnector.fetchReference!({ type: "google.lead", id: "1" }, ctx()),
    ).rejects.toThrow(/cannot fetch a "google.lead" reference/);
  });

  it("carries a notification's id through verify → parse → fetch exactly", async () => {
    const post = await metaNotificationPost(
      metaLeadgenNotification([{ leadgen_id: "1234567890123456789" }]),
    );
    const webhook = metaLeadAdsConnector.webhook!;
    expect(await webhook.verify(post.rawBody, post.headers, config, post.request)).toEqual({
      ok: true,
    });
    const { events } = await webhook.parse(post.rawBody, post.headers, config, post.request);
    const event = events[0]!;
    if (event.kind !== "reference") throw new Error("expected a reference");
    const lead = await metaLeadAdsConnector.fetchReference!(event.reference, ctx());
    expect(lead.externalId).toBe(event.externalId);
    expect(lead.attributes).toMatchObject({ "meta.page_id": META_TEST_PAGE_ID });
  });
});

describe("Meta Graph mock: leads looked up on demand", () => {
  it("serves the series' leads by id, and Meta's unknown-object error past its end", async () => {
    server.use(
      ...metaGraphHandlers({ findLead: metaSeriesLookup(3), appSecret: META_TEST_APP_SECRET }),
    );
    const third = await metaLeadAdsConnector.fetchReference!(reference("9007199254740995"), ctx());
    expect(third.externalId).toBe("9007199254740995");
    expect(third.contact?.name).toBe("客户3");
    for (const id of ["9007199254740996", "9007199254740992"]) {
      expect(await fetchFailure(id)).toBeInstanceOf(PermanentConnectorError);
    }
  });
});

describe("Meta testConnection", () => {
  it("names the token's page, and notices a token for another page", async () => {
    expect(await metaLeadAdsConnector.testConnection!(ctx())).toEqual({
      ok: true,
      detail: `page 杭州新能源汽车体验中心 (${META_TEST_PAGE_ID})`,
    });
    expect(await metaLeadAdsConnector.testConnection!(ctx({ pageId: "42" }))).toMatchObject({
      ok: false,
    });
  });

  it("lets an expired token surface as AuthConnectorError", async () => {
    server.use(metaTokenExpired());
    await expect(metaLeadAdsConnector.testConnection!(ctx())).rejects.toBeInstanceOf(
      AuthConnectorError,
    );
  });
});
