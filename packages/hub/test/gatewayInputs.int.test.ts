import {
  GOOGLE_LEAD_CN,
  GOOGLE_TEST_KEY,
  GOOGLE_TEST_LEAD,
  googleLeadPost,
} from "@forecourt/connectors/google-ads/mocks";
import {
  TMALL_LEAD,
  TMALL_TEST_APP_KEY,
  TMALL_TEST_APP_SECRET,
  tmallLeadPost,
} from "@forecourt/connectors/tmall-car/mocks";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inbox, leads, touchpoints } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import { caller, type LeadGroup, ok, seedLeadGroup } from "./support/leadGroup.js";

/** Qimen's `timestamp`: Beijing wall clock, `yyyy-MM-dd HH:mm:ss`. */
function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const TEST_LEAD_ID = String(GOOGLE_TEST_LEAD.lead_id);
const REAL_LEAD_ID = String(GOOGLE_LEAD_CN.lead_id);

describe.each(availableBackends())("gateway bad inputs on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  let tmallHook: string;
  let googleHook: string;
  let googleConnection: string;
  const call = caller(() => hub);

  const post = (url: string, body: Uint8Array, headers: Record<string, string>) =>
    hub.app.inject({ method: "POST", url, payload: Buffer.from(body), headers });
  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(hub.services.db, g.tenantId, work);
  const counts = () =>
    inTenant(async (tx) => {
      const n = async (table: typeof leads | typeof touchpoints | typeof inbox) =>
        (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
      return { leads: await n(leads), touchpoints: await n(touchpoints), inbox: await n(inbox) };
    });
  /** A Qimen post to the Tmall hook: the system parameters travel in the query string. */
  const qimen = async (timestamp: string) => {
    const signed = await tmallLeadPost(TMALL_LEAD, { signMethod: "hmac-sha256", timestamp });
    const query = new URL(signed.request.url).search;
    return post(`${tmallHook}${query}`, signed.rawBody, signed.headers);
  };

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Inputs Motors", ["IN01", "IN02"]);
    const tmall = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "tmall_car",
        name: "Tmall Car",
        storeId: g.stores[0],
        config: { appKey: TMALL_TEST_APP_KEY, appSecret: TMALL_TEST_APP_SECRET },
      }),
      201,
    );
    tmallHook = tmall.hookPath;
    const google = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "google_ads",
        name: "Google lead form",
        storeId: g.stores[0],
        config: { googleKey: GOOGLE_TEST_KEY },
      }),
      201,
    );
    googleHook = google.hookPath;
    googleConnection = google.id;
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("refuses a correctly signed Qimen request whose timestamp is an hour old (401, nothing stored)", async () => {
    const before = await counts();
    const stale = await qimen(beijingTime(Date.now() - 3_600_000));
    expect(stale.statusCode).toBe(401);
    expect(stale.body).toMatch(/stale/i);
    expect(await counts()).toEqual(before);
    // The same lead signed now is accepted: only the timestamp made the difference.
    const fresh = await qimen(beijingTime(Date.now()));
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ success: true });
    const after = await until(counts, (c) => c.leads === before.leads + 1);
    expect(after).toMatchObject({ leads: before.leads + 1, inbox: before.inbox + 1 });
  });

  it("keeps a Google Ads is_test lead apart as ignored_test; a real lead from the same form becomes a lead", async () => {
    const before = await counts();
    const test = googleLeadPost(GOOGLE_TEST_LEAD);
    expect((await post(googleHook, test.rawBody, test.headers)).statusCode).toBe(200);
    const real = googleLeadPost(GOOGLE_LEAD_CN);
    expect((await post(googleHook, real.rawBody, real.headers)).statusCode).toBe(200);
    await until(counts, (c) => c.leads === before.leads + 1);
    // Give the test row every chance to (wrongly) become a lead too.
    await new Promise((r) => setTimeout(r, 300));
    const rows = await inTenant((tx) =>
      tx.select().from(inbox).where(eq(inbox.connectionId, googleConnection)),
    );
    const byKey = new Map(rows.map((r) => [r.eventKey, r]));
    expect(byKey.get(TEST_LEAD_ID)?.status).toBe("ignored_test");
    expect(byKey.get(TEST_LEAD_ID)?.leadId ?? null).toBeNull();
    expect(byKey.get(REAL_LEAD_ID)?.status).toBe("processed");
    const after = await counts();
    expect(after.leads).toBe(before.leads + 1);
    expect(after.inbox).toBe(before.inbox + 2);
    const stored = await inTenant((tx) =>
      tx
        .select({ externalId: touchpoints.externalId })
        .from(touchpoints)
        .where(eq(touchpoints.leadId, byKey.get(REAL_LEAD_ID)!.leadId!)),
    );
    expect(stored.map((t) => t.externalId)).toEqual([REAL_LEAD_ID]);
  });

  it("refuses a Google Ads post with the wrong google_key (401, nothing stored)", async () => {
    const before = await counts();
    const wrong = googleLeadPost({
      ...GOOGLE_LEAD_CN,
      lead_id: "Cj0KCQiA_wrong_key_lead_0001",
      google_key: "gk-not-the-key-00000000",
    });
    const res = await post(googleHook, wrong.rawBody, wrong.headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("webhook_unauthorized");
    const { google_key: _omitted, ...keyless } = GOOGLE_LEAD_CN;
    const missing = googleLeadPost({ ...keyless, lead_id: "Cj0KCQiA_no_key_lead_0002" } as never);
    expect((await post(googleHook, missing.rawBody, missing.headers)).statusCode).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(await counts()).toEqual(before);
  });
});
