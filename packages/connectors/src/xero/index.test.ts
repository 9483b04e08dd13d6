import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import { xeroConnector } from "./index.js";
import {
  PUSH_TEST_ORDER,
  pushFailure,
  pushTestOrder,
  shownText,
  XERO_TEST_ACCESS_TOKEN,
  XERO_TEST_CLIENT_SECRET,
  XERO_TEST_TENANT_ID,
  type XeroMock,
  xeroMock,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let xero: XeroMock;
let refreshes: number;
beforeEach(() => {
  xero = xeroMock();
  refreshes = 0;
  server.use(...xero.handlers);
});

const config = parseConfig(xeroConnector, {
  tenantId: XERO_TEST_TENANT_ID,
  clientId: "0F1E2D3C4B5A",
  clientSecret: XERO_TEST_CLIENT_SECRET,
  status: "AUTHORISED",
  accountCodes: { fee: "260" },
  taxType: "OUTPUT",
  nonTaxableTaxType: "NONE",
  timeoutMs: 250,
});
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);

function ctx(options: { config?: Partial<typeof config>; key?: string; token?: string } = {}) {
  let token = options.token ?? XERO_TEST_ACCESS_TOKEN;
  return createPushContext(xeroConnector, {
    config: { ...config, ...options.config },
    idempotencyKey: options.key ?? KEY,
    getAccessToken: async () => token,
    refreshAccessToken: async () => {
      refreshes += 1;
      token = xero.accessToken;
      return token;
    },
  });
}

const push = (order: PushOrder = PUSH_TEST_ORDER, context = ctx()) =>
  xeroConnector.push!(order, context);

