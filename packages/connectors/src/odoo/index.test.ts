import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import { odooConnector } from "./index.js";
import {
  ODOO_TEST_API_KEY,
  ODOO_TEST_BASE_URL,
  ODOO_TEST_DATABASE,
  ODOO_TEST_LOGIN,
  ODOO_TEST_PRODUCTS,
  type OdooMock,
  odooMock,
  PUSH_TEST_ORDER,
  pushFailure,
  pushTestOrder,
  shownText,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let odoo: OdooMock;
function serve(version = 19) {
  odoo = odooMock({ version });
  server.use(...odoo.handlers);
}
beforeEach(() => serve());

const config = parseConfig(odooConnector, {
  baseUrl: ODOO_TEST_BASE_URL,
  database: ODOO_TEST_DATABASE,
  apiKey: ODOO_TEST_API_KEY,
  login: ODOO_TEST_LOGIN,
  products: ODOO_TEST_PRODUCTS,
  timeoutMs: 250,
});
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);
const ctx = (overrides: Partial<typeof config> = {}, key = KEY) =>
  createPushContext(odooConnector, { config: { ...config, ...overrides }, idempotencyKey: key });
const push = (order: PushOrder = PUSH_TEST_ORDER, context = ctx()) =>
  odooConnector.push!(order, context);

function another(n: number, customer: Partial<PushOrder["customer"]> = {}) {
  const order = pushTestOrder({
    id: `ord_01JF3Q6Z8X4M2W9KX7V1B5N0${["TZ", "TY", "TX"][n]}`,
    orderNumber: `BJ01-20261127-000${n + 2}`,
    customer: { ...PUSH_TEST_ORDER.customer, ...customer },
  });
  return [order, ctx({}, orderIdempotencyKey(order.id, 1))] as const;
}

describe("Odoo push over JSON-2", () => {
  it("creates the partner and a confirmed sales order referenced with the order number", async () => {
    const result = await push();
    const order = odoo.orders.get(Number(result.externalId))!;
    expect(result).toEqual({
      externalId: String(order.id),
      externalNumber: order.name,
      url: `${ODOO_TEST_BASE_URL}/web#id=${order.id}&model=sale.order&view_type=form`,
      created: true,
      externalCustomerId: String((order.partner_id as [number, string])[0]),
    });
    expect(order).toMatchObject({
      client_order_ref: "BJ01-20261127-0001",
      state: "sale",
      date_order: "2026-11-27 00:00:00",
    });
    expect(odoo.partners.get((order.partner_id as [number, string])[0])).toMatchObject({
      name: "王芳",
      ref: PUSH_TEST_ORDER.customer.id,
      email: "wang.fang@example.cn",
      is_company: false,
    });
    const lines = (order.order_line as [number, number, Record<string, unknown>][]).map(
      ([, , v]) => [v.product_id, v.product_uom_qty, v.price_unit],
    );
    expect(lines).toEqual([
      [31, 1, 219_900],
      [32, 2, 450],
      [33, 1, 1_500],
    ]);
    expect(odoo.calls.xmlrpc).toBe(0);
  });

  it("returns the same sales order for a second push with the same key, creating nothing", async () => {
    const first = await push();
    const second = await push();
    expect(second).toEqual({ ...first, created: false });
    expect(odoo.created).toEqual({ "res.partner": 1, "sale.order": 1 });
    expect(odoo.confirmations).toBe(1);
  });

  it("finds the partner by the hub's customer id, by email, or makes one for a namesake", async () => {
    await push();
    await push(...another(0));
    expect(odoo.created["res.partner"]).toBe(1);
    odoo.partners.set(50, {
      id: 50,
      name: "李雷",
      email: "li.lei@example.cn",
      phone: false,
      ref: false,
    });
    const [byEmail, byEmailCtx] = another(1, {
      id: "cus_01JF3Q6Z8X4M2W9KX7V1B5N0AB",
      name: "Li Lei",
      email: "LI.LEI@example.cn",
    });
    expect((await push(byEmail, byEmailCtx)).externalCustomerId).toBe("50");
    const [namesake, namesakeCtx] = another(2, {
      id: "cus_01JF3Q6Z8X4M2W9KX7V1B5N0AC",
      email: "fang.wang@example.com",
    });
    const result = await push(namesake, namesakeCtx);
    expect(result.externalCustomerId).not.toBe(
      String([...odoo.partners.values()].find((p) => p.ref === PUSH_TEST_ORDER.customer.id)!.id),
    );
    expect(odoo.created["res.partner"]).toBe(2);
  });

  it("refuses a wrong API key as AuthConnectorError without showing it", async () => {
    const error = await pushFailure(push(PUSH_TEST_ORDER, ctx({ apiKey: "0000wrong-key-0000" })));
    expect(error).toBeInstanceOf(AuthConnectorError);
    expect(error.code).toBe("odoo_access_denied");
    expect(shownText(error)).not.toContain("0000wrong-key-0000");
  });

  it("maps 429 to a retryable error with Retry-After, and 5xx and timeouts to retryable", async () => {
    odoo.fail({ kind: "throttle", retryAfterSeconds: 9 }, { on: "create" });
    expect(((await pushFailure(push())) as RetryableConnectorError).retryAfterMs).toBe(9_000);
    odoo.fail({ kind: "server", status: 502 }, { on: "search_read" });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    odoo.fail({ kind: "timeout" }, { on: "search_read" });
    expect((await pushFailure(push())).code).toBe("vendor_timeout");
  });

  it("maps a ValidationError to a permanent error with Odoo's message, never the traceback", async () => {
    const error = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ products: { ...ODOO_TEST_PRODUCTS, vehicle: 999 } })),
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("odoo_rejected");
    expect(error.message).toBe(
      "Odoo ValidationError: The product 999 does not exist or is archived.",
    );
    expect(shownText(error)).not.toMatch(
      /Traceback|7d1e0c5b9a8f4e3d2c1b0a9f8e7d6c5b4a3f2e1d|wang\.fang@example\.cn/,
    );
  });

  it.each(["reset", "timeout"] as const)(
    "finds the order on retry when the creation's response was lost (%s), and confirms it",
    async (how) => {
      odoo.loseResponse(how);
      expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
      const [stored] = [...odoo.orders.values()];
      expect(stored!.state).toBe("draft");
      const retry = await push();
      expect(retry).toMatchObject({ externalId: String(stored!.id), created: false });
      expect(stored!.state).toBe("sale");
      expect(odoo.created["sale.order"]).toBe(1);
    },
  );
});

