import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import type { FetchFunction } from "../http.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import { quickBooksConnector } from "./index.js";
import {
  PUSH_TEST_ORDER,
  pushFailure,
  pushTestOrder,
  QUICKBOOKS_TEST_ACCESS_TOKEN,
  QUICKBOOKS_TEST_CLIENT_SECRET,
  QUICKBOOKS_TEST_ITEMS,
  QUICKBOOKS_TEST_REALM_ID,
  type QuickBooksMock,
  quickBooksMock,
  shownText,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let qbo: QuickBooksMock;
let refreshes: number;
beforeEach(() => {
  qbo = quickBooksMock();
  refreshes = 0;
  server.use(...qbo.handlers);
});

const config = parseConfig(quickBooksConnector, {
  realmId: QUICKBOOKS_TEST_REALM_ID,
  clientId: "ABk2x8qbo",
  clientSecret: QUICKBOOKS_TEST_CLIENT_SECRET,
  items: QUICKBOOKS_TEST_ITEMS,
  taxCode: "TAX",
  nonTaxableTaxCode: "NON",
  timeoutMs: 250,
});
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);

function ctx(
  options: {
    config?: Partial<typeof config>;
    token?: string;
    key?: string;
    fetch?: FetchFunction;
  } = {},
) {
  let token = options.token ?? QUICKBOOKS_TEST_ACCESS_TOKEN;
  return createPushContext(quickBooksConnector, {
    config: { ...config, ...options.config },
    idempotencyKey: options.key ?? KEY,
    ...(options.fetch && { fetch: options.fetch }),
    getAccessToken: async () => token,
    refreshAccessToken: async () => {
      refreshes += 1;
      token = qbo.accessToken;
      return token;
    },
  });
}

const push = (order: PushOrder = PUSH_TEST_ORDER, context = ctx()) =>
  quickBooksConnector.push!(order, context);

