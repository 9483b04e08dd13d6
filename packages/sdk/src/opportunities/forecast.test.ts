import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";

import { arbitraryOpportunity, makeOpportunity } from "./fixtures.js";
import { forecast } from "./forecast.js";
import type { Opportunity, OpportunityStage } from "./schema.js";

const period = { periodStart: "2026-02-01", periodEnd: "2026-02-28" };
const cny = (amount: number) => ({ amount, currency: "CNY" });
const deal = (
  stage: OpportunityStage,
  amount: number,
  close: string,
  extra: Partial<Opportunity> = {},
) =>
  makeOpportunity({
    path:
      stage === "initial_contact"
        ? [["initial_contact", 0]]
        : [
            ["initial_contact", 0],
            [stage, 3],
          ],
    value: cny(amount),
    expectedCloseDate: close,
    overrides: extra,
  });

const pipeline: Opportunity[] = [
  deal("negotiation", 20_000_000, "2026-02-15"),
  deal("quote", 10_000_000, "2026-02-28"),
  deal("initial_contact", 5_000_000, "2026-02-01"),
  deal("product_presentation", 1_000_000, "2026-02-10", { probabilityOverride: 0.9 }),
  deal("test_drive", 30_000_000, "2026-03-05"), // after the period
  deal("quote", 40_000_000, "2026-01-20"), // slipped
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["quote", 2],
      ["won", 5],
    ],
    expectedCloseDate: "2026-02-10",
  }),
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["negotiation", 2],
    ],
    value: { amount: 9_000_000, currency: "USD" },
    expectedCloseDate: "2026-02-10",
  }),
];

