import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import { kingdeeConnector } from "./index.js";
import {
  KINGDEE_TEST_ACCT_ID,
  KINGDEE_TEST_APP_ID,
  KINGDEE_TEST_APP_SECRET,
  KINGDEE_TEST_BASE_URL,
  KINGDEE_TEST_PASSWORD,
  KINGDEE_TEST_USERNAME,
  type KingdeeMock,
  kingdeeMock,
  PUSH_TEST_ORDER,
  pushFailure,
  pushTestOrder,
  shownText,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let kd: KingdeeMock;
beforeEach(() => {
  kd = kingdeeMock();
  server.use(...kd.handlers);
});

const config = parseConfig(kingdeeConnector, {
  baseUrl: KINGDEE_TEST_BASE_URL,
  acctId: KINGDEE_TEST_ACCT_ID,
  username: KINGDEE_TEST_USERNAME,
  login: { method: "password", password: KINGDEE_TEST_PASSWORD },
  saleOrgNumber: "100",
  materials: { vehicle: "CAR.PASSAT.380", default: "MISC" },
  materialByCode: { "ACC-MAT": "ACC.MAT", "FEE-PLATE": "SVC.PLATE" },
  customerNumber: "CUST0001",
  submit: true,
  audit: true,
  timeoutMs: 250,
});
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);
const ctx = (overrides: Partial<typeof config> = {}) =>
  createPushContext(kingdeeConnector, { config: { ...config, ...overrides }, idempotencyKey: KEY });
const push = (order: PushOrder = PUSH_TEST_ORDER, context = ctx()) =>
  kingdeeConnector.push!(order, context);

