import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { type RatableLead, rateLead } from "./rating.js";
import {
  compileRatingScheme,
  DEFAULT_RATING_SCHEME,
  ENGAGEMENT_FLAGS,
  gradeRank,
  INTENT_ORDER,
  type RatingSchemeConfig,
  TIMEFRAME_ORDER,
} from "./ratingScheme.js";

const engagement = {
  testDriveRequested: false,
  visitBooked: false,
  quoteRequested: false,
  financingAsked: false,
  tradeInOffered: false,
};
const lead = (over: Partial<RatableLead> = {}): RatableLead => ({
  timeframe: "unknown",
  intent: "unknown",
  engagement,
  ...over,
});
const price = { amount: 20_000_000, currency: "CNY" };

/** A dealer's own A/B/C/D scheme with its own weights. */
const ABCD: RatingSchemeConfig = {
  name: "ABCD",
  grades: [
    { grade: "A", minScore: 60 },
    { grade: "B", minScore: 40 },
    { grade: "C", minScore: 20 },
    { grade: "D", minScore: 0 },
  ],
  orderedGrade: "ORDERED",
  lostGrade: "LOST",
};

describe("rateLead with the default H/A/B/C/O/F scheme", () => {
  it("grades by timeframe, with the reasons that produced the grade", () => {
    expect(rateLead(lead({ timeframe: "within_7_days" })).grade).toBe("H");
    expect(rateLead(lead({ timeframe: "within_15_days" })).grade).toBe("A");
    expect(rateLead(lead({ timeframe: "within_30_days" })).grade).toBe("B");
    const c = rateLead(lead({ timeframe: "within_3_months" }));
    expect(c).toMatchObject({ grade: "C", score: 10, scheme: "HABC" });
    expect(c.reasons.map((r) => r.code)).toEqual([
      "timeframe_within_3_months",
      "intent_unknown",
      "budget_unknown",
      "grade",
    ]);
  });

  it("lifts a lead for engagement and a budget that covers the price; lowers it for low intent", () => {
    const hot = rateLead(
      lead({
        timeframe: "within_15_days",
        engagement: { ...engagement, testDriveRequested: true, visitBooked: true },
        budget: { max: { amount: 21_000_000, currency: "CNY" } },
        interest: { price },
      }),
    );
    expect(hot.grade).toBe("H");
    expect(hot.reasons.map((r) => r.code)).toContain("test_drive_requested");
    expect(hot.reasons.find((r) => r.code === "budget_coverage")?.message).toContain("105%");
    expect(rateLead(lead({ timeframe: "within_7_days", intent: "low" })).grade).toBe("A");
  });

  it("gives O and F by status, and respects a person's override", () => {
    expect(rateLead(lead({ status: "ordered", timeframe: "within_7_days" })).grade).toBe("O");
    const lost = rateLead(lead({ status: "lost", lostReason: "price" }));
    expect(lost).toMatchObject({ grade: "F", score: undefined });
    expect(lost.reasons[0]?.message).toContain("price");
    const overridden = rateLead(
      lead({
        timeframe: "within_7_days",
        gradeOverride: { grade: "B", reason: "wife disagrees", by: "sp_1" },
      }),
    );
    expect(overridden).toMatchObject({ grade: "B", computedGrade: "H" });
  });

  it("treats budgets in another currency as unknown", () => {
    const r = rateLead(
      lead({ budget: { max: { amount: 1, currency: "USD" } }, interest: { price } }),
    );
    expect(r.reasons.find((x) => x.code === "budget_unknown")?.message).toContain("USD");
  });

  it("rejects a malformed lead with ValidationError and paths", () => {
    try {
      rateLead({ timeframe: "soon", intent: "high" } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
        "timeframe",
        "engagement",
      ]);
    }
  });
});

