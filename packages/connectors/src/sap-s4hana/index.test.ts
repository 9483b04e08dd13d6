import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import { clearSapTokenCache, sapS4hanaConnector } from "./index.js";
import {
  PUSH_TEST_ORDER,
  pushFailure,
  pushTestOrder,
  SAP_TEST_BASE_URL,
  SAP_TEST_CLIENT_ID,
  SAP_TEST_CLIENT_SECRET,
  SAP_TEST_PASSWORD,
  SAP_TEST_TOKEN_URL,
  SAP_TEST_USERNAME,
  type SapMock,
  sapMock,
  shownText,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let sap: SapMock;
beforeEach(() => {
  clearSapTokenCache();
  sap = sapMock();
  server.use(...sap.handlers);
});

const config = parseConfig(sapS4hanaConnector, {
  baseUrl: SAP_TEST_BASE_URL,
  auth: { method: "basic", username: SAP_TEST_USERNAME, password: SAP_TEST_PASSWORD },
  salesOrganization: "1710",
  distributionChannel: "10",
  organizationDivision: "00",
  soldToParty: "17100099",
  materials: { vehicle: "TG-PASSAT-380", accessory: "TG-ACC-MAT", fee: "TG-SVC-PLATE" },
  priceConditionType: "PMP0",
  timeoutMs: 250,
});
const OAUTH = {
  method: "oauth2_client_credentials",
  tokenUrl: SAP_TEST_TOKEN_URL,
  clientId: SAP_TEST_CLIENT_ID,
  clientSecret: SAP_TEST_CLIENT_SECRET,
} as const;
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);
const ORDER = pushTestOrder({
  customer: { ...PUSH_TEST_ORDER.customer, externalIds: { sap_s4hana: "17100001" } },
});

function ctx(
  options: { config?: Partial<typeof config>; fetch?: typeof fetch; key?: string } = {},
) {
  return createPushContext(sapS4hanaConnector, {
    config: { ...config, ...options.config },
    idempotencyKey: options.key ?? KEY,
    ...(options.fetch && { fetch: options.fetch }),
  });
}
const push = (order: PushOrder = ORDER, context = ctx()) =>
  sapS4hanaConnector.push!(order, context);

