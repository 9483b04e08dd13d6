import { z } from "zod";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema, toZonedIso } from "../primitives/time.js";
import { parseInput } from "../validate.js";
import {
  addBusinessMinutes,
  addLocalDays,
  compileBusinessCalendar,
  type ScheduleStore,
  scheduleStoreSchema,
} from "./businessCalendar.js";
import { memoizedParser, reason } from "./config.js";
import { leadGradeSchema, leadStatusSchema, OPEN_LEAD_STATUSES, type Reason } from "./schema.js";

const cadenceSchema = z.strictObject({
  /** Days between follow-ups; fractions spread them (2.5 → after 3, 5, 8, 10 days). */
  everyDays: z.number().positive().max(365),
  /** How many follow-ups to plan ahead. */
  times: z.number().int().min(0).max(100),
});
export type FollowUpCadence = z.infer<typeof cadenceSchema>;

/** Follow-up cadence of the default H/A/B/C scheme. O and F leads get none. */
export const DEFAULT_FOLLOW_UP_CADENCE: Readonly<Record<string, FollowUpCadence>> = {
  H: { everyDays: 1, times: 7 },
  A: { everyDays: 2.5, times: 6 },
  B: { everyDays: 7, times: 4 },
  C: { everyDays: 14, times: 6 },
};
export const DEFAULT_FIRST_CONTACT_MINUTES = 30;
export const DEFAULT_ESCALATE_AFTER_MINUTES = 60;

export const followUpPolicySchema = z.strictObject({
  /** Business minutes from receipt within which the first contact is due. */
  firstContactMinutes: z.number().int().positive().default(DEFAULT_FIRST_CONTACT_MINUTES),
  /** Cadence per grade; a grade not listed gets no follow-ups after the first contact. */
  cadence: z.record(leadGradeSchema, cadenceSchema).default({ ...DEFAULT_FOLLOW_UP_CADENCE }),
  /** Cadence for a lead without a grade; omitted means none. */
  ungradedCadence: cadenceSchema.optional(),
  /** Business minutes a task may be overdue before it goes to the store manager. */
  escalateAfterMinutes: z.number().int().positive().default(DEFAULT_ESCALATE_AFTER_MINUTES),
});
export type FollowUpPolicy = z.input<typeof followUpPolicySchema>;
export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = {
  firstContactMinutes: DEFAULT_FIRST_CONTACT_MINUTES,
  cadence: { ...DEFAULT_FOLLOW_UP_CADENCE },
  escalateAfterMinutes: DEFAULT_ESCALATE_AFTER_MINUTES,
};

const followUpLeadSchema = z.object({
  id: idSchema("lead").optional(),
  status: leadStatusSchema,
  grade: leadGradeSchema.optional(),
  receivedAt: timestampSchema,
  firstContactAt: timestampSchema.optional(),
  lastActivityAt: timestampSchema.optional(),
  salespersonId: idSchema("salesperson").optional(),
});
export type FollowUpLead = z.input<typeof followUpLeadSchema>;

const contextSchema = z.strictObject({
  store: z.unknown(),
  now: timestampSchema,
  policy: z.unknown().optional(),
});
export interface PlanFollowUpsContext {
  store: ScheduleStore;
  now: string;
  policy?: FollowUpPolicy;
}

export interface FollowUpTask {
  kind: "first_contact" | "follow_up";
  /** 0 for the first contact, then 1, 2, … */
  sequence: number;
  /** ISO 8601 in the store's time zone, e.g. `2026-11-30T09:30:00+08:00`. */
  dueAt: string;
  assigneeId: string | undefined;
  overdue: boolean;
  /** When the task goes to the manager if still not done (business time after `dueAt`). */
  escalateAt: string;
  /** The store manager, when the store has one on record. */
  escalateToId: string | undefined;
  reasons: Reason[];
}

export interface FollowUpPlan {
  tasks: FollowUpTask[];
  /** Tasks whose escalation time has passed: tell the manager now. */
  escalations: { sequence: number; toId: string | undefined; reasons: Reason[] }[];
  reasons: Reason[];
}

const parsePolicy = memoizedParser(followUpPolicySchema, "follow-up policy");
const parseStore = memoizedParser(scheduleStoreSchema, "store");
const DEFAULT_POLICY = parsePolicy(DEFAULT_FOLLOW_UP_POLICY);
const calendars = new WeakMap<object, ReturnType<typeof compileBusinessCalendar>>();

