import { z } from "zod";
import { idSchema } from "../primitives/ids.js";
import {
  DAY_MS,
  DEFAULT_TIME_ZONE,
  timestampSchema,
  timeZoneSchema,
  toZonedIso,
} from "../primitives/time.js";
import { parseInput } from "../validate.js";
import { memoizedParser, reason } from "./config.js";
import { leadStatusSchema, OPEN_LEAD_STATUSES, type Reason } from "./schema.js";

export const DEFAULT_DORMANT_AFTER_DAYS = 30;

const dormantLeadSchema = z.object({
  id: idSchema("lead"),
  status: leadStatusSchema,
  receivedAt: timestampSchema,
  firstContactAt: timestampSchema.optional(),
  lastActivityAt: timestampSchema.optional(),
});
export type DormantCandidate = z.input<typeof dormantLeadSchema>;

const findOptionsSchema = z.strictObject({
  now: timestampSchema,
  dormantAfterDays: z.number().positive().default(DEFAULT_DORMANT_AFTER_DAYS),
});
export type FindDormantLeadsOptions = z.input<typeof findOptionsSchema>;

export interface DormantLead {
  leadId: string;
  /** The last sign of life: last activity, else first contact, else receipt. */
  lastActivityAt: string;
  idleDays: number;
  reasons: Reason[];
}

/**
 * Open leads with no activity for `dormantAfterDays` or more (default 30), longest idle first.
 * One pass over the leads; closed leads (converted, ordered, lost, already dormant) are skipped.
 */
export function findDormantLeads(
  leads: readonly DormantCandidate[],
  options: FindDormantLeadsOptions,
): DormantLead[] {
  const opts = parseInput(findOptionsSchema, options, "findDormantLeads options");
  const list = parseInput(z.array(dormantLeadSchema), leads, "leads");
  const now = Date.parse(opts.now);
  const limit = opts.dormantAfterDays * DAY_MS;
  const out: DormantLead[] = [];
  for (const lead of list) {
    if (!OPEN_LEAD_STATUSES.includes(lead.status)) continue;
    const last = lead.lastActivityAt ?? lead.firstContactAt ?? lead.receivedAt;
    const idle = now - Date.parse(last);
    if (idle < limit) continue;
    const idleDays = Math.floor(idle / DAY_MS);
    const what = lead.lastActivityAt
      ? "activity"
      : lead.firstContactAt
        ? "first contact"
        : "receipt";
    out.push({
      leadId: lead.id,
      lastActivityAt: last,
      idleDays,
      reasons: [
        reason(
          "idle",
          `${lead.status} lead idle for ${idleDays} days since its last ${what} (threshold ${opts.dormantAfterDays})`,
        ),
      ],
    });
  }
  return out.sort((a, b) => b.idleDays - a.idleDays);
}

const daysList = z.array(z.number().int().positive().max(3650)).max(20);

export const reengagementPolicySchema = z.strictObject({
  /** Days after going dormant (last activity) for each re-engagement touch. */
  dormant: daysList,
  /** Days after a loss for each touch, by loss reason (lower-case key, e.g. "price"). */
  lostByReason: z.record(z.string().min(1), daysList),
  /** Days after a loss whose reason is not listed. */
  lostDefault: daysList,
  /** Time zone for the due times. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});
export type ReengagementPolicy = z.input<typeof reengagementPolicySchema>;

/** Common re-mining (再挖掘) practice; dealers tune it by loss reason. */
export const DEFAULT_REENGAGEMENT_POLICY: ReengagementPolicy = {
  dormant: [7, 30, 90],
  lostByReason: {
    price: [30, 90, 180],
    budget: [30, 90, 180],
    financing: [30, 90],
    competitor: [180, 365],
    bought_elsewhere: [180, 365],
    timing: [60, 120],
    unreachable: [14, 60],
  },
  lostDefault: [60, 180],
  timeZone: DEFAULT_TIME_ZONE,
};

const reengageLeadSchema = z.object({
  id: idSchema("lead").optional(),
  status: leadStatusSchema,
  lostReason: z.string().optional(),
  receivedAt: timestampSchema,
  lastActivityAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
  consent: z.object({ marketing: z.boolean() }).optional(),
});
export type ReengagementLead = z.input<typeof reengageLeadSchema>;

export interface ReengagementStep {
  step: number;
  dueAt: string;
  reasons: Reason[];
}
export interface ReengagementPlan {
  steps: ReengagementStep[];
  reasons: Reason[];
}

const parsePolicy = memoizedParser(reengagementPolicySchema, "re-engagement policy");

/**
 * The schedule on which a dormant or lost lead comes back for re-engagement, counted from its last
 * activity (for a lost lead: the loss, i.e. `lastActivityAt`, else `updatedAt`). A lead whose
 * customer declined marketing gets no steps.
 */
export function planReengagement(
  lead: ReengagementLead,
  policy: ReengagementPolicy = DEFAULT_REENGAGEMENT_POLICY,
): ReengagementPlan {
  const p = parsePolicy(policy);
  const l = parseInput(reengageLeadSchema, lead, "lead for re-engagement");
  const reasons: Reason[] = [];
  if (l.status !== "dormant" && l.status !== "lost") {
    reasons.push(reason("not_dormant_or_lost", `the lead is ${l.status}; nothing to re-engage`));
    return { steps: [], reasons };
  }
  if (l.consent?.marketing === false) {
    reasons.push(reason("no_marketing_consent", "the customer declined marketing contact"));
    return { steps: [], reasons };
  }
  let days: readonly number[];
  if (l.status === "dormant") {
    days = p.dormant;
    reasons.push(reason("dormant", `dormant lead: touches after ${days.join(" / ")} days`));
  } else {
    const key = l.lostReason
      ?.trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const byReason = key === undefined ? undefined : p.lostByReason[key];
    days = byReason ?? p.lostDefault;
    reasons.push(
      byReason
        ? reason(
            "lost_reason",
            `lost for "${l.lostReason}": touches after ${days.join(" / ")} days`,
          )
        : reason(
            "lost_default",
            `lost (${l.lostReason ?? "no reason given"}): default touches after ${days.join(" / ")} days`,
          ),
    );
  }
  const from = Date.parse(l.lastActivityAt ?? l.updatedAt ?? l.receivedAt);
  const steps = days.map((d, i) => ({
    step: i + 1,
    dueAt: toZonedIso(from + d * DAY_MS, p.timeZone),
    reasons: [reason("reengage_step", `${d} days after ${toZonedIso(from, p.timeZone)}`)],
  }));
  return { steps, reasons };
}
