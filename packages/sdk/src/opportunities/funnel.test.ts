import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";

import { arbitraryOpportunity, makeOpportunity } from "./fixtures.js";
import { funnel } from "./funnel.js";
import { OPPORTUNITY_STAGES, type Opportunity } from "./schema.js";

const cny = (amount: number) => ({ amount, currency: "CNY" });
const sample: Opportunity[] = [
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["needs_analysis", 2],
      ["quote", 5],
      ["won", 9],
    ],
    value: cny(30_000_000),
  }),
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["needs_analysis", 1],
      ["lost", 4],
    ],
    value: cny(10_000_000),
  }),
  makeOpportunity({ path: [["initial_contact", 0]], value: cny(20_000_000) }),
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["test_drive", 4],
    ],
    value: cny(25_000_000),
  }),
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["quote", 2],
      ["negotiation", 3],
      ["quote", 6],
    ],
    value: { amount: 4_500_000, currency: "USD" },
  }),
];

const byStage = (result: ReturnType<typeof funnel>) =>
  Object.fromEntries(result.stages.map((s) => [s.stage, s]));

describe("funnel", () => {
  it("counts and values each stage, per currency", () => {
    const result = funnel(sample);
    expect(result).toMatchObject({ total: 5, open: 3, won: 1, lost: 1, winRate: 0.5 });
    const s = byStage(result);
    expect(result.stages.map((x) => x.count)).toEqual([1, 0, 0, 1, 1, 0, 1, 1]);
    expect(s.initial_contact?.value).toEqual([cny(20_000_000)]);
    expect(s.quote?.value).toEqual([{ amount: 4_500_000, currency: "USD" }]);
    expect(s.won?.value).toEqual([cny(30_000_000)]);
    expect(s.needs_analysis?.value).toEqual([]);
  });

  it("measures conversion from the history, counting skipped stages as passed", () => {
    const s = byStage(funnel(sample));
    expect(OPPORTUNITY_STAGES.map((stage) => s[stage]?.reached)).toEqual([5, 4, 3, 3, 2, 2, 1, 1]);
    expect(s.initial_contact?.conversionToNext).toBe(4 / 5);
    expect(s.needs_analysis?.conversionToNext).toBe(3 / 4);
    expect(s.test_drive?.conversionToNext).toBe(2 / 3);
    expect(s.negotiation?.conversionToNext).toBe(1 / 2);
    expect(s.won?.conversionToNext).toBeNull();
    expect(s.needs_analysis?.lostHere).toBe(1);
  });

  it("takes the median of completed stays, each visit to a stage counted", () => {
    const s = byStage(funnel(sample));
    expect(s.initial_contact).toMatchObject({ medianDaysInStage: 2, staysMeasured: 4 });
    expect(s.needs_analysis).toMatchObject({ medianDaysInStage: 3, staysMeasured: 2 });
    expect(s.quote).toMatchObject({ medianDaysInStage: 2.5, staysMeasured: 2 });
    expect(s.product_presentation).toMatchObject({ medianDaysInStage: null, staysMeasured: 0 });
  });

  it("ranks stall points by drop-off among stages with enough deals", () => {
    const deals = [
      ...Array.from({ length: 30 }, () =>
        makeOpportunity({
          path: [
            ["initial_contact", 0],
            ["quote", 2],
            ["won", 5],
          ],
        }),
      ),
      ...Array.from({ length: 20 }, () =>
        makeOpportunity({
          path: [
            ["initial_contact", 0],
            ["quote", 2],
            ["lost", 9],
          ],
        }),
      ),
    ];
    const { stalls } = funnel(deals);
    expect(stalls[0]).toMatchObject({
      stage: "quote",
      reached: 50,
      lostHere: 20,
      dropOffRate: 0.4,
    });
    expect(stalls[0]?.message).toContain("40% of the 50 deals that reached quote went no further");
    expect(funnel(deals, { minSample: 60 }).stalls).toEqual([]);
  });

  it("counts only finished journeys with closedOnly", () => {
    const s = byStage(funnel(sample, { closedOnly: true }));
    expect(s.initial_contact?.reached).toBe(2);
    expect(s.initial_contact?.count).toBe(1);
  });

  it("skips and counts bad rows, naming each", () => {
    const good = sample[0]!;
    const rows = [
      good,
      null,
      { ...good, stage: "closing" },
      { ...good, expectedValue: { amount: 1.5, currency: "CNY" } },
      {
        ...good,
        stageHistory: [
          { ...good.stageHistory[0]!, enteredAt: "yesterday" },
          ...good.stageHistory.slice(1),
        ],
      },
      { ...good, stageHistory: [...good.stageHistory].reverse() },
    ] as unknown as Opportunity[];
    const result = funnel(rows);
    expect(result.total).toBe(1);
    expect(result.skipped.count).toBe(5);
    expect(result.skipped.examples.map((e) => e.path)).toEqual([
      "opportunities.1",
      "opportunities.2.stage",
      "opportunities.3.expectedValue.amount",
      "opportunities.4.stageHistory.0.enteredAt",
      "opportunities.5.stageHistory.1.enteredAt",
    ]);
  });

  it("throws a ValidationError naming the row in throw mode", () => {
    const rows = [sample[0]!, { ...sample[0]!, stage: "closing" }] as Opportunity[];
    expect(() => funnel(rows, { onInvalid: "throw" })).toThrow(/opportunities\.1\.stage/);
  });

  it("validates its options and input", () => {
    for (const bad of [
      { minSample: 0 },
      { closedOnly: "yes" },
      { onInvalid: "ignore" },
      { median: true },
    ]) {
      expect(() => funnel(sample, bad as never)).toThrow(ValidationError);
    }
    expect(() => funnel("all" as never)).toThrow(ValidationError);
    expect(funnel([]).stages.every((s) => s.count === 0 && s.conversionToNext === null)).toBe(true);
  });

  it("keeps its invariants on any legal history", () => {
    fc.assert(
      fc.property(fc.array(arbitraryOpportunity(fc), { maxLength: 60 }), (deals) => {
        const result = funnel(deals);
        expect(result.skipped.count).toBe(0);
        expect(result.stages.reduce((sum, s) => sum + s.count, 0)).toBe(deals.length);
        expect(result.open + result.won + result.lost).toBe(deals.length);
        for (let k = 0; k < result.stages.length; k++) {
          const stage = result.stages[k]!;
          if (stage.conversionToNext !== null) {
            expect(stage.conversionToNext).toBeGreaterThanOrEqual(0);
            expect(stage.conversionToNext).toBeLessThanOrEqual(1);
          }
          if (k > 0 && k < 7)
            expect(stage.reached).toBeLessThanOrEqual(result.stages[k - 1]!.reached);
          for (const m of stage.value) expect(Number.isSafeInteger(m.amount)).toBe(true);
        }
        expect(result.stages[0]!.reached).toBe(deals.length);
      }),
    );
  });
});
