import { type Connector, parseConfig, secretFields } from "@forecourt/connectors";
import {
  WEBHOOK_TEST_SECRET,
  WEBHOOK_TEST_URL,
  webhookReceiverMock,
} from "@forecourt/connectors/generic-webhook/mocks";
import {
  KINGDEE_TEST_ACCT_ID,
  KINGDEE_TEST_BASE_URL,
  KINGDEE_TEST_PASSWORD,
  KINGDEE_TEST_USERNAME,
  kingdeeMock,
} from "@forecourt/connectors/kingdee/mocks";
import {
  ODOO_TEST_API_KEY,
  ODOO_TEST_BASE_URL,
  ODOO_TEST_DATABASE,
  ODOO_TEST_LOGIN,
  ODOO_TEST_PRODUCTS,
  odooMock,
} from "@forecourt/connectors/odoo/mocks";
import {
  QUICKBOOKS_TEST_ACCESS_TOKEN,
  QUICKBOOKS_TEST_CLIENT_SECRET,
  QUICKBOOKS_TEST_ITEMS,
  QUICKBOOKS_TEST_REALM_ID,
  quickBooksMock,
} from "@forecourt/connectors/quickbooks/mocks";
import {
  SAP_TEST_BASE_URL,
  SAP_TEST_PASSWORD,
  SAP_TEST_USERNAME,
  sapMock,
} from "@forecourt/connectors/sap-s4hana/mocks";
import {
  XERO_TEST_ACCESS_TOKEN,
  XERO_TEST_CLIENT_SECRET,
  XERO_TEST_TENANT_ID,
  xeroMock,
} from "@forecourt/connectors/xero/mocks";
import {
  YONYOU_TEST_APP_KEY,
  YONYOU_TEST_APP_SECRET,
  YONYOU_TEST_TENANT_ID,
  yonyouMock,
} from "@forecourt/connectors/yonyou/mocks";
import { and, eq } from "drizzle-orm";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connections, events, orders } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { newConnectionId, newHookId } from "../src/gateway/connections.js";
import { findConnector } from "../src/gateway/registry.js";
import { encryptSecrets } from "../src/gateway/secrets.js";
import { buildHub, type Hub } from "../src/hub.js";
import { DESTINATION_CONNECTORS } from "../src/sync/push.js";
import { orderSyncs } from "../src/sync/tables.js";
import { availableBackends } from "./support/backends.js";
import { approvedOrder, caller, type Dealership, seedDealership } from "./support/dealership.js";

/**
 * Issue 5, section 6: a destination down for its first 3 create attempts, then up, ends with
 * exactly one document in the vendor for the order — for each of the seven destinations. The
 * vendors are the connectors' own stateful mocks (shared across backends, so each backend uses
 * its own store codes and hence its own order numbers).
 */

const qbo = quickBooksMock();
const xero = xeroMock();
const kingdee = kingdeeMock();
const yonyou = yonyouMock();
const sap = sapMock();
const odoo = odooMock();
const receiver = webhookReceiverMock();

/** Requests that reached a vendor's create-the-document endpoint, by connector id. */
const createAttempts = new Map<string, number>();
const isCreate: Record<string, (method: string, url: URL) => boolean> = {
  quickbooks: (m, u) =>
    m === "POST" && u.pathname.endsWith(`/v3/company/${QUICKBOOKS_TEST_REALM_ID}/invoice`),
  xero: (m, u) => m === "PUT" && u.pathname.endsWith("/Invoices"),
  kingdee: (m, u) => m === "POST" && u.pathname.includes("DynamicFormService.Save."),
  yonyou: (m, u) => m === "POST" && u.pathname.endsWith("/yonbip/sd/voucherorder/singleSave"),
  sap_s4hana: (m, u) => m === "POST" && u.pathname.endsWith("/A_SalesOrder"),
  odoo: (m, u) => m === "POST" && u.pathname.endsWith("/json/2/sale.order/create"),
  generic_webhook: (m, u) => m === "POST" && u.href === WEBHOOK_TEST_URL,
};