describe("SAP S/4HANA push", () => {
  it("fetches a CSRF token and deep-inserts the sales order with its items", async () => {
    const result = await push();
    expect(result).toEqual({
      externalId: "1000001",
      externalNumber: "1000001",
      created: true,
      externalCustomerId: "17100001",
    });
    const order = sap.orders.get("1000001")!;
    expect(order).toMatchObject({
      SalesOrderType: "OR",
      SalesOrganization: "1710",
      DistributionChannel: "10",
      OrganizationDivision: "00",
      SoldToParty: "17100001",
      PurchaseOrderByCustomer: "BJ01-20261127-0001",
      CustomerPurchaseOrderDate: `/Date(${Date.parse("2026-11-27T00:00:00Z")})/`,
      TransactionCurrency: "CNY",
    });
    const items = (order.to_Item as { results: Record<string, unknown>[] }).results;
    expect(
      items.map((item) => [item.SalesOrderItem, item.Material, item.RequestedQuantity]),
    ).toEqual([
      ["10", "TG-PASSAT-380", "1"],
      ["20", "TG-ACC-MAT", "2"],
      ["30", "TG-SVC-PLATE", "1"],
    ]);
    // ¥229,900 less the ¥10,000 discount, without its 13 % VAT.
    expect(items[0]!.to_PricingElement).toEqual([
      { ConditionType: "PMP0", ConditionRateValue: "194601.77", ConditionCurrency: "CNY" },
    ]);
    expect(sap.csrfFetches).toBe(1);
  });

  it("returns the same sales order for a second push with the same key, creating nothing", async () => {
    const first = await push();
    const second = await push();
    expect(second).toEqual({ ...first, created: false });
    expect(sap.created).toBe(1);
  });

  it("fetches the CSRF token again once when SAP answers 403 Required, and replays", async () => {
    let expired = false;
    const expiring: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!expired && response.headers.get("x-csrf-token")) {
        expired = true;
        sap.expireCsrfTokens();
      }
      return response;
    };
    const result = await push(ORDER, ctx({ fetch: expiring }));
    expect(result.created).toBe(true);
    expect(sap.csrfFetches).toBe(2);
    expect(sap.created).toBe(1);
  });

  it("gives up when SAP refuses the fresh CSRF token too", async () => {
    const alwaysExpired: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.headers.get("x-csrf-token")) sap.expireCsrfTokens();
      return response;
    };
    const error = await pushFailure(push(ORDER, ctx({ fetch: alwaysExpired })));
    expect(error.code).toBe("sap_csrf_required");
    expect(sap.created).toBe(0);
  });

  it("uses an OAuth2 client-credentials token, kept between pushes and renewed on a 401", async () => {
    const oauth = ctx({ config: { auth: OAUTH } });
    await push(ORDER, oauth);
    const other = pushTestOrder({
      ...ORDER,
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TZ",
      orderNumber: "BJ01-20261127-0002",
    });
    await push(other, ctx({ config: { auth: OAUTH }, key: orderIdempotencyKey(other.id, 1) }));
    expect(sap.tokenRequests).toBe(1);
    sap.expireBearerTokens();
    const third = pushTestOrder({
      ...ORDER,
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TY",
      orderNumber: "BJ01-20261127-0003",
    });
    expect(
      (await push(third, ctx({ config: { auth: OAUTH }, key: orderIdempotencyKey(third.id, 1) })))
        .created,
    ).toBe(true);
    expect(sap.tokenRequests).toBe(2);
  });

  it("refuses wrong credentials as AuthConnectorError without showing them", async () => {
    const error = await pushFailure(
      push(
        ORDER,
        ctx({
          config: {
            auth: { method: "basic", username: SAP_TEST_USERNAME, password: "Wrong-Pass-123" },
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.status).toBe(401);
    const badClient = await pushFailure(
      push(ORDER, ctx({ config: { auth: { ...OAUTH, clientSecret: "not-the-secret-0000" } } })),
    );
    expect(badClient).toBeInstanceOf(AuthConnectorError);
    expect(badClient.code).toBe("sap_token_refused");
    expect(`${shownText(error)} ${shownText(badClient)}`).not.toMatch(
      /Wrong-Pass-123|not-the-secret-0000/,
    );
  });

  it("maps 429 to a retryable error with Retry-After, and 5xx and timeouts to retryable", async () => {
    sap.fail({ kind: "throttle", retryAfterSeconds: 12 }, { on: "create" });
    const throttled = await pushFailure(push());
    expect((throttled as RetryableConnectorError).retryAfterMs).toBe(12_000);
    sap.fail({ kind: "server", status: 503 }, { on: "query" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    sap.fail({ kind: "server", status: 500 }, { on: "create" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    sap.fail({ kind: "timeout" }, { on: "csrf" });
    expect((await pushFailure(push())).code).toBe("vendor_timeout");
    expect(sap.created).toBe(0);
  });

  it("maps an OData error on a 400 to a permanent error with SAP's text, no secrets", async () => {
    const error = await pushFailure(
      push(
        ORDER,
        ctx({ config: { materials: { vehicle: "TG-UNKNOWN", default: "TG-SVC-PLATE" } } }),
      ),
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("sap_rejected");
    expect(error.message).toContain(
      "Material TG-UNKNOWN is not defined for sales org. 1710, distr. chan. 10 (V1/392)",
    );
    expect(error.requestId).toBe("0A1B2C3D4E5F4A5B8C7D6E5F4A3B2C1D");
    expect(shownText(error)).not.toContain(SAP_TEST_PASSWORD);
  });

  it.each(["reset", "timeout"] as const)(
    "finds the sales order on retry when the creation's response was lost (%s)",
    async (how) => {
      sap.loseResponse(how);
      expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
      expect(sap.created).toBe(1);
      expect(await push()).toMatchObject({ externalId: "1000001", created: false });
      expect(sap.created).toBe(1);
    },
  );

  it("refuses what SAP cannot hold before calling it", async () => {
    const long = pushTestOrder({ ...ORDER, orderNumber: "SHANGHAIPUDONG-20261127-000001-EXTRA" });
    expect((await pushFailure(push(long))).code).toBe("sap_order_number_too_long");
    expect(
      (await pushFailure(push(PUSH_TEST_ORDER, ctx({ config: { soldToParty: undefined } })))).code,
    ).toBe("sap_no_sold_to_party");
    expect(sap.csrfFetches).toBe(0);
  });
});

describe("SAP testConnection", () => {
  it("fetches a CSRF token", async () => {
    expect(await sapS4hanaConnector.testConnection!(ctx())).toMatchObject({ ok: true });
    expect(sap.csrfFetches).toBe(1);
  });
});
