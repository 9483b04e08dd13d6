import { metaFormLeads, metaGraphHandlers } from "@forecourt/connectors/meta-lead-ads/mocks";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileInbox, relayProcessing } from "../src/gateway/inbox.js";
import { inboxWriterOf } from "../src/gateway/inboxWriter.js";
import { buildHub, type Hub, startWorkers } from "../src/hub.js";
import { intakeQueueOf } from "../src/leads/intakeQueue.js";
import { backgroundOf } from "../src/lib/background.js";
import { availableBackends } from "./support/backends.js";
import { connectionOutcome, connectMeta, notifyMeta, until } from "./support/gateway.js";
import { caller, type LeadGroup, seedLeadGroup } from "./support/leadGroup.js";

/** Deliveries fired at once: enough that several wait while the first is written. */
const BURST = 40;
const allLeads = metaFormLeads(3 * BURST + 10);
/** The burst's leads, the slow queue's, the backlog of the last case, and the lost relay's. */
const graphLeads = allLeads.slice(0, BURST);
const slowQueueLeads = allLeads.slice(BURST, 2 * BURST);
const backlog = allLeads.slice(2 * BURST, 3 * BURST);
const lostRelayLeads = allLeads.slice(3 * BURST);
const graph = setupServer(...metaGraphHandlers({ leads: allLeads }));

/**
 * Group commit of the webhook inbox (`InboxWriter`): deliveries that arrive together are
 * acknowledged after one shared commit, and each event is still stored once and processed once —
 * including the same event delivered several times inside one shared write.
 */