const server = setupServer(
  ...qbo.handlers,
  ...xero.handlers,
  ...kingdee.handlers,
  ...yonyou.handlers,
  ...sap.handlers,
  ...odoo.handlers,
  ...receiver.handlers,
);
let xeroCreatesToRefuse = 0;
server.events.on("request:start", ({ request }) => {
  const url = new URL(request.url);
  if (xeroCreatesToRefuse > 0 && isCreate.xero!(request.method, url)) {
    xeroCreatesToRefuse -= 1;
    xero.fail({ kind: "throttle", retryAfterSeconds: 0 }, { on: "Invoices" });
  }
  for (const [id, matches] of Object.entries(isCreate)) {
    if (matches(request.method, url)) createAttempts.set(id, (createAttempts.get(id) ?? 0) + 1);
  }
});

/** A destination under test: how it is configured, broken for 3 creates, and counted. */
interface Destination {
  connectorId: string;
  config: Record<string, unknown>;
  /** Connections whose OAuth tokens must be in place before the first push are inserted. */
  oauthAccessToken?: string;
  /** The vendor refuses its next 3 create attempts with a retryable (5xx / 429) answer. */
  failThreeCreates(): void;
  /** The vendor's documents for the order, with the id the push reports as external id. */
  documentsFor(order: { id: string; orderNumber: string }): { id: string }[];
}

