/**
 * One order from entry to the dealer group's books and back to its systems, through the public
 * API only: rules set, Xero connected (OAuth2 against the connectors' msw mock of Xero), order
 * entered, submitted, approved, pushed, its invoice's reference kept, and `order.synced` delivered
 * to a real HTTP receiver on loopback that checks it with the SDK's `verifyWebhook`.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { XERO_TEST_TENANT_ID, xeroMock } from "@forecourt/connectors/xero/mocks";
import { newId } from "@forecourt/sdk";
import {
  generateWebhookSecret,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@forecourt/sdk/webhooks";
import { eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, type Dealership, seedDealership } from "./support/dealership.js";

const XERO_TOKEN_URL = "https://identity.xero.com/connect/token";
/** Long enough for a loaded CI machine; the loop ends as soon as the condition holds. */
const WAIT_MS = 30_000;

const xero = xeroMock();
let issuedTokens = 0;
/** Xero's token endpoint: an authorization code with its PKCE verifier buys an access token. */
const tokenEndpoint = http.post(XERO_TOKEN_URL, async ({ request }) => {
  const form = new URLSearchParams(await request.text());
  if (form.get("grant_type") !== "authorization_code" || !form.get("code_verifier")) {
    return HttpResponse.json({ error: "invalid_grant" }, { status: 400 });
  }
  issuedTokens += 1;
  const accessToken = `xero-flow-access-${issuedTokens}`;
  xero.rotateToken(accessToken);
  return HttpResponse.json({
    access_token: accessToken,
    refresh_token: `xero-flow-refresh-${issuedTokens}`,
    expires_in: 1800,
    token_type: "Bearer",
  });
});
// Only Xero is mocked: anything else (the loopback receiver) goes out for real.
const vendors = setupServer(...xero.handlers, tokenEndpoint);