describe("Xero push", () => {
  it("creates the contact, then an ACCREC invoice numbered and referenced with the order number", async () => {
    const result = await push();
    const invoice = xero.invoices.get(result.externalId)!;
    expect(result).toEqual({
      externalId: invoice.InvoiceID,
      externalNumber: "BJ01-20261127-0001",
      url: `https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${invoice.InvoiceID}`,
      created: true,
      externalCustomerId: invoice.Contact.ContactID,
    });
    expect(xero.contacts.get(invoice.Contact.ContactID!)).toMatchObject({
      Name: "王芳",
      ContactNumber: PUSH_TEST_ORDER.customer.id,
      EmailAddress: "wang.fang@example.cn",
      Phones: [{ PhoneType: "MOBILE", PhoneNumber: "+8613912345678" }],
    });
    expect(invoice).toMatchObject({
      Type: "ACCREC",
      Reference: "BJ01-20261127-0001",
      Date: "2026-11-27",
      DueDate: "2026-12-27",
      Status: "AUTHORISED",
      LineAmountTypes: "Inclusive",
      Total: 177_300,
    });
    expect(
      invoice.LineItems!.map((l) => [l.UnitAmount, l.Quantity, l.AccountCode, l.TaxType]),
    ).toEqual([
      [229_900, 1, "200", "OUTPUT"],
      [450, 2, "200", "OUTPUT"],
      [1_500, 1, "260", "NONE"],
      [-10_000, 1, "200", "OUTPUT"],
      [-45_000, 1, "200", "NONE"],
    ]);
    expect(xero.idempotencyKeys).toEqual([`${KEY}-c1`, KEY]);
    expect(xero.created).toEqual({ Contacts: 1, Invoices: 1 });
  });

  it("returns the same invoice for a second push with the same key, creating nothing", async () => {
    const first = await push();
    const second = await push();
    expect(second).toEqual({ ...first, created: false });
    expect(xero.created).toEqual({ Contacts: 1, Invoices: 1 });
  });

  it("finds the contact by the hub's customer id, then by name; a namesake gets its own", async () => {
    await push();
    const other = pushTestOrder({
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TZ",
      orderNumber: "BJ01-20261127-0002",
    });
    await xeroConnector.push!(other, ctx({ key: orderIdempotencyKey(other.id, 1) }));
    expect(xero.created.Contacts).toBe(1);

    const namesake = pushTestOrder({
      id: "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TY",
      orderNumber: "BJ01-20261127-0003",
      customer: {
        ...PUSH_TEST_ORDER.customer,
        id: "cus_01JF3Q6Z8X4M2W9KX7V1B5N0AA",
        email: "fang.wang@example.com",
      },
    });
    const result = await xeroConnector.push!(
      namesake,
      ctx({ key: orderIdempotencyKey(namesake.id, 1) }),
    );
    expect(xero.contacts.get(result.externalCustomerId!)!.Name).toBe("王芳 (V1B5N0AA)");
    expect(xero.created.Contacts).toBe(2);
  });

  it("uses the contact the hub already knows", async () => {
    xero.contacts.set("7c4a0b1e-0000-4000-8000-000000000001", {
      ContactID: "7c4a0b1e-0000-4000-8000-000000000001",
      Name: "王芳 (老客户)",
    });
    const known = pushTestOrder({
      customer: {
        ...PUSH_TEST_ORDER.customer,
        externalIds: { xero: "7c4a0b1e-0000-4000-8000-000000000001" },
      },
    });
    const result = await push(known);
    expect(result.externalCustomerId).toBe("7c4a0b1e-0000-4000-8000-000000000001");
    expect(xero.created).toEqual({ Contacts: 0, Invoices: 1 });
  });

  it("refreshes an expired token once and replays", async () => {
    xero.rotateToken("eyJ.rotated-xero-token-0002");
    const result = await push();
    expect(result.created).toBe(true);
    expect(refreshes).toBe(1);
  });

  it("gives up with AuthConnectorError when the refresh does not help, or the tenant is wrong", async () => {
    const stuck = createPushContext(xeroConnector, {
      config,
      idempotencyKey: KEY,
      getAccessToken: async () => "eyJ.old",
      refreshAccessToken: async () => "eyJ.also-old-0002",
    });
    const error = await pushFailure(push(PUSH_TEST_ORDER, stuck));
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.status).toBe(401);
    const tenant = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ config: { tenantId: "00000000-0000-4000-8000-000000000000" } })),
    );
    expect(tenant).toBeInstanceOf(AuthConnectorError);
    expect(tenant.status).toBe(403);
    expect(refreshes).toBe(0);
  });

  it("maps 429 to a retryable error with Xero's Retry-After", async () => {
    xero.fail({ kind: "throttle", retryAfterSeconds: 42 }, { on: "Invoices" });
    const error = await pushFailure(push());
    expect(error).toBeInstanceOf(RetryableConnectorError);
    expect((error as RetryableConnectorError).retryAfterMs).toBe(42_000);
  });

  it("maps 5xx and timeouts to retryable errors", async () => {
    xero.fail({ kind: "server", status: 503 });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    xero.fail({ kind: "server", status: 500 });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    xero.fail({ kind: "timeout" });
    expect((await pushFailure(push())).code).toBe("vendor_timeout");
  });

  it("maps a ValidationException to a permanent error with Xero's messages and no secrets", async () => {
    const error = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ config: { accountCode: "999", taxType: "GST" } })),
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("xero_validation");
    expect(error.message).toContain("Account code '999' is not a valid code for this document.");
    expect(error.message).toContain("The TaxType code 'GST' does not exist");
    expect(error.requestId).toBe("2f7d9a4e-1c3b-4d5e-8f6a-0b9c8d7e6f5a");
    const shown = shownText(error);
    expect(shown).not.toContain(XERO_TEST_ACCESS_TOKEN);
    expect(shown).not.toContain(XERO_TEST_CLIENT_SECRET);
    expect(shown).not.toContain("wang.fang@example.cn");
    expect(xero.created.Invoices).toBe(0);
  });

  it.each(["reset", "timeout"] as const)(
    "finds the invoice on retry when the response was lost (%s) after Xero made it",
    async (how) => {
      xero.loseResponse(how, { on: "Invoices" });
      expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
      expect(xero.created.Invoices).toBe(1);
      const retry = await push();
      expect(retry).toMatchObject({ externalId: [...xero.invoices.keys()][0], created: false });
      expect(xero.created).toEqual({ Contacts: 1, Invoices: 1 });
    },
  );

  it("finds the contact on retry when its creation's response was lost", async () => {
    xero.loseResponse("reset", { on: "Contacts" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    expect((await push()).created).toBe(true);
    expect(xero.created).toEqual({ Contacts: 1, Invoices: 1 });
  });

  it("refuses an invoice number someone else used, and a voided invoice", async () => {
    xero.invoices.set("inv-1", {
      InvoiceID: "inv-1",
      Type: "ACCREC",
      InvoiceNumber: "BJ01-20261127-0001",
      Reference: "walk-in",
      Status: "PAID",
      Contact: {},
    });
    expect((await pushFailure(push())).code).toBe("xero_invoice_number_taken");
    xero.invoices.set("inv-1", {
      InvoiceID: "inv-1",
      Type: "ACCREC",
      InvoiceNumber: "BJ01-20261127-0001",
      Reference: "BJ01-20261127-0001",
      Status: "VOIDED",
      Contact: {},
    });
    const voided = await pushFailure(push());
    expect(voided).toBeInstanceOf(PermanentConnectorError);
    expect(voided.code).toBe("xero_invoice_voided");
    expect(xero.created.Invoices).toBe(0);
  });
});

describe("Xero testConnection", () => {
  it("names the organisation", async () => {
    expect(await xeroConnector.testConnection!(ctx())).toEqual({
      ok: true,
      detail: "organisation 上海浦东汽车销售有限公司",
    });
  });
});
