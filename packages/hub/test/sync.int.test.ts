import { type Connector, secretFields } from "@forecourt/connectors";
import {
  XERO_TEST_ACCESS_TOKEN,
  XERO_TEST_TENANT_ID,
  xeroMock,
} from "@forecourt/connectors/xero/mocks";
import { orderSyncFailedEventSchema } from "@forecourt/sdk/webhooks";
import { and, eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connections, events, orders } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { newConnectionId, newHookId } from "../src/gateway/connections.js";
import { findConnector } from "../src/gateway/registry.js";
import { encryptSecrets } from "../src/gateway/secrets.js";
import { buildHub, type Hub } from "../src/hub.js";
import { tokenSource } from "../src/sync/oauth.js";
import { createKey } from "../src/tenants.js";
import "../src/sync/push.js";
import { orderSyncs } from "../src/sync/tables.js";
import { availableBackends } from "./support/backends.js";
import { approvedOrder, caller, type Dealership, seedDealership } from "./support/dealership.js";

const XERO_TOKEN_URL = "https://identity.xero.com/connect/token";
const xero = xeroMock();

/** Xero's token endpoint: rotates the refresh token on every refresh; `revoked` refuses for good. */
const tokenEndpoint = {
  calls: 0,
  revoked: false,
  refreshToken: "xero-refresh-0001",
  issued: 0,
  delayMs: 0,
};
const server = setupServer(
  ...xero.handlers,
  http.post(XERO_TOKEN_URL, async ({ request }) => {
    tokenEndpoint.calls += 1;
    if (tokenEndpoint.delayMs) await new Promise((r) => setTimeout(r, tokenEndpoint.delayMs));
    const form = new URLSearchParams(await request.text());
    const grant = form.get("grant_type");
    if (grant === "refresh_token") {
      if (tokenEndpoint.revoked || form.get("refresh_token") !== tokenEndpoint.refreshToken) {
        return HttpResponse.json({ error: "invalid_grant" }, { status: 400 });
      }
    } else if (grant !== "authorization_code" || !form.get("code_verifier")) {
      return HttpResponse.json({ error: "invalid_request" }, { status: 400 });
    }
    tokenEndpoint.issued += 1;
    const access = `xero-access-${tokenEndpoint.issued}`;
    tokenEndpoint.refreshToken = `xero-refresh-r${tokenEndpoint.issued}`;
    xero.rotateToken(access);
    return HttpResponse.json({
      access_token: access,
      refresh_token: tokenEndpoint.refreshToken,
      expires_in: 1800,
      token_type: "Bearer",
    });
  }),
);

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(availableBackends())("order sync on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let a: Dealership;
  let finance: string;
  let xeroConnection: string;
  const call = caller(() => hub);
  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(hub.services.db, a.tenantId, work);

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: "bypass" });
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    prepared.config.sync = {
      baseDelayMs: 30,
      maxDelayMs: 200,
      maxAttempts: 6,
      sweepIntervalMs: 100,
      pushTimeoutMs: 2_000,
    };
    hub = await buildHub(prepared.config);
    // The mock organisation outlives a backend's run: own store codes (so own order numbers)
    // and the mock's first token again.
    a = await seedDealership(
      hub,
      "Sync Motors",
      backend.name === "embedded" ? ["SY01", "SY02"] : ["SP01", "SP02"],
    );
    xero.rotateToken(XERO_TEST_ACCESS_TOKEN);
    tokenEndpoint.revoked = false;
    finance = (await createKey(hub.services.db, a.tenantId, "finance", "finance")).apiKey;
    xeroConnection = await insertConnection("xero", {
      tenantId: XERO_TEST_TENANT_ID,
      clientId: "forecourt-xero-client",
      clientSecret: "xero-client-secret",
      timeoutMs: 1_000,
    });
  }, 120_000);

  afterAll(async () => {
    server.close();
    await hub?.close();
    await cleanup?.();
  });

  /** A destination connection as the gateway stores it (secrets encrypted, OAuth token set). */
  async function insertConnection(connectorId: string, config: Record<string, unknown>) {
    const connector = findConnector(connectorId) as Connector;
    expect(secretFields(connector).length).toBeGreaterThan(0);
    const id = newConnectionId();
    await inTenant((tx) =>
      tx.insert(connections).values({
        id,
        tenantId: a.tenantId,
        connectorId,
        name: connectorId,
        config: encryptSecrets(connector, config, hub.services.crypto),
        hookId: newHookId(),
        oauthAccessTokenCiphertext: hub.services.crypto.encrypt(XERO_TEST_ACCESS_TOKEN),
        oauthRefreshTokenCiphertext: hub.services.crypto.encrypt(tokenEndpoint.refreshToken),
        oauthExpiresAt: new Date(Date.now() + 3_600_000),
      }),
    );
    return id;
  }

  const approved = () => approvedOrder(call, a);

  const syncsOf = (orderId: string) =>
    inTenant((tx) => tx.select().from(orderSyncs).where(eq(orderSyncs.orderId, orderId)));
  const eventsOf = (orderId: string, type: string) =>
    inTenant((tx) =>
      tx
        .select()
        .from(events)
        .where(and(eq(events.entityId, orderId), eq(events.type, type))),
    );
  const invoicesFor = (orderNumber: string) =>
    [...xero.invoices.values()].filter((i) => i.InvoiceNumber === orderNumber);
  const settled = (orderId: string) =>
    until(
      () => syncsOf(orderId),
      (rows) => rows.length > 0 && rows.every((r) => r.status !== "pending"),
    );

  it("pushes an approved order to Xero, stores the reference and records order.synced", async () => {
    const order = await approved();
    const [row] = await settled(order.id);
    expect(row).toMatchObject({
      status: "synced",
      destination: "xero",
      connectionId: xeroConnection,
      idempotencyKey: `${order.id}-v1`,
      attempts: 1,
    });
    const invoices = invoicesFor(order.orderNumber);
    expect(invoices).toHaveLength(1);
    expect(row!.externalId).toBe(invoices[0]!.InvoiceID);
    const [stored] = await inTenant((tx) =>
      tx.select({ s: orders.syncStatus }).from(orders).where(eq(orders.id, order.id)),
    );
    expect(stored!.s[xeroConnection]).toMatchObject({
      status: "synced",
      externalId: row!.externalId,
    });
    const synced = await eventsOf(order.id, "order.synced");
    expect(synced).toHaveLength(1);
    expect(synced[0]!.payload).toMatchObject({ externalId: row!.externalId, destination: "xero" });
    const listed = await call("GET", `/v1/order-syncs?orderId=${order.id}`, finance);
    expect(listed.json().data[0]).toMatchObject({ id: row!.id, status: "synced" });
  });

  it("retries a destination down for its first 3 attempts: exactly one invoice", async () => {
    xero.fail({ kind: "server", status: 503 }, { times: 3 });
    const order = await approved();
    const [row] = await settled(order.id);
    expect(row).toMatchObject({ status: "synced", attempts: 4 });
    expect(invoicesFor(order.orderNumber)).toHaveLength(1);
  });

  it("creates nothing new when the response was lost after Xero stored the invoice", async () => {
    xero.loseResponse("timeout", { on: "Invoices" });
    const before = xero.created.Invoices;
    const order = await approved();
    const [row] = await settled(order.id);
    expect(row!.status).toBe("synced");
    expect(row!.attempts).toBeGreaterThanOrEqual(2);
    expect(xero.created.Invoices - before).toBe(1);
    expect(invoicesFor(order.orderNumber)).toHaveLength(1);
  }, 30_000);

  it("dead-letters a validation error with Xero's message and replays it", async () => {
    xero.fail(
      { kind: "validation", messages: ["Account code '999' is not a valid code"] },
      {
        on: "Invoices",
      },
    );
    const order = await approved();
    const [row] = await settled(order.id);
    expect(row).toMatchObject({ status: "dead" });
    expect(row!.lastError).toContain("Account code");
    const failed = await eventsOf(order.id, "order.sync_failed");
    expect(failed).toHaveLength(1);
    // What a subscriber receives, as the SDK's webhook schema reads it.
    const delivered = orderSyncFailedEventSchema.parse({
      type: failed[0]!.type,
      id: failed[0]!.id,
      timestamp: failed[0]!.occurredAt.toISOString(),
      data: failed[0]!.payload,
    });
    expect(delivered.data).toMatchObject({
      orderId: order.id,
      orderVersion: 1,
      destination: "xero",
      error: { message: expect.stringContaining("Account code") },
      deadLettered: true,
    });
    const dead = await call("GET", "/v1/order-syncs?status=dead", finance);
    expect(dead.json().data.map((d: { id: string }) => d.id)).toContain(row!.id);
    const replay = await call("POST", `/v1/order-syncs/${row!.id}/replay`, finance);
    expect(replay.statusCode, replay.body).toBe(202);
    const [after] = await settled(order.id);
    expect(after!.status).toBe("synced");
    expect(invoicesFor(order.orderNumber)).toHaveLength(1);
    const again = await call("POST", `/v1/order-syncs/${row!.id}/replay`, finance);
    expect(again.json().error.code).toBe("order_sync_not_replayable");
  });

  it("refreshes a token that expired during the push, pushes once and saves the rotated refresh token", async () => {
    xero.rotateToken("xero-access-somebody-else");
    const callsBefore = tokenEndpoint.calls;
    const order = await approved();
    const [row] = await settled(order.id);
    expect(row!.status).toBe("synced");
    expect(tokenEndpoint.calls - callsBefore).toBe(1);
    expect(invoicesFor(order.orderNumber)).toHaveLength(1);
    const [conn] = await inTenant((tx) =>
      tx.select().from(connections).where(eq(connections.id, xeroConnection)),
    );
    expect(hub.services.crypto.decrypt(conn!.oauthRefreshTokenCiphertext!)).toBe(
      tokenEndpoint.refreshToken,
    );
    expect(conn!.status).toBe("active");
  });

  it("runs one refresh for concurrent refreshers of a connection", async () => {
    const callsBefore = tokenEndpoint.calls;
    tokenEndpoint.delayMs = 200;
    const [conn] = await inTenant((tx) =>
      tx.select().from(connections).where(eq(connections.id, xeroConnection)),
    );
    const stale = hub.services.crypto.decrypt(conn!.oauthAccessTokenCiphertext!);
    const sources = Array.from({ length: 4 }, () =>
      tokenSource(hub.services, a.tenantId, xeroConnection),
    );
    for (const s of sources) expect(await s.getAccessToken()).toBe(stale);
    const tokens = await Promise.all(sources.map((s) => s.refreshAccessToken()));
    tokenEndpoint.delayMs = 0;
    expect(tokenEndpoint.calls - callsBefore).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(stale);
  });

  it("marks the connection needs_reauth when the refresh is revoked, loses nothing, and pushes after re-authorisation", async () => {
    tokenEndpoint.revoked = true;
    xero.rotateToken("xero-access-revoked-elsewhere");
    const order = await approved();
    const [waiting] = await until(
      () => syncsOf(order.id),
      (rows) => rows[0]?.status === "waiting_auth",
    );
    expect(waiting!.status).toBe("waiting_auth");
    expect(waiting!.attempts).toBe(0);
    const connection = await call("GET", `/v1/connections/${xeroConnection}`, a.admin);
    expect(connection.json().status).toBe("needs_reauth");
    const failed = await inTenant((tx) =>
      tx
        .select()
        .from(events)
        .where(and(eq(events.entityId, xeroConnection), eq(events.type, "connection.auth_failed"))),
    );
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed[0]!.payload)).not.toContain("xero-refresh");
    expect(invoicesFor(order.orderNumber)).toHaveLength(0);

    // Re-authorise: start, then the provider's redirect to the callback.
    tokenEndpoint.revoked = false;
    const start = await call("GET", `/v1/connections/${xeroConnection}/oauth/start`, a.admin);
    expect(start.statusCode, start.body).toBe(200);
    const authorize = new URL(start.json().authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(
      "https://login.xero.com/identity/connect/authorize",
    );
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const state = authorize.searchParams.get("state")!;
    const callback = await hub.app.inject({
      method: "GET",
      url: `/v1/oauth/callback?code=auth-code-1&state=${state}`,
    });
    expect(callback.statusCode, callback.body).toBe(200);
    expect(callback.json()).toMatchObject({ status: "active", released: 1 });
    const reused = await hub.app.inject({
      method: "GET",
      url: `/v1/oauth/callback?code=auth-code-1&state=${state}`,
    });
    expect(reused.json().error.code).toBe("oauth_state_invalid");
    const [row] = await settled(order.id);
    expect(row!.status).toBe("synced");
    expect(invoicesFor(order.orderNumber)).toHaveLength(1);
  });

  it("configures a destination through the connections API with its secrets redacted", async () => {
    const res = await call("POST", "/v1/connections", a.admin, {
      connectorId: "xero",
      name: "Xero books",
      config: {
        tenantId: XERO_TEST_TENANT_ID,
        clientId: "books-client",
        clientSecret: "s3cret-books",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      connectorId: "xero",
      hookPath: null,
      config: { clientSecret: "[redacted]" },
    });
    expect(res.body).not.toContain("s3cret-books");
    const bad = await call("POST", "/v1/connections", a.admin, {
      connectorId: "xero",
      name: "Xero books",
      config: { tenantId: "not-a-uuid" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe("config.tenantId");
  });
});