describe("forecast", () => {
  it("weights the deals expected in the period by stage probability or override", () => {
    const f = forecast(pipeline, period);
    const parts: [number, number][] = [
      [20_000_000, 0.8],
      [10_000_000, 0.6],
      [5_000_000, 0.1],
      [1_000_000, 0.9],
    ];
    const mean = parts.reduce((s, [v, p]) => s + v * p, 0);
    const sigma = Math.sqrt(parts.reduce((s, [v, p]) => s + v * v * p * (1 - p), 0));
    expect(f.point).toEqual(cny(Math.round(mean)));
    expect(f.low).toEqual(cny(Math.round(mean - 1.6449 * sigma)));
    expect(f.high).toEqual(cny(36_000_000)); // mean + z·σ is above everything counted
    expect(f).toMatchObject({
      opportunities: 4,
      overridden: 1,
      pipelineValue: cny(36_000_000),
      confidence: 0.9,
      history: null,
      slipped: { count: 1, counted: false },
      otherCurrencies: [{ currency: "USD", count: 1 }],
    });
    const codes = f.reasons.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "pipeline",
        "default_probabilities",
        "slipped_not_counted",
        "range",
        "other_currency",
      ]),
    );
    expect(f.reasons.find((r) => r.code === "range")?.message).toContain("Σ value²·p(1−p)");
  });

  it("forecasts another currency on request, and widens with the confidence", () => {
    const usd = forecast(pipeline, { ...period, currency: "USD" });
    expect(usd.point).toEqual({ amount: 7_200_000, currency: "USD" });
    const narrow = forecast(pipeline, { ...period, confidence: 0.8 });
    const wide = forecast(pipeline, { ...period, confidence: 0.99 });
    expect(wide.low.amount).toBeLessThan(narrow.low.amount);
  });

  describe("with history", () => {
    // 12 won from quote after 20 days, 4 lost at quote, 4 lost at initial contact.
    const history: Opportunity[] = [
      ...Array.from({ length: 12 }, () =>
        makeOpportunity({
          path: [
            ["initial_contact", 0],
            ["quote", 5],
            ["won", 20],
          ],
        }),
      ),
      ...Array.from({ length: 4 }, () =>
        makeOpportunity({
          path: [
            ["initial_contact", 0],
            ["quote", 5],
            ["lost", 9],
          ],
        }),
      ),
      ...Array.from({ length: 4 }, () =>
        makeOpportunity({
          path: [
            ["initial_contact", 0],
            ["lost", 3],
          ],
        }),
      ),
    ];

    it("uses each stage's historical win rate once it has enough closed deals", () => {
      const f = forecast(pipeline, { ...period, history, minHistory: 10 });
      const p = Object.fromEntries(f.stageProbabilities.map((s) => [s.stage, s]));
      expect(p.initial_contact).toMatchObject({
        probability: 12 / 20,
        source: "history",
        sample: 20,
      });
      expect(p.quote).toMatchObject({ probability: 12 / 16, source: "history", sample: 16 });
      expect(p.negotiation).toMatchObject({ probability: 1, source: "history", sample: 12 });
      expect(f.history).toEqual({ closed: 20, won: 12, winRate: 0.6, medianCycleDays: 20 });
      const configured = forecast(pipeline, {
        ...period,
        history,
        minHistory: 10,
        stageProbabilities: { quote: 0.5 },
      });
      expect(configured.stageProbabilities[4]).toMatchObject({
        probability: 0.5,
        source: "configured",
      });
      const tooLittle = forecast(pipeline, { ...period, history, minHistory: 30 });
      expect(tooLittle.stageProbabilities.every((s) => s.source === "default")).toBe(true);
    });

    it("counts slipped deals by their chance to close in the period from cycle times", () => {
      // Created 2026-01-20; won deals take 20 days, so it most likely closes in February.
      const fresh = makeOpportunity({
        path: [
          ["initial_contact", 19],
          ["quote", 19],
        ],
        value: cny(8_000_000),
        expectedCloseDate: "2026-01-25",
      });
      // Created in early December: older than any won deal ever was, so not expected to close.
      const stale = makeOpportunity({
        path: [
          ["initial_contact", -30],
          ["quote", -25],
        ],
        value: cny(8_000_000),
        expectedCloseDate: "2026-01-05",
      });
      const f = forecast([fresh, stale], { ...period, history, minHistory: 10 });
      expect(f.slipped).toEqual({ count: 2, counted: true, expectedValue: cny(6_000_000) });
      expect(f.point).toEqual(cny(6_000_000));
      expect(f.opportunities).toBe(1);
      expect(f.reasons.map((r) => r.code)).toContain("slipped_weighted");
    });
  });

  it("skips bad rows and says so", () => {
    const rows = [
      pipeline[0]!,
      { ...pipeline[1]!, expectedCloseDate: 20260228 },
      { ...pipeline[2]!, probabilityOverride: 2 },
      { ...pipeline[3]!, stage: "hot" },
    ] as unknown as Opportunity[];
    const f = forecast(rows, period);
    expect(f.opportunities).toBe(1);
    expect(f.skipped.examples.map((e) => e.path)).toEqual([
      "opportunities.1.expectedCloseDate",
      "opportunities.2.probabilityOverride",
      "opportunities.3.stage",
    ]);
    expect(f.reasons.map((r) => r.code)).toContain("skipped_rows");
    expect(() => forecast(rows, { ...period, onInvalid: "throw" })).toThrow(/opportunities\.1/);
  });

  it("validates its options", () => {
    const cases: [object, string][] = [
      [{ periodStart: "2026-03-01", periodEnd: "2026-02-01" }, "periodEnd"],
      [{ ...period, confidence: 0.85 }, "confidence"],
      [{ ...period, currency: "rmb" }, "currency"],
      [{ ...period, history: "last year" }, "history"],
      [{ ...period, stageProbabilities: { won: 1 } }, "stageProbabilities"],
      [{ ...period, stageProbabilities: { quote: 1.2 } }, "stageProbabilities.quote"],
      [{ ...period, horizon: 30 }, ""],
      [{ periodStart: "2026-02-01" }, "periodEnd"],
    ];
    for (const [options, path] of cases) {
      try {
        forecast(pipeline, options as never);
        expect.unreachable(path);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]?.path).toBe(path);
      }
    }
  });

  it("keeps low ≤ point ≤ high within [0, pipeline], in integer minor units", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryOpportunity(fc), { maxLength: 60 }),
        fc.array(arbitraryOpportunity(fc), { maxLength: 60 }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (deals, history, confidence) => {
          const f = forecast(deals, { ...period, history, minHistory: 5, confidence });
          for (const m of [f.low, f.point, f.high, f.pipelineValue]) {
            expect(Number.isSafeInteger(m.amount)).toBe(true);
          }
          expect(f.low.amount).toBeGreaterThanOrEqual(0);
          expect(f.low.amount).toBeLessThanOrEqual(f.point.amount);
          expect(f.point.amount).toBeLessThanOrEqual(f.high.amount);
          expect(f.high.amount).toBeLessThanOrEqual(f.pipelineValue.amount);
          expect(f.skipped.count).toBe(0);
        },
      ),
    );
  });
});
