import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads, opportunities } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, type Dealership, insertLead, seedDealership } from "./support/dealership.js";

const deal = (extra: Record<string, unknown> = {}) => ({
  vehicle: { brand: "BYD", series: "Han", model: "Han EV 2026" },
  expectedValue: { amount: 23_980_000 },
  expectedCloseDate: "2030-06-30",
  ...extra,
});

describe.each(availableBackends())("opportunities on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let a: Dealership;
  let b: Dealership;
  const call = caller(() => hub);

  /** Opens a deal for sp[0] in store 0 through the admin key; returns the body. */
  const open = async (extra: Record<string, unknown> = {}) => {
    const res = await call(
      "POST",
      "/v1/opportunities",
      a.admin,
      deal({ customerId: a.customer, salespersonId: a.sp[0], ...extra }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const move = (id: string, body: Record<string, unknown>, key = a.admin) =>
    call("POST", `/v1/opportunities/${id}/stage`, key, body);

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    a = await seedDealership(hub, "Group A", ["OA01", "OA02"]);
    b = await seedDealership(hub, "Group B", ["OB01", "OB02"]);
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("opens a deal for a customer, serves it and audits it", async () => {
    const opp = await open({ note: "walked in on Saturday" });
    expect(opp).toMatchObject({
      id: expect.stringMatching(/^opp_/),
      customerId: a.customer,
      salespersonId: a.sp[0],
      storeId: a.stores[0],
      teamId: a.teams[0],
      stage: "initial_contact",
      expectedValue: { amount: 23_980_000, currency: "CNY" },
      ownerHistory: [],
      activityCount: 0,
      version: 1,
    });
    expect(opp.stageHistory).toEqual([
      {
        stage: "initial_contact",
        enteredAt: opp.createdAt,
        by: expect.stringMatching(/^key:/),
        note: "walked in on Saturday",
      },
    ]);
    expect((await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json()).toEqual(opp);
    const audit = (await call("GET", `/v1/audit-events?entityId=${opp.id}`, a.admin)).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(["opportunity.created"]);
  });

  it("converts a lead: owner, team and campaign come from the lead, which becomes converted", async () => {
    const leadId = await insertLead(hub, a.tenantId, {
      salespersonId: a.sp[0],
      storeId: a.stores[0],
      teamId: a.teams[0],
      campaignId: "camp_01J00000000000000000000000",
      customerId: a.customer,
    });
    const headers = { "idempotency-key": `convert-${leadId}` };
    const res = await call("POST", "/v1/opportunities", a.salesKeys[0], deal({ leadId }), headers);
    expect(res.statusCode, res.body).toBe(201);
    const opp = res.json();
    expect(opp).toMatchObject({
      leadId,
      customerId: a.customer,
      salespersonId: a.sp[0],
      storeId: a.stores[0],
      teamId: a.teams[0],
      campaignId: "camp_01J00000000000000000000000",
    });
    expect(opp.stageHistory[0].by).toBe(a.sp[0]);
    const [stored] = await withTenant(hub.services.db, a.tenantId, (tx) =>
      tx
        .select({ status: leads.status, opportunityId: leads.opportunityId })
        .from(leads)
        .where(and(eq(leads.tenantId, a.tenantId), eq(leads.id, leadId))),
    );
    expect(stored).toEqual({ status: "converted", opportunityId: opp.id });
    // A retried request gets the same answer; a new conversion of the lead is refused.
    const replay = await call(
      "POST",
      "/v1/opportunities",
      a.salesKeys[0],
      deal({ leadId }),
      headers,
    );
    expect(replay.json()).toEqual(opp);
    const again = await call("POST", "/v1/opportunities", a.admin, deal({ leadId }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "lead_not_convertible",
      details: { leadId, status: "converted", opportunityId: opp.id },
    });
    const audit = (await call("GET", `/v1/audit-events?entityId=${leadId}`, a.admin)).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(["lead.converted"]);
    // Another salesperson's lead is not there for a sales key.
    const theirs = await insertLead(hub, a.tenantId, {
      salespersonId: a.sp[1],
      storeId: a.stores[0],
    });
    const denied = await call(
      "POST",
      "/v1/opportunities",
      a.salesKeys[0],
      deal({ leadId: theirs }),
    );
    expect(denied.statusCode).toBe(404);
  });

  it("walks the stages to won, skipping forward and stepping back one", async () => {
    const opp = await open();
    let version = opp.version;
    for (const stage of ["needs_analysis", "test_drive", "quote", "test_drive", "quote"]) {
      const res = await move(opp.id, { stage, version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().stage).toBe(stage);
      version = res.json().version;
    }
    const won = await call("POST", `/v1/opportunities/${opp.id}/close`, a.salesKeys[0], {
      outcome: "won",
      version,
      orderReference: "DMS-2030-000417",
      note: "deposit paid",
    });
    expect(won.statusCode, won.body).toBe(200);
    const body = won.json();
    expect(body).toMatchObject({ stage: "won", wonOrderReference: "DMS-2030-000417", version: 7 });
    expect(body.closedAt).toBe(body.stageHistory.at(-1).enteredAt);
    expect(body.stageHistory.map((e: { stage: string }) => e.stage)).toEqual([
      "initial_contact",
      "needs_analysis",
      "test_drive",
      "quote",
      "test_drive",
      "quote",
      "won",
    ]);
    expect((await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json()).toEqual(body);
    const closed = (
      await call("GET", `/v1/opportunities?status=closed&stage=won&limit=200`, a.admin)
    ).json();
    expect(closed.data.map((o: { id: string }) => o.id)).toContain(opp.id);
    const audit = (await call("GET", `/v1/audit-events?entityId=${opp.id}`, a.admin)).json();
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual([
      "opportunity.created",
      ...Array(5).fill("opportunity.stage_changed"),
      "opportunity.won",
    ]);
  });

  it("refuses an illegal stage move with the stages that are allowed", async () => {
    const opp = await open();
    const res = await move(opp.id, { stage: "won", version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: "illegal_stage_transition",
      message: expect.stringContaining('"initial_contact" to "won"'),
      details: {
        from: "initial_contact",
        to: "won",
        allowed: [
          "needs_analysis",
          "product_presentation",
          "test_drive",
          "quote",
          "negotiation",
          "lost",
        ],
      },
    });
    // Two stages back is refused too; a closed deal allows nothing.
    const quoted = (await move(opp.id, { stage: "quote", version: 1 })).json();
    const back = await move(opp.id, { stage: "needs_analysis", version: quoted.version });
    expect(back.json().error.details.allowed).toEqual(["test_drive", "negotiation", "won", "lost"]);
    const lost = await move(opp.id, {
      stage: "lost",
      version: quoted.version,
      lossReason: { code: "price" },
    });
    expect(lost.statusCode).toBe(200);
    const after = await move(opp.id, { stage: "quote", version: lost.json().version });
    expect(after.json().error).toMatchObject({
      code: "illegal_stage_transition",
      details: { from: "lost", allowed: [] },
    });
    const stored = (await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json();
    expect(stored).toMatchObject({ stage: "lost", version: 3 });
  });

  it("will not lose a deal without a loss reason", async () => {
    const opp = await open();
    const viaStage = await move(opp.id, { stage: "lost", version: 1 });
    expect(viaStage.statusCode).toBe(400);
    expect(viaStage.json().error.code).toBe("validation_failed");
    expect(viaStage.json().error.details.issues[0].path).toBe("lossReason");
    const viaClose = await call("POST", `/v1/opportunities/${opp.id}/close`, a.admin, {
      outcome: "lost",
      version: 1,
    });
    expect(viaClose.statusCode).toBe(400);
    expect(viaClose.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(
      "lossReason",
    );
    const vagueOther = await call("POST", `/v1/opportunities/${opp.id}/close`, a.admin, {
      outcome: "lost",
      version: 1,
      lossReason: { code: "other" },
    });
    expect(vagueOther.statusCode).toBe(400);
    expect((await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json().version).toBe(1);
    const lost = await call("POST", `/v1/opportunities/${opp.id}/close`, a.admin, {
      outcome: "lost",
      version: 1,
      lossReason: { code: "bought_competitor_brand", competitor: "Tesla" },
    });
    expect(lost.statusCode).toBe(200);
    expect(lost.json()).toMatchObject({
      stage: "lost",
      lossReason: { code: "bought_competitor_brand", competitor: "Tesla" },
      closedAt: expect.any(String),
    });
    expect(lost.json().stageHistory.at(-1).lossReason.code).toBe("bought_competitor_brand");
  });

  it("refuses a change made on a stale version, and lets only one of two racing changes in", async () => {
    const opp = await open();
    expect((await move(opp.id, { stage: "needs_analysis", version: 1 })).statusCode).toBe(200);
    const stale = await move(opp.id, { stage: "test_drive", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "version_conflict",
      details: { id: opp.id, sentVersion: 1, currentVersion: 2 },
    });
    const racing = await Promise.all(
      ["test_drive", "quote"].map((stage) => move(opp.id, { stage, version: 2 })),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stored = (await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json();
    expect(stored.version).toBe(3);
    expect(stored.stageHistory).toHaveLength(3);
  });

  it("records and lists activities; a test drive suggests its stage", async () => {
    const opp = await open();
    const at = new Date(Date.parse(opp.createdAt) + 1000).toISOString();
    const call1 = await call("POST", `/v1/opportunities/${opp.id}/activities`, a.salesKeys[0], {
      type: "call",
      occurredAt: at,
      by: a.sp[0],
      direction: "outbound",
      outcome: "reached",
      durationSeconds: 240,
      customerFeedback: { sentiment: "positive", text: "wants a test drive" },
    });
    expect(call1.statusCode, call1.body).toBe(201);
    expect(call1.json().activity).toMatchObject({
      id: expect.stringMatching(/^act_/),
      opportunityId: opp.id,
      type: "call",
      outcome: "reached",
      customerFeedback: { sentiment: "positive" },
    });
    expect(call1.json().suggestedStage).toBeUndefined();
    const drive = await call("POST", `/v1/opportunities/${opp.id}/activities`, a.admin, {
      type: "test_drive",
      occurredAt: at,
      by: a.sp[0],
      durationMinutes: 30,
    });
    expect(drive.json().suggestedStage).toBe("test_drive");
    expect(drive.json().opportunity).toMatchObject({
      stage: "initial_contact",
      activityCount: 2,
      lastActivityAt: at,
      version: 3,
    });
    const first = (
      await call("GET", `/v1/opportunities/${opp.id}/activities?limit=1`, a.salesKeys[0])
    ).json();
    expect(first.data.map((x: { type: string }) => x.type)).toEqual(["call"]);
    expect(first.data[0]).toEqual(call1.json().activity);
    const rest = (
      await call(
        "GET",
        `/v1/opportunities/${opp.id}/activities?limit=1&cursor=${first.nextCursor}`,
        a.admin,
      )
    ).json();
    expect(rest).toEqual({ data: [drive.json().activity], nextCursor: null });
    const drives = (
      await call("GET", `/v1/opportunities/${opp.id}/activities?type=test_drive`, a.admin)
    ).json();
    expect(drives.data).toHaveLength(1);
    // A salesperson logs as themself; an activity from the future is refused.
    const asOther = await call("POST", `/v1/opportunities/${opp.id}/activities`, a.salesKeys[0], {
      type: "note",
      occurredAt: at,
      by: a.sp[1],
      notes: "x",
    });
    expect(asOther.statusCode).toBe(403);
    const future = await call("POST", `/v1/opportunities/${opp.id}/activities`, a.admin, {
      type: "note",
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      by: a.sp[0],
      notes: "not yet",
    });
    expect(future.statusCode).toBe(400);
    expect((await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json().activityCount).toBe(
      2,
    );
  });

  it("hands a deal over with its history; only managers may, and within their store", async () => {
    const opp = await open();
    const moved = (await move(opp.id, { stage: "test_drive", version: 1 })).json();
    await call("POST", `/v1/opportunities/${opp.id}/activities`, a.admin, {
      type: "visit",
      occurredAt: new Date().toISOString(),
      by: a.sp[0],
    });
    const transfer = (key: string, to: string, version: number) =>
      call("POST", `/v1/opportunities/${opp.id}/transfer`, key, {
        to,
        reason: "annual leave",
        version,
      });
    expect((await transfer(a.salesKeys[0], a.sp[1], 3)).statusCode).toBe(403);
    expect((await transfer(a.managerKeys[0], a.sp[2], 3)).statusCode).toBe(403);
    expect((await transfer(a.managerKeys[1], a.sp[1], 3)).statusCode).toBe(404);
    const res = await transfer(a.managerKeys[0], a.sp[1], 3);
    expect(res.statusCode, res.body).toBe(200);
    const handed = res.json();
    expect(handed).toMatchObject({ salespersonId: a.sp[1], storeId: a.stores[0], version: 4 });
    expect(handed.stageHistory).toEqual(moved.stageHistory);
    expect(handed.ownerHistory).toEqual([
      {
        from: a.sp[0],
        to: a.sp[1],
        at: handed.updatedAt,
        by: expect.stringMatching(/^key:/),
        reason: "annual leave",
      },
    ]);
    // The old owner no longer sees it; the new one sees it with its activities.
    expect((await call("GET", `/v1/opportunities/${opp.id}`, a.salesKeys[0])).statusCode).toBe(404);
    const activities = await call("GET", `/v1/opportunities/${opp.id}/activities`, a.salesKeys[1]);
    expect(activities.json().data).toHaveLength(1);
    // An admin may move it to another store; the team follows the new owner.
    const across = await transfer(a.admin, a.sp[2], 4);
    expect(across.json()).toMatchObject({ storeId: a.stores[1], teamId: a.teams[1] });
    expect(across.json().ownerHistory[1]).toMatchObject({
      fromStoreId: a.stores[0],
      toStoreId: a.stores[1],
    });
    const audit = (await call("GET", `/v1/audit-events?entityId=${opp.id}`, a.admin)).json();
    expect(
      audit.data.filter((e: { action: string }) => e.action === "opportunity.transferred"),
    ).toHaveLength(2);
    // Closed deals stay with whoever closed them.
    await call("POST", `/v1/opportunities/${opp.id}/close`, a.admin, {
      outcome: "lost",
      version: 5,
      lossReason: { code: "postponed" },
    });
    const closed = await transfer(a.admin, a.sp[0], 6);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("opportunity_closed");
  });

  it("confines sales keys to their own deals and manager keys to their store", async () => {
    const mine = await open();
    const theirs = (
      await call("POST", "/v1/opportunities", a.salesKeys[1], deal({ customerId: a.customer }))
    ).json();
    expect(theirs.salespersonId).toBe(a.sp[1]);
    const elsewhere = await open({ salespersonId: a.sp[2] });
    expect(elsewhere.storeId).toBe(a.stores[1]);

    const ids = async (key: string) =>
      (await call("GET", "/v1/opportunities?limit=200", key))
        .json()
        .data.map((o: { id: string }) => o.id);
    const seenBySales = await ids(a.salesKeys[1]);
    expect(seenBySales).toContain(theirs.id);
    expect(seenBySales).not.toContain(mine.id);
    expect((await call("GET", `/v1/opportunities/${mine.id}`, a.salesKeys[1])).statusCode).toBe(
      404,
    );
    expect((await move(mine.id, { stage: "quote", version: 1 }, a.salesKeys[1])).statusCode).toBe(
      404,
    );
    const activities = await call("GET", `/v1/opportunities/${mine.id}/activities`, a.salesKeys[1]);
    expect(activities.statusCode).toBe(404);
    const forSomeoneElse = await call(
      "POST",
      "/v1/opportunities",
      a.salesKeys[1],
      deal({ customerId: a.customer, salespersonId: a.sp[0] }),
    );
    expect(forSomeoneElse.statusCode).toBe(403);

    const seenByManager = await ids(a.managerKeys[0]);
    expect(seenByManager).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(seenByManager).not.toContain(elsewhere.id);
    expect(
      (await call("GET", `/v1/opportunities/${elsewhere.id}`, a.managerKeys[0])).statusCode,
    ).toBe(404);

    const unbound = await createKey(hub.services.db, a.tenantId, "no one", "sales");
    const refused = await call("GET", "/v1/opportunities", unbound.apiKey);
    expect(refused.statusCode).toBe(403);
    const finance = await createKey(hub.services.db, a.tenantId, "finance", "finance");
    expect((await call("GET", "/v1/opportunities", finance.apiKey)).statusCode).toBe(200);
    const write = await move(mine.id, { stage: "quote", version: 1 }, finance.apiKey);
    expect(write.statusCode).toBe(403);
  });

  it("filters and pages the list", async () => {
    const person = a.sp[2];
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await open({ salespersonId: person }));
    await move(made[1].id, { stage: "quote", version: 1 });
    const first = (
      await call("GET", `/v1/opportunities?salespersonId=${person}&status=open&limit=2`, a.admin)
    ).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await call(
        "GET",
        `/v1/opportunities?salespersonId=${person}&status=open&limit=2&cursor=${first.nextCursor}`,
        a.admin,
      )
    ).json();
    const all = [...first.data, ...second.data].map((o: { id: string }) => o.id);
    expect(all.slice(-3)).toEqual(made.map((o) => o.id));
    const quoted = (
      await call("GET", `/v1/opportunities?salespersonId=${person}&stage=quote`, a.admin)
    ).json();
    expect(quoted.data.map((o: { id: string }) => o.id)).toEqual([made[1].id]);
    const store = (await call("GET", `/v1/opportunities?storeId=${a.stores[1]}`, a.admin)).json();
    expect(store.data.every((o: { storeId: string }) => o.storeId === a.stores[1])).toBe(true);
  });

  it("answers bad input with 400 and writes nothing", async () => {
    const before = (await call("GET", "/v1/opportunities?limit=200", a.admin)).json().data.length;
    for (const body of [
      deal({ salespersonId: a.sp[0] }), // neither lead nor customer
      deal({ customerId: a.customer, expectedValue: { amount: -5 } }),
      deal({ customerId: a.customer, stage: "won" }),
      deal({ customerId: a.customer, surprise: true }),
      deal({ customerId: "cus_01J00000000000000000000000" }),
      deal({ customerId: a.customer, salespersonId: a.sp[0], storeId: a.stores[1] }),
    ]) {
      const res = await call("POST", "/v1/opportunities", a.admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const opp = await open();
    const wrong = await move(opp.id, { stage: "sideways", version: "1" });
    expect(wrong.statusCode).toBe(400);
    const after = (await call("GET", "/v1/opportunities?limit=200", a.admin)).json().data.length;
    expect(after).toBe(before + 1);
  });

  it("keeps every opportunity route of one tenant closed to another", async () => {
    const opp = await open();
    await call("POST", `/v1/opportunities/${opp.id}/activities`, a.admin, {
      type: "note",
      occurredAt: new Date().toISOString(),
      by: a.sp[0],
      notes: "first call booked",
    });
    // Valid bodies for every route with an id, so only the tenant check can refuse them.
    const bodies: Record<string, unknown> = {
      "GET /v1/opportunities/{id}": undefined,
      "GET /v1/opportunities/{id}/activities": undefined,
      "POST /v1/opportunities/{id}/stage": { stage: "needs_analysis", version: 2 },
      "POST /v1/opportunities/{id}/transfer": { to: b.sp[1], reason: "x", version: 2 },
      "POST /v1/opportunities/{id}/close": {
        outcome: "lost",
        version: 2,
        lossReason: { code: "price" },
      },
      "POST /v1/opportunities/{id}/activities": {
        type: "note",
        occurredAt: new Date().toISOString(),
        by: b.sp[0],
        notes: "sneaky",
      },
    };
    const doc = hub.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/v1/opportunities/{id}"))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(bodies).sort());
    for (const route of routes) {
      const [method, path] = route.split(" ") as ["GET" | "POST", string];
      const res = await call(method, path.replace("{id}", opp.id), b.admin, bodies[route]);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(404);
    }
    const listed = (await call("GET", "/v1/opportunities?limit=200", b.admin)).json();
    expect(listed.data.map((o: { id: string }) => o.id)).not.toContain(opp.id);
    expect(await countFor(b.tenantId)).toBe(0);
    const untouched = (await call("GET", `/v1/opportunities/${opp.id}`, a.admin)).json();
    expect(untouched).toMatchObject({ version: 2, stage: "initial_contact", activityCount: 1 });
    // Nor may B open a deal on A's lead or for A's salesperson.
    const leadA = await insertLead(hub, a.tenantId, {
      salespersonId: a.sp[0],
      storeId: a.stores[0],
    });
    expect(
      (await call("POST", "/v1/opportunities", b.admin, deal({ leadId: leadA }))).statusCode,
    ).toBe(404);
    const crossOwner = await call(
      "POST",
      "/v1/opportunities",
      b.admin,
      deal({ customerId: b.customer, salespersonId: a.sp[0] }),
    );
    expect(crossOwner.statusCode).toBe(400);
  });

  const countFor = async (tenantId: string) =>
    (
      await withTenant(hub.services.db, tenantId, (tx) =>
        tx.select({ id: opportunities.id }).from(opportunities),
      )
    ).length;
});
