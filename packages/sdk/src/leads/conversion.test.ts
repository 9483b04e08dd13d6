import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { conversionByChannel, NO_CAMPAIGN } from "./conversion.js";

const t0 = "2026-11-01T09:00:00+08:00";
const plus = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();
const leads = [
  {
    id: "l1",
    source: "autohome",
    channel: "portal" as const,
    customerType: "individual" as const,
    receivedAt: t0,
    firstContactAt: plus(10),
    campaignId: "camp_x",
  },
  {
    id: "l2",
    source: "autohome",
    channel: "portal" as const,
    customerType: "individual" as const,
    receivedAt: t0,
    firstContactAt: plus(30),
  },
  {
    id: "l3",
    source: "douyin",
    channel: "social" as const,
    customerType: "business" as const,
    receivedAt: t0,
    firstContactAt: plus(60),
  },
  {
    id: "l4",
    source: "douyin",
    channel: "social" as const,
    customerType: "individual" as const,
    receivedAt: t0,
  },
];
const opportunities = [
  { id: "o1", leadId: "l1", createdAt: plus(100) },
  { id: "o1b", leadId: "l1", createdAt: plus(200) },
  { id: "o3", leadId: "l3", createdAt: plus(100) },
];
const orders = [
  { id: "d1", leadId: "l1", createdAt: plus(5000) },
  { id: "dx", leadId: "ghost", createdAt: plus(1) },
];

describe("conversionByChannel", () => {
  const report = conversionByChannel(leads, opportunities, orders);

  it("computes lead → opportunity → order rates, counting each lead once per stage", () => {
    expect(report.total).toEqual({
      key: "total",
      leads: 4,
      opportunities: 2,
      orders: 1,
      leadToOpportunityRate: 0.5,
      opportunityToOrderRate: 0.5,
      leadToOrderRate: 0.25,
      contacted: 3,
      medianMinutesToFirstContact: 30,
    });
  });

  it("groups by source, channel, customer type and campaign", () => {
    expect(report.bySource.map((r) => [r.key, r.leads, r.opportunities, r.orders])).toEqual([
      ["autohome", 2, 1, 1],
      ["douyin", 2, 1, 0],
    ]);
    expect(report.byChannel.find((r) => r.key === "portal")?.medianMinutesToFirstContact).toBe(20);
    expect(report.byCustomerType.map((r) => r.key)).toEqual(["individual", "business"]);
    expect(report.byCampaign.map((r) => r.key)).toEqual([NO_CAMPAIGN, "camp_x"]);
    expect(report.byChannel.find((r) => r.key === "social")?.medianMinutesToFirstContact).toBe(60);
  });

  it("warns about outcomes whose lead is unknown, and filters by period", () => {
    expect(report.warnings.map((w) => w.code)).toEqual(["unknown_lead_orders"]);
    const none = conversionByChannel(leads, [], [], { from: plus(1) });
    expect(none.total).toMatchObject({
      leads: 0,
      leadToOpportunityRate: 0,
      medianMinutesToFirstContact: undefined,
    });
  });

  it("rejects bad input with paths", () => {
    expect(() => conversionByChannel([{ ...leads[0]!, channel: "fax" as never }])).toThrow(
      /0\.channel/,
    );
    expect(() => conversionByChannel(leads, [{ id: "o", leadId: "l1" } as never])).toThrow(
      ValidationError,
    );
    expect(() => conversionByChannel(leads, [], [], { groupBy: "x" } as never)).toThrow(
      ValidationError,
    );
  });
});
