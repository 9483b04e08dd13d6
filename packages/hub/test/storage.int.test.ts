import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert, dollarQuoted } from "../src/db/bulk.js";
import { events, followUpTasks, leads, stores } from "../src/db/schema.js";
import { atOnceInTenant, withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { FOLLOW_UP_EVENT_TYPES } from "../src/jobs/followUpReminder.js";
import { createTenant } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";

describe.each(availableBackends())("storage and jobs on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let a: string;
  let b: string;

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    a = (await createTenant(hub.services.db, "A")).tenantId;
    b = (await createTenant(hub.services.db, "B")).tenantId;
    for (const [tenantId, code] of [
      [a, "RA01"],
      [b, "RB01"],
    ] as const) {
      await withTenant(hub.services.db, tenantId, (tx) =>
        tx.insert(stores).values({
          id: `sto_01J0000000000000000000${code}`,
          tenantId,
          name: code,
          code,
          region: "110000",
          timeZone: "Asia/Shanghai",
          brands: [],
          businessHours: [],
          calendar: { holidays: [], extraWorkdays: [] },
        }),
      );
    }
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  const codesSeenBy = (tenantId: string) =>
    withTenant(hub.services.db, tenantId, async (tx) =>
      (await tx.select({ code: stores.code }).from(stores)).map((r) => r.code),
    );

  it("row-level security shows a tenant only its own rows, even without a WHERE", async () => {
    expect(await codesSeenBy(a)).toEqual(["RA01"]);
    expect(await codesSeenBy(b)).toEqual(["RB01"]);
  });

  it("the app role with no tenant set sees nothing", async () => {
    const rows = await hub.services.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('role', 'forecourt_app', true)`);
      return tx.select().from(stores);
    });
    expect(rows).toEqual([]);
  });

  it("the app role cannot write a row for another tenant", async () => {
    await expect(
      withTenant(hub.services.db, a, (tx) =>
        tx.insert(events).values({ id: "evt_cross", tenantId: b, type: "x", payload: {} }),
      ),
    ).rejects.toThrow();
  });

  it("a transaction that fails is rolled back whole, and its connection serves the next one clean", async () => {
    const thrown = new Error("work failed after its insert");
    await expect(
      withTenant(hub.services.db, a, async (tx) => {
        await tx
          .insert(events)
          .values({ id: "evt_rolled_back", tenantId: a, type: "x", payload: {} });
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    // A statement PostgreSQL refuses (a duplicate key) aborts the transaction; it is rolled back too.
    await expect(
      withTenant(hub.services.db, a, async (tx) => {
        await tx.insert(events).values({ id: "evt_twice", tenantId: a, type: "x", payload: {} });
        await tx.insert(events).values({ id: "evt_twice", tenantId: a, type: "x", payload: {} });
      }),
    ).rejects.toThrow();
    // Every connection of the pool, at once: none is left inside a transaction or a tenancy.
    const seen = await Promise.all(
      Array.from({ length: 12 }, () =>
        withTenant(hub.services.db, b, async (tx) => {
          const ids = (await tx.select({ id: events.id }).from(events)).map((r) => r.id);
          const [setting] = (
            await tx.execute<{ tenant: string }>(
              sql`SELECT current_setting('forecourt.tenant_id', true) AS tenant`,
            )
          ).rows;
          return { ids, tenant: setting?.tenant };
        }),
      ),
    );
    for (const view of seen) expect(view).toEqual({ ids: [], tenant: b });
    const mine = await withTenant(hub.services.db, a, async (tx) =>
      (await tx.select({ id: events.id }).from(events)).map((r) => r.id),
    );
    expect(mine).not.toContain("evt_rolled_back");
    expect(mine).not.toContain("evt_twice");
  });

  describe("one statement in one round trip (atOnceInTenant)", () => {
    // Tenants of their own: the reminder test below expects A's and B's event logs empty.
    let c: string;
    let d: string;
    beforeAll(async () => {
      c = (await createTenant(hub.services.db, "C")).tenantId;
      d = (await createTenant(hub.services.db, "D")).tenantId;
    });
    const event = (id: string, tenantId: string, payload: object) => ({
      id,
      tenantId,
      type: "test.at_once",
      payload: payload as Record<string, unknown>,
    });

    it("runs in the tenant's settings, which are gone after its commit", async () => {
      const [inside] = await atOnceInTenant<{ role: string; tenant: string }>(
        hub.services.database,
        c,
        sql`SELECT current_user AS role, current_setting('forecourt.tenant_id', true) AS tenant`,
      );
      expect(inside).toEqual({ role: "forecourt_app", tenant: c });
      // Every connection of the pool, after: the owner again, no tenant.
      const after = await Promise.all(
        Array.from({ length: 12 }, () =>
          hub.services.database.pool.query(
            "SELECT current_user AS role, current_setting('forecourt.tenant_id', true) AS tenant",
          ),
        ),
      );
      for (const result of after) {
        expect(result.rows[0].role).not.toBe("forecourt_app");
        expect(result.rows[0].tenant ?? "").toBe("");
      }
    });

    it("stores inlined rows exactly, whatever their text holds", async () => {
      const awkward = [
        "it's",
        "back\\slash \\x00 and \\'",
        "$q$ $q0$ $$ $tag$",
        "ends in $q",
        "ends in $",
        "汽车 🚗 e\u0301",
        '"quoted" \n newline',
      ];
      const rows = awkward.map((text, i) => event(`evt_atonce_${i}`, c, { text, i }));
      const inserted = await atOnceInTenant<{ id: string }>(
        hub.services.database,
        c,
        sql`${bulkInsert(events, rows, { inline: true })} RETURNING id`,
      );
      expect(inserted.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
      const stored = await withTenant(hub.services.db, c, (tx) =>
        tx
          .select({ payload: events.payload })
          .from(events)
          .where(sql`${events.type} = 'test.at_once'`),
      );
      expect(stored.map((r) => (r.payload as { text: string }).text).sort()).toEqual(
        [...awkward].sort(),
      );
    });

    it("is refused by row-level security for another tenant's row, and writes nothing of it", async () => {
      const rows = [event("evt_atonce_own", c, {}), event("evt_atonce_cross", d, {})];
      await expect(
        atOnceInTenant(hub.services.database, c, bulkInsert(events, rows, { inline: true })),
      ).rejects.toThrow(/row-level security/);
      // One implicit transaction: the tenant's own row of the statement is not there either.
      const ids = await withTenant(hub.services.db, c, async (tx) =>
        (await tx.select({ id: events.id }).from(events)).map((r) => r.id),
      );
      expect(ids).not.toContain("evt_atonce_own");
    });

    it("refuses a statement with bound parameters instead of sending it", async () => {
      await expect(
        atOnceInTenant(hub.services.database, c, sql`SELECT ${"x"}::text AS x`),
      ).rejects.toThrow(/without bound parameters/);
      await expect(
        atOnceInTenant(hub.services.database, c, bulkInsert(events, [event("evt_p", c, {})])),
      ).rejects.toThrow(/without bound parameters/);
    });

    it("dollar quotes any text so that it ends where it should", async () => {
      for (const text of ["", "$", "$q", "$q$", "a$q", "x$q$y", "$q0$ $q$ $q1"]) {
        const [row] = (
          await hub.services.database.pool.query(`SELECT ${dollarQuoted(text)}::text AS t`)
        ).rows;
        expect(row.t).toBe(text);
      }
      expect(() => dollarQuoted("nul \0 inside")).toThrow(/NUL/);
    });
  });

  it("the audit log is append-only for the app role", async () => {
    await expect(
      withTenant(hub.services.db, a, (tx) => tx.execute(sql`DELETE FROM audit_events`)),
    ).rejects.toThrow();
  });

  it("a follow-up reminder job records its event in the tenant's event log", async () => {
    const data = {
      tenantId: a,
      leadId: "lead_01J00000000000000000000000",
      taskId: "task_01J00000000000000000000000",
      kind: "due" as const,
    };
    // The job records nothing for a task that does not exist (or is done): give it an open one.
    await withTenant(hub.services.db, a, async (tx) => {
      await tx.insert(leads).values({
        id: data.leadId,
        tenantId: a,
        status: "new",
        source: "test",
        channel: "other",
        customerType: "individual",
        interest: {},
        timeframe: "unknown",
        intent: "unknown",
        engagement: {},
        attributes: {},
        gradeReasons: [],
        assignmentReasons: [],
      });
      await tx.insert(followUpTasks).values({
        id: data.taskId,
        tenantId: a,
        leadId: data.leadId,
        kind: "first_contact",
        status: "open",
        dueAt: new Date(),
        reasons: [],
      });
    });
    await hub.services.queue.enqueue("lead.follow_up_reminder", data, {
      delayMs: 200,
      jobId: "reminder-test-due",
    });
    const deadline = Date.now() + 30_000;
    let seen: { type: string; entityId: string | null }[] = [];
    while (Date.now() < deadline) {
      seen = await withTenant(hub.services.db, a, (tx) =>
        tx.select({ type: events.type, entityId: events.entityId }).from(events),
      );
      if (seen.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen).toEqual([{ type: FOLLOW_UP_EVENT_TYPES.due, entityId: data.taskId }]);
    expect(await withTenant(hub.services.db, b, (tx) => tx.select().from(events))).toEqual([]);
  });
});
