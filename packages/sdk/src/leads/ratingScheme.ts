import { z } from "zod";
import { parseInput } from "../validate.js";
import { memoizedParser } from "./config.js";
import {
  type LeadEngagement,
  type LeadIntent,
  leadGradeSchema,
  type PurchaseTimeframe,
} from "./schema.js";

/** Timeframes from the weakest buying signal to the strongest. Points must not fall along it. */
export const TIMEFRAME_ORDER: readonly PurchaseTimeframe[] = [
  "over_3_months",
  "unknown",
  "within_3_months",
  "within_30_days",
  "within_15_days",
  "within_7_days",
];
/** Intent from weakest to strongest: a stated "low" is weaker than not knowing. */
export const INTENT_ORDER: readonly LeadIntent[] = ["low", "unknown", "medium", "high"];
export const ENGAGEMENT_FLAGS = [
  "testDriveRequested",
  "visitBooked",
  "quoteRequested",
  "financingAsked",
  "tradeInOffered",
] as const satisfies readonly (keyof LeadEngagement)[];

const points = z.number().finite();
const timeframePointsSchema = z.strictObject(
  Object.fromEntries(TIMEFRAME_ORDER.map((t) => [t, points])) as Record<
    PurchaseTimeframe,
    typeof points
  >,
);
const intentPointsSchema = z.strictObject(
  Object.fromEntries(INTENT_ORDER.map((i) => [i, points])) as Record<LeadIntent, typeof points>,
);
const engagementPointsSchema = z.strictObject(
  Object.fromEntries(ENGAGEMENT_FLAGS.map((f) => [f, points.min(0)])) as Record<
    (typeof ENGAGEMENT_FLAGS)[number],
    z.ZodNumber
  >,
);
const budgetPointsSchema = z.strictObject({
  /** Points by how much of the vehicle's price the budget covers (1 = all of it). */
  tiers: z.array(z.strictObject({ minCoverage: z.number().min(0), points })).max(20),
  /** Points when the budget covers less than every tier. */
  below: points,
  /** Points when budget or price is unknown (or in different currencies). */
  unknown: points,
});

export const ratingPointsSchema = z.strictObject({
  timeframe: timeframePointsSchema,
  intent: intentPointsSchema,
  engagement: engagementPointsSchema,
  budget: budgetPointsSchema,
});
export type RatingPoints = z.infer<typeof ratingPointsSchema>;

/** Points of the default scheme: the timeframe sets the base, the other signals move it. */
export const DEFAULT_RATING_POINTS: RatingPoints = {
  timeframe: {
    over_3_months: 0,
    unknown: 10,
    within_3_months: 10,
    within_30_days: 30,
    within_15_days: 50,
    within_7_days: 70,
  },
  intent: { low: -15, unknown: 0, medium: 5, high: 10 },
  engagement: {
    testDriveRequested: 10,
    visitBooked: 10,
    quoteRequested: 5,
    financingAsked: 5,
    tradeInOffered: 5,
  },
  budget: {
    tiers: [
      { minCoverage: 0.5, points: 0 },
      { minCoverage: 0.8, points: 5 },
      { minCoverage: 1, points: 10 },
    ],
    below: -10,
    unknown: 0,
  },
};

const gradeSchema = z.strictObject({
  grade: leadGradeSchema,
  /** The least score for this grade; the last (worst) grade also takes every lower score. */
  minScore: points,
  description: z.string().max(200).optional(),
});

