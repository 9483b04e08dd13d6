import {
  DEFAULT_APPROVAL_RULES,
  DEFAULT_DELIVERY_DATE_TOLERANCE_DAYS,
  DEFAULT_TAX_RULES,
  newId,
} from "@forecourt/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, type Dealership, seedDealership } from "./support/dealership.js";

/** A Passat from stock with mats and a 2.99 % discount, for cash: the defaults approve it at once. */
const passat = () => ({
  vehicle: { kind: "stock", vehicleId: newId("vehicle"), vin: "LSVAU2180N2183294" },
  lines: [
    { kind: "vehicle", description: "Passat 380TSI", amount: { amount: 22_990_000 } },
    { kind: "accessory", description: "Mats", quantity: 2, amount: { amount: 45_000 } },
    { kind: "discount", description: "Auto show", amount: { amount: -690_000 } },
  ],
  requestedDeliveryDate: "2030-12-20",
});

describe.each(availableBackends())("order rules on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let groups = 0;
  const call = caller(() => hub);
  const put = (key: string, body: unknown, headers: Record<string, string> = {}) =>
    hub.app.inject({
      method: "PUT",
      url: "/v1/order-rules",
      headers: { authorization: `Bearer ${key}`, ...headers },
      payload: body as object,
    });
  const rulesOf = async (key: string) => {
    const res = await call("GET", "/v1/order-rules", key);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  /** A dealer group of its own per scenario, with a group finance key. */
  const group = async () => {
    groups += 1;
    const d = await seedDealership(hub, `Rules Motors ${groups}`, [`RL${groups}A`, `RL${groups}B`]);
    const finance = (await createKey(hub.services.db, d.tenantId, "finance", "finance")).apiKey;
    return { ...d, finance };
  };
  const enter = async (d: Dealership) => {
    const res = await call("POST", "/v1/orders", d.admin, {
      customerId: d.customer,
      salespersonId: d.sp[0],
      ...passat(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const submit = async (d: Dealership, order: { id: string; version: number }) => {
    const res = await call("POST", `/v1/orders/${order.id}/submit`, d.admin, {
      version: order.version,
      by: d.sp[0],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("shows the SDK's defaults in full until a group sets its own, with version 0", async () => {
    const d = await group();
    const res = await call("GET", "/v1/order-rules", d.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json()).toEqual({
      approval: DEFAULT_APPROVAL_RULES,
      tax: DEFAULT_TAX_RULES,
      changes: {
        deliveryDateToleranceDays: DEFAULT_DELIVERY_DATE_TOLERANCE_DAYS,
        deliveryDateApprover: "manager",
        configurationApprover: "manager",
      },
      overrides: {},
      version: 0,
    });
  });

  it("lets admin and finance group keys write, managers read, and nobody else in", async () => {
    const d = await group();
    const body = { tax: { vatRateBps: 900 } };
    const storeFinance = (
      await createKey(hub.services.db, d.tenantId, "store finance", "finance", {
        storeId: d.stores[0],
      })
    ).apiKey;
    const marketing = (await createKey(hub.services.db, d.tenantId, "marketing", "marketing"))
      .apiKey;
    const integration = (await createKey(hub.services.db, d.tenantId, "dms", "integration")).apiKey;
    for (const key of [d.managerKeys[0], d.salesKeys[0], marketing, integration]) {
      const refused = await put(key, body);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.message).toBe("This needs a key with role admin or finance");
    }
    // Rules are the whole group's: a finance key confined to one store may not set them.
    const confined = await put(storeFinance, body);
    expect(confined.statusCode).toBe(403);
    expect(confined.json().error.message).toContain("belongs to the whole group");
    for (const key of [d.salesKeys[0], marketing, integration]) {
      const refused = await call("GET", "/v1/order-rules", key);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe("forbidden");
    }
    expect((await rulesOf(d.managerKeys[0])).version).toBe(0);
    expect((await rulesOf(storeFinance)).version).toBe(0);
    expect((await put(d.finance, body)).statusCode).toBe(200);
    expect((await put(d.admin, { ...body, version: 1 })).statusCode).toBe(200);
    const seen = await rulesOf(d.managerKeys[1]);
    expect(seen).toMatchObject({ version: 2, overrides: body, tax: { vatRateBps: 900 } });
    expect((await call("GET", "/v1/order-rules", undefined)).statusCode).toBe(401);
  });

  it("makes the next submitted order wait for the approver a discount limit set by PUT names, with its reason", async () => {
    const d = await group();
    // Under the defaults (5 % of list price for the manager) a 2.99 % discount needs nobody.
    const before = await submit(d, await enter(d));
    expect(before.status).toBe("approved");

    const limit = { aboveAmount: 500_000, approver: "finance" };
    const set = await put(d.finance, { approval: { discount: [limit] }, version: 0 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect(set.json()).toMatchObject({
      approval: { ...DEFAULT_APPROVAL_RULES, discount: [limit] },
      overrides: { approval: { discount: [limit] } },
      version: 1,
      updatedAt: expect.any(String),
    });

    const order = await submit(d, await enter(d));
    expect(order.status).toBe("submitted");
    const byManager = await call("POST", `/v1/orders/${order.id}/approvals`, d.managerKeys[0], {
      version: order.version,
      decision: "approved",
      by: d.sp[1],
    });
    expect(byManager.statusCode).toBe(409);
    expect(byManager.json().error).toMatchObject({
      code: "approval_not_required",
      details: {
        required: ["finance"],
        reasons: [
          {
            rule: "discount",
            approver: "finance",
            message: "discount 6900.00 CNY is above the 5000.00 CNY limit",
          },
        ],
      },
    });
    const byFinance = await call("POST", `/v1/orders/${order.id}/approvals`, d.finance, {
      version: order.version,
      decision: "approved",
      by: d.sp[1],
    });
    expect(byFinance.statusCode, byFinance.body).toBe(200);
    expect(byFinance.json()).toMatchObject({
      status: "approved",
      approvals: [{ role: "finance", decision: "approved", rules: ["discount"] }],
    });
    // An order approved under the old rules stays approved.
    expect((await call("GET", `/v1/orders/${before.id}`, d.admin)).json().status).toBe("approved");
  });

  it("computes every order's totals with the tax rules set by PUT", async () => {
    const d = await group();
    const order = await enter(d);
    expect(order.totals).toMatchObject({
      vat: { amount: 2_575_841 },
      vatIncluded: true,
      total: { amount: 22_390_000 },
      purchaseTax: { amount: 1_973_451 },
    });
    // Prices quoted without VAT, at 9 %: VAT is added to the total; purchase tax on the net price.
    const tax = { pricesIncludeVat: false, vatRateBps: 900 };
    const set = await put(d.admin, { tax });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().tax).toEqual({ ...DEFAULT_TAX_RULES, ...tax });
    const totals = {
      taxableBase: { amount: 22_390_000 },
      vat: { amount: 2_015_100 },
      vatIncluded: false,
      total: { amount: 24_405_100 },
      purchaseTaxBase: { amount: 22_300_000 },
      purchaseTax: { amount: 2_230_000 },
      balanceDue: { amount: 24_405_100 },
    };
    expect((await call("GET", `/v1/orders/${order.id}`, d.admin)).json().totals).toMatchObject(
      totals,
    );
    expect((await enter(d)).totals).toMatchObject(totals);
    const listed = (await call("GET", "/v1/orders?limit=1", d.admin)).json();
    expect(listed.data[0].totals).toMatchObject(totals);
  });

  it("lets a delivery date move further without approval when the change rules allow it", async () => {
    const d = await group();
    const moveBy10Days = async (order: { id: string; version: number }) => {
      const res = await call("POST", `/v1/orders/${order.id}/changes`, d.admin, {
        kind: "delivery_date",
        after: "2030-12-30",
        reason: "customer travels",
        version: order.version,
        by: d.sp[0],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().change;
    };
    expect(await moveBy10Days(await submit(d, await enter(d)))).toMatchObject({
      status: "pending",
      approvers: ["manager"],
    });
    const set = await put(d.admin, { changes: { deliveryDateToleranceDays: 14 } });
    expect(set.json().changes).toEqual({
      deliveryDateToleranceDays: 14,
      deliveryDateApprover: "manager",
      configurationApprover: "manager",
    });
    expect(await moveBy10Days(await submit(d, await enter(d)))).toMatchObject({
      status: "applied",
    });
  });

  it("replaces the rules as a whole, checks the version, and audits each change", async () => {
    const d = await group();
    const first = await put(d.admin, {
      approval: { downPayment: null, floorPrice: { approver: "sales_director" } },
      tax: { nevPurchaseTaxRelief: "halved" },
    });
    expect(first.json()).toMatchObject({
      version: 1,
      approval: { downPayment: null, floorPrice: { approver: "sales_director" } },
      overrides: {
        approval: { downPayment: null, floorPrice: { approver: "sales_director" } },
        tax: { nevPurchaseTaxRelief: "halved" },
      },
    });
    // A PUT is the whole setting: the sections it leaves out go back to the SDK's defaults.
    const second = await put(d.finance, { tax: { vatRateBps: 600 } }, { "if-match": '"1"' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      version: 2,
      approval: DEFAULT_APPROVAL_RULES,
      tax: { ...DEFAULT_TAX_RULES, vatRateBps: 600 },
      overrides: { tax: { vatRateBps: 600 } },
    });
    expect(second.json().overrides).toEqual({ tax: { vatRateBps: 600 } });

    const stale = await put(d.admin, { tax: { vatRateBps: 1300 } }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "version_conflict",
      details: { currentVersion: 2, expectedVersion: 1 },
    });
    expect((await put(d.admin, { version: 0 })).statusCode).toBe(409);
    const disagree = await put(d.admin, { version: 2 }, { "if-match": '"1"' });
    expect(disagree.statusCode).toBe(400);
    expect((await rulesOf(d.admin)).version).toBe(2);

    // Back to every default: nothing set, but the row keeps counting versions.
    const reset = (await put(d.admin, {})).json();
    expect(reset).toMatchObject({ version: 3, overrides: {}, approval: DEFAULT_APPROVAL_RULES });

    const audit = (await call("GET", `/v1/audit-events?entityId=${d.tenantId}`, d.admin)).json();
    const entries = audit.data.filter(
      (e: { entityType: string }) => e.entityType === "order_rules",
    );
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      "order_rules.replaced",
      "order_rules.replaced",
      "order_rules.replaced",
    ]);
    expect(entries[0].beforeDigest).toBeNull();
    expect(entries[1].beforeDigest).toBe(entries[0].afterDigest);
    expect(entries[2].beforeDigest).toBe(entries[1].afterDigest);
  });

  it("lets one of parallel first writes based on version 0 through; the others answer 409", async () => {
    const d = await group();
    const results = await Promise.all(
      [600, 700, 800, 900, 1000, 1100].map((vatRateBps) =>
        put(d.admin, { tax: { vatRateBps }, version: 0 }),
      ),
    );
    const codes = results.map((r) => (r.statusCode === 200 ? "ok" : r.json().error.code));
    expect(codes.filter((c) => c === "ok")).toHaveLength(1);
    expect(codes.filter((c) => c === "version_conflict")).toHaveLength(results.length - 1);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(await rulesOf(d.admin)).toEqual(winner);
  });

  it("refuses bad rules and unknown fields with 400 naming each, and stores nothing", async () => {
    const d = await group();
    const refused = async (body: unknown) => {
      const res = await put(d.admin, body);
      expect(res.statusCode, res.body).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe("validation_failed");
      return error as {
        message: string;
        details: { issues: { path: string; message: string; in: string }[] };
      };
    };
    const unknownSection = await refused({ taxes: { vatRateBps: 900 } });
    expect(unknownSection.details.issues[0]).toMatchObject({
      path: "",
      message: 'unknown field "taxes"; the sections are approval, tax and changes',
    });
    const unknownField = await refused({ tax: { vatRate: 9 } });
    expect(unknownField.details.issues[0]).toMatchObject({ path: "tax", in: "body" });
    expect(unknownField.message).toContain('tax: unknown field "vatRate"; the fields are');
    expect(unknownField.message).toContain("vatRateBps");
    const misplaced = await refused({ changes: { approval: { rules: {} } } });
    expect(misplaced.details.issues[0]).toMatchObject({ path: "changes" });
    expect(misplaced.message).toContain("approval rules go in the approval section");
    const outOfRange = await refused({ tax: { vatRateBps: 13 * 10_000 } });
    expect(outOfRange.details.issues[0]).toMatchObject({
      path: "tax.vatRateBps",
      message: "must be at most 10000 (100 %)",
    });
    const both = await refused({
      approval: { discount: [{ aboveShareBps: 500, aboveAmount: 100, approver: "manager" }] },
    });
    expect(both.details.issues[0]).toMatchObject({
      path: "approval.discount.0",
      message: "set exactly one of aboveShareBps and aboveAmount",
    });
    const badRole = await refused({ approval: { floorPrice: { approver: "General Manager" } } });
    expect(badRole.details.issues[0]?.path).toBe("approval.floorPrice.approver");
    const badKind = await refused({ tax: { vatKinds: ["vehicle", "insurance"] } });
    expect(badKind.details.issues[0]?.path).toBe("tax.vatKinds.1");
    const badDays = await refused({ changes: { deliveryDateToleranceDays: -1 } });
    expect(badDays.details.issues[0]?.path).toBe("changes.deliveryDateToleranceDays");
    expect(await rulesOf(d.admin)).toMatchObject({ version: 0, overrides: {} });
  });

  it("keeps each group's rules to itself", async () => {
    const a = await group();
    const b = await group();
    await put(a.admin, { approval: { discount: [{ aboveAmount: 0, approver: "finance" }] } });
    expect((await rulesOf(b.admin)).version).toBe(0);
    expect((await submit(b, await enter(b))).status).toBe("approved");
    expect((await submit(a, await enter(a))).status).toBe("submitted");
    expect((await put(b.admin, { tax: { vatRateBps: 600 } })).json().version).toBe(1);
    expect(await rulesOf(a.admin)).toMatchObject({
      version: 1,
      overrides: { approval: { discount: [{ aboveAmount: 0 }] } },
    });
    const auditB = (await call("GET", "/v1/audit-events?limit=200", b.admin)).json();
    expect(auditB.data.map((e: { entityId: string }) => e.entityId)).not.toContain(a.tenantId);
  });
});