const TIMEOUT_MS = 1_000;
const DESTINATIONS: Destination[] = [
  {
    connectorId: "quickbooks",
    config: {
      realmId: QUICKBOOKS_TEST_REALM_ID,
      clientId: "forecourt-qbo-client",
      clientSecret: QUICKBOOKS_TEST_CLIENT_SECRET,
      items: QUICKBOOKS_TEST_ITEMS,
      timeoutMs: TIMEOUT_MS,
    },
    oauthAccessToken: QUICKBOOKS_TEST_ACCESS_TOKEN,
    failThreeCreates: () => qbo.fail({ kind: "server", status: 503 }, { on: "create", times: 3 }),
    documentsFor: (o) =>
      [...qbo.Invoice.values()]
        .filter((d) => d.DocNumber === o.orderNumber)
        .map((d) => ({ id: d.Id })),
  },
  {
    connectorId: "xero",
    config: {
      tenantId: XERO_TEST_TENANT_ID,
      clientId: "forecourt-xero-client",
      clientSecret: XERO_TEST_CLIENT_SECRET,
      timeoutMs: TIMEOUT_MS,
    },
    oauthAccessToken: XERO_TEST_ACCESS_TOKEN,
    // Xero's faults are per endpoint, and each push looks the invoice up (GET) before it
    // creates (PUT): the fault is queued as a create request arrives, so creates are refused.
    failThreeCreates: () => {
      xeroCreatesToRefuse = 3;
    },
    documentsFor: (o) =>
      [...xero.invoices.values()]
        .filter((i) => i.InvoiceNumber === o.orderNumber)
        .map((i) => ({ id: i.InvoiceID })),
  },
  {
    connectorId: "kingdee",
    config: {
      baseUrl: KINGDEE_TEST_BASE_URL,
      acctId: KINGDEE_TEST_ACCT_ID,
      username: KINGDEE_TEST_USERNAME,
      login: { method: "password", password: KINGDEE_TEST_PASSWORD },
      saleOrgNumber: "100",
      materials: { vehicle: "CAR.PASSAT.380", default: "MISC" },
      customerNumber: "CUST0001",
      timeoutMs: TIMEOUT_MS,
    },
    failThreeCreates: () => kingdee.fail({ kind: "server", status: 502 }, { on: "save", times: 3 }),
    documentsFor: (o) =>
      [...kingdee.bills.values()]
        .filter((b) => b.FBillNo === o.orderNumber)
        .map((b) => ({ id: String(b.FID) })),
  },
  {
    connectorId: "yonyou",
    config: {
      tenantId: YONYOU_TEST_TENANT_ID,
      appKey: YONYOU_TEST_APP_KEY,
      appSecret: YONYOU_TEST_APP_SECRET,
      salesOrgId: "1001A110000000000ORG",
      transactionTypeId: "1001A1100000000SO01",
      agentId: "2002B2200000000WALK",
      products: {
        vehicle: "1001A1100000000CAR1",
        accessory: "1001A1100000000ACC1",
        default: "1001A1100000000SVC1",
      },
      masterUnitId: "1001A1100000000UNIT",
      timeoutMs: TIMEOUT_MS,
    },
    failThreeCreates: () => yonyou.fail({ kind: "server", status: 503 }, { on: "save", times: 3 }),
    documentsFor: (o) =>
      [...yonyou.orders.values()].filter((r) => r.code === o.orderNumber).map((r) => r),
  },
  {
    connectorId: "sap_s4hana",
    config: {
      baseUrl: SAP_TEST_BASE_URL,
      auth: { method: "basic", username: SAP_TEST_USERNAME, password: SAP_TEST_PASSWORD },
      salesOrganization: "1710",
      distributionChannel: "10",
      organizationDivision: "00",
      soldToParty: "17100099",
      materials: { vehicle: "TG-PASSAT-380", accessory: "TG-ACC-MAT", default: "TG-SVC-PLATE" },
      timeoutMs: TIMEOUT_MS,
    },
    failThreeCreates: () => sap.fail({ kind: "server", status: 500 }, { on: "create", times: 3 }),
    documentsFor: (o) =>
      [...sap.orders.values()]
        .filter((s) => s.PurchaseOrderByCustomer === o.orderNumber)
        .map((s) => ({ id: String(s.SalesOrder) })),
  },
  {
    connectorId: "odoo",
    config: {
      baseUrl: ODOO_TEST_BASE_URL,
      database: ODOO_TEST_DATABASE,
      apiKey: ODOO_TEST_API_KEY,
      login: ODOO_TEST_LOGIN,
      products: { ...ODOO_TEST_PRODUCTS, default: ODOO_TEST_PRODUCTS.fee },
      timeoutMs: TIMEOUT_MS,
    },
    failThreeCreates: () =>
      odoo.fail({ kind: "throttle", retryAfterSeconds: 0 }, { on: "create", times: 3 }),
    documentsFor: (o) =>
      [...odoo.orders.values()]
        .filter((r) => r.client_order_ref === o.orderNumber)
        .map((r) => ({ id: String(r.id) })),
  },
  {
    connectorId: "generic_webhook",
    config: { url: WEBHOOK_TEST_URL, secret: WEBHOOK_TEST_SECRET, timeoutMs: TIMEOUT_MS },
    failThreeCreates: () => receiver.fail({ kind: "server", status: 502 }, 3),
    // One delivery processed per webhook-id: the push's idempotency key.
    documentsFor: (o) =>
      receiver.deliveries.filter((d) => d.id === `${o.id}-v1`).map((d) => ({ id: d.id })),
  },
];

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
afterAll(() => server.close());

it("covers every destination the hub pushes to", () => {
  expect(DESTINATIONS.map((d) => d.connectorId).sort()).toEqual(
    DESTINATION_CONNECTORS.map((c) => c.id).sort(),
  );
  for (const d of DESTINATIONS) {
    // The table's configs are valid for their connectors (a typo would fail every push).
    expect(() => parseConfig(findConnector(d.connectorId) as Connector, d.config)).not.toThrow();
  }
});

