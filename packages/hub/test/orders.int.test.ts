import { createHash } from "node:crypto";
import { newId } from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, events, orderNumberCounters, orders } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, type Dealership, seedDealership } from "./support/dealership.js";

const money = (amount: number) => ({ amount });
/** A Passat from stock: ¥229,900, mats, plate service, auto-show discount, a trade-in, financed. */
const passat = (extra: { discount?: number; downPayment?: number } = {}) => ({
  vehicle: { kind: "stock", vehicleId: newId("vehicle"), vin: "LSVAU2180N2183294" },
  lines: [
    {
      kind: "vehicle",
      description: "Passat 380TSI",
      code: "PASSAT-380",
      amount: money(22_990_000),
    },
    { kind: "accessory", description: "Mats", quantity: 2, amount: money(45_000) },
    { kind: "fee", description: "Plate service", amount: money(150_000) },
    { kind: "discount", description: "Auto show", amount: money(-(extra.discount ?? 1_000_000)) },
    { kind: "trade_in_credit", description: "2017 Corolla", amount: money(-4_500_000) },
  ],
  tradeIn: {
    brand: "Toyota",
    model: "Corolla",
    mileageKm: 98_000,
    appraisedValue: money(4_500_000),
  },
  financing: {
    lender: "SAIC-VW Finance",
    downPayment: money(extra.downPayment ?? 5_000_000),
    termMonths: 36,
    annualRateBps: 399,
  },
  requestedDeliveryDate: "2030-12-20",
});
const NUMBER = /^([A-Z0-9]+)-(\d{8})-(\d{4,6})$/;

