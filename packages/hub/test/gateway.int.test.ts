import { adfPost, ENTITY_BOMB_ADF, NO_ID_ADF, PORTAL_ADF } from "@forecourt/connectors/adf/mocks";
import {
  META_LEAD_CN,
  META_TEST_APP_SECRET,
  META_TEST_PAGE_ID,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
  metaGraphHandlers,
  metaLeadgenNotification,
  signMetaBody,
} from "@forecourt/connectors/meta-lead-ads/mocks";
import { and, eq, sql } from "drizzle-orm";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubConfig } from "../src/config.js";
import { connections, customers, events, inbox, leads, touchpoints } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { writeInbox } from "../src/gateway/inbox.js";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import { caller, type LeadGroup, ok, seedLeadGroup } from "./support/leadGroup.js";

const ADF_KEY = "adf-shared-key-0123456789";
/** A second Meta lead: same person as the ADF document's prospect (138 0013 8000). */
const META_LEAD_SAME_PHONE = {
  ...META_LEAD_CN,
  id: "9223372036854775001",
  field_data: [
    { name: "full_name", values: ["王小明"] },
    { name: "phone_number", values: ["+8613800138000"] },
  ],
};

const META_LEAD_LATE = {
  ...META_LEAD_CN,
  id: "9223372036854775002",
  field_data: [
    { name: "full_name", values: ["赵六"] },
    { name: "phone_number", values: ["+8613700137000"] },
  ],
};