describe.each(availableBackends())("destinations down for 3 creates on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let a: Dealership;
  let active: string | undefined;
  const call = caller(() => hub);
  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(hub.services.db, a.tenantId, work);

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    prepared.config.sync = {
      baseDelayMs: 20,
      maxDelayMs: 100,
      maxAttempts: 6,
      sweepIntervalMs: 50,
      pushTimeoutMs: 3_000,
    };
    hub = await buildHub(prepared.config);
    a = await seedDealership(
      hub,
      "Destination Motors",
      backend.name === "embedded" ? ["DE01", "DE02"] : ["DP01", "DP02"],
    );
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  /** The destination's connection, and the previous one disabled: one push per approval. */
  async function connect(d: Destination): Promise<string> {
    if (active) {
      const off = await call("POST", `/v1/connections/${active}/disable`, a.admin);
      expect(off.statusCode, off.body).toBe(200);
    }
    if (d.oauthAccessToken) {
      // OAuth destinations: stored as the callback would leave them (token in place).
      const connector = findConnector(d.connectorId) as Connector;
      expect(secretFields(connector).length).toBeGreaterThan(0);
      active = newConnectionId();
      await inTenant((tx) =>
        tx.insert(connections).values({
          id: active!,
          tenantId: a.tenantId,
          connectorId: d.connectorId,
          name: d.connectorId,
          config: encryptSecrets(connector, d.config, hub.services.crypto),
          hookId: newHookId(),
          oauthAccessTokenCiphertext: hub.services.crypto.encrypt(d.oauthAccessToken!),
          oauthRefreshTokenCiphertext: hub.services.crypto.encrypt(`${d.connectorId}-refresh`),
          oauthExpiresAt: new Date(Date.now() + 3_600_000),
        }),
      );
    } else {
      const res = await call("POST", "/v1/connections", a.admin, {
        connectorId: d.connectorId,
        name: `${d.connectorId} orders`,
        config: d.config,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().hookPath).toBeNull();
      active = res.json().id as string;
    }
    return active!;
  }

  const approved = () => approvedOrder(call, a);

  const settled = (orderId: string) =>
    until(
      () => inTenant((tx) => tx.select().from(orderSyncs).where(eq(orderSyncs.orderId, orderId))),
      (rows) => rows.length > 0 && rows.every((r) => r.status !== "pending"),
    );

  it.each(DESTINATIONS.map((d) => [d.connectorId, d] as const))(
    "%s: down for its first 3 create attempts, then up → exactly one document",
    async (connectorId, d) => {
      const connectionId = await connect(d);
      // A first order with the destination up: whatever the vendor makes once per customer
      // (QuickBooks customers, Odoo partners) exists, so the failures below hit the document.
      const warm = await approved();
      expect((await settled(warm.id))[0]).toMatchObject({ status: "synced", attempts: 1 });

      d.failThreeCreates();
      const before = createAttempts.get(connectorId) ?? 0;
      const order = await approved();
      const rows = await settled(order.id);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row, row?.lastError ?? "").toMatchObject({
        status: "synced",
        destination: connectorId,
        connectionId,
        idempotencyKey: `${order.id}-v1`,
        attempts: 4,
      });
      expect(createAttempts.get(connectorId)! - before).toBeGreaterThanOrEqual(4);

      const documents = d.documentsFor(order);
      expect(documents).toHaveLength(1);
      expect(row!.externalId).toBeTruthy();
      if (connectorId !== "generic_webhook") expect(row!.externalId).toBe(documents[0]!.id);

      const [stored] = await inTenant((tx) =>
        tx.select({ s: orders.syncStatus }).from(orders).where(eq(orders.id, order.id)),
      );
      expect(stored!.s[connectionId]).toMatchObject({
        status: "synced",
        externalId: row!.externalId,
      });
      const synced = await inTenant((tx) =>
        tx
          .select()
          .from(events)
          .where(and(eq(events.entityId, order.id), eq(events.type, "order.synced"))),
      );
      expect(synced).toHaveLength(1);
      expect(synced[0]!.payload).toMatchObject({
        externalId: row!.externalId,
        destination: connectorId,
        connectionId,
      });
    },
    20_000,
  );
});
