import { newId } from "@forecourt/sdk";
import { and, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, followUpTasks, leads } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { FOLLOW_UP_EVENT_TYPES } from "../src/jobs/followUpReminder.js";
import { rescheduleFollowUpReminders } from "../src/leads/reminders.js";
import { availableBackends } from "./support/backends.js";
import {
  caller,
  e164,
  type LeadGroup,
  mobile,
  ok,
  seedLeadGroup,
  zoneAtNoon,
} from "./support/leadGroup.js";

const MINUTE = 60_000;

describe.each(availableBackends())("working leads on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  const call = caller(() => hub);

  const lead = (n: number, extra: Record<string, unknown> = {}) => ({
    source: "autohome",
    channel: "portal",
    contact: { name: "Han Meimei", phone: mobile(n) },
    interest: { brand: "Volkswagen", series: "ID.4" },
    timeframe: "within_15_days",
    intent: "medium",
    ...extra,
  });
  const create = async (key: string, body: unknown) =>
    ok(await call("POST", "/v1/leads", key, body), 201);
  const reminderEvents = (tenantId: string, taskIds: string[]) =>
    withTenant(hub.services.db, tenantId, (tx) =>
      tx
        .select({ type: events.type, entityId: events.entityId, payload: events.payload })
        .from(events)
        .where(
          and(
            inArray(events.type, Object.values(FOLLOW_UP_EVENT_TYPES)),
            inArray(events.entityId, taskIds),
          ),
        ),
    );

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Work Motors", ["WK01", "WK02"]);
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("changes a lead with PATCH: re-rated, re-indexed, statuses checked, stale versions refused", async () => {
    const { leadId, lead: created } = await create(
      g.integrationKey,
      lead(7001, { storeId: g.stores[0] }),
    );
    expect(created.grade).toBe("A");
    const url = `/v1/leads/${leadId}`;

    const hotter = await call("PATCH", url, g.admin, { timeframe: "within_7_days", version: 1 });
    expect(ok(hotter)).toMatchObject({ grade: "H", computedGrade: "H", version: 2 });
    expect(hotter.headers.etag).toBe('"2"');
    const stale = await call("PATCH", url, g.admin, { intent: "high" }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "version_conflict",
      details: { currentVersion: 2, expectedVersion: 1 },
    });

    // A new phone is normalised and becomes the lead's index: the next inquiry from it merges.
    const moved = ok(
      await call(
        "PATCH",
        url,
        g.admin,
        { contact: { phone: "139 0000 7002", email: "Han@Example.com" } },
        { "if-match": 'W/"2"' },
      ),
    );
    expect(moved.contact).toEqual({
      name: "Han Meimei",
      phone: e164(7002),
      email: "han@example.com",
    });
    const again = ok(await call("POST", "/v1/leads", g.integrationKey, lead(7002)));
    expect(again).toMatchObject({ merged: true, leadId });
    expect(ok(await call("POST", "/v1/leads", g.integrationKey, lead(7001)), 201).leadId).not.toBe(
      leadId,
    );
    const bad = await call("PATCH", url, g.admin, { contact: { phone: "12" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe("contact.phone");

    // Statuses move only where the table allows; lost needs its reason and ends the follow-ups.
    expect(ok(await call("PATCH", url, g.admin, { status: "contacted" }))).toMatchObject({
      status: "contacted",
      firstContactAt: expect.any(String),
    });
    const jump = await call("PATCH", url, g.admin, { status: "converted" });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().error.code).toBe("illegal_status_transition");
    const noReason = await call("PATCH", url, g.admin, { status: "lost" });
    expect(noReason.json().error.details.issues[0].path).toBe("lostReason");
    const lost = ok(
      await call("PATCH", url, g.admin, { status: "lost", lostReason: "bought elsewhere" }),
    );
    expect(lost).toMatchObject({ status: "lost", grade: "F", lostReason: "bought elsewhere" });
    const pending = ok(await call("GET", `/v1/tasks?leadId=${leadId}&status=open`, g.admin));
    expect(pending.data).toEqual([]);
    const reopened = ok(await call("PATCH", url, g.admin, { status: "contacted" }));
    expect(reopened).toMatchObject({ status: "contacted", grade: "H" });
    expect(reopened.lostReason).toBeUndefined();
    expect(
      ok(await call("GET", `/v1/tasks?leadId=${leadId}&status=open`, g.admin)).data.length,
    ).toBeGreaterThan(0);

    const audit = ok(await call("GET", `/v1/audit-events?entityId=${leadId}&limit=200`, g.admin));
    expect(audit.data.map((e: { action: string }) => e.action)).toContain("lead.updated");
  });

  it("assigns, re-runs the rules, transfers with a reason, and overrides the grade", async () => {
    const {
      leadId,
      lead: created,
      tasks,
    } = await create(g.integrationKey, lead(7101, { storeId: g.stores[0] }));
    const target = g.sellers[0].find((id) => id !== created.salespersonId)!;
    const assigned = ok(
      await call("POST", `/v1/leads/${leadId}/assign`, g.managerKey, {
        salespersonId: target,
        reason: "speaks Cantonese",
      }),
    );
    expect(assigned).toMatchObject({ salespersonId: target, storeId: g.stores[0] });
    expect(assigned.assignmentReasons[0].code).toBe("assigned_by_person");
    const moved = ok(await call("GET", `/v1/tasks?leadId=${leadId}&status=open`, g.admin));
    expect(moved.data.every((t: { salespersonId: string }) => t.salespersonId === target)).toBe(
      true,
    );
    expect(moved.data.map((t: { id: string }) => t.id)).toEqual(
      tasks.map((t: { id: string }) => t.id),
    );
    // A store key assigns within its store only, and never to someone inactive.
    expect(
      (
        await call("POST", `/v1/leads/${leadId}/assign`, g.managerKey, {
          salespersonId: g.sellers[1][0],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call("POST", `/v1/leads/${leadId}/assign`, g.admin, { salespersonId: g.inactive }))
        .statusCode,
    ).toBe(400);
    const rerun = ok(await call("POST", `/v1/leads/${leadId}/assign`, g.admin, {}));
    expect(g.sellers[0]).toContain(rerun.salespersonId);
    expect(rerun.assignmentReasons[0].code).toBe("rules_rerun");

    const transfer = await call("POST", `/v1/leads/${leadId}/transfer`, g.managerKey, {
      storeId: g.stores[1],
      reason: "lives in Shanghai",
    });
    const transferred = ok(transfer);
    expect(transferred.storeId).toBe(g.stores[1]);
    expect(g.sellers[1]).toContain(transferred.salespersonId);
    expect(transferred.assignmentReasons[0]).toMatchObject({ code: "transferred" });
    expect(transferred.assignmentReasons[0].message).toContain("lives in Shanghai");
    // Now outside the Beijing manager's store.
    expect((await call("GET", `/v1/leads/${leadId}`, g.managerKey)).statusCode).toBe(404);
    expect(
      (await call("POST", `/v1/leads/${leadId}/transfer`, g.admin, { storeId: g.stores[0] }))
        .statusCode,
    ).toBe(400);
    const audit = ok(await call("GET", `/v1/audit-events?entityId=${leadId}&limit=200`, g.admin));
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual([
      "lead.created",
      "lead.assigned",
      "lead.assigned",
      "lead.transferred",
    ]);

    const graded = ok(
      await call("POST", `/v1/leads/${leadId}/grade`, g.admin, {
        grade: "C",
        reason: "only browsing",
      }),
    );
    expect(graded).toMatchObject({
      grade: "C",
      computedGrade: "A",
      gradeOverride: { grade: "C", reason: "only browsing" },
    });
    expect(graded.gradeReasons.at(-1).code).toBe("grade_override");
    expect(
      (await call("POST", `/v1/leads/${leadId}/grade`, g.admin, { grade: "Z", reason: "x" }))
        .statusCode,
    ).toBe(400);
    const cleared = ok(
      await call("POST", `/v1/leads/${leadId}/grade`, g.admin, {
        grade: null,
        reason: "talked again",
      }),
    );
    expect(cleared).toMatchObject({ grade: "A", computedGrade: "A" });
    expect(cleared.gradeOverride).toBeUndefined();

    const lostLead = await create(g.integrationKey, lead(7102));
    ok(
      await call("PATCH", `/v1/leads/${lostLead.leadId}`, g.admin, {
        status: "lost",
        lostReason: "price",
      }),
    );
    const closed = await call("POST", `/v1/leads/${lostLead.leadId}/assign`, g.admin, {});
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("lead_closed");
  });

  it("works a salesperson's tasks: lists their own, completes and snoozes them", async () => {
    const [key] = g.salesKeys;
    const me = g.sellers[0][0];
    const { leadId, tasks } = await create(key, lead(7201, { storeId: g.stores[0] }));
    const mine = ok(await call("GET", "/v1/tasks?limit=200&status=open", key));
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((t: { salespersonId: string }) => t.salespersonId === me)).toBe(true);
    const soon = ok(
      await call(
        "GET",
        `/v1/tasks?leadId=${leadId}&dueBefore=${encodeURIComponent(new Date(Date.now() + 2 * 86_400_000).toISOString())}`,
        key,
      ),
    );
    expect(soon.data.map((t: { kind: string }) => t.kind)).toContain("first_contact");

    const first = tasks[0];
    const done = ok(
      await call("POST", `/v1/tasks/${first.id}/complete`, key, {
        note: "called, wants a test drive",
      }),
    );
    expect(done).toMatchObject({
      status: "completed",
      note: "called, wants a test drive",
      version: 2,
    });
    const after = ok(await call("GET", `/v1/leads/${leadId}`, key));
    expect(after).toMatchObject({ status: "contacted", firstContactAt: done.completedAt });
    // The cadence restarts from the contact: the old follow-ups gave way to a new plan.
    const listed = ok(await call("GET", `/v1/tasks?leadId=${leadId}&limit=200`, key)).data as {
      id: string;
      status: string;
      kind: string;
    }[];
    expect(listed.filter((t) => t.status === "cancelled").length).toBe(tasks.length - 1);
    const next = listed.filter((t) => t.status === "open");
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((t) => t.kind === "follow_up")).toBe(true);
    const twice = await call("POST", `/v1/tasks/${first.id}/complete`, key, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("task_closed");

    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const snoozed = ok(await call("POST", `/v1/tasks/${next[0]!.id}/snooze`, key, { until }));
    expect(snoozed).toMatchObject({ status: "snoozed", snoozedUntil: until });
    expect(Date.parse(snoozed.escalateAt)).toBeGreaterThan(Date.parse(until));
    const past = await call("POST", `/v1/tasks/${next[0]!.id}/snooze`, key, {
      until: new Date(Date.now() - MINUTE).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    const completedLater = ok(await call("POST", `/v1/tasks/${next[0]!.id}/complete`, key));
    expect(completedLater.status).toBe("completed");
  });

  it("keeps customers encrypted, finds them by any phone or email, and links new leads to them", async () => {
    const customer = ok(
      await call("POST", "/v1/customers", g.admin, {
        type: "individual",
        name: "Zhou Xun",
        contact: { phones: ["139 0000 7301", "+86 139 0000 7302"], emails: ["Zhou@Example.com"] },
        idDocuments: [{ kind: "resident_id", number: "11010519491231002X" }],
        storeId: g.stores[0],
        salespersonId: g.sellers[0][2],
      }),
      201,
    );
    expect(customer.contact).toEqual({
      phones: [e164(7301), e164(7302)],
      emails: ["zhou@example.com"],
    });
    expect(ok(await call("GET", `/v1/customers/${customer.id}`, g.admin))).toEqual(customer);
    for (const q of [
      "phone=13900007302",
      "phone=%2B86%20139-0000-7301",
      "email=ZHOU%40example.com",
    ]) {
      const found = ok(await call("GET", `/v1/customers?${q}`, g.admin));
      expect(
        found.data.map((c: { id: string }) => c.id),
        q,
      ).toEqual([customer.id]);
    }
    expect(ok(await call("GET", "/v1/customers?phone=13900009999", g.admin)).data).toEqual([]);
    expect((await call("GET", "/v1/customers?phone=12", g.admin)).statusCode).toBe(400);
    const dup = await call("POST", "/v1/customers", g.admin, {
      type: "individual",
      name: "Someone",
      contact: { phones: ["13900007302"] },
    });
    expect(dup.statusCode).toBe(409);
    // A sales key sees only customers filed under its salesperson.
    expect((await call("GET", `/v1/customers/${customer.id}`, g.salesKeys[0])).statusCode).toBe(
      404,
    );

    // An inquiry from the customer's second phone: a new lead for them, given to the salesperson
    // they already know.
    const intake = await create(g.integrationKey, lead(7302, { storeId: g.stores[0] }));
    expect(intake.lead).toMatchObject({ customerId: customer.id, salespersonId: g.sellers[0][2] });
    expect(intake.reasons[0].code).toBe("matched_phone");
    expect(intake.lead.assignmentReasons.map((r: { code: string }) => r.code)).toContain(
      "existing_relationship",
    );
  });

  it("stores assignment rules per tenant and routes by them; only a group admin may change them", async () => {
    const h = await seedLeadGroup(hub, "Rules Motors", ["RU01", "RU02"], { sellers: [3, 2] });
    const initial = ok(await call("GET", "/v1/assignment-rules", h.admin));
    expect(initial).toEqual({ configured: false, rules: [], fallback: "pool", version: 0 });
    const rules = {
      rules: [
        {
          id: "byd-shanghai",
          when: { brands: ["BYD"], regions: ["上海"] },
          target: { storeId: h.stores[1] },
        },
        { id: "rest", target: { storeId: h.stores[0] }, strategy: "least_loaded" },
      ],
      fallback: "manager",
    };
    expect((await call("PUT", "/v1/assignment-rules", h.managerKey, rules)).statusCode).toBe(403);
    expect((await call("PUT", "/v1/assignment-rules", h.salesKeys[0], rules)).statusCode).toBe(403);
    const foreign = await call("PUT", "/v1/assignment-rules", h.admin, {
      rules: [{ id: "x", target: { storeId: g.stores[0] } }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.issues[0].path).toBe("rules.0.target.storeId");
    const saved = ok(await call("PUT", "/v1/assignment-rules", h.admin, { ...rules, version: 0 }));
    expect(saved).toMatchObject({ configured: true, version: 1, fallback: "manager" });
    expect(saved.rules[0]).toMatchObject({
      when: { regions: ["310000"] },
      strategy: "round_robin",
      onShiftOnly: false,
    });
    expect(
      (await call("PUT", "/v1/assignment-rules", h.admin, { ...rules, version: 0 })).statusCode,
    ).toBe(409);

    const byd = await create(
      h.integrationKey,
      lead(7401, { interest: { brand: "BYD" }, region: "Shanghai" }),
    );
    expect(byd.lead.storeId).toBe(h.stores[1]);
    expect(byd.lead.assignmentReasons[0]).toMatchObject({ code: "rule_matched" });
    const counts = new Map<string, number>();
    for (let i = 0; i < 6; i++) {
      const other = await create(h.integrationKey, lead(7410 + i));
      counts.set(other.lead.salespersonId, (counts.get(other.lead.salespersonId) ?? 0) + 1);
    }
    // least_loaded over three sellers with no open leads yet: two each.
    expect([...counts.values()]).toEqual([2, 2, 2]);
    const reset = ok(await call("PUT", "/v1/assignment-rules", h.admin, { rules: [] }));
    expect(reset).toMatchObject({ configured: false, version: 2 });
  });

  it("fires follow-up reminders as delayed jobs, unless the task was completed or snoozed", async () => {
    // A store open round the clock in a zone where it is midday: due times are pure arithmetic.
    const r = await seedLeadGroup(hub, "Reminder Motors", ["RM01", "RM02"], {
      sellers: [2, 1],
      timeZone: zoneAtNoon(),
    });
    // First contact is due 30 business minutes after receipt and escalates 60 minutes later.
    const receivedAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
    const dueSoon = await create(
      r.integrationKey,
      lead(7501, { storeId: r.stores[0], occurredAt: receivedAgo(30 * MINUTE - 1_500) }),
    );
    const overdue = await create(
      r.integrationKey,
      lead(7502, { storeId: r.stores[0], occurredAt: receivedAgo(90 * MINUTE - 1_500) }),
    );
    const completed = await create(
      r.integrationKey,
      lead(7503, { storeId: r.stores[0], occurredAt: receivedAgo(30 * MINUTE - 2_000) }),
    );
    const snoozed = await create(
      r.integrationKey,
      lead(7504, { storeId: r.stores[0], occurredAt: receivedAgo(30 * MINUTE - 2_000) }),
    );
    const [due, late, done, later] = [dueSoon, overdue, completed, snoozed].map(
      (c) => c.tasks[0].id as string,
    ) as [string, string, string, string];
    ok(await call("POST", `/v1/tasks/${done}/complete`, r.admin, {}));
    const until = new Date(Date.now() + 3_500).toISOString();
    ok(await call("POST", `/v1/tasks/${later}/snooze`, r.admin, { until }));

    const deadline = Date.now() + 45_000;
    let seen: Awaited<ReturnType<typeof reminderEvents>> = [];
    const wanted = (list: typeof seen) =>
      list.some((e) => e.entityId === due) &&
      list.some((e) => e.entityId === late && e.type === FOLLOW_UP_EVENT_TYPES.overdue) &&
      list.some((e) => e.entityId === later);
    while (Date.now() < deadline) {
      seen = await reminderEvents(r.tenantId, [due, late, done, later]);
      if (wanted(seen)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    seen = await reminderEvents(r.tenantId, [due, late, done, later]);
    const kinds = (task: string) =>
      seen
        .filter((e) => e.entityId === task)
        .map((e) => e.type)
        .sort();
    expect(kinds(due)).toEqual([FOLLOW_UP_EVENT_TYPES.due]);
    expect(kinds(late)).toEqual([FOLLOW_UP_EVENT_TYPES.due, FOLLOW_UP_EVENT_TYPES.overdue]);
    expect(kinds(done)).toEqual([]);
    // The snoozed task reminded once, at the end of its snooze, not at its old due time.
    expect(kinds(later)).toEqual([FOLLOW_UP_EVENT_TYPES.due]);
    expect(seen.find((e) => e.entityId === later)!.payload).toMatchObject({ dueAt: until });
    const escalation = seen.find(
      (e) => e.entityId === late && e.type === FOLLOW_UP_EVENT_TYPES.overdue,
    )!;
    expect(escalation.payload).toMatchObject({
      leadId: overdue.leadId,
      salespersonId: overdue.lead.salespersonId,
    });
    expect(JSON.stringify(seen)).not.toContain("7501");
  });

  it("schedules reminders again, once, for tasks whose jobs were lost (a stop, a restore)", async () => {
    const taskId = newId("task");
    const leadId = newId("lead");
    await withTenant(hub.services.db, g.tenantId, async (tx) => {
      await tx.insert(leads).values({
        id: leadId,
        tenantId: g.tenantId,
        status: "new",
        source: "restore",
        channel: "import",
        customerType: "individual",
        interest: {},
        timeframe: "unknown",
        intent: "unknown",
        engagement: {},
        attributes: {},
        gradeReasons: [],
        assignmentReasons: [],
      });
      // Stored without its jobs, as after a restore.
      await tx.insert(followUpTasks).values({
        id: taskId,
        tenantId: g.tenantId,
        leadId,
        kind: "first_contact",
        status: "open",
        dueAt: new Date(Date.now() + 500),
        escalateAt: new Date(Date.now() + 3_600_000),
        reasons: [],
      });
    });
    expect(await rescheduleFollowUpReminders(hub.services.db, hub.services.queue)).toBeGreaterThan(
      0,
    );
    // The embedded database cannot wake a waiting worker (PGlite's one session does not deliver
    // NOTIFY to the worker's connection), so a job added while the worker sleeps waits for its
    // next poll (seconds, sometimes tens of seconds).
    const deadline = Date.now() + 45_000;
    let seen: Awaited<ReturnType<typeof reminderEvents>> = [];
    while (Date.now() < deadline && seen.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      seen = await reminderEvents(g.tenantId, [taskId]);
    }
    // Once more after it fired: the job runs again but the event is already recorded.
    await rescheduleFollowUpReminders(hub.services.db, hub.services.queue);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    seen = await reminderEvents(g.tenantId, [taskId]);
    expect(seen.map((e) => e.type)).toEqual([FOLLOW_UP_EVENT_TYPES.due]);
  });
});
