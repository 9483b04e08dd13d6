import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, followUpTasks, leads, stores } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
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