const graph = setupServer(
  ...metaGraphHandlers({ leads: [META_LEAD_CN, META_LEAD_SAME_PHONE, META_LEAD_LATE] }),
);

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(availableBackends())("inbound gateway on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let config: HubConfig;
  let g: LeadGroup;
  let metaHook: string;
  let adfHook: string;
  const call = caller(() => hub);

  const post = (path: string, body: string | Buffer, headers: Record<string, string>) =>
    hub.app.inject({ method: "POST", url: path, payload: body, headers });
  const signedMeta = async (body: string | Buffer) =>
    post(metaHook, body, {
      "content-type": "application/json",
      "x-hub-signature-256": await signMetaBody(body),
    });
  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(hub.services.db, g.tenantId, work);
  const counts = () =>
    inTenant(async (tx) => {
      const n = async (
        table: typeof leads | typeof touchpoints | typeof customers | typeof inbox,
      ) => (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
      return {
        leads: await n(leads),
        touchpoints: await n(touchpoints),
        customers: await n(customers),
        inbox: await n(inbox),
      };
    });
  const inboxRows = () => inTenant((tx) => tx.select().from(inbox).orderBy(inbox.id));

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    const prepared = await backend.prepare({ FORECOURT_BODY_LIMIT: "65536" });
    cleanup = prepared.cleanup;
    config = prepared.config;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Gateway Motors", ["GW01", "GW02"]);
  });
  afterAll(async () => {
    graph.close();
    await hub?.close();
    await cleanup?.();
  });

  it("lists connectors with JSON Schema configs whose secrets are writeOnly", async () => {
    const body = ok(await call("GET", "/v1/connectors", g.admin));
    const meta = body.data.find((c: { id: string }) => c.id === "meta_lead_ads");
    expect(meta.capabilities).toMatchObject({ webhook: true, handshake: true, pull: true });
    expect(meta.configSchema.properties.appSecret.writeOnly).toBe(true);
    expect(meta.secretFields).toContain("pageAccessToken");
    expect((await call("GET", "/v1/connectors", g.salesKeys[0])).statusCode).toBe(403);
  });

  it("creates connections: config validated with paths, secrets encrypted and never returned", async () => {
    const bad = await call("POST", "/v1/connections", g.admin, {
      connectorId: "meta_lead_ads",
      name: "Meta",
      config: { appSecret: "short" },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["config.appSecret", "config.verifyToken"]));

    const meta = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "meta_lead_ads",
        name: "Meta page",
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
    expect(meta.config.appSecret).toBe("[redacted]");
    expect(meta.config.pageAccessToken).toBe("[redacted]");
    expect(JSON.stringify(meta)).not.toContain(META_TEST_APP_SECRET);
    expect(meta.hookPath).toMatch(/^\/v1\/hooks\/hk_[A-Za-z0-9_-]{32}$/);
    metaHook = meta.hookPath;
    const stored = await hub.services.database.pool.query(
      "SELECT config::text AS c FROM connections WHERE id = $1",
      [meta.id],
    );
    expect(stored.rows[0].c).not.toContain(META_TEST_APP_SECRET);
    expect(stored.rows[0].c).not.toContain(META_TEST_PAGE_TOKEN);

    const adf = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "adf",
        name: "Portal ADF",
        storeId: g.stores[1],
        config: { auth: { kind: "shared_secret", key: ADF_KEY } },
      }),
      201,
    );
    adfHook = adf.hookPath;
    // An update that sends the redacted config back keeps the secret.
    const renamed = ok(
      await call("PATCH", `/v1/connections/${adf.id}`, g.admin, {
        name: "Portal ADF feed",
        config: adf.config,
      }),
    );
    expect(renamed.config.auth.key).toBe("[redacted]");
    const listed = ok(await call("GET", "/v1/connections", g.admin));
    expect(listed.data).toHaveLength(2);
    expect(ok(await call("POST", `/v1/connections/${adf.id}/test`, g.admin)).ok).toBe(true);
  });

  it("answers Meta's subscription handshake", async () => {
    const res = await hub.app.inject({
      method: "GET",
      url: `${metaHook}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${META_TEST_VERIFY_TOKEN}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("1158201444");
    const wrong = await hub.app.inject({
      method: "GET",
      url: `${metaHook}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope-nope-nope`,
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
  });

  it("a signed Meta notification becomes a graded, assigned lead with follow-ups and lead.created; redeliveries add nothing", async () => {
    const body = metaLeadgenNotification([
      {
        leadgen_id: String(META_LEAD_CN.id),
        page_id: META_TEST_PAGE_ID,
        form_id: String(META_LEAD_CN.form_id),
      },
    ]);
    // The same notification five times at once.
    const answers = await Promise.all(Array.from({ length: 5 }, () => signedMeta(body)));
    for (const res of answers) expect(res.statusCode).toBe(200);
    const lead = await until(
      () => inTenant((tx) => tx.select().from(leads)),
      (rows) => rows.length > 0 && rows.every((r) => r.salespersonId !== null),
    );
    expect(lead).toHaveLength(1);
    const view = ok(await call("GET", `/v1/leads/${lead[0]!.id}`, g.admin));
    expect(view.grade).toMatch(/^[HABC]$/);
    expect(g.sellers[0]).toContain(view.salespersonId);
    const tasks = ok(await call("GET", `/v1/tasks?leadId=${lead[0]!.id}`, g.admin));
    expect(tasks.data.length).toBeGreaterThan(0);
    const created = await inTenant((tx) =>
      tx.select().from(events).where(eq(events.type, "lead.created")),
    );
    expect(created.map((e) => e.entityId)).toContain(lead[0]!.id);
    // The touchpoint keeps the external id exactly (above 2^53) and the inbox reference.
    const [tp] = await inTenant((tx) =>
      tx.select().from(touchpoints).where(eq(touchpoints.leadId, lead[0]!.id)),
    );
    expect(tp!.externalId).toBe("1234567890123456789");
    const rows = await inboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.eventKey).toBe("1234567890123456789");
    expect(rows[0]!.status).toBe("processed");
    expect(rows[0]!.leadId).toBe(lead[0]!.id);
    expect((tp!.attributes as Record<string, unknown>).inboxId).toBe(rows[0]!.id);
    expect(rows[0]!.headers["x-hub-signature-256"]).toBeUndefined();

    // Later, once more.
    expect((await signedMeta(body)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await counts()).leads).toBe(1);
    expect((await counts()).inbox).toBe(1);
  });

  it("Meta and an ADF post for the same phone: one customer, one lead, two touchpoints", async () => {
    const before = await counts();
    const metaBody = metaLeadgenNotification([
      { leadgen_id: String(META_LEAD_SAME_PHONE.id), page_id: META_TEST_PAGE_ID },
    ]);
    expect((await signedMeta(metaBody)).statusCode).toBe(200);
    await until(counts, (c) => c.leads === before.leads + 1);
    const adf = adfPost(PORTAL_ADF, { auth: { header: ADF_KEY } });
    const res = await post(adfHook, Buffer.from(adf.rawBody), adf.headers);
    expect(res.statusCode).toBe(200);
    const after = await until(counts, (c) => c.touchpoints === before.touchpoints + 2);
    expect(after.leads).toBe(before.leads + 1);
    expect(after.touchpoints).toBe(before.touchpoints + 2);
    expect(after.customers).toBe(before.customers);
    const merged = await inTenant((tx) =>
      tx.select().from(events).where(eq(events.type, "lead.merged")),
    );
    expect(merged).toHaveLength(1);
  });

  it("refuses a bad signature with 401 and stores nothing", async () => {
    const before = await counts();
    const body = metaLeadgenNotification([{ leadgen_id: "5550001" }]);
    const res = await post(metaHook, body, {
      "content-type": "application/json",
      "x-hub-signature-256": await signMetaBody(body, "wrong-secret-0123456789abcdef"),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("webhook_unauthorized");
    const unsigned = await post(metaHook, body, { "content-type": "application/json" });
    expect(unsigned.statusCode).toBe(401);
    const adf = adfPost(PORTAL_ADF, { auth: { header: "not-the-key-0123456789" } });
    expect((await post(adfHook, Buffer.from(adf.rawBody), adf.headers)).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("keeps an unreadable body's exact bytes, whatever they are", async () => {
    // Every byte value, not valid UTF-8 — stored byte for byte (the inbox's rows travel to the
    // database as JSON, their bodies as hex).
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
    expect((await signedMeta(bytes)).statusCode).toBe(200);
    const rows = await inTenant((tx) => tx.select().from(inbox).where(eq(inbox.status, "dead")));
    expect(rows.some((r) => Buffer.compare(r.rawBody, bytes) === 0)).toBe(true);
    // As the tables' owner (the app role may not delete inbox rows): the next case counts them.
    await hub.services.db.delete(inbox).where(eq(inbox.status, "dead"));
  });

  it("keeps malformed bodies and DOCTYPEs from authentic senders as dead letters (2xx)", async () => {
    const malformed = '{"object":"page","entry":[{"id":';
    const res = await signedMeta(malformed);
    expect(res.statusCode).toBe(200);
    const bomb = adfPost(ENTITY_BOMB_ADF, { auth: { header: ADF_KEY } });
    expect((await post(adfHook, Buffer.from(bomb.rawBody), bomb.headers)).statusCode).toBe(200);
    const dead = ok(await call("GET", "/v1/inbox?status=dead", g.admin));
    expect(dead.data).toHaveLength(2);
    expect(dead.data[1].lastError).toMatch(/DOCTYPE|entit/i);
    const rows = await inTenant((tx) => tx.select().from(inbox).where(eq(inbox.status, "dead")));
    expect(rows.map((r) => r.rawBody.toString())).toContain(malformed);
    // A replay runs it again; still unreadable, it is dead again with the reason.
    const replayed = await call("POST", `/v1/inbox/${dead.data[0].id}/replay`, g.admin);
    expect(replayed.statusCode).toBe(202);
    await until(
      () => inTenant((tx) => tx.select().from(inbox).where(eq(inbox.id, dead.data[0].id))),
      (r) => r[0]!.status === "dead" && r[0]!.run === 1,
    );
    const processed = (await inboxRows()).find((r) => r.status === "processed")!;
    const again = await call("POST", `/v1/inbox/${processed.id}/replay`, g.admin);
    expect(again.statusCode).toBe(409);
  });

  it("answers 413 over the body limit and 404 for unknown hooks", async () => {
    const big = JSON.stringify({ object: "page", pad: "x".repeat(70_000) });
    const res = await signedMeta(big);
    expect(res.statusCode).toBe(413);
    const unknown = await post("/v1/hooks/hk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "{}", {
      "content-type": "application/json",
    });
    expect(unknown.statusCode).toBe(404);
    expect((await post("/v1/hooks/nope", "{}", {})).statusCode).toBe(404);
  });

  it("keeps test events apart", async () => {
    const rows = await inTenant((tx) =>
      tx
        .select()
        .from(inbox)
        .where(and(eq(inbox.status, "ignored_test"))),
    );
    expect(rows).toHaveLength(0);
  });

  it("a stop between acknowledgement and processing: each event processed exactly once after the restart", async () => {
    await hub.close();
    hub = await buildHub(config, { warn: () => {}, workers: false });
    const before = await counts();
    const body = metaLeadgenNotification([
      { leadgen_id: META_LEAD_LATE.id, page_id: META_TEST_PAGE_ID },
    ]);
    expect((await signedMeta(body)).statusCode).toBe(200);
    // A commit whose enqueue never happened (the process died in between).
    const [conn] = await inTenant((tx) =>
      tx.select().from(connections).where(eq(connections.connectorId, "adf")),
    );
    const adf = NO_ID_ADF.replace("+86 139 1234 5678", "+86 136 0013 6000");
    await inTenant((tx) =>
      writeInbox(
        tx,
        {
          tenantId: g.tenantId,
          connectionId: conn!.id,
          origin: "webhook",
          rawBody: Buffer.from(adf),
          headers: { "content-type": "application/xml" },
          contentType: "application/xml",
          receivedAt: new Date(),
        },
        [{ eventKey: "crash-between-commit-and-enqueue", event: null, status: "received" }],
      ),
    );
    await hub.close();
    hub = await buildHub(config, { warn: () => {} });
    const after = await until(
      () => inTenant((tx) => tx.select().from(inbox).where(eq(inbox.status, "received"))),
      (rows) => rows.length === 0,
    );
    expect(after).toHaveLength(0);
    const now = await counts();
    expect(now.leads).toBe(before.leads + 2);
    expect(now.inbox).toBe(before.inbox + 2);
  });
});
