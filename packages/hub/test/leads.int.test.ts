import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, leads, touchpoints } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, e164, type LeadGroup, mobile, ok, seedLeadGroup } from "./support/leadGroup.js";

/** How many creates the concurrency test fires at once. */
const PARALLEL = 100;

describe.each(availableBackends())("lead intake on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  const call = caller(() => hub);

  const eventsOf = (tenantId: string, entityId?: string) =>
    withTenant(hub.services.db, tenantId, (tx) =>
      tx
        .select({ type: events.type, entityId: events.entityId, payload: events.payload })
        .from(events)
        .where(entityId ? eq(events.entityId, entityId) : sql`true`)
        .orderBy(events.id),
    );
  const count = async (tenantId: string) =>
    withTenant(hub.services.db, tenantId, async (tx) => {
      const [l] = await tx.select({ n: sql<number>`count(*)::int` }).from(leads);
      const [t] = await tx.select({ n: sql<number>`count(*)::int` }).from(touchpoints);
      const [e] = await tx.select({ n: sql<number>`count(*)::int` }).from(events);
      return { leads: l!.n, touchpoints: t!.n, events: e!.n };
    });

  const hotLead = (n: number, extra: Record<string, unknown> = {}) => ({
    source: "autohome",
    channel: "portal",
    contact: { name: "Li Lei", phone: mobile(n) },
    interest: { brand: "BYD", series: "Han" },
    timeframe: "within_7_days",
    intent: "high",
    engagement: { testDriveRequested: true },
    ...extra,
  });

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Intake Motors", ["IN01", "IN02"]);
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("creates a lead: normalised, graded, assigned in turn, with a touchpoint, tasks, audit and events", async () => {
    const res = await call("POST", "/v1/leads", g.integrationKey, {
      ...hotLead(1001),
      storeId: g.stores[0],
      contact: { name: " Li Lei ", phone: "+86 139-0000-1001", email: "Li.Lei@Example.COM" },
    });
    const body = ok(res, 201);
    expect(body.merged).toBe(false);
    const lead = body.lead;
    expect(lead).toMatchObject({
      status: "new",
      grade: "H",
      computedGrade: "H",
      gradeScore: 90,
      storeId: g.stores[0],
      contact: { name: "Li Lei", phone: e164(1001), email: "li.lei@example.com" },
      touchpointCount: 1,
    });
    expect(g.sellers[0]).toContain(lead.salespersonId);
    expect(lead.gradeReasons.map((r: { code: string }) => r.code)).toContain(
      "timeframe_within_7_days",
    );
    expect(lead.assignmentReasons.map((r: { code: string }) => r.code)).toContain("round_robin");
    // H: first contact within 30 business minutes, then daily for a week.
    expect(body.tasks).toHaveLength(8);
    expect(body.tasks[0]).toMatchObject({
      kind: "first_contact",
      status: "open",
      salespersonId: lead.salespersonId,
    });
    expect(body.touchpoint).toMatchObject({
      leadId: lead.id,
      source: "autohome",
      channel: "portal",
    });

    const recorded = await eventsOf(g.tenantId, lead.id);
    expect(recorded.map((e) => e.type)).toEqual(["lead.created", "lead.assigned"]);
    expect(recorded[1]!.payload).toMatchObject({
      salespersonId: lead.salespersonId,
      strategy: "round_robin",
    });
    // No contact details in events: not the phone's digits, not the email. (Matching only the
    // four digits "1001" failed whenever a random id held them.)
    const recordedText = JSON.stringify(recorded).toLowerCase();
    expect(recordedText).not.toContain("13900001001");
    expect(recordedText).not.toContain("li.lei");
    const audit = ok(await call("GET", `/v1/audit-events?entityId=${lead.id}`, g.admin));
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(["lead.created"]);

    // At rest the phone and email are ciphertext with a blind index beside them.
    const [row] = await withTenant(hub.services.db, g.tenantId, (tx) =>
      tx.select().from(leads).where(eq(leads.id, lead.id)),
    );
    expect(row!.phoneCiphertext).not.toContain("13900001001");
    expect(row!.phoneIndex).toBe(hub.services.crypto.blindIndex("phone", e164(1001)));
    expect(row!.emailCiphertext).not.toContain("example");

    const read = await call("GET", `/v1/leads/${lead.id}`, g.admin);
    expect(read.json()).toEqual(lead);
    expect(read.headers.etag).toBe('"1"');
  });

  it("turns a second inquiry from the same phone into a touchpoint on the open lead", async () => {
    const first = ok(await call("POST", "/v1/leads", g.integrationKey, hotLead(2002)), 201);
    const again = await call("POST", "/v1/leads", g.integrationKey, {
      source: "dongchedi",
      channel: "portal",
      contact: { phone: "139-0000-2002", email: "second@example.com" },
      message: "still interested",
    });
    const merged = ok(again, 200);
    expect(merged).toMatchObject({ merged: true, leadId: first.leadId, tasks: [] });
    expect(merged.reasons[0].code).toBe("matched_phone");
    expect(merged.lead).toMatchObject({
      touchpointCount: 2,
      version: 2,
      contact: { phone: e164(2002), email: "second@example.com" },
    });
    const tps = ok(await call("GET", `/v1/leads/${first.leadId}/touchpoints`, g.admin));
    expect(tps.data.map((t: { source: string }) => t.source)).toEqual(["autohome", "dongchedi"]);
    const byPhone = await withTenant(hub.services.db, g.tenantId, (tx) =>
      tx
        .select({ id: leads.id })
        .from(leads)
        .where(eq(leads.phoneIndex, hub.services.crypto.blindIndex("phone", e164(2002)))),
    );
    expect(byPhone).toHaveLength(1);
    const types = (await eventsOf(g.tenantId, first.leadId)).map((e) => e.type);
    expect(types).toEqual(["lead.created", "lead.assigned", "lead.merged"]);

    // The email taken over from the second inquiry now matches too, whatever its case.
    const third = ok(
      await call("POST", "/v1/leads", g.integrationKey, {
        source: "website",
        channel: "website",
        contact: { email: "SECOND@example.com" },
      }),
    );
    expect(third).toMatchObject({ merged: true, leadId: first.leadId });
    expect(third.lead.touchpointCount).toBe(3);
  });

  it("answers a sender's repeated inquiry (same source and external id) without storing it twice", async () => {
    const body = { ...hotLead(3003), externalId: "ah-778899" };
    const first = ok(await call("POST", "/v1/leads", g.integrationKey, body), 201);
    const before = await count(g.tenantId);
    const again = ok(await call("POST", "/v1/leads", g.integrationKey, body), 200);
    expect(again).toMatchObject({ merged: true, leadId: first.leadId });
    expect(again.reasons[0].code).toBe("repeated_inquiry");
    expect(await count(g.tenantId)).toEqual(before);
  });

  it(`distributes ${PARALLEL} parallel creates evenly (round-robin turns taken under a lock)`, async () => {
    const group = await seedLeadGroup(hub, "Parallel Motors", ["PA01", "PA02"], {
      sellers: [7, 2],
    });
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        call("POST", "/v1/leads", group.integrationKey, {
          ...hotLead(500_000 + i),
          storeId: group.stores[0],
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(PARALLEL).fill(201));
    const perSeller = new Map(group.sellers[0].map((id) => [id, 0]));
    for (const r of responses) {
      const id = r.json().lead.salespersonId as string;
      perSeller.set(id, (perSeller.get(id) ?? 0) + 1);
    }
    const counts = [...perSeller.values()];
    console.info(
      `${backend.name}: ${PARALLEL} parallel creates over 7 sellers →`,
      counts.join(" "),
    );
    expect(perSeller.size).toBe(7);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(PARALLEL);
    const stored = await withTenant(hub.services.db, group.tenantId, (tx) =>
      tx
        .select({ salespersonId: leads.salespersonId, n: sql<number>`count(*)::int` })
        .from(leads)
        .groupBy(leads.salespersonId),
    );
    expect(stored.map((s) => s.n).sort()).toEqual(counts.sort());
  });

  it("makes one lead of parallel first inquiries from the same new phone; the rest are touchpoints on it", async () => {
    const group = await seedLeadGroup(hub, "Duplicate Motors", ["DU01", "DU02"], {
      sellers: [3, 1],
    });
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        call("POST", "/v1/leads", group.integrationKey, {
          ...hotLead(770_001),
          storeId: group.stores[0],
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(responses.map((r) => r.json().leadId as string));
    expect(ids.size).toBe(1);
    const stored = await withTenant(hub.services.db, group.tenantId, (tx) =>
      tx.select({ id: leads.id, touchpoints: leads.touchpointCount }).from(leads),
    );
    expect(stored).toEqual([{ id: [...ids][0], touchpoints: 12 }]);
  });

  it("gives a sales key its own leads and tasks only; others' answer 404", async () => {
    const [mine, theirs] = g.salesKeys;
    const own = ok(
      await call("POST", "/v1/leads", mine, { ...hotLead(4004), storeId: g.stores[0] }),
      201,
    );
    // The salesperson who sends a lead in knows the customer: the rules give it to them first.
    expect(own.lead.salespersonId).toBe(g.sellers[0][0]);
    expect(own.lead.assignmentReasons.map((r: { code: string }) => r.code)).toContain(
      "existing_relationship",
    );
    const listed = ok(await call("GET", "/v1/leads?limit=200", mine));
    expect(listed.data.length).toBeGreaterThan(0);
    expect(
      listed.data.every((l: { salespersonId: string }) => l.salespersonId === g.sellers[0][0]),
    ).toBe(true);
    expect((await call("GET", `/v1/leads/${own.leadId}`, theirs)).statusCode).toBe(404);
    expect((await call("GET", `/v1/leads/${own.leadId}/touchpoints`, theirs)).statusCode).toBe(404);
    const patch = await call("PATCH", `/v1/leads/${own.leadId}`, theirs, { intent: "low" });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe("not_found");
    expect(
      (await call("POST", `/v1/leads/${own.leadId}/grade`, theirs, { grade: "C", reason: "x" }))
        .statusCode,
    ).toBe(404);
    const theirTasks = ok(await call("GET", "/v1/tasks?limit=200", theirs));
    expect(theirTasks.data.map((t: { leadId: string }) => t.leadId)).not.toContain(own.leadId);
    const task = own.tasks[0].id;
    expect((await call("POST", `/v1/tasks/${task}/complete`, theirs, {})).statusCode).toBe(404);
    expect(
      (
        await call("POST", `/v1/tasks/${task}/snooze`, theirs, {
          until: new Date(Date.now() + 3_600_000).toISOString(),
        })
      ).statusCode,
    ).toBe(404);
    // Managers and transfers are not a salesperson's to use.
    expect((await call("POST", `/v1/leads/${own.leadId}/assign`, mine, {})).statusCode).toBe(403);

    // A store key sees its store's leads; another store's lead is 404 to it.
    const elsewhere = ok(
      await call("POST", "/v1/leads", g.integrationKey, { ...hotLead(4005), storeId: g.stores[1] }),
      201,
    );
    expect(elsewhere.lead.storeId).toBe(g.stores[1]);
    expect((await call("GET", `/v1/leads/${elsewhere.leadId}`, g.managerKey)).statusCode).toBe(404);
    const managerList = ok(await call("GET", "/v1/leads?limit=200", g.managerKey));
    expect(managerList.data.every((l: { storeId: string }) => l.storeId === g.stores[0])).toBe(
      true,
    );
    const storeLeads = new Set(managerList.data.map((l: { id: string }) => l.id));
    const managerTasks = ok(await call("GET", "/v1/tasks?limit=200", g.managerKey)).data;
    expect(managerTasks.length).toBeGreaterThan(0);
    expect(managerTasks.every((t: { leadId: string }) => storeLeads.has(t.leadId))).toBe(true);
    const theirTask = elsewhere.tasks[0].id;
    expect((await call("POST", `/v1/tasks/${theirTask}/complete`, g.managerKey)).statusCode).toBe(
      404,
    );
    // A manager's inquiry goes to its own store; naming another store is refused.
    expect(
      (await call("POST", "/v1/leads", g.managerKey, { ...hotLead(4006), storeId: g.stores[1] }))
        .statusCode,
    ).toBe(403);
    // A sales key bound to nobody sees nothing rather than everything.
    const unbound = await createKey(hub.services.db, g.tenantId, "unbound", "sales");
    expect((await call("GET", "/v1/leads", unbound.apiKey)).statusCode).toBe(403);
    // Another tenant's key finds none of it.
    const other = await seedLeadGroup(hub, "Other Motors", ["OT01", "OT02"], { sellers: [1, 1] });
    expect((await call("GET", `/v1/leads/${own.leadId}`, other.admin)).statusCode).toBe(404);
    expect(ok(await call("GET", "/v1/leads", other.admin)).data).toEqual([]);
  });

  it("answers bad input with 400 in the error shape and writes nothing", async () => {
    const before = await count(g.tenantId);
    const cases: [unknown, string][] = [
      [{ source: "x", channel: "portal", contact: {} }, "contact"],
      [{ source: "x", channel: "portal", contact: { phone: "12345" } }, "contact.phone"],
      [{ ...hotLead(5005), surprise: true }, ""],
      [{ ...hotLead(5006), channel: "carrier_pigeon" }, "channel"],
      [{ ...hotLead(5007), storeId: "sto_01J00000000000000000000000" }, "storeId"],
      [{ ...hotLead(5008), timeframe: 7 }, "timeframe"],
    ];
    for (const [body, path] of cases) {
      const res = await call("POST", "/v1/leads", g.integrationKey, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe("validation_failed");
      expect(error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(res.body).not.toContain("5005");
    }
    const finance = await createKey(hub.services.db, g.tenantId, "finance", "finance");
    expect((await call("POST", "/v1/leads", finance.apiKey, hotLead(5009))).statusCode).toBe(403);
    expect(await count(g.tenantId)).toEqual(before);
  });

  it("replays an idempotent create and refuses the key with another body", async () => {
    const headers = { "idempotency-key": "lead-create-1" };
    const first = await call("POST", "/v1/leads", g.integrationKey, hotLead(6006), headers);
    const again = await call("POST", "/v1/leads", g.integrationKey, hotLead(6006), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    const other = await call("POST", "/v1/leads", g.integrationKey, hotLead(6007), headers);
    expect(other.statusCode).toBe(422);
    const stored = await withTenant(hub.services.db, g.tenantId, (tx) =>
      tx
        .select({ id: leads.id, touchpoints: leads.touchpointCount })
        .from(leads)
        .where(and(eq(leads.phoneIndex, hub.services.crypto.blindIndex("phone", e164(6006))))),
    );
    expect(stored).toEqual([{ id: first.json().leadId, touchpoints: 1 }]);
  });
});