/** A subscriber's endpoint on 127.0.0.1: keeps every request as it arrived and answers 204. */
class Receiver {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(204).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/forecourt/events`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Polls until `probe` yields a value, or fails after `ms` naming what never happened. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(availableBackends())("an order from entry to the books on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let d: Dealership;
  let finance: string;
  let receiverUrl: string;
  const receiver = new Receiver();
  const call = caller(() => hub);
  const put = (url: string, key: string, body: unknown) =>
    hub.app.inject({
      method: "PUT",
      url,
      headers: { authorization: `Bearer ${key}` },
      payload: body as object,
    });
  const ok = async (response: ReturnType<typeof call>, status = 200) => {
    const res = await response;
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    vendors.listen({ onUnhandledRequest: "bypass" });
    receiverUrl = await receiver.start();
    const prepared = await backend.prepare({
      FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP: "1",
      FORECOURT_WEBHOOK_SWEEP_MS: "100",
      FORECOURT_WEBHOOK_TIMEOUT_MS: "5000",
    });
    cleanup = prepared.cleanup;
    prepared.config.sync = { sweepIntervalMs: 100, baseDelayMs: 50, maxDelayMs: 500 };
    hub = await buildHub(prepared.config, { warn: () => {} });
    // Own store codes per backend: the Xero mock outlives a backend's run and keys by number.
    d = await seedDealership(
      hub,
      "Flow Motors",
      backend.name === "embedded" ? ["FL01", "FL02"] : ["FP01", "FP02"],
    );
    finance = (await createKey(hub.services.db, d.tenantId, "finance", "finance")).apiKey;
  }, 120_000);

  afterAll(async () => {
    vendors.close();
    await hub?.close();
    await cleanup?.();
    await receiver.stop();
  });

  it("enters, submits, approves and pushes an order to Xero, and tells the subscriber with order.synced", async () => {
    // The group's rules: finance signs off discounts above ¥5,000; prices are quoted without VAT.
    await ok(
      put("/v1/order-rules", finance, {
        approval: { discount: [{ aboveAmount: 500_000, approver: "finance" }] },
        tax: { pricesIncludeVat: false, vatRateBps: 900 },
        version: 0,
      }),
    );

    // The books: a Xero connection, authorised through the hub's OAuth2 flow.
    const connection = await ok(
      call("POST", "/v1/connections", d.admin, {
        connectorId: "xero",
        name: "Xero books",
        config: {
          tenantId: XERO_TEST_TENANT_ID,
          clientId: "flow-xero-client",
          clientSecret: "flow-xero-secret",
        },
      }),
      201,
    );
    const start = await ok(call("GET", `/v1/connections/${connection.id}/oauth/start`, d.admin));
    const state = new URL(start.authorizeUrl).searchParams.get("state");
    const callback = await hub.app.inject({
      method: "GET",
      url: `/v1/oauth/callback?code=flow-auth-code&state=${state}`,
    });
    expect(callback.statusCode, callback.body).toBe(200);
    expect(callback.json()).toMatchObject({ connectionId: connection.id, status: "active" });

    // The subscriber: an endpoint for order.synced on loopback, its secret shown once.
    const endpoint = await ok(
      call("POST", "/v1/webhook-endpoints", d.admin, {
        url: receiverUrl,
        eventTypes: ["order.synced"],
      }),
      201,
    );
    expect(endpoint.secret).toMatch(/^whsec_/);

    // The order: a stock Passat with ¥6,900 off, entered by its salesperson's key.
    const entered = await ok(
      call("POST", "/v1/orders", d.salesKeys[0], {
        customerId: d.customer,
        vehicle: { kind: "stock", vehicleId: newId("vehicle"), vin: "LSVAU2180N2183294" },
        lines: [
          { kind: "vehicle", description: "Passat 380TSI", amount: { amount: 22_990_000 } },
          { kind: "accessory", description: "Mats", quantity: 2, amount: { amount: 45_000 } },
          { kind: "discount", description: "Auto show", amount: { amount: -690_000 } },
        ],
      }),
      201,
    );
    expect(entered).toMatchObject({ status: "draft", salespersonId: d.sp[0] });
    expect(entered.totals).toMatchObject({ vat: { amount: 2_015_100 }, vatIncluded: false });
    const submitted = await ok(
      call("POST", `/v1/orders/${entered.id}/submit`, d.salesKeys[0], {
        version: entered.version,
      }),
    );
    expect(submitted.status).toBe("submitted");
    const approved = await ok(
      call("POST", `/v1/orders/${entered.id}/approvals`, finance, {
        version: submitted.version,
        decision: "approved",
        by: d.sp[1],
      }),
    );
    expect(approved).toMatchObject({
      status: "approved",
      approvals: [{ role: "finance", decision: "approved", rules: ["discount"] }],
    });

    // The push: one invoice in Xero, its id kept as the order's reference there.
    const sync = await eventually("the push to Xero", async () => {
      const page = await ok(call("GET", `/v1/order-syncs?orderId=${entered.id}`, finance));
      const row = page.data[0];
      return row && row.status !== "pending" ? row : undefined;
    });
    const invoices = [...xero.invoices.values()].filter(
      (invoice) => invoice.InvoiceNumber === entered.orderNumber,
    );
    expect(invoices).toHaveLength(1);
    const invoice = invoices[0]!;
    expect(invoice.LineAmountTypes).toBe("Exclusive");
    expect(sync).toMatchObject({
      status: "synced",
      destination: "xero",
      connectionId: connection.id,
      externalId: invoice.InvoiceID,
      attempts: 1,
    });
    const [stored] = await withTenant(hub.services.db, d.tenantId, (tx) =>
      tx.select({ syncStatus: orders.syncStatus }).from(orders).where(eq(orders.id, entered.id)),
    );
    expect(stored?.syncStatus?.[connection.id]).toMatchObject({
      status: "synced",
      destination: "xero",
      externalId: invoice.InvoiceID,
    });

    // The subscriber hears of it, signed with the endpoint's secret.
    const delivery = await eventually("order.synced at the receiver", async () =>
      receiver.received.find((r) => r.body.includes(entered.id)),
    );
    const event: WebhookEvent = await verifyWebhook(
      delivery.body,
      delivery.headers,
      endpoint.secret,
    );
    expect(event.type).toBe("order.synced");
    if (event.type !== "order.synced") return;
    expect(event.data).toMatchObject({
      orderId: entered.id,
      orderNumber: entered.orderNumber,
      orderVersion: 1,
      connectionId: connection.id,
      destination: "xero",
      externalRef: invoice.InvoiceID,
    });
    // Signed with this endpoint's secret, not just any: another secret refuses the same bytes.
    const forged = await verifyWebhook(
      delivery.body,
      delivery.headers,
      generateWebhookSecret(),
    ).catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(WebhookVerificationError);
    expect(receiver.received).toHaveLength(1);
  });
});