describe("QuickBooks push", () => {
  it("creates the customer, then the invoice numbered with the order number", async () => {
    const result = await push();
    const invoice = qbo.Invoice.get(result.externalId)!;
    expect(result).toEqual({
      externalId: invoice.Id,
      externalNumber: "BJ01-20261127-0001",
      url: `https://app.qbo.intuit.com/app/invoice?txnId=${invoice.Id}`,
      created: true,
      externalCustomerId: invoice.CustomerRef.value,
    });
    expect(qbo.Customer.get(invoice.CustomerRef.value)).toMatchObject({
      DisplayName: "王芳",
      PrimaryEmailAddr: { Address: "wang.fang@example.cn" },
      PrimaryPhone: { FreeFormNumber: "+8613912345678" },
    });
    expect(invoice).toMatchObject({
      TxnDate: "2026-11-27",
      DueDate: "2026-12-27",
      GlobalTaxCalculation: "TaxInclusive",
      PrivateNote: `Forecourt order ${PUSH_TEST_ORDER.id} v1`,
      TotalAmt: 177_300,
    });
    expect(
      (invoice.Line ?? []).map((line) => [
        line.Amount,
        line.SalesItemLineDetail?.ItemRef?.value,
        line.SalesItemLineDetail?.TaxCodeRef?.value,
      ]),
    ).toEqual([
      [229_900, "21", "TAX"],
      [900, "22", "TAX"],
      [1_500, "23", "NON"],
      [-10_000, "24", "TAX"],
      [-45_000, "25", "NON"],
    ]);
    expect(qbo.requestIds).toEqual([`${KEY}-c1`, KEY]);
    expect(qbo.created).toEqual({ Customer: 1, Invoice: 1, SalesReceipt: 0 });
  });

  it("returns the same invoice for a second push with the same key, creating nothing", async () => {
    const first = await push();
    const second = await push();
    expect(second).toEqual({ ...first, created: false });
    expect(qbo.created).toEqual({ Customer: 1, Invoice: 1, SalesReceipt: 0 });
  });

  it("reuses a customer with the same DisplayName, or the id the hub already knows", async () => {
    await push();
    const other = pushTestOrder({
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TZ",
      orderNumber: "BJ01-20261127-0002",
    });
    await quickBooksConnector.push!(other, ctx({ key: orderIdempotencyKey(other.id, 1) }));
    expect(qbo.created.Customer).toBe(1);
    const known = pushTestOrder({
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TY",
      orderNumber: "BJ01-20261127-0003",
      customer: {
        ...PUSH_TEST_ORDER.customer,
        name: "Someone Else",
        externalIds: { quickbooks: "58" },
      },
    });
    const result = await quickBooksConnector.push!(
      known,
      ctx({ key: orderIdempotencyKey(known.id, 1) }),
    );
    expect(result.externalCustomerId).toBe("58");
    expect(qbo.created).toMatchObject({ Customer: 1, Invoice: 3 });
  });

  it("gives a namesake with another email, or a name a vendor holds, a name of its own", async () => {
    qbo.Customer.set("7", {
      Id: "7",
      DisplayName: "王芳",
      PrimaryEmailAddr: { Address: "other@example.cn" },
    });
    const result = await push();
    expect(result.externalCustomerId).not.toBe("7");
    expect(qbo.Customer.get(result.externalCustomerId!)!.DisplayName).toBe("王芳 (V1B5N0TD)");

    const vendorHeld = quickBooksMock({ otherNames: ["王芳"] });
    server.use(...vendorHeld.handlers);
    qbo = vendorHeld;
    const second = await push();
    expect(vendorHeld.Customer.get(second.externalCustomerId!)!.DisplayName).toBe(
      "王芳 (V1B5N0TD)",
    );
  });

  it("makes a sales receipt when the connection says so", async () => {
    const result = await push(PUSH_TEST_ORDER, ctx({ config: { document: "sales_receipt" } }));
    expect(result.url).toContain("/app/salesreceipt?txnId=");
    expect(qbo.created).toMatchObject({ Invoice: 0, SalesReceipt: 1 });
    expect(qbo.SalesReceipt.get(result.externalId)).not.toHaveProperty("DueDate");
  });

  it("refreshes an expired token once and replays", async () => {
    qbo.rotateToken("eyJ.rotated-access-token-0002");
    const result = await push();
    expect(result.created).toBe(true);
    expect(refreshes).toBe(1);
    expect(qbo.created.Invoice).toBe(1);
  });

  it("gives up with AuthConnectorError when the refreshed token is refused too", async () => {
    const error = await pushFailure(
      push(
        PUSH_TEST_ORDER,
        createPushContext(quickBooksConnector, {
          config,
          idempotencyKey: KEY,
          getAccessToken: async () => "eyJ.expired-token-0001",
          refreshAccessToken: async () => "eyJ.still-not-valid-0002",
        }),
      ),
    );
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.status).toBe(401);
    expect(shownText(error)).not.toContain("eyJ.still-not-valid-0002");
  });

  it("maps 429 to a retryable error with QuickBooks' Retry-After", async () => {
    qbo.fail({ kind: "throttle", retryAfterSeconds: 30 }, { on: "create" });
    const error = await pushFailure(push());
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect((error as RetryableConnectorError).retryAfterMs).toBe(30_000);
  });

  it("maps 5xx and timeouts to retryable errors", async () => {
    qbo.fail({ kind: "server", status: 503 });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    qbo.fail({ kind: "timeout" }, { on: "query" });
    const timeout = await pushFailure(push());
    expect(timeout).toBeInstanceOf(RetryableConnectorError);
    expect(timeout.code).toBe("vendor_timeout");
  });

  it("maps a validation fault to a permanent error with QuickBooks' message and no secrets", async () => {
    qbo.fail(
      {
        kind: "validation",
        code: "6000",
        message: "A business validation error has occurred while processing your request",
        detail: `Business Validation Error: Item 21 is inactive; customer wang.fang@example.cn token ${QUICKBOOKS_TEST_ACCESS_TOKEN}`,
        element: "Line.SalesItemLineDetail.ItemRef",
      },
      { on: "create" },
    );
    const error = await pushFailure(push());
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("quickbooks_validation");
    expect(error.message).toContain("Item 21 is inactive");
    expect(error.message).toContain("error 6000");
    const shown = shownText(error);
    expect(shown).not.toContain(QUICKBOOKS_TEST_ACCESS_TOKEN);
    expect(shown).not.toContain(QUICKBOOKS_TEST_CLIENT_SECRET);
    expect(shown).not.toContain("wang.fang@example.cn");
  });

  it.each(["reset", "timeout"] as const)(
    "finds the invoice on retry when the response was lost (%s) after QuickBooks made it",
    async (how) => {
      qbo.loseResponse(how, { on: "Invoice" });
      const lost = await pushFailure(push());
      expect(lost).toBeInstanceOf(RetryableConnectorError);
      expect(qbo.created.Invoice).toBe(1);
      const retry = await push();
      expect(retry.created).toBe(false);
      expect(retry.externalId).toBe([...qbo.Invoice.keys()][0]);
      expect(qbo.created).toMatchObject({ Customer: 1, Invoice: 1 });
    },
  );

  it("finds the customer on retry when its creation's response was lost", async () => {
    qbo.loseResponse("reset", { on: "Customer" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    const retry = await push();
    expect(retry.created).toBe(true);
    expect(qbo.created).toMatchObject({ Customer: 1, Invoice: 1 });
  });

  it("updates the invoice for a later terms version, with its SyncToken", async () => {
    const first = await push();
    const v2 = pushTestOrder({ version: 2, notes: "交车日期推迟" });
    const result = await quickBooksConnector.push!(v2, ctx({ key: orderIdempotencyKey(v2.id, 2) }));
    expect(result).toMatchObject({ externalId: first.externalId, created: false });
    expect(qbo.updated).toBe(1);
    expect(qbo.Invoice.get(first.externalId)).toMatchObject({
      SyncToken: "1",
      PrivateNote: `Forecourt order ${PUSH_TEST_ORDER.id} v2`,
    });
    expect(qbo.created.Invoice).toBe(1);
  });

  it("refuses an update when someone edited the invoice meanwhile (5010), explaining why", async () => {
    const first = await push();
    const editedMeanwhile: FetchFunction = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (new URL(request.url).pathname.endsWith("/query"))
        qbo.editInQuickBooks("Invoice", first.externalId);
      return response;
    };
    const v2 = pushTestOrder({ version: 2 });
    const error = await pushFailure(
      quickBooksConnector.push!(
        v2,
        ctx({ key: orderIdempotencyKey(v2.id, 2), fetch: editedMeanwhile }),
      ),
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("quickbooks_stale_object");
    expect(error.message).toMatch(/Stale Object Error.*error 5010.*replay the push/);
  });

  it("refuses a DocNumber another document already uses", async () => {
    qbo.Customer.set("9", { Id: "9", DisplayName: "Walk-in" });
    qbo.Invoice.set("99", {
      Id: "99",
      SyncToken: "0",
      DocNumber: "BJ01-20261127-0001",
      CustomerRef: { value: "9" },
      Line: [],
    });
    const error = await pushFailure(push());
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("quickbooks_doc_number_taken");
    expect(qbo.created.Invoice).toBe(0);
  });

  it("refuses an order number longer than DocNumber allows, before calling QuickBooks", async () => {
    const long = pushTestOrder({ orderNumber: "SHANGHAI-20261127-000001" });
    const error = await pushFailure(push(long));
    expect(error.code).toBe("quickbooks_doc_number_too_long");
    expect(qbo.requestIds).toEqual([]);
  });
});

describe("QuickBooks testConnection", () => {
  it("names the company with the hub's token, and says when it has none", async () => {
    expect(await quickBooksConnector.testConnection!(ctx())).toEqual({
      ok: true,
      detail: "company 北京朝阳汽车销售有限公司",
    });
    const { getAccessToken: _a, refreshAccessToken: _r, ...bare } = ctx();
    expect(await quickBooksConnector.testConnection!(bare)).toMatchObject({ ok: false });
  });
});
