import { createHmac } from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import {
  classifyYonyouAnswer,
  clearYonyouCaches,
  yonyouConnector,
  yonyouSignature,
} from "./index.js";
import {
  PUSH_TEST_ORDER,
  pushFailure,
  pushTestOrder,
  shownText,
  YONYOU_TEST_APP_KEY,
  YONYOU_TEST_APP_SECRET,
  YONYOU_TEST_TENANT_ID,
  type YonyouMock,
  yonyouMock,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let yy: YonyouMock;
beforeEach(() => {
  clearYonyouCaches();
  yy = yonyouMock();
  server.use(...yy.handlers);
});

const config = parseConfig(yonyouConnector, {
  tenantId: YONYOU_TEST_TENANT_ID,
  appKey: YONYOU_TEST_APP_KEY,
  appSecret: YONYOU_TEST_APP_SECRET,
  salesOrgId: "1001A110000000000ORG",
  transactionTypeId: "1001A1100000000SO01",
  agentId: "2002B2200000000WALK",
  products: {
    vehicle: "1001A1100000000CAR1",
    accessory: "1001A1100000000ACC1",
    fee: "1001A1100000000SVC1",
  },
  masterUnitId: "1001A1100000000UNIT",
  timeoutMs: 250,
});
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);
const ORDER = pushTestOrder({
  customer: { ...PUSH_TEST_ORDER.customer, externalIds: { yonyou: "2002B2200000000WANG" } },
});
const T0 = Date.parse("2026-11-27T03:00:00Z");

function ctx(options: { config?: Partial<typeof config>; key?: string; now?: number } = {}) {
  return createPushContext(yonyouConnector, {
    config: { ...config, ...options.config },
    idempotencyKey: options.key ?? KEY,
    now: () => options.now ?? T0,
  });
}
const push = (order: PushOrder = ORDER, context = ctx()) => yonyouConnector.push!(order, context);

describe("YonBIP token signature", () => {
  it("is base64 HMAC-SHA256 of appKey…timestamp… keyed by the app secret", async () => {
    const timestamp = "1795750862000";
    const signature = await yonyouSignature(YONYOU_TEST_APP_KEY, YONYOU_TEST_APP_SECRET, timestamp);
    // Computed outside this code base (Python's hmac and base64), and again with node:crypto.
    expect(signature).toBe("E5bK42d6ePtzSVqpSxfhWXYAE9zafK8/nr1CN8/GxR0=");
    expect(signature).toBe(
      createHmac("sha256", YONYOU_TEST_APP_SECRET)
        .update(`appKey${YONYOU_TEST_APP_KEY}timestamp${timestamp}`)
        .digest("base64"),
    );
  });

  it("travels URL-encoded once in the token request", async () => {
    const seen: URL[] = [];
    server.events.on("request:start", ({ request }) => {
      seen.push(new URL(request.url));
    });
    await push(ORDER, ctx({ now: 1_795_750_862_000 }));
    server.events.removeAllListeners();
    const token = seen.find((url) => url.pathname.endsWith("/getAccessToken"))!;
    expect(token.search).toContain("signature=E5bK42d6ePtzSVqpSxfhWXYAE9zafK8%2Fnr1CN8%2FGxR0%3D");
    expect(token.searchParams.get("timestamp")).toBe("1795750862000");
  });
});

