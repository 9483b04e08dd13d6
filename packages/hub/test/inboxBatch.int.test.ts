import {
  META_TEST_APP_SECRET,
  META_TEST_FORM_ID,
  META_TEST_PAGE_ID,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
  metaFormLeads,
  metaGraphHandlers,
  metaLeadgenNotification,
  signMetaBody,
} from "@forecourt/connectors/meta-lead-ads/mocks";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboxWriterOf } from "../src/gateway/inboxWriter.js";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import { connectionOutcome, until } from "./support/gateway.js";
import { caller, type LeadGroup, ok, seedLeadGroup } from "./support/leadGroup.js";

/** Deliveries fired at once: enough that several wait while the first is written. */
const BURST = 40;
const graphLeads = metaFormLeads(BURST);
const graph = setupServer(...metaGraphHandlers({ leads: graphLeads }));

/**
 * Group commit of the webhook inbox (`InboxWriter`): deliveries that arrive together are
 * acknowledged after one shared commit, and each event is still stored once and processed once —
 * including the same event delivered several times inside one shared write.
 */
describe.each(availableBackends())("inbox writes in batches on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  const call = caller(() => hub);

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    const prepared = await backend.prepare();
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
    const connection = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "meta_lead_ads",
        name: "Meta burst",
        storeId: g.stores[0],
        config: {
          appSecret: META_TEST_APP_SECRET,
          verifyToken: META_TEST_VERIFY_TOKEN,
          pageAccessToken: META_TEST_PAGE_TOKEN,
          pageId: META_TEST_PAGE_ID,
        },
      }),
      201,
    );
    const notification = (lead: (typeof graphLeads)[number]) =>
      metaLeadgenNotification([
        { leadgen_id: String(lead.id), page_id: META_TEST_PAGE_ID, form_id: META_TEST_FORM_ID },
      ]);
    // Every lead once, and the first one four more times, all at once.
    const bodies = [
      ...graphLeads.map(notification),
      ...Array(4).fill(notification(graphLeads[0]!)),
    ];
    const stats = inboxWriterOf(hub.services).stats;
    const before = { ...stats };
    const answers = await Promise.all(
      bodies.map(async (body: string) =>
        hub.app.inject({
          method: "POST",
          url: connection.hookPath,
          payload: body,
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": await signMetaBody(body),
          },
        }),
      ),
    );
    for (const answer of answers) expect(answer.statusCode).toBe(200);
    // Shared commits: fewer transactions than deliveries.
    expect(stats.largestBatch).toBeGreaterThan(1);
    expect(stats.transactions - before.transactions).toBeLessThan(bodies.length);

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
  });
});
