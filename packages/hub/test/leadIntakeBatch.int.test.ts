import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, followUpTasks, leads, touchpoints } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { intakeQueueOf } from "../src/leads/intakeQueue.js";
import { backgroundOf } from "../src/lib/background.js";
import { availableBackends } from "./support/backends.js";
import { caller, type LeadGroup, mobile, ok, seedLeadGroup } from "./support/leadGroup.js";

/**
 * Group commit of lead intake (`IntakeQueue`): inquiries that arrive together share one
 * transaction, and each still gets exactly the answer it would have got alone — new people
 * stored and assigned in turn, repeats and returning people merged, bad inquiries refused on
 * their own, idempotency keys claimed with the lead they produced.
 */
describe.each(availableBackends())("lead intake in batches on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  const call = caller(() => hub);

  const lead = (n: number, extra: Record<string, unknown> = {}) => ({
    source: "autohome",
    channel: "portal",
    contact: { name: "Wang Fang", phone: mobile(n) },
    interest: { brand: "BYD", series: "Seal" },
    timeframe: "within_30_days",
    intent: "high",
    ...extra,
  });

  const counts = (group: LeadGroup) =>
    withTenant(hub.services.db, group.tenantId, async (tx) => {
      const n = async (table: typeof leads | typeof touchpoints) => {
        const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
        return row!.n;
      };
      const [audits] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(sql`${auditEvents.action} = 'lead.created'`);
      const [tasks] = await tx.select({ n: sql<number>`count(*)::int` }).from(followUpTasks);
      return {
        leads: await n(leads),
        touchpoints: await n(touchpoints),
        created: audits!.n,
        tasks: tasks!.n,
      };
    });

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("stores parallel new people in shared transactions, each assigned in turn and answered alone", async () => {
    const group = await seedLeadGroup(hub, "Batch Motors", ["BA01", "BA02"]);
    const stats = intakeQueueOf(hub.services).stats;
    const before = { ...stats };
    const total = 80;
    const responses = await Promise.all(
      Array.from({ length: total }, (_, i) =>
        call("POST", "/v1/leads", group.integrationKey, {
          ...lead(810_000 + i),
          storeId: group.stores[0],
        }),
      ),
    );
    const bodies = responses.map((r) => ok(r, 201));
    // Each answer is its own lead, with its own phone.
    expect(new Set(bodies.map((b) => b.leadId)).size).toBe(total);
    bodies.forEach((b, i) => {
      expect(b.lead.contact.phone).toBe(`+86139${String(810_000 + i).padStart(8, "0")}`);
      expect(b.tasks.length).toBeGreaterThan(0);
    });
    // Leads shared transactions: fewer transactions than leads, and a batch of more than one.
    expect(stats.largestBatch).toBeGreaterThan(1);
    expect(stats.transactions - before.transactions).toBeLessThan(total);
    expect(stats.storedInBatches - before.storedInBatches).toBeGreaterThan(1);
    // On a PostgreSQL server a batch started while the one before still held the assignment
    // lock; the embedded database's one session runs them one after another.
    if (backend.name === "postgres")
      expect(stats.overlapped - before.overlapped).toBeGreaterThan(0);
    else expect(stats.overlapped).toBe(before.overlapped);
    // Round-robin turns were taken one after another across the batches: store 0's four active
    // sellers got 20 each.
    const perSeller = new Map<string, number>();
    for (const b of bodies) {
      perSeller.set(b.lead.salespersonId, (perSeller.get(b.lead.salespersonId) ?? 0) + 1);
    }
    expect([...perSeller.keys()].sort()).toEqual([...group.sellers[0]].sort());
    expect([...perSeller.values()]).toEqual([20, 20, 20, 20]);
    expect(await counts(group)).toEqual({
      leads: total,
      touchpoints: total,
      created: total,
      tasks: bodies.reduce((sum, b) => sum + b.tasks.length, 0),
    });
  });

  it("in one burst: repeats and returning people merge, a bad store is refused alone, the rest are stored", async () => {
    const group = await seedLeadGroup(hub, "Burst Motors", ["BU01", "BU02"]);
    // Already known before the burst: an open lead for one phone and a sender's inquiry id.
    const known = ok(
      await call("POST", "/v1/leads", group.integrationKey, {
        ...lead(820_001, { externalId: "ah-1" }),
        storeId: group.stores[0],
      }),
      201,
    );
    const burst = [
      // 0–9: new people.
      ...Array.from({ length: 10 }, (_, i) => ({ ...lead(820_100 + i), storeId: group.stores[1] })),
      // 10: the sender's inquiry again.
      { ...lead(820_001, { externalId: "ah-1" }), storeId: group.stores[0] },
      // 11: the known person, another inquiry.
      { ...lead(820_001, { externalId: "ah-2" }), storeId: group.stores[0] },
      // 12, 13: one new person twice in the same burst.
      { ...lead(820_200, { externalId: "ah-3" }), storeId: group.stores[1] },
      { ...lead(820_200, { externalId: "ah-4" }), storeId: group.stores[1] },
      // 14: a store the group does not have.
      { ...lead(820_300), storeId: "store_01J00000000000000000000000" },
    ];
    const responses = await Promise.all(
      burst.map((body) => call("POST", "/v1/leads", group.integrationKey, body)),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(200);
    expect(responses[10]!.json().leadId).toBe(known.leadId);
    expect(responses[10]!.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      "repeated_inquiry",
    ]);
    expect(statuses[11]).toBe(200);
    expect(responses[11]!.json().leadId).toBe(known.leadId);
    // The same new person twice: one lead, the other inquiry a touchpoint on it.
    expect([statuses[12], statuses[13]].sort()).toEqual([200, 201]);
    expect(responses[12]!.json().leadId).toBe(responses[13]!.json().leadId);
    expect(statuses[14]).toBe(400);
    expect(responses[14]!.json().error).toMatchObject({ code: "validation_failed" });

    expect(await counts(group)).toMatchObject({
      // known + 10 new + the burst's new person
      leads: 12,
      // known (1) + its second inquiry (1) + 10 + the new person's two
      touchpoints: 14,
      created: 12,
    });
  });

  it("claims each Idempotency-Key with its lead: a parallel retry is told to wait, a later one replayed", async () => {
    const group = await seedLeadGroup(hub, "Retry Motors", ["RE01", "RE02"]);
    const key = randomUUID();
    const body = { ...lead(830_001), storeId: group.stores[0] };
    const first = await Promise.all([
      call("POST", "/v1/leads", group.integrationKey, body, { "idempotency-key": key }),
      call("POST", "/v1/leads", group.integrationKey, body, { "idempotency-key": key }),
      ...Array.from({ length: 6 }, (_, i) =>
        call(
          "POST",
          "/v1/leads",
          group.integrationKey,
          { ...lead(830_100 + i), storeId: group.stores[0] },
          { "idempotency-key": randomUUID() },
        ),
      ),
    ]);
    const pair = [first[0]!, first[1]!];
    const created = pair.filter(
      (r) => r.statusCode === 201 && r.headers["idempotent-replayed"] === undefined,
    );
    expect(created).toHaveLength(1);
    const other = pair.find((r) => r !== created[0])!;
    // Either the retry waited behind the first (409, retry shortly) or came after it (replay).
    if (other.statusCode === 409) {
      expect(other.json().error.code).toBe("idempotency_request_in_progress");
    } else {
      expect(other.statusCode).toBe(201);
      expect(other.headers["idempotent-replayed"]).toBe("true");
      expect(other.json().leadId).toBe(created[0]!.json().leadId);
    }
    for (const r of first.slice(2)) expect(r.statusCode).toBe(201);

    const again = await call("POST", "/v1/leads", group.integrationKey, body, {
      "idempotency-key": key,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(created[0]!.json());
    const reused = await call(
      "POST",
      "/v1/leads",
      group.integrationKey,
      { ...body, intent: "low" },
      { "idempotency-key": key },
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("idempotency_key_reused");
    expect((await counts(group)).leads).toBe(7);
  });

  it("queues reminders after the answers, at most one batch's behind: a slow queue slows intake, it does not pile up", async () => {
    const group = await seedLeadGroup(hub, "Slow Queue Motors", ["SQ01", "SQ02"]);
    const queue = hub.services.queue;
    const enqueueMany = queue.enqueueMany.bind(queue);
    let inFlight = 0;
    let mostInFlight = 0;
    let reminderJobs = 0;
    // The real queue, 150 ms slower per call — much slower than an intake transaction.
    queue.enqueueMany = async (jobs) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await enqueueMany(jobs);
        reminderJobs += jobs.filter((j) => j.name === "lead.follow_up_reminder").length;
      } finally {
        inFlight--;
      }
    };
    try {
      const waves = 6;
      for (let wave = 0; wave < waves; wave++) {
        // A wave arrives while the previous one's reminders are still being queued.
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            call("POST", "/v1/leads", group.integrationKey, {
              ...lead(870_000 + wave * 10 + i),
              storeId: group.stores[0],
            }),
          ),
        );
        for (const r of responses) ok(r, 201);
      }
      await backgroundOf(hub.services).settle();
      // Never more than two calls on their way (one batch's overlapping the next transaction,
      // and the next's), however far behind the queue is.
      expect(mostInFlight).toBeLessThanOrEqual(2);
      // Every lead's first task has its due and overdue reminders queued.
      expect(reminderJobs).toBe(2 * 60);
    } finally {
      queue.enqueueMany = enqueueMany;
    }
  });
});