describe("Kingdee push", () => {
  it("logs in, saves the sales order, submits and audits it", async () => {
    const result = await push();
    expect(result).toEqual({
      externalId: "100001",
      externalNumber: "BJ01-20261127-0001",
      created: true,
      externalCustomerId: "CUST0042",
    });
    const bill = kd.bills.get(100_001)!;
    expect(bill.FDocumentStatus).toBe("C");
    expect(bill.model).toMatchObject({
      FBillNo: "BJ01-20261127-0001",
      FBillTypeID: { FNumber: "XSDD01_SYS" },
      FDate: "2026-11-27",
      FSaleOrgId: { FNumber: "100" },
      FCustId: { FNumber: "CUST0042" },
      FSaleOrderFinance: { FSettleCurrId: { FNumber: "PRE001" }, FIsPriceExcludeTax: false },
    });
    expect(bill.model.FNote).toMatch(/置换抵扣 trade-in credit 45000.00 CNY/);
    expect(bill.model.FSaleOrderEntry).toEqual([
      expect.objectContaining({
        FMaterialId: { FNumber: "CAR.PASSAT.380" },
        FQty: 1,
        FTaxPrice: 219_900,
        FEntryTaxRate: 13,
      }),
      expect.objectContaining({
        FMaterialId: { FNumber: "ACC.MAT" },
        FQty: 2,
        FTaxPrice: 450,
        FEntryTaxRate: 13,
      }),
      expect.objectContaining({
        FMaterialId: { FNumber: "SVC.PLATE" },
        FQty: 1,
        FTaxPrice: 1_500,
        FEntryTaxRate: 0,
      }),
    ]);
    expect(kd.logins).toBe(1);
    expect(kd.cookies.every((cookie) => cookie.includes("kdservice-sessionid="))).toBe(true);
  });

  it("returns the same bill for a second push with the same key, creating nothing", async () => {
    const first = await push();
    const second = await push();
    expect(second).toEqual({ ...first, created: false });
    expect(kd.created).toBe(1);
  });

  it("logs in again once when K3Cloud has lost the session, and replays", async () => {
    kd.fail({ kind: "session_lost" }, { on: "save" });
    const result = await push();
    expect(result.created).toBe(true);
    expect(kd.logins).toBe(2);
    expect(kd.created).toBe(1);
  });

  it("logs in again when the sessions expired between calls", async () => {
    let expired = false;
    const expiring: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (!expired && url.includes("ExecuteBillQuery")) {
        expired = true;
        kd.expireSessions();
      }
      return response;
    };
    const result = await push(
      PUSH_TEST_ORDER,
      createPushContext(kingdeeConnector, { config, idempotencyKey: KEY, fetch: expiring }),
    );
    expect(result.created).toBe(true);
    expect(kd.logins).toBe(2);
  });

  it("stays retryable when the session is lost again right after logging in", async () => {
    kd.fail({ kind: "session_lost" }, { on: "query", times: 2 });
    const error = await pushFailure(push());
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect(error.code).toBe("kingdee_session_lost");
    expect(kd.created).toBe(0);
  });

  it("refuses bad credentials as AuthConnectorError without showing the password", async () => {
    const error = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ login: { method: "password", password: "wrong-Pass-0000" } })),
    );
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.code).toBe("kingdee_login_failed");
    expect(error.message).toContain("用户名或密码错误");
    expect(shownText(error)).not.toContain("wrong-Pass-0000");
  });

  it("logs in with a third-party app's secret", async () => {
    const result = await push(
      PUSH_TEST_ORDER,
      ctx({
        login: {
          method: "app_secret",
          appId: KINGDEE_TEST_APP_ID,
          appSecret: KINGDEE_TEST_APP_SECRET,
        },
      }),
    );
    expect(result.created).toBe(true);
  });

  it("maps 429 to a retryable error with Retry-After, and 5xx and timeouts to retryable errors", async () => {
    kd.fail({ kind: "throttle", retryAfterSeconds: 20 }, { on: "save" });
    const throttled = await pushFailure(push());
    expect(throttled).toBeInstanceOf(RetryableConnectorError);
    expect((throttled as RetryableConnectorError).retryAfterMs).toBe(20_000);
    kd.fail({ kind: "server", status: 502 }, { on: "login" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    kd.fail({ kind: "timeout" }, { on: "query" });
    expect((await pushFailure(push())).code).toBe("vendor_timeout");
    expect(kd.created).toBe(0);
  });

  it("maps a refused Save to a permanent error with each field and message, no secrets", async () => {
    const error = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ materials: { vehicle: "CAR.UNKNOWN" } })),
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("kingdee_rejected");
    expect(error.message).toContain("FMaterialId: 第1行分录，物料编码 CAR.UNKNOWN 不存在");
    expect(shownText(error)).not.toContain(KINGDEE_TEST_PASSWORD);
    expect(kd.created).toBe(0);
  });

  it.each(["reset", "timeout"] as const)(
    "finds the bill on retry when the Save response was lost (%s), then submits and audits it",
    async (how) => {
      kd.loseResponse(how, { on: "save" });
      expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
      expect(kd.bills.get(100_001)!.FDocumentStatus).toBe("A");
      const retry = await push();
      expect(retry).toMatchObject({ externalId: "100001", created: false });
      expect(kd.bills.get(100_001)!.FDocumentStatus).toBe("C");
      expect(kd.created).toBe(1);
    },
  );

  it("audits a bill whose audit answer was lost after it was submitted", async () => {
    kd.loseResponse("reset", { on: "submit" });
    await pushFailure(push());
    expect(kd.bills.get(100_001)!.FDocumentStatus).toBe("B");
    expect((await push()).created).toBe(false);
    expect(kd.bills.get(100_001)!.FDocumentStatus).toBe("C");
  });

  it("lets Kingdee number the bill and keeps the order number in an external field", async () => {
    const own = ctx({
      billNumber: "kingdee",
      externalNumberField: "F_FC_OrderNo",
      audit: false,
      submit: false,
    });
    const first = await push(PUSH_TEST_ORDER, own);
    expect(first.externalNumber).toBe("XSDD00100001");
    expect(kd.bills.get(100_001)!.model).toMatchObject({ F_FC_OrderNo: "BJ01-20261127-0001" });
    expect(kd.bills.get(100_001)!.FDocumentStatus).toBe("A");
    expect(await push(PUSH_TEST_ORDER, own)).toEqual({ ...first, created: false });
  });

  it("uses the walk-in customer for an unknown name, and refuses when there is none", async () => {
    const stranger = pushTestOrder({ customer: { ...PUSH_TEST_ORDER.customer, name: "赵六" } });
    expect((await push(stranger)).externalCustomerId).toBe("CUST0001");
    const nowhere = pushTestOrder({
      orderNumber: "BJ01-20261127-0002",
      customer: { ...PUSH_TEST_ORDER.customer, name: "赵六" },
    });
    const error = await pushFailure(push(nowhere, ctx({ customerNumber: undefined })));
    expect(error.code).toBe("kingdee_no_customer");
  });
});

describe("Kingdee testConnection", () => {
  it("logs in", async () => {
    expect(await kingdeeConnector.testConnection!(ctx())).toMatchObject({ ok: true });
  });
});
