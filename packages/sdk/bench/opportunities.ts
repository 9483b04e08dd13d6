/**
 * Funnel and forecast over 1,000,000 stored opportunities (target: both together < 300 ms).
 */
import {
  forecast,
  funnel,
  newId,
  OPEN_OPPORTUNITY_STAGES,
  type Opportunity,
  type OpportunityStage,
} from "@forecourt/sdk";
import type { Suite } from "./harness.js";
import { prng } from "./synthetic.js";

const DAY = 86_400_000;
const START = Date.parse("2026-01-01T09:00:00+08:00");

function iso(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

export function syntheticOpportunities(count: number, seed = 11): Opportunity[] {
  const rand = prng(seed);
  const salespeople = Array.from({ length: 40 }, () => newId("salesperson"));
  const store = newId("store");
  const out: Opportunity[] = new Array(count);
  for (let i = 0; i < count; i++) {
    // How far along the funnel this deal got, and how it ended (60 % still open).
    const reached = Math.floor(rand() * OPEN_OPPORTUNITY_STAGES.length);
    const roll = rand();
    const end: OpportunityStage | undefined =
      roll < 0.25 && reached >= 4 ? "won" : roll < 0.4 ? "lost" : undefined;
    let at = START + Math.floor(rand() * 300) * DAY;
    const history = [] as Opportunity["stageHistory"];
    const by = salespeople[i % salespeople.length]!;
    for (let s = 0; s <= reached; s++) {
      history.push({ stage: OPEN_OPPORTUNITY_STAGES[s]!, enteredAt: iso(at), by });
      at += Math.floor(1 + rand() * 9) * DAY;
    }
    if (end)
      history.push({
        stage: end,
        enteredAt: iso(at),
        by,
        ...(end === "lost" ? { lossReason: { code: "price" } } : {}),
      });
    const last = history[history.length - 1]!;
    const opportunity: Opportunity = {
      id: newId("opportunity"),
      customerId: newId("customer"),
      salespersonId: by,
      storeId: store,
      vehicle: { brand: "BYD", series: "Han" },
      expectedValue: { amount: 15_000_000 + Math.floor(rand() * 150) * 100_000, currency: "CNY" },
      expectedCloseDate: new Date(at + Math.floor(rand() * 60) * DAY).toISOString().slice(0, 10),
      stage: last.stage,
      stageHistory: history,
      ownerHistory: [],
      activityCount: 0,
      createdAt: history[0]!.enteredAt,
      updatedAt: last.enteredAt,
      version: history.length,
    };
    if (end) opportunity.closedAt = last.enteredAt;
    if (end === "lost") opportunity.lossReason = { code: "price" };
    out[i] = opportunity;
  }
  return out;
}

export function opportunitySuite(count: number): Suite {
  const opportunities = syntheticOpportunities(count);
  const closed = opportunities.filter((o) => o.stage === "won" || o.stage === "lost");
  const period = { periodStart: "2026-12-01", periodEnd: "2026-12-31" };
  let sink = 0;
  return {
    name: "opportunities",
    items: count,
    tasks: [
      {
        name: "funnel",
        fn: () => {
          sink += funnel(opportunities).stages.length;
        },
      },
      {
        name: "forecast (with win history)",
        fn: () => {
          sink += forecast(opportunities, { ...period, history: closed }).point.amount;
        },
      },
      {
        name: "funnel + forecast",
        fn: () => {
          sink += funnel(opportunities).stages.length;
          sink += forecast(opportunities, { ...period, history: closed }).point.amount;
        },
      },
    ],
    sink: () => sink,
  };
}