export const ratingSchemeSchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    /** Best grade first, with strictly falling `minScore`. */
    grades: z.array(gradeSchema).min(1).max(20),
    orderedGrade: leadGradeSchema.default("O"),
    lostGrade: leadGradeSchema.default("F"),
    points: ratingPointsSchema.default(DEFAULT_RATING_POINTS),
  })
  .superRefine((s, ctx) => {
    const issue = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const seen = new Set<string>([s.orderedGrade, s.lostGrade]);
    if (s.orderedGrade === s.lostGrade) issue(["lostGrade"], "must differ from orderedGrade");
    s.grades.forEach((g, i) => {
      if (seen.has(g.grade)) issue(["grades", i, "grade"], `grade "${g.grade}" is used twice`);
      seen.add(g.grade);
      const prev = s.grades[i - 1];
      if (prev && !(g.minScore < prev.minScore)) {
        issue(["grades", i, "minScore"], "must be lower than the grade before it (best first)");
      }
    });
    // The checks below are what make "more intent never lowers the grade" hold for any scheme.
    const rising = (order: readonly string[], table: Record<string, number>, key: string) => {
      for (let i = 1; i < order.length; i++) {
        if (table[order[i]!]! < table[order[i - 1]!]!) {
          issue(["points", key, order[i]!], `must be at least the points of "${order[i - 1]}"`);
        }
      }
    };
    rising(TIMEFRAME_ORDER, s.points.timeframe, "timeframe");
    rising(INTENT_ORDER, s.points.intent, "intent");
    const tiers = s.points.budget.tiers;
    tiers.forEach((t, i) => {
      const prev = tiers[i - 1];
      if (prev && !(t.minCoverage > prev.minCoverage)) {
        issue(["points", "budget", "tiers", i, "minCoverage"], "tiers must rise in minCoverage");
      }
      if (t.points < (prev?.points ?? s.points.budget.below)) {
        issue(["points", "budget", "tiers", i, "points"], "must be at least the tier below it");
      }
    });
  });
export type RatingSchemeConfig = z.input<typeof ratingSchemeSchema>;
export type RatingScheme = z.output<typeof ratingSchemeSchema>;

/** The common dealer scheme: H ≤ 7 days, A ≤ 15 days, B ≤ 30 days, C ≤ 3 months; O ordered, F lost. */
export const DEFAULT_RATING_SCHEME: RatingSchemeConfig = {
  name: "HABC",
  grades: [
    { grade: "H", minScore: 70, description: "expected to buy within 7 days" },
    { grade: "A", minScore: 50, description: "expected to buy within 15 days" },
    { grade: "B", minScore: 30, description: "expected to buy within 30 days" },
    { grade: "C", minScore: 0, description: "expected to buy within 3 months, or later" },
  ],
  orderedGrade: "O",
  lostGrade: "F",
};

const compiled = new WeakSet<object>();
const parseScheme = memoizedParser(ratingSchemeSchema, "rating scheme");

/** Validates a scheme once; pass the result to `rateLead` for every lead. */
export function compileRatingScheme(config: RatingSchemeConfig): RatingScheme {
  const scheme = parseScheme(config);
  compiled.add(scheme);
  return scheme;
}

const DEFAULT_SCHEME = compileRatingScheme(DEFAULT_RATING_SCHEME);

/** @internal The validated scheme for `rateLead`: the default, a compiled one, or parsed config. */
export function resolveRatingScheme(
  scheme: RatingSchemeConfig | RatingScheme | undefined,
): RatingScheme {
  if (scheme === undefined) return DEFAULT_SCHEME;
  return compiled.has(scheme) ? (scheme as RatingScheme) : parseScheme(scheme);
}

/**
 * Position of a grade in a scheme, 0 for the best open grade; ordered leads rank before every
 * open grade and lost leads after. Handy for sorting and for comparing two ratings.
 */
export function gradeRank(grade: string, scheme?: RatingSchemeConfig | RatingScheme): number {
  const s: RatingScheme =
    scheme === undefined
      ? DEFAULT_SCHEME
      : compiled.has(scheme)
        ? (scheme as RatingScheme)
        : parseScheme(scheme);
  if (grade === s.orderedGrade) return -1;
  if (grade === s.lostGrade) return s.grades.length;
  const at = s.grades.findIndex((g) => g.grade === grade);
  if (at < 0) {
    parseInput(z.enum(s.grades.map((g) => g.grade) as [string, ...string[]]), grade, "grade");
  }
  return at;
}
