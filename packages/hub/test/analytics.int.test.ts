import {
  changeStage,
  createOpportunity,
  DAY_MS,
  type Opportunity,
  type OpportunityStage,
} from "@forecourt/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { insertOpportunity } from "../src/opportunities/rows.js";
import { createKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import {
  caller,
  type Dealership,
  insertLead,
  type LeadSeed,
  seedDealership,
} from "./support/dealership.js";

/*
 * A known data set, stored through the db layer with stage histories at chosen days (days after
 * `origin`, 40 days ago), so every figure below can be worked out by hand:
 *
 *   deal  owner  store  value (¥)  lead  close date   history (stage @ day)
 *   o1    sp0    0      200,000    L1    2030-01-10   initial 0 · needs 1 · test_drive 3 · quote 6 · won 10
 *   o2    sp0    0      150,000    L2    2030-01-20   initial 0 · needs 2 · lost 5 (price)
 *   o3    sp1    0      300,000    —     2030-01-15   initial 0 · quote 4                (open)
 *   o4    sp2    1      100,000    L4    2030-01-25   initial 0 · test_drive 1           (open)
 *   o5    sp2    1       80,000    —     2030-03-01   initial 0                          (open)
 *
 * Leads: L1 autohome/portal, campaign C1, first contact after 30 min; L2 douyin/social, 10 min;
 * L3 autohome/portal, not contacted, no deal; L4 website/website, 60 min.
 */
const CAMPAIGN = "camp_01J0000000000000000000000C";
const PERIOD = "periodStart=2030-01-01&periodEnd=2030-01-31";

describe.each(availableBackends())("analytics on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let a: Dealership;
  let b: Dealership;
  const call = caller(() => hub);
  const origin = Date.now() - 40 * DAY_MS;
  const day = (d: number) => new Date(origin + d * DAY_MS).toISOString();

  async function store(
    owner: number,
    amountYuan: number,
    expectedCloseDate: string,
    link: { leadId: string } | { customerId: string },
    steps: [OpportunityStage, number][],
  ): Promise<Opportunity> {
    const storeIndex = owner === 2 ? 1 : 0;
    let opp = createOpportunity(
      {
        ...link,
        salespersonId: a.sp[owner]!,
        storeId: a.stores[storeIndex],
        teamId: a.teams[storeIndex],
        vehicle: { brand: "BYD" },
        expectedValue: { amount: amountYuan * 100 },
        expectedCloseDate,
      },
      { at: day(0), by: a.sp[owner]! },
    );
    for (const [stage, d] of steps) {
      opp = changeStage(opp, stage, {
        at: day(d),
        by: a.sp[owner]!,
        ...(stage === "lost" ? { lossReason: { code: "price" as const } } : {}),
      });
    }
    await withTenant(hub.services.db, a.tenantId, (tx) => insertOpportunity(tx, a.tenantId, opp));
    return opp;
  }

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    a = await seedDealership(hub, "Group A", ["NA01", "NA02"]);
    b = await seedDealership(hub, "Group B", ["NB01", "NB02"]);
    const received = new Date(origin - DAY_MS);
    const minutes = (m: number) => new Date(received.getTime() + m * 60_000);
    const lead = (owner: number, extra: Partial<LeadSeed>) =>
      insertLead(hub, a.tenantId, {
        salespersonId: a.sp[owner]!,
        storeId: a.stores[owner === 2 ? 1 : 0],
        receivedAt: received,
        ...extra,
      });
    const l1 = await lead(0, { campaignId: CAMPAIGN, firstContactAt: minutes(30) });
    const l2 = await lead(0, { source: "douyin", channel: "social", firstContactAt: minutes(10) });
    await lead(1, {});
    const l4 = await lead(2, {
      source: "website",
      channel: "website",
      firstContactAt: minutes(60),
    });
    await store(0, 200_000, "2030-01-10", { leadId: l1 }, [
      ["needs_analysis", 1],
      ["test_drive", 3],
      ["quote", 6],
      ["won", 10],
    ]);
    await store(0, 150_000, "2030-01-20", { leadId: l2 }, [
      ["needs_analysis", 2],
      ["lost", 5],
    ]);
    await store(1, 300_000, "2030-01-15", { customerId: a.customer }, [["quote", 4]]);
    await store(2, 100_000, "2030-01-25", { leadId: l4 }, [["test_drive", 1]]);
    await store(2, 80_000, "2030-03-01", { customerId: a.customer }, []);
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  const get = async (url: string, key: string) => {
    const res = await call("GET", url, key);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const stage = (f: { stages: { stage: string }[] }, name: string) =>
    f.stages.find((s) => s.stage === name);

  it("counts the group's funnel", async () => {
    const f = await get("/v1/analytics/funnel", a.admin);
    expect(f).toMatchObject({ total: 5, open: 3, won: 1, lost: 1, winRate: 0.5 });
    const reached = Object.fromEntries(
      f.stages.map((s: { stage: string; reached: number }) => [s.stage, s.reached]),
    );
    expect(reached).toEqual({
      initial_contact: 5,
      needs_analysis: 4,
      product_presentation: 3,
      test_drive: 3,
      quote: 2,
      negotiation: 1,
      won: 1,
      lost: 1,
    });
    expect(stage(f, "initial_contact")).toMatchObject({
      count: 1,
      value: [{ amount: 8_000_000, currency: "CNY" }],
      conversionToNext: 0.8,
      // Completed stays in initial contact: 1, 2, 4 and 1 days.
      medianDaysInStage: 1.5,
      staysMeasured: 4,
    });
    expect(stage(f, "needs_analysis")).toMatchObject({ count: 0, lostHere: 1, staysMeasured: 2 });
    expect(stage(f, "quote")).toMatchObject({ count: 1, conversionToNext: 0.5 });
    expect(f.skipped).toEqual({ count: 0, examples: [] });
  });

  it("scopes the funnel like the data: sales their own, a manager their store", async () => {
    expect(await get("/v1/analytics/funnel", a.salesKeys[0])).toMatchObject({
      total: 2,
      won: 1,
      lost: 1,
    });
    expect(await get("/v1/analytics/funnel", a.managerKeys[1])).toMatchObject({
      total: 2,
      open: 2,
    });
    // A filter narrows a scope but never widens it.
    const outside = await get(`/v1/analytics/funnel?storeId=${a.stores[1]}`, a.managerKeys[0]);
    expect(outside.total).toBe(0);
    expect((await get(`/v1/analytics/funnel?salespersonId=${a.sp[1]}`, a.admin)).total).toBe(1);
    expect((await get("/v1/analytics/funnel?closedOnly=true", a.admin)).stages[0].reached).toBe(2);
    const window = await get(`/v1/analytics/funnel?from=${encodeURIComponent(day(1))}`, a.admin);
    expect(window.total).toBe(0);
  });

  it("forecasts the period from the weighted pipeline", async () => {
    const f = await get(`/v1/analytics/forecast?${PERIOD}`, a.admin);
    // o3 at quote (60 %) × ¥300,000 + o4 at test drive (45 %) × ¥100,000; o5 closes later.
    expect(f).toMatchObject({
      periodStart: "2030-01-01",
      periodEnd: "2030-01-31",
      currency: "CNY",
      point: { amount: 22_500_000, currency: "CNY" },
      pipelineValue: { amount: 40_000_000, currency: "CNY" },
      opportunities: 2,
      confidence: 0.9,
      history: { closed: 2, won: 1, winRate: 0.5 },
    });
    expect(f.low.amount).toBeLessThan(22_500_000);
    expect(f.high.amount).toBeGreaterThan(22_500_000);
    expect(f.stageProbabilities.map((p: { source: string }) => p.source)).toEqual(
      Array(6).fill("default"),
    );
    const store1 = await get(`/v1/analytics/forecast?${PERIOD}`, a.managerKeys[1]);
    expect(store1).toMatchObject({ point: { amount: 4_500_000 }, opportunities: 1 });
    const sp0 = await get(`/v1/analytics/forecast?${PERIOD}`, a.salesKeys[0]);
    expect(sp0).toMatchObject({ point: { amount: 0 }, opportunities: 0 });
    const usd = await get(`/v1/analytics/forecast?${PERIOD}&currency=USD`, a.admin);
    expect(usd.otherCurrencies).toEqual([{ currency: "CNY", count: 2 }]);
    const backwards = await call(
      "GET",
      "/v1/analytics/forecast?periodStart=2030-02-01&periodEnd=2030-01-01",
      a.admin,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe("validation_failed");
    expect((await call("GET", "/v1/analytics/forecast", a.admin)).statusCode).toBe(400);
  });

  it("reports lead conversion by source, channel, customer type and campaign", async () => {
    const c = await get("/v1/analytics/conversion", a.admin);
    expect(c.total).toMatchObject({
      leads: 4,
      opportunities: 3,
      orders: 0,
      leadToOpportunityRate: 0.75,
      contacted: 3,
      medianMinutesToFirstContact: 30,
    });
    expect(c.bySource).toEqual([
      expect.objectContaining({ key: "autohome", leads: 2, opportunities: 1, contacted: 1 }),
      expect.objectContaining({ key: "douyin", leads: 1, opportunities: 1 }),
      expect.objectContaining({ key: "website", leads: 1, opportunities: 1 }),
    ]);
    expect(c.byChannel.find((r: { key: string }) => r.key === "portal")).toMatchObject({
      leads: 2,
      leadToOpportunityRate: 0.5,
    });
    expect(c.byCampaign).toEqual([
      expect.objectContaining({ key: "(none)", leads: 3, opportunities: 2 }),
      expect.objectContaining({ key: CAMPAIGN, leads: 1, opportunities: 1 }),
    ]);
    expect(c.byCustomerType).toEqual([
      expect.objectContaining({ key: "individual", leads: 4, opportunities: 3 }),
    ]);
    const website = c.bySource.find((r: { key: string }) => r.key === "website");
    expect(website.medianMinutesToFirstContact).toBe(60);
    // The lead nobody has contacted yet counts in the leads, not in the contact time.
    expect(c.bySource[0]).toMatchObject({ contacted: 1, medianMinutesToFirstContact: 30 });
    expect(c.warnings).toEqual([]);

    expect((await get("/v1/analytics/conversion", a.salesKeys[0])).total).toMatchObject({
      leads: 2,
      opportunities: 2,
    });
    expect((await get("/v1/analytics/conversion", a.managerKeys[1])).total).toMatchObject({
      leads: 1,
      opportunities: 1,
    });
    const later = await get(
      `/v1/analytics/conversion?from=${encodeURIComponent(new Date().toISOString())}`,
      a.admin,
    );
    expect(later.total.leads).toBe(0);
  });

  it("shows another tenant nothing and refuses a sales key bound to no one", async () => {
    expect(await get("/v1/analytics/funnel", b.admin)).toMatchObject({ total: 0 });
    expect(await get(`/v1/analytics/forecast?${PERIOD}`, b.admin)).toMatchObject({
      opportunities: 0,
      history: { closed: 0 },
    });
    expect((await get("/v1/analytics/conversion", b.admin)).total.leads).toBe(0);
    // Even naming A's store and salesperson shows B nothing.
    const named = await get(
      `/v1/analytics/funnel?storeId=${a.stores[0]}&salespersonId=${a.sp[0]}`,
      b.admin,
    );
    expect(named.total).toBe(0);
    const unbound = await createKey(hub.services.db, a.tenantId, "floor", "sales");
    for (const path of ["funnel", `forecast?${PERIOD}`, "conversion"]) {
      expect((await call("GET", `/v1/analytics/${path}`, unbound.apiKey)).statusCode).toBe(403);
    }
  });
});
