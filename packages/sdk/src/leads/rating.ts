import { z } from "zod";
import { moneySchema } from "../primitives/money.js";
import { parseInput } from "../validate.js";
import { isNormalized, reason } from "./config.js";
import {
  ENGAGEMENT_FLAGS,
  type RatingPoints,
  type RatingScheme,
  type RatingSchemeConfig,
  resolveRatingScheme,
} from "./ratingScheme.js";
import {
  leadEngagementSchema,
  leadGradeSchema,
  leadIntentSchema,
  leadStatusSchema,
  type PurchaseTimeframe,
  purchaseTimeframeSchema,
  type Reason,
} from "./schema.js";

const ratingLeadSchema = z.object({
  status: leadStatusSchema.optional(),
  timeframe: purchaseTimeframeSchema,
  intent: leadIntentSchema,
  engagement: leadEngagementSchema,
  budget: z.object({ min: moneySchema.optional(), max: moneySchema.optional() }).optional(),
  interest: z.object({ price: moneySchema.optional() }).optional(),
  gradeOverride: z
    .object({ grade: leadGradeSchema, reason: z.string(), by: z.string() })
    .optional(),
  lostReason: z.string().optional(),
});
/** What `rateLead` reads from a lead (a `NormalizedLead` or a stored `Lead` both fit). */
export type RatableLead = z.input<typeof ratingLeadSchema>;

export interface LeadRating {
  grade: string;
  /** The grade the scheme computed; differs from `grade` only under a person's override. */
  computedGrade: string;
  /** The sum of points; `undefined` for ordered and lost leads, which are graded by status. */
  score: number | undefined;
  scheme: string;
  reasons: Reason[];
}

const TIMEFRAME_TEXT: Record<PurchaseTimeframe, string> = {
  within_7_days: "plans to buy within 7 days",
  within_15_days: "plans to buy within 15 days",
  within_30_days: "plans to buy within 30 days",
  within_3_months: "plans to buy within 3 months",
  over_3_months: "plans to buy in more than 3 months",
  unknown: "purchase timeframe unknown",
};
const ENGAGEMENT_TEXT: Record<(typeof ENGAGEMENT_FLAGS)[number], [string, string]> = {
  testDriveRequested: ["test_drive_requested", "asked for a test drive"],
  visitBooked: ["visit_booked", "booked a showroom visit"],
  quoteRequested: ["quote_requested", "asked for a quote"],
  financingAsked: ["financing_asked", "asked about financing"],
  tradeInOffered: ["trade_in_offered", "offered a trade-in"],
};
const signed = (n: number) => (n < 0 ? `${n}` : `+${n}`);
const percent = (x: number) => `${Math.round(x * 100)}%`;

function budgetPoints(lead: z.output<typeof ratingLeadSchema>, p: RatingPoints, out: Reason[]) {
  const budget = lead.budget?.max ?? lead.budget?.min;
  const price = lead.interest?.price;
  if (!budget || !price || price.amount <= 0) {
    out.push(
      reason("budget_unknown", `budget or vehicle price unknown (${signed(p.budget.unknown)})`),
    );
    return p.budget.unknown;
  }
  if (budget.currency !== price.currency) {
    out.push(
      reason(
        "budget_unknown",
        `budget in ${budget.currency} cannot be compared with a price in ${price.currency} (${signed(p.budget.unknown)})`,
      ),
    );
    return p.budget.unknown;
  }
  const coverage = budget.amount / price.amount;
  let tier: { minCoverage: number; points: number } | undefined;
  for (const t of p.budget.tiers) if (coverage >= t.minCoverage) tier = t;
  const got = tier ? tier.points : p.budget.below;
  const against = tier ? `at least ${percent(tier.minCoverage)}` : "below every tier";
  out.push(
    reason(
      "budget_coverage",
      `budget covers ${percent(coverage)} of the price, ${against} (${signed(got)})`,
    ),
  );
  return got;
}

/**
 * Grades a lead with a scheme (the default H/A/B/C/O/F when none is given). Ordered and lost leads
 * take the scheme's O and F grades; every other lead is scored from its timeframe, intent,
 * engagement and budget against the vehicle's price, and takes the best grade whose `minScore` it
 * reaches. The scheme's validation guarantees that a stronger signal never lowers the grade.
 */
export function rateLead(
  lead: RatableLead,
  scheme?: RatingSchemeConfig | RatingScheme,
): LeadRating {
  const s = resolveRatingScheme(scheme);
  const l = isNormalized(lead)
    ? (lead as z.output<typeof ratingLeadSchema>)
    : parseInput(ratingLeadSchema, lead, "lead for rating");
  const reasons: Reason[] = [];
  let computedGrade: string;
  let score: number | undefined;

  if (l.status === "ordered") {
    computedGrade = s.orderedGrade;
    reasons.push(reason("status_ordered", `an order was placed → ${computedGrade}`));
  } else if (l.status === "lost") {
    computedGrade = s.lostGrade;
    const why = l.lostReason ? ` (${l.lostReason})` : "";
    reasons.push(reason("status_lost", `the lead was lost${why} → ${computedGrade}`));
  } else {
    const p = s.points;
    const tf = p.timeframe[l.timeframe];
    reasons.push(
      reason(`timeframe_${l.timeframe}`, `${TIMEFRAME_TEXT[l.timeframe]} (${signed(tf)})`),
    );
    const intent = p.intent[l.intent];
    reasons.push(reason(`intent_${l.intent}`, `purchase intent ${l.intent} (${signed(intent)})`));
    let total = tf + intent;
    for (const flag of ENGAGEMENT_FLAGS) {
      if (!l.engagement[flag]) continue;
      const got = p.engagement[flag];
      const [code, text] = ENGAGEMENT_TEXT[flag];
      reasons.push(reason(code, `${text} (${signed(got)})`));
      total += got;
    }
    total += budgetPoints(l, p, reasons);
    score = total;
    const grades = s.grades;
    const hit = grades.find((g) => total >= g.minScore);
    const chosen = hit ?? grades[grades.length - 1]!;
    computedGrade = chosen.grade;
    const rule = hit
      ? `score ${total} ≥ ${chosen.minScore}`
      : `score ${total} is below every threshold, so the lowest grade`;
    const about = chosen.description ? ` (${chosen.description})` : "";
    reasons.push(reason("grade", `${rule} → ${computedGrade}${about}`));
  }

  let grade = computedGrade;
  if (l.gradeOverride) {
    grade = l.gradeOverride.grade;
    reasons.push(
      reason(
        "grade_override",
        `${l.gradeOverride.by} set the grade to ${grade}: ${l.gradeOverride.reason}`,
      ),
    );
  }
  return { grade, computedGrade, score, scheme: s.name, reasons };
}