describe("YonBIP push", () => {
  it("looks the gateway up, signs for a token, and saves the order with resubmitCheckKey", async () => {
    const result = await push();
    const saved = yy.orders.get(result.externalId)!;
    expect(result).toEqual({
      externalId: saved.id,
      externalNumber: "BJ01-20261127-0001",
      created: true,
      externalCustomerId: "2002B2200000000WANG",
    });
    expect(saved).toMatchObject({
      resubmitCheckKey: KEY,
      code: "BJ01-20261127-0001",
      vouchdate: "2026-11-27",
      salesOrgId: "1001A110000000000ORG",
      "orderPrices!currency": "CNY",
    });
    expect(saved.orderDetails).toEqual([
      expect.objectContaining({
        productId: "1001A1100000000CAR1",
        qty: 1,
        oriTaxUnitPrice: "219900.00",
        oriSum: "219900.00",
        taxRate: 13,
      }),
      expect.objectContaining({
        productId: "1001A1100000000ACC1",
        qty: 2,
        oriTaxUnitPrice: "450.00",
        oriSum: "900.00",
      }),
      expect.objectContaining({ productId: "1001A1100000000SVC1", taxRate: 0 }),
    ]);
    expect(saved.id).toMatch(/^\d{16}$/);
    expect([yy.gatewayLookups, yy.tokenRequests, yy.created]).toEqual([1, 1, 1]);
  });

  it("returns the same order for a second push with the same key, creating nothing", async () => {
    const first = await push();
    const second = await push();
    expect(second).toEqual({ ...first, created: false });
    expect(yy.created).toBe(1);
  });

  it("keeps the token for its lifetime, and fetches a new one when it is about to end", async () => {
    await push();
    const other = pushTestOrder({
      ...ORDER,
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TZ",
      orderNumber: "BJ01-20261127-0002",
    });
    await push(other, ctx({ key: orderIdempotencyKey(other.id, 1), now: T0 + 60 * 60_000 }));
    expect([yy.gatewayLookups, yy.tokenRequests]).toEqual([1, 1]);
    const third = pushTestOrder({
      ...ORDER,
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TY",
      orderNumber: "BJ01-20261127-0003",
    });
    await push(
      third,
      ctx({ key: orderIdempotencyKey(third.id, 1), now: T0 + 2 * 60 * 60_000 - 60_000 }),
    );
    expect([yy.gatewayLookups, yy.tokenRequests]).toEqual([1, 2]);
  });

  it("fetches a fresh token once when YonBIP refuses the cached one, and replays", async () => {
    await push();
    yy.expireTokens();
    const other = pushTestOrder({
      ...ORDER,
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TZ",
      orderNumber: "BJ01-20261127-0002",
    });
    const result = await push(other, ctx({ key: orderIdempotencyKey(other.id, 1) }));
    expect(result.created).toBe(true);
    expect(yy.tokenRequests).toBe(2);
  });

  it("gives up with AuthConnectorError when the app secret is wrong", async () => {
    const error = await pushFailure(
      push(ORDER, ctx({ config: { appSecret: "not-the-app-secret-0000" } })),
    );
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.code).toBe("yonyou_token_refused");
    expect(error.message).toContain("签名验证失败");
    expect(shownText(error)).not.toContain("not-the-app-secret-0000");
  });

  it("maps 429 to a retryable error with Retry-After, and gateway errors and timeouts to retryable", async () => {
    yy.fail({ kind: "throttle", retryAfterSeconds: 15 }, { on: "save" });
    const throttled = await pushFailure(push());
    expect(throttled).toBeInstanceOf(RetryableConnectorError);
    expect((throttled as RetryableConnectorError).retryAfterMs).toBe(15_000);
    yy.fail({ kind: "server", status: 502 }, { on: "list" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    yy.fail({ kind: "timeout" }, { on: "save" });
    expect((await pushFailure(push())).code).toBe("vendor_timeout");
    expect(yy.created).toBe(0);
  });

  it("maps a refused save to a permanent error with YonBIP's message and code, no secrets", async () => {
    const error = await pushFailure(
      push(
        ORDER,
        ctx({
          config: { products: { vehicle: "NO-SUCH-PRODUCT", default: "1001A1100000000SVC1" } },
        }),
      ),
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("yonyou_rejected");
    expect(error.message).toBe(
      "YonBIP singleSave: 保存失败：物料[NO-SUCH-PRODUCT]不存在 (code 999)",
    );
    expect(shownText(error)).not.toContain(YONYOU_TEST_APP_SECRET);
  });

  it.each(["reset", "timeout"] as const)(
    "finds the order on retry when the save's response was lost (%s)",
    async (how) => {
      yy.loseResponse(how);
      expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
      expect(yy.created).toBe(1);
      const retry = await push();
      expect(retry).toMatchObject({ externalId: [...yy.orders.keys()][0], created: false });
      expect(yy.created).toBe(1);
    },
  );

  it("takes a refused repeated submission as the earlier attempt's order", async () => {
    yy.loseResponse("reset");
    await pushFailure(push());
    yy.listLag = 1;
    const retry = await push();
    expect(retry).toMatchObject({ externalId: [...yy.orders.keys()][0], created: false });
    expect(yy.created).toBe(1);
    yy.listLag = 2;
    const pending = await pushFailure(push());
    expect(pending).toBeInstanceOf(RetryableConnectorError);
    expect(pending.code).toBe("yonyou_submission_pending");
  });

  it("uses the walk-in customer, and refuses an order with no customer at all", async () => {
    expect((await push(PUSH_TEST_ORDER)).externalCustomerId).toBe("2002B2200000000WALK");
    const stranger = pushTestOrder({ orderNumber: "BJ01-20261127-0002" });
    const error = await pushFailure(push(stranger, ctx({ config: { agentId: undefined } })));
    expect(error.code).toBe("yonyou_no_customer");
  });

  it("refuses an unknown tenant as AuthConnectorError", async () => {
    const error = await pushFailure(push(ORDER, ctx({ config: { tenantId: "nosuchtenant" } })));
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.code).toBe("yonyou_gateway_lookup_failed");
  });

  it("skips the gateway lookup when the connection names the addresses", async () => {
    await push(
      ORDER,
      ctx({
        config: {
          gatewayUrl: "https://c2.yonyoucloud.test/iuap-api-gateway",
          tokenUrl: "https://c2.yonyoucloud.test/iuap-api-auth",
        },
      }),
    );
    expect(yy.gatewayLookups).toBe(0);
  });
});

describe("classifyYonyouAnswer", () => {
  it.each([
    ["200", "操作成功", 200, "ok"],
    ["00000", "成功", 200, "ok"],
    ["401", "access_token 已失效", 200, "token_invalid"],
    ["999", "非法token，access_token 无效", 200, "token_invalid"],
    ["999", "anything", 401, "token_invalid"],
    ["429", "访问频率过高", 429, "rate_limited"],
    ["999", "请勿重复提交", 200, "duplicate_submission"],
    ["500", "系统繁忙，请稍后重试", 200, "unavailable"],
    ["999", "客户不存在", 200, "rejected"],
  ] as const)("code %s, %s (HTTP %i) → %s", (code, message, status, expected) => {
    expect(classifyYonyouAnswer(code, message, status)).toBe(expected);
  });
});