/**
 * Plans a lead's follow-ups: the first contact within `firstContactMinutes` business minutes of
 * receipt, then the grade's cadence from the latest contact. Every due time falls inside the
 * store's opening hours in its time zone, skipping holidays and honouring make-up workdays; a task
 * overdue by `escalateAfterMinutes` business minutes goes to the store manager. Re-plan after each
 * activity: the cadence restarts from `lastActivityAt`.
 */
export function planFollowUps(lead: FollowUpLead, context: PlanFollowUpsContext): FollowUpPlan {
  const ctx = parseInput(contextSchema, context, "planFollowUps context");
  const policy = ctx.policy === undefined ? DEFAULT_POLICY : parsePolicy(ctx.policy);
  const store = parseStore(ctx.store);
  let cal = calendars.get(store);
  if (!cal) {
    cal = compileBusinessCalendar(store);
    calendars.set(store, cal);
  }
  const l = parseInput(followUpLeadSchema, lead, "lead for follow-up planning");
  const now = Date.parse(ctx.now);
  const zone = cal.timeZone;
  const iso = (ms: number) => toZonedIso(ms, zone);
  const plan: FollowUpPlan = { tasks: [], escalations: [], reasons: [] };

  if (!OPEN_LEAD_STATUSES.includes(l.status)) {
    plan.reasons.push(reason("not_open", `the lead is ${l.status}; no follow-ups are planned`));
    return plan;
  }
  const manager = cal.managerId;
  const push = (kind: FollowUpTask["kind"], sequence: number, due: number, why: Reason[]) => {
    const escalateAt = addBusinessMinutes(cal, due, policy.escalateAfterMinutes);
    const task: FollowUpTask = {
      kind,
      sequence,
      dueAt: iso(due),
      assigneeId: l.salespersonId,
      overdue: now > due,
      escalateAt: iso(escalateAt),
      escalateToId: manager,
      reasons: why,
    };
    if (task.overdue) why.push(reason("overdue", `due ${task.dueAt}, not done by ${iso(now)}`));
    plan.tasks.push(task);
    if (now >= escalateAt) {
      plan.escalations.push({
        sequence,
        toId: manager,
        reasons: [
          reason(
            "escalate_to_manager",
            `${policy.escalateAfterMinutes} business minutes overdue since ${task.dueAt}; ` +
              (manager
                ? `escalate to the store manager ${manager}`
                : "the store has no manager on record"),
          ),
        ],
      });
    }
  };

  let anchor: number;
  if (l.firstContactAt === undefined) {
    const received = Date.parse(l.receivedAt);
    const due = addBusinessMinutes(cal, received, policy.firstContactMinutes);
    push("first_contact", 0, due, [
      reason(
        "first_contact_deadline",
        `first contact within ${policy.firstContactMinutes} business minutes of receipt (${iso(received)}, store hours in ${zone})`,
      ),
    ]);
    anchor = due;
  } else {
    plan.reasons.push(reason("first_contact_done", `first contact made at ${l.firstContactAt}`));
    anchor = Date.parse(l.lastActivityAt ?? l.firstContactAt);
  }

  const cadence = l.grade === undefined ? policy.ungradedCadence : policy.cadence[l.grade];
  if (!cadence || cadence.times === 0) {
    plan.reasons.push(
      reason(
        "no_cadence",
        l.grade === undefined
          ? "the lead has no grade and the policy has no cadence for ungraded leads"
          : `the policy has no follow-up cadence for grade ${l.grade}`,
      ),
    );
    return plan;
  }
  const label = l.grade === undefined ? "ungraded leads" : `grade ${l.grade}`;
  plan.reasons.push(
    reason(
      "cadence",
      `${label}: a follow-up every ${cadence.everyDays} days, ${cadence.times} planned`,
    ),
  );
  for (let k = 1; k <= cadence.times; k++) {
    const days = Math.round(k * cadence.everyDays);
    const nominal = addLocalDays(cal, anchor, days);
    const due = addBusinessMinutes(cal, nominal, 0);
    const why = [reason("cadence_step", `follow-up ${k}: ${days} days after ${iso(anchor)}`)];
    if (due !== nominal) {
      why.push(
        reason("moved_into_business_hours", `moved from ${iso(nominal)} to the next opening`),
      );
    }
    push("follow_up", k, due, why);
  }
  return plan;
}