describe("dealer-defined schemes", () => {
  it("an A/B/C/D scheme grades with its own letters", () => {
    const scheme = compileRatingScheme(ABCD);
    expect(rateLead(lead({ timeframe: "within_7_days" }), scheme).grade).toBe("A");
    expect(rateLead(lead({ timeframe: "within_30_days" }), scheme).grade).toBe("C");
    expect(rateLead(lead({ timeframe: "over_3_months", intent: "low" }), scheme).grade).toBe("D");
    expect(rateLead(lead({ status: "lost" }), ABCD).grade).toBe("LOST");
    expect(gradeRank("B", scheme)).toBe(1);
  });

  it("rejects bad config: unknown keys, unordered thresholds, points that break monotonicity", () => {
    const bad = (config: unknown) => () => compileRatingScheme(config as RatingSchemeConfig);
    expect(bad({ ...ABCD, colour: "red" })).toThrow(ValidationError);
    expect(
      bad({
        ...ABCD,
        grades: [
          { grade: "A", minScore: 0 },
          { grade: "B", minScore: 10 },
        ],
      }),
    ).toThrow(/grades\.1\.minScore/);
    expect(
      bad({
        ...ABCD,
        grades: [
          { grade: "A", minScore: 1 },
          { grade: "A", minScore: 0 },
        ],
      }),
    ).toThrow(/used twice/);
    const points = structuredClone(compileRatingScheme(DEFAULT_RATING_SCHEME).points);
    points.intent.high = -100;
    expect(bad({ ...ABCD, points })).toThrow(/points\.intent\.high/);
    expect(() => rateLead(lead(), { name: "x", grades: [] } as never)).toThrow(ValidationError);
  });
});

describe("more intent never lowers the grade (property)", () => {
  const flags = fc.record(
    Object.fromEntries(ENGAGEMENT_FLAGS.map((f) => [f, fc.boolean()])) as Record<
      (typeof ENGAGEMENT_FLAGS)[number],
      fc.Arbitrary<boolean>
    >,
  );
  const arbLead = fc.record({
    timeframe: fc.constantFrom(...TIMEFRAME_ORDER),
    intent: fc.constantFrom(...INTENT_ORDER),
    engagement: flags,
    budget: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
    price: fc.option(fc.integer({ min: 1, max: 50_000_000 }), { nil: undefined }),
  });
  type Arb = typeof arbLead extends fc.Arbitrary<infer T> ? T : never;
  const toLead = (a: Arb): RatableLead => ({
    timeframe: a.timeframe,
    intent: a.intent,
    engagement: a.engagement,
    ...(a.budget === undefined ? {} : { budget: { max: { amount: a.budget, currency: "CNY" } } }),
    ...(a.price === undefined ? {} : { interest: { price: { amount: a.price, currency: "CNY" } } }),
  });
  const improve = fc.oneof(
    fc.constant((a: Arb): Arb => {
      const i = INTENT_ORDER.indexOf(a.intent);
      return { ...a, intent: INTENT_ORDER[Math.min(i + 1, INTENT_ORDER.length - 1)]! };
    }),
    fc.constant((a: Arb): Arb => {
      const i = TIMEFRAME_ORDER.indexOf(a.timeframe);
      return { ...a, timeframe: TIMEFRAME_ORDER[Math.min(i + 1, TIMEFRAME_ORDER.length - 1)]! };
    }),
    fc.constantFrom(...ENGAGEMENT_FLAGS).map(
      (flag) =>
        (a: Arb): Arb => ({ ...a, engagement: { ...a.engagement, [flag]: true } }),
    ),
    fc.integer({ min: 0, max: 10_000_000 }).map(
      (more) =>
        (a: Arb): Arb =>
          a.budget === undefined ? a : { ...a, budget: a.budget + more },
    ),
  );

  for (const [name, scheme] of [
    ["H/A/B/C", DEFAULT_RATING_SCHEME],
    ["A/B/C/D", ABCD],
  ] as const) {
    it(`holds for the ${name} scheme`, () => {
      const compiled = compileRatingScheme(scheme);
      fc.assert(
        fc.property(arbLead, improve, (a, step) => {
          const before = rateLead(toLead(a), compiled);
          const after = rateLead(toLead(step(a)), compiled);
          expect(gradeRank(after.grade, compiled)).toBeLessThanOrEqual(
            gradeRank(before.grade, compiled),
          );
          expect(after.score!).toBeGreaterThanOrEqual(before.score!);
        }),
        { numRuns: 2000 },
      );
    });
  }
});