describe.each(availableBackends())("orders on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let a: Dealership;
  let b: Dealership;
  let financeKey: string;
  const call = caller(() => hub);

  /** Enters an order for sp[0] (store 0) with the admin key, or with `key` as its own. */
  const enter = async (body: Record<string, unknown> = passat(), key?: string) => {
    const res = await call("POST", "/v1/orders", key ?? a.admin, {
      customerId: a.customer,
      ...(key ? {} : { salespersonId: a.sp[0] }),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const put = (url: string, key: string, body: unknown) =>
    hub.app.inject({
      method: "PUT",
      url,
      headers: { authorization: `Bearer ${key}` },
      payload: body as object,
    });
  const post = (url: string, key: string, body: unknown) => call("POST", url, key, body);
  const submit = (o: { id: string; version: number }, key = a.salesKeys[0]) =>
    post(`/v1/orders/${o.id}/submit`, key, { version: o.version });
  const eventsOf = async (tenantId: string, id: string) =>
    withTenant(hub.services.db, tenantId, (tx) =>
      tx
        .select({ type: events.type, payload: events.payload })
        .from(events)
        .where(and(eq(events.tenantId, tenantId), eq(events.entityId, id)))
        .orderBy(events.id),
    );
  const orderCount = async (tenantId: string) =>
    (
      await withTenant(hub.services.db, tenantId, (tx) =>
        tx.select({ id: orders.id }).from(orders).where(eq(orders.tenantId, tenantId)),
      )
    ).length;

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    a = await seedDealership(hub, "Group A", ["OA01", "OA02"]);
    b = await seedDealership(hub, "Group B", ["OB01", "OB02"]);
    financeKey = (await createKey(hub.services.db, a.tenantId, "finance", "finance")).apiKey;
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("enters a draft with the SDK's totals, a store-day number and a loan schedule", async () => {
    const order = await enter(passat(), a.salesKeys[0]);
    expect(order).toMatchObject({
      id: expect.stringMatching(/^ord_/),
      status: "draft",
      salespersonId: a.sp[0],
      storeId: a.stores[0],
      total: { amount: 17_730_000, currency: "CNY" },
      termsVersion: 1,
      version: 1,
    });
    expect(order.orderNumber).toMatch(/^OA01-\d{8}-\d{4}$/);
    expect(order.totals).toMatchObject({
      subtotal: { amount: 23_080_000 },
      discounts: { amount: -1_000_000 },
      fees: { amount: 150_000 },
      tradeInCredit: { amount: -4_500_000 },
      vat: { amount: 2_540_177 },
      purchaseTax: { amount: 1_946_018 },
      amountFinanced: { amount: 12_730_000 },
      balanceDue: { amount: 5_000_000 },
    });
    expect(order.loanSchedule.rows).toHaveLength(36);
    expect((await call("GET", `/v1/orders/${order.id}`, a.salesKeys[0])).json()).toEqual(order);
    const audit = (await call("GET", `/v1/audit-events?entityId=${order.id}`, a.admin)).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(["order.created"]);
  });

  it("gives 20 parallel creates 20 distinct, consecutive numbers", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call("POST", "/v1/orders", a.salesKeys[2], { customerId: a.customer, ...passat() }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const parts = results.map((r) => NUMBER.exec(r.json().orderNumber)!);
    expect(new Set(parts.map((p) => `${p[1]}-${p[2]}`)).size).toBeLessThanOrEqual(2);
    const seqs = parts.map((p) => Number(p[3])).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(20);
    if (new Set(parts.map((p) => p[2])).size === 1) {
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seqs[0]! + i));
    }
    expect(parts.every((p) => p[1] === "OA02")).toBe(true);
  });

  it("asks for manager and general manager on a big discount, finance on a low down payment", async () => {
    const big = await enter(passat({ discount: 2_500_000 }));
    const submitted = (await submit(big)).json();
    expect(submitted.status).toBe("submitted");
    // The answer says who must approve and why.
    expect(submitted.pendingApproval).toMatchObject({
      approvers: ["manager", "general_manager"],
      waitingFor: ["manager", "general_manager"],
      reasons: [
        { rule: "discount", approver: "manager", message: expect.any(String) },
        { rule: "discount", approver: "general_manager", message: expect.any(String) },
      ],
    });
    // Finance is not asked; a sales key may not approve at all.
    const notAsked = await post(`/v1/orders/${big.id}/approvals`, financeKey, {
      version: submitted.version,
      decision: "approved",
      by: a.sp[1],
    });
    expect(notAsked.statusCode).toBe(409);
    expect(notAsked.json().error).toMatchObject({
      code: "approval_not_required",
      details: { role: "finance", required: ["manager", "general_manager"] },
    });
    const bySales = await post(`/v1/orders/${big.id}/approvals`, a.salesKeys[1], {
      version: submitted.version,
      decision: "approved",
    });
    expect(bySales.statusCode).toBe(403);
    const byManager = await post(`/v1/orders/${big.id}/approvals`, a.managerKeys[0], {
      version: submitted.version,
      decision: "approved",
      by: a.sp[1],
    });
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json()).toMatchObject({
      status: "submitted",
      approvals: [{ role: "manager" }],
      pendingApproval: {
        approvers: ["manager", "general_manager"],
        waitingFor: ["general_manager"],
      },
    });
    const fetched = await call("GET", `/v1/orders/${big.id}`, a.admin);
    expect(fetched.json().pendingApproval.waitingFor).toEqual(["general_manager"]);
    const byGm = await post(`/v1/orders/${big.id}/approvals`, a.admin, {
      version: byManager.json().version,
      decision: "approved",
      role: "general_manager",
      by: a.sp[1],
    });
    expect(byGm.statusCode, byGm.body).toBe(200);
    expect(byGm.json().status).toBe("approved");
    expect(byGm.json()).not.toHaveProperty("pendingApproval");
    const types = (await eventsOf(a.tenantId, big.id)).map((e) => e.type);
    expect(types).toEqual([
      "order.created",
      "order.status_changed",
      "order.status_changed",
      "order.approved",
    ]);

    const low = await enter(passat({ downPayment: 2_000_000 }));
    const lowSubmitted = (await submit(low)).json();
    const rejected = await post(`/v1/orders/${low.id}/approvals`, financeKey, {
      version: lowSubmitted.version,
      decision: "rejected",
      by: a.sp[1],
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().error.details.issues[0].path).toBe("note");
    const approved = await post(`/v1/orders/${low.id}/approvals`, financeKey, {
      version: lowSubmitted.version,
      decision: "approved",
      by: a.sp[1],
    });
    expect(approved.json()).toMatchObject({
      status: "approved",
      approvals: [{ role: "finance", decision: "approved", rules: ["down_payment"] }],
    });
  });

  it("refuses an illegal move with the states allowed, and a cancellation without a reason", async () => {
    const order = await enter();
    const res = await post(`/v1/orders/${order.id}/status`, a.admin, {
      status: "delivered",
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: "illegal_order_transition",
      message: expect.stringContaining('"draft" to "delivered"'),
      details: {
        entity: "Order",
        from: "draft",
        to: "delivered",
        allowed: ["submitted", "cancelled"],
      },
    });
    const noReason = await post(`/v1/orders/${order.id}/status`, a.admin, {
      status: "cancelled",
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("validation_failed");
    expect((await call("GET", `/v1/orders/${order.id}`, a.admin)).json().version).toBe(1);
    const stale = await post(`/v1/orders/${order.id}/status`, a.admin, {
      status: "cancelled",
      version: 7,
      reason: "x",
    });
    expect(stale.json().error).toMatchObject({
      code: "version_conflict",
      details: { currentVersion: 1 },
    });
    const cancelled = await post(`/v1/orders/${order.id}/status`, a.salesKeys[0], {
      status: "cancelled",
      version: 1,
      reason: "customer bought elsewhere",
    });
    expect(cancelled.json()).toMatchObject({
      status: "cancelled",
      cancelReason: "customer bought elsewhere",
    });
  });

  it("renders a contract with escaped values and its hash, signs it and walks the milestones", async () => {
    const tricky = newId("customer");
    await withTenant(hub.services.db, a.tenantId, (tx) =>
      tx.insert(customers).values({
        id: tricky,
        tenantId: a.tenantId,
        type: "individual",
        name: `<b>O'Neil</b> & "Co" {{dealer.name}}`,
        attributes: {},
      }),
    );
    const order = await enter({ ...passat(), customerId: tricky });
    const approved = (await submit(order)).json();
    expect(approved.status).toBe("approved");
    const rendered = await post(`/v1/orders/${order.id}/contract`, a.salesKeys[0], {
      version: approved.version,
    });
    expect(rendered.statusCode, rendered.body).toBe(201);
    const { contract } = rendered.json();
    expect(contract.text).toContain(
      "&lt;b&gt;O&#39;Neil&lt;/b&gt; &amp; &quot;Co&quot; {{dealer.name}}",
    );
    expect(contract.text).toContain("壹拾柒万柒仟叁佰元整");
    expect(contract.renderedSha256).toBe(createHash("sha256").update(contract.text).digest("hex"));
    expect(contract).toMatchObject({ status: "generated", orderVersion: 1, templateId: "default" });
    const signer = { party: "customer", name: "O'Neil", customerId: tricky };
    const wrong = await post(`/v1/orders/${order.id}/contract/sign`, a.salesKeys[0], {
      version: approved.version,
      renderedSha256: "0".repeat(64),
      signedBy: [signer],
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe("contract_outdated");
    const signed = await post(`/v1/orders/${order.id}/contract/sign`, a.salesKeys[0], {
      version: approved.version,
      renderedSha256: contract.renderedSha256,
      signedBy: [signer],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().contract).toMatchObject({ status: "signed", signedBy: [signer] });
    let current = signed.json().order;
    expect(current).toMatchObject({ status: "contracted", contractId: contract.id });
    for (const status of ["allocated", "in_transit", "arrived", "delivered"]) {
      const res = await post(`/v1/orders/${order.id}/status`, a.admin, {
        status,
        version: current.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      current = res.json();
    }
    expect(current.deliveredAt).toEqual(expect.any(String));
    const moves = (await eventsOf(a.tenantId, order.id))
      .filter((e) => e.type === "order.status_changed")
      .map((e) => e.payload.to);
    expect(moves).toEqual([
      "submitted",
      "approved",
      "contracted",
      "allocated",
      "in_transit",
      "arrived",
      "delivered",
    ]);
  });

  it("keeps a template's placeholders honest", async () => {
    const bad = await put("/v1/contract-templates/sale", a.admin, {
      kind: "text",
      body: "Buyer {{customer.nickname}}",
    });
    expect(bad.statusCode).toBe(400);
    const bySales = await put("/v1/contract-templates/sale", a.salesKeys[0], {
      kind: "text",
      body: "Buyer {{customer.name}}",
    });
    expect(bySales.statusCode).toBe(403);
    const ok = await put("/v1/contract-templates/sale", a.admin, {
      kind: "text",
      body: "Buyer {{customer.name}}, {{order.number}}",
    });
    expect(ok.json()).toMatchObject({
      placeholders: ["customer.name", "order.number"],
      version: 1,
    });
  });

  it("changes an order: a version with its diff, approval when the rules say, and a reset under approval", async () => {
    const order = await enter();
    const approved = (await submit(order)).json();
    // A delivery date within the tolerance needs nobody: applied at once.
    const moved = await post(`/v1/orders/${order.id}/changes`, a.salesKeys[0], {
      kind: "delivery_date",
      after: "2030-12-23",
      reason: "customer travels",
      version: approved.version,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json()).toMatchObject({
      change: { status: "applied", resultingVersion: 2 },
      order: { termsVersion: 2, requestedDeliveryDate: "2030-12-23", status: "approved" },
      approvalReset: false,
    });
    // A deeper discount needs the manager and the general manager.
    const lines = passat({ discount: 2_500_000 }).lines;
    const deeper = await post(`/v1/orders/${order.id}/changes`, a.salesKeys[0], {
      kind: "price",
      after: lines,
      reason: "matched a competitor",
      version: moved.json().order.version,
    });
    const pending = deeper.json();
    expect(pending.change).toMatchObject({
      status: "pending",
      requiresApproval: true,
      baseVersion: 2,
    });
    expect(pending.change.approvers).toEqual(["manager", "general_manager"]);
    expect(pending.change.diff).toEqual(
      expect.arrayContaining([
        { path: "lines.3.amount.amount", before: -1_000_000, after: -2_500_000 },
      ]),
    );
    expect(pending.order.termsVersion).toBe(2);
    const bySales = await post(
      `/v1/orders/${order.id}/changes/${pending.change.id}/decision`,
      a.salesKeys[0],
      {
        version: pending.change.version,
        decision: "approved",
      },
    );
    expect(bySales.statusCode).toBe(403);
    const decided = await post(
      `/v1/orders/${order.id}/changes/${pending.change.id}/decision`,
      a.managerKeys[0],
      {
        version: pending.change.version,
        decision: "approved",
        by: a.sp[1],
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      change: { status: "applied", resultingVersion: 3 },
      order: { termsVersion: 3, total: { amount: 16_230_000 } },
      termsVersion: { version: 3, changeRequestId: pending.change.id },
    });

    // Under approval, a change that needs approval sends the order back to draft.
    const waiting = await enter(passat({ downPayment: 2_000_000 }));
    const submitted = (await submit(waiting)).json();
    const change = (
      await post(`/v1/orders/${waiting.id}/changes`, a.salesKeys[0], {
        kind: "price",
        after: passat({ discount: 2_500_000, downPayment: 2_000_000 }).lines,
        reason: "fleet deal",
        version: submitted.version,
      })
    ).json().change;
    const reset = await post(`/v1/orders/${waiting.id}/changes/${change.id}/decision`, a.admin, {
      version: change.version,
      decision: "approved",
      role: "general_manager",
      by: a.sp[1],
    });
    expect(reset.json()).toMatchObject({
      approvalReset: true,
      order: { status: "draft", termsVersion: 2 },
    });
  });

  it("counts orders and revenue by model, period, store and salesperson", async () => {
    const enterB = async (salespersonId: string, discount: number, submitIt: boolean) => {
      const res = await call("POST", "/v1/orders", b.admin, {
        customerId: b.customer,
        salespersonId,
        ...passat({ discount }),
      });
      const o = res.json();
      if (submitIt) await submit(o, b.admin);
      return o;
    };
    await enterB(b.sp[0], 1_000_000, true); // 17,730,000
    await enterB(b.sp[2], 500_000, true); // 18,230,000
    await enterB(b.sp[0], 1_000_000, false); // a draft: not counted
    const res = await call("GET", "/v1/analytics/orders?period=day", b.admin);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats).toMatchObject({ orders: 2, revenue: { amount: 35_960_000, currency: "CNY" } });
    expect(stats.byModel).toEqual([
      { key: "PASSAT-380", orders: 2, revenue: { amount: 35_960_000, currency: "CNY" } },
    ]);
    expect(stats.byStore.map((r: { key: string; orders: number }) => [r.key, r.orders])).toEqual([
      [b.stores[1], 1],
      [b.stores[0], 1],
    ]);
    expect(stats.bySalesperson[0]).toMatchObject({ key: b.sp[2], revenue: { amount: 18_230_000 } });
    const store0 = (await call("GET", "/v1/analytics/orders", b.managerKeys[0])).json();
    expect(store0).toMatchObject({ orders: 1, revenue: { amount: 17_730_000 } });
  });

  it("shows a sales key its own orders only, and a manager key its store's", async () => {
    const mine = await enter();
    for (const key of [a.salesKeys[1], a.managerKeys[1]]) {
      expect((await call("GET", `/v1/orders/${mine.id}`, key)).statusCode).toBe(404);
      expect((await submit(mine, key)).statusCode).toBe(404);
      const listed = (await call("GET", "/v1/orders?limit=200", key)).json();
      expect(listed.data.map((o: { id: string }) => o.id)).not.toContain(mine.id);
    }
    expect((await call("GET", `/v1/orders/${mine.id}`, a.managerKeys[0])).statusCode).toBe(200);
    // A sales key enters orders for itself only.
    const forOther = await call("POST", "/v1/orders", a.salesKeys[0], {
      customerId: a.customer,
      salespersonId: a.sp[1],
      ...passat(),
    });
    expect(forOther.statusCode).toBe(403);
    const page = (
      await call("GET", `/v1/orders?salespersonId=${a.sp[0]}&status=draft&limit=2`, a.admin)
    ).json();
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("keeps every order route of one tenant closed to another", async () => {
    const order = await enter();
    const approved = (await submit(order)).json();
    const change = (
      await post(`/v1/orders/${order.id}/changes`, a.salesKeys[0], {
        kind: "price",
        after: passat({ discount: 2_500_000 }).lines,
        reason: "x",
        version: approved.version,
      })
    ).json().change;
    const v = approved.version + 1;
    const bodies: Record<string, unknown> = {
      "GET /v1/orders/{id}": undefined,
      "POST /v1/orders/{id}/submit": { version: v, by: b.sp[0] },
      "POST /v1/orders/{id}/approvals": {
        version: v,
        decision: "approved",
        role: "manager",
        by: b.sp[0],
      },
      "POST /v1/orders/{id}/status": { status: "cancelled", version: v, reason: "x" },
      "POST /v1/orders/{id}/changes": {
        kind: "delivery_date",
        after: "2030-12-21",
        reason: "x",
        version: v,
        by: b.sp[0],
      },
      "POST /v1/orders/{id}/changes/{changeId}/decision": {
        version: 1,
        decision: "withdrawn",
        by: b.sp[0],
      },
      "POST /v1/orders/{id}/contract": { version: v },
      "POST /v1/orders/{id}/contract/sign": {
        version: v,
        renderedSha256: "0".repeat(64),
        signedBy: [{ party: "customer", name: "x" }],
      },
    };
    const doc = hub.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/v1/orders/{id}"))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(bodies).sort());
    for (const route of routes) {
      const [method, path] = route.split(" ") as ["GET" | "POST", string];
      const url = path.replace("{id}", order.id).replace("{changeId}", change.id);
      const res = await call(method, url, b.admin, bodies[route]);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(404);
    }
    const listed = (await call("GET", "/v1/orders?limit=200", b.admin)).json();
    expect(listed.data.map((o: { id: string }) => o.id)).not.toContain(order.id);
    expect((await call("GET", `/v1/orders/${order.id}`, a.admin)).json().version).toBe(v);
    // Nor may B enter an order for A's customer.
    const cross = await call("POST", "/v1/orders", b.admin, {
      customerId: a.customer,
      salespersonId: b.sp[0],
      ...passat(),
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.details.issues[0].path).toBe("customerId");
  });

  it("answers bad orders with 400 and the issues, and writes nothing (not even a number)", async () => {
    const before = await orderCount(a.tenantId);
    const counters = () =>
      withTenant(hub.services.db, a.tenantId, (tx) =>
        tx.select().from(orderNumberCounters).where(eq(orderNumberCounters.tenantId, a.tenantId)),
      );
    const countersBefore = await counters();
    const body = passat();
    body.lines[3]!.amount = money(1_000_000);
    const positiveDiscount = await call("POST", "/v1/orders", a.admin, {
      customerId: a.customer,
      salespersonId: a.sp[0],
      ...body,
    });
    expect(positiveDiscount.statusCode).toBe(400);
    expect(positiveDiscount.json().error).toMatchObject({ code: "validation_failed" });
    expect(positiveDiscount.json().error.details.issues[0].path).toBe("lines.3.amount.amount");
    const unknown = await call("POST", "/v1/orders", a.admin, {
      customerId: a.customer,
      salespersonId: a.sp[0],
      orderNumber: "OA01-20300101-0001",
      ...passat(),
    });
    expect(unknown.statusCode).toBe(400);
    const noVehicle = await call("POST", "/v1/orders", a.admin, {
      customerId: a.customer,
      salespersonId: a.sp[0],
      ...passat(),
      lines: [{ kind: "fee", description: "x", amount: money(1) }],
    });
    expect(noVehicle.statusCode).toBe(400);
    expect(await orderCount(a.tenantId)).toBe(before);
    expect(await counters()).toEqual(countersBefore);
  });
});
