import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueProcessing } from "../src/gateway/inbox.js";
import { openServices } from "../src/hub.js";
import type { Processors } from "../src/jobs/queue.js";
import type { HubServices } from "../src/services.js";
import { availableBackends, type Backend, postgres } from "./support/backends.js";
import { until } from "./support/gateway.js";

/**
 * The queue's lanes (`JOB_LANE`), and a relay's rows put at the head of theirs, on every queue
 * backend the hub has: the database-backed queue on the embedded and on the real PostgreSQL, and
 * Redis. The processors here only record what ran (a relay adds its rows' `gateway.process` jobs
 * with the hub's own `enqueueProcessing`), each lane's worker runs one job at a time, and the slow
 * ones are made slow on purpose.
 */
const queueBackends: { label: string; backend: Backend; env?: NodeJS.ProcessEnv }[] =
  availableBackends().flatMap((backend) =>
    backend.name === "embedded"
      ? [{ label: "the embedded database's queue", backend }]
      : [
          {
            label: "PostgreSQL's queue",
            backend: postgres,
            env: { REDIS_URL: "" },
          },
          ...(process.env.TEST_REDIS_URL ? [{ label: "Redis", backend: postgres }] : []),
        ],
  );

describe.each(queueBackends)("a backlog on $label", ({ backend, env }) => {
  let services: HubServices;
  let cleanup: () => Promise<void>;
  const ran: string[] = [];
  let slowRelay = 0;
  let slowDelivery = 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    const prepared = await backend.prepare(env);
    cleanup = prepared.cleanup;
    services = await openServices(prepared.config, () => {});
  });

  afterAll(async () => {
    await services?.queue.close();
    await services?.database.close();
    await cleanup?.();
  });

  const processors: Processors = {
    "lead.follow_up_reminder": async (d) => void ran.push(`reminder ${d.taskId}`),
    "order.push": async (d) => void ran.push(`push ${d.syncId}`),
    "gateway.process": async (d) => void ran.push(`process ${d.inboxId}`),
    "webhook.fanout": async (d) => void ran.push(`fanout ${d.eventId}`),
    async "webhook.deliver"(d) {
      if (slowDelivery > 0) await sleep(slowDelivery);
      ran.push(`deliver ${d.deliveryId}`);
    },
    async "gateway.relay"(data) {
      if (slowRelay > 0) await sleep(slowRelay);
      ran.push(`relay ${data.inboxIds.join("+")}`);
      await enqueueProcessing(
        services.queue,
        data.inboxIds.map((id) => ({ id, tenantId: data.tenantId })),
      );
    },
    "gateway.pull": async (d) => void ran.push(`pull ${d.connectionId}`),
    "gateway.reconcile": async () => void ran.push("reconcile"),
  };

  it("keeps order pushes and webhooks moving while a backlog of leads drains", async () => {
    const t = "tnt_burst";
    const queue = services.queue;
    slowRelay = 50;
    const relays = 40;
    // Queued while no worker runs: the burst first, the rest behind it.
    await queue.enqueueMany(
      Array.from({ length: relays }, (_, i) => ({
        name: "gateway.relay" as const,
        data: { tenantId: t, inboxIds: [`burst${i}`] },
      })),
    );
    await queue.enqueue("order.push", { tenantId: t, syncId: "sync1" });
    await queue.enqueue("webhook.fanout", { tenantId: t, eventId: "evt1" });
    // The burst and the two behind it are all counted, whatever lane they wait on.
    expect((await queue.counts()).waiting).toBe(relays + 2);
    const lanes = await queue.laneCounts();
    expect([lanes.leads.waiting, lanes.webhooks.waiting, lanes.orders.waiting]).toEqual([
      relays,
      1,
      1,
    ]);

    queue.startWorker(processors, { concurrency: 1 });
    await until(
      async () => ran.length,
      (n) => n === 2 * relays + 2,
      60_000,
    );
    // One relay takes 50 ms, so the burst takes at least two seconds on its one worker; what
    // waited behind it in one first-in-first-out queue now runs at once, beside it.
    const lastRelayAt = ran.map((entry) => entry.startsWith("relay ")).lastIndexOf(true);
    for (const job of ["push sync1", "fanout evt1"]) {
      expect(ran.indexOf(job)).toBeGreaterThanOrEqual(0);
      expect(ran.indexOf(job)).toBeLessThan(lastRelayAt);
    }
    // The burst is worked off in order, and each relay's row is processed before the next relay
    // runs: the first lead is made at once, not after the whole burst's relays.
    expect(ran.filter((entry) => /^(relay|process) /.test(entry))).toEqual(
      Array.from({ length: relays }, (_, i) => [`relay burst${i}`, `process burst${i}`]).flat(),
    );
    await until(
      () => queue.counts(),
      (c) => c.waiting + c.active === 0,
      10_000,
    );
    slowRelay = 0;
  });

  it("processes the rows a relay adds in the order they were written", async () => {
    const t = "tnt_rows";
    const queue = services.queue;
    ran.length = 0;
    await queue.enqueue("gateway.relay", { tenantId: t, inboxIds: ["row1", "row2", "row3"] });
    await queue.enqueue("gateway.relay", { tenantId: t, inboxIds: ["row4", "row5"] });
    await until(
      async () => ran.length,
      (n) => n === 7,
      30_000,
    );
    expect(ran).toEqual([
      "relay row1+row2+row3",
      "process row1",
      "process row2",
      "process row3",
      "relay row4+row5",
      "process row4",
      "process row5",
    ]);
  });

  it("runs a reminder that falls due while a subscriber's endpoint is slow, without waiting for it", async () => {
    const t = "tnt_slow";
    const queue = services.queue;
    ran.length = 0;
    slowDelivery = 500;
    for (let i = 0; i < 5; i++) {
      await queue.enqueue("webhook.deliver", {
        tenantId: t,
        deliveryId: `slow${i}`,
        series: 0,
        attempt: 0,
      });
    }
    await queue.enqueue(
      "lead.follow_up_reminder",
      { tenantId: t, leadId: "lead2", taskId: "task2", kind: "overdue" },
      { delayMs: 100 },
    );
    await until(
      async () => ran.length,
      (n) => n === 6,
      30_000,
    );
    // The deliveries take 2.5 s one after another; the reminder is due after 0.1 s (an idle
    // worker on the database-backed queue looks again at least every second).
    expect(ran.indexOf("reminder task2")).toBeLessThan(ran.indexOf("deliver slow4"));
    slowDelivery = 0;
  });
});