describe("Odoo push over XML-RPC", () => {
  it("falls back to XML-RPC when the server has no JSON-2 (404), and stays idempotent", async () => {
    serve(17);
    const result = await push();
    expect(result.created).toBe(true);
    expect(odoo.calls.json2).toBe(0);
    expect(odoo.calls.xmlrpc).toBeGreaterThan(0);
    expect(odoo.orders.get(Number(result.externalId))).toMatchObject({
      state: "sale",
      client_order_ref: "BJ01-20261127-0001",
    });
    expect(await push()).toEqual({ ...result, created: false });
    expect(odoo.created["sale.order"]).toBe(1);
  });

  it("uses XML-RPC when the connection says so, even on Odoo 19", async () => {
    const result = await push(PUSH_TEST_ORDER, ctx({ protocol: "xmlrpc" }));
    expect(result.created).toBe(true);
    expect(odoo.calls.json2).toBe(0);
  });

  it("refuses a wrong key or a missing login as AuthConnectorError", async () => {
    const wrong = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ protocol: "xmlrpc", apiKey: "0000wrong-key-0000" })),
    );
    expect(wrong).toBeInstanceOf(AuthConnectorError);
    expect(wrong.code).toBe("odoo_access_denied");
    const noLogin = await pushFailure(
      push(PUSH_TEST_ORDER, ctx({ protocol: "xmlrpc", login: undefined })),
    );
    expect(noLogin.code).toBe("odoo_login_missing");
  });

  it("maps a fault to a permanent error with Odoo's message", async () => {
    odoo.fail({ kind: "rejected", message: "客户 is required on a sales order" }, { on: "create" });
    const error = await pushFailure(push(PUSH_TEST_ORDER, ctx({ protocol: "xmlrpc" })));
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.message).toBe(
      "Odoo res.partner.create: 客户 is required on a sales order (fault 2)",
    );
  });

  it("finds the order on retry when the creation's response was lost", async () => {
    serve(16);
    odoo.loseResponse("reset");
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    expect((await push()).created).toBe(false);
    expect(odoo.created["sale.order"]).toBe(1);
  });
});

describe("Odoo testConnection", () => {
  it("says which API answered", async () => {
    expect(await odooConnector.testConnection!(ctx())).toEqual({
      ok: true,
      detail: `database ${ODOO_TEST_DATABASE} over json2`,
    });
    serve(17);
    expect(await odooConnector.testConnection!(ctx())).toEqual({
      ok: true,
      detail: `database ${ODOO_TEST_DATABASE} over xmlrpc`,
    });
  });
});