describe.each(availableBackends())("inbox writes in batches on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let prepared: Awaited<ReturnType<(typeof backend)["prepare"]>>;
  let g: LeadGroup;
  const call = caller(() => hub);

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Inbox Motors", ["IB01", "IB02"]);
  });
  afterAll(async () => {
    graph.close();
    await hub?.close();
    await cleanup?.();
  });

  it("acknowledges a burst after shared commits: every event stored once, repeats recognised, one lead each", async () => {
    const connection = await connectMeta(call, g.admin, "Meta burst", g.stores[0]);
    // Every lead once, and the first one four more times, all at once.
    const ids = [...graphLeads, ...Array(4).fill(graphLeads[0]!)].map((lead) => String(lead.id));
    const stats = inboxWriterOf(hub.services).stats;
    const before = { ...stats };
    const answers = await Promise.all(
      ids.map((id: string) => notifyMeta(hub, connection.hookPath, id)),
    );
    for (const answer of answers) expect(answer.statusCode).toBe(200);
    // Shared commits: fewer transactions than deliveries.
    expect(stats.largestBatch).toBeGreaterThan(1);
    expect(stats.transactions - before.transactions).toBeLessThan(ids.length);

    const outcome = await until(
      () => connectionOutcome(hub, g.tenantId, connection.id),
      (o) => o.rows.length === BURST && o.rows.every((r) => r.status === "processed"),
      120_000,
    );
    expect(outcome.rows).toHaveLength(BURST);
    expect(new Set(outcome.rows.map((r) => r.eventKey))).toEqual(
      new Set(graphLeads.map((l) => l.id)),
    );
    expect(outcome.rows.every((r) => r.status === "processed")).toBe(true);
    expect(outcome.leads).toHaveLength(BURST);
    expect(outcome.touchpoints).toHaveLength(BURST);

    // A relay job run again (a retry after its answer was lost) adds no second lead.
    await relayProcessing(hub.services.queue, {
      tenantId: g.tenantId,
      inboxIds: outcome.rows.map((row) => row.id),
    });
    await until(
      () => hub.services.queue.counts(),
      (counts) => counts.waiting + counts.active === 0,
      60_000,
    );
    const again = await connectionOutcome(hub, g.tenantId, connection.id);
    expect(again.leads).toHaveLength(BURST);
    expect(again.rows.every((r) => r.status === "processed")).toBe(true);
  });

  it("answers once committed, without waiting for the queue; a slow queue slows the writes, jobs never pile up", async () => {
    const connection = await connectMeta(call, g.admin, "Meta slow queue", g.stores[0]);
    const queue = hub.services.queue;
    const enqueue = queue.enqueue.bind(queue);
    let gate: (() => void) | undefined;
    let inFlight = 0;
    let mostInFlight = 0;
    const relayed: string[] = [];
    // The real queue, held shut by `gate` while it is set, else 150 ms slower per call for the
    // inbox writes' relay jobs — much slower than an inbox write.
    queue.enqueue = (async (name, data, options) => {
      if (name !== "gateway.relay") return enqueue(name, data, options);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        if (gate) await new Promise<void>((resolve) => (gate = resolve));
        else await new Promise((resolve) => setTimeout(resolve, 150));
        await enqueue(name, data, options);
        relayed.push(...(data as { inboxIds: string[] }).inboxIds);
      } finally {
        inFlight--;
      }
    }) as typeof queue.enqueue;
    try {
      // Held shut: the sender hears 200 all the same — the row is committed, the job follows.
      gate = () => {};
      const first = String(slowQueueLeads[0]!.id);
      const answered = await Promise.race([
        notifyMeta(hub, connection.hookPath, first),
        new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 15_000)),
      ]);
      expect(answered === "waited" ? answered : answered.statusCode).toBe(200);
      expect(inFlight).toBe(1);
      const open = gate;
      gate = undefined;
      open();

      // Waves that arrive while the previous waves' jobs are still being added.
      const rest = slowQueueLeads.slice(1).map((lead) => String(lead.id));
      for (let wave = 0; wave < rest.length; wave += 13) {
        const answers = await Promise.all(
          rest.slice(wave, wave + 13).map((id) => notifyMeta(hub, connection.hookPath, id)),
        );
        for (const answer of answers) expect(answer.statusCode).toBe(200);
      }
      await backgroundOf(hub.services).settle();
      // One write's job overlapping the next write, and the next's: never more.
      expect(mostInFlight).toBeLessThanOrEqual(2);
      // Every new row in exactly one relay job.
      expect(relayed).toHaveLength(BURST);
      expect(new Set(relayed).size).toBe(BURST);
      const outcome = await until(
        () => connectionOutcome(hub, g.tenantId, connection.id),
        (o) => o.rows.length === BURST && o.rows.every((r) => r.status === "processed"),
        120_000,
      );
      expect(outcome.rows.every((r) => r.status === "processed")).toBe(true);
      expect(outcome.leads).toHaveLength(BURST);
    } finally {
      queue.enqueue = enqueue;
    }
  });

  it("a relay job that cannot be added: the senders still hear 200, the reconciler enqueues the rows", async () => {
    const connection = await connectMeta(call, g.admin, "Meta lost relay", g.stores[0]);
    const queue = hub.services.queue;
    const enqueue = queue.enqueue.bind(queue);
    let refused = 0;
    queue.enqueue = (async (name, data, options) => {
      if (name !== "gateway.relay") return enqueue(name, data, options);
      refused++;
      throw new Error("queue unreachable");
    }) as typeof queue.enqueue;
    const ids = lostRelayLeads.map((lead) => String(lead.id));
    try {
      const answers = await Promise.all(ids.map((id) => notifyMeta(hub, connection.hookPath, id)));
      for (const answer of answers) expect(answer.statusCode).toBe(200);
      await backgroundOf(hub.services).settle();
    } finally {
      queue.enqueue = enqueue;
    }
    expect(refused).toBeGreaterThan(0);
    // Stored and waiting: nothing was queued for them.
    const waiting = await connectionOutcome(hub, g.tenantId, connection.id);
    expect(waiting.rows).toHaveLength(ids.length);
    expect(waiting.rows.every((r) => r.status === "received")).toBe(true);

    await reconcileInbox(hub.services.db, hub.services.queue, { olderThanMs: 0 });
    const outcome = await until(
      () => connectionOutcome(hub, g.tenantId, connection.id),
      (o) => o.rows.every((r) => r.status === "processed"),
      120_000,
    );
    expect(outcome.leads).toHaveLength(ids.length);
    expect(new Set(outcome.rows.map((r) => r.eventKey))).toEqual(new Set(ids));
  });

  it("processes waiting inbox rows in shared intake transactions: each row one lead, marked with it", async () => {
    // A second hub on the same database with its workers off: the rows wait in the inbox, then
    // the workers start and take several at once.
    const connection = await connectMeta(call, g.admin, "Meta backlog", g.stores[1]);
    await hub.close();
    hub = await buildHub(prepared.config, { warn: () => {}, workers: false });
    for (const lead of backlog) {
      expect((await notifyMeta(hub, connection.hookPath, String(lead.id))).statusCode).toBe(200);
    }
    const waiting = await connectionOutcome(hub, g.tenantId, connection.id);
    expect(waiting.rows.filter((r) => r.status === "received")).toHaveLength(BURST);

    const stats = intakeQueueOf(hub.services).stats;
    startWorkers(hub.services);
    const outcome = await until(
      () => connectionOutcome(hub, g.tenantId, connection.id),
      (o) => o.rows.length === BURST && o.rows.every((r) => r.status === "processed"),
      120_000,
    );
    // Shared transactions: more than one row stored per intake transaction.
    expect(stats.largestBatch).toBeGreaterThan(1);
    expect(stats.storedInBatches).toBeGreaterThan(0);
    expect(outcome.leads).toHaveLength(BURST);
    // Each row names the lead it became, and that lead's touchpoint names the row.
    expect(outcome.touchpoints).toHaveLength(BURST);
    const byRow = new Map(outcome.touchpoints.map((t) => [t.attributes.inboxId, t]));
    for (const row of outcome.rows) {
      expect(row.leadId).toBeTruthy();
      expect(byRow.get(row.id)?.leadId).toBe(row.leadId);
    }
  });
});
