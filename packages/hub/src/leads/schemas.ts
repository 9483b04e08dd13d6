import {
  attributesSchema,
  customerTypeSchema,
  idSchema,
  leadChannelSchema,
  leadGradeSchema,
  leadIntentSchema,
  leadSchema,
  leadStatusSchema,
  moneySchema,
  purchaseTimeframeSchema,
  reasonSchema,
  regionInputSchema,
  timestampSchema,
  touchpointSchema,
  vehicleInterestSchema,
} from "@forecourt/sdk";
import { z } from "zod";
import { pageQueryShape } from "../lib/pagination.js";

/** A stored lead as the API shows it: the SDK's lead plus the computed grade and its score. */
export const leadResponseSchema = leadSchema
  .extend({
    /** What the rating scheme computed; differs from `grade` only under `gradeOverride`. */
    computedGrade: leadGradeSchema.optional(),
    /** The scheme's points; absent for ordered and lost leads, which are graded by status. */
    gradeScore: z.number().optional(),
    consent: z.object({ marketing: z.boolean() }).optional(),
  })
  .meta({ id: "Lead" });

export const touchpointResponseSchema = touchpointSchema.meta({ id: "Touchpoint" });

export const TASK_STATUSES = ["open", "snoozed", "completed", "cancelled"] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;
/** Statuses in which a task still waits for someone (and may remind and escalate). */
export const PENDING_TASK_STATUSES: readonly TaskStatus[] = ["open", "snoozed"];

export const followUpTaskSchema = z
  .object({
    id: idSchema("task"),
    leadId: idSchema("lead"),
    salespersonId: idSchema("salesperson").optional(),
    kind: z.enum(["first_contact", "follow_up"]),
    /** 0 for the first contact, then 1, 2 … in the lead's current plan. */
    sequence: z.number().int().min(0),
    status: taskStatusSchema,
    /** When the plan wants it done (store business hours, store time zone). */
    dueAt: timestampSchema,
    /** When a snoozed task falls due again; reminders follow this, not `dueAt`. */
    snoozedUntil: timestampSchema.optional(),
    /** When an unfinished task goes to the store manager. */
    escalateAt: timestampSchema.optional(),
    escalateToId: z.string().optional(),
    completedAt: timestampSchema.optional(),
    note: z.string().optional(),
    reasons: z.array(reasonSchema),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int().min(1),
  })
  .meta({ id: "FollowUpTask" });
export type FollowUpTaskView = z.infer<typeof followUpTaskSchema>;

/** The answer to `POST /v1/leads`: a new lead (201) or an inquiry merged into one (200). */
export const leadIntakeSchema = z
  .object({
    /** True when the inquiry joined an existing lead as a touchpoint instead of creating one. */
    merged: z.boolean(),
    leadId: idSchema("lead"),
    /** Absent only when the inquiry joined a lead this key may not see. */
    lead: leadResponseSchema.optional(),
    touchpoint: touchpointResponseSchema,
    /** Follow-up tasks planned for a new lead (none on a merge). */
    tasks: z.array(followUpTaskSchema),
    /** Why the inquiry was merged or not (identity matching by phone and email). */
    reasons: z.array(reasonSchema),
    /** What normalisation changed or dropped (an unusable phone when an email remained …). */
    warnings: z.array(reasonSchema),
  })
  .meta({ id: "LeadIntake" });
export type LeadIntake = z.infer<typeof leadIntakeSchema>;

export const leadListQuerySchema = z.strictObject({
  ...pageQueryShape,
  status: leadStatusSchema.optional(),
  grade: leadGradeSchema.optional(),
  salespersonId: idSchema("salesperson").optional(),
  storeId: idSchema("store").optional(),
  customerId: idSchema("customer").optional(),
  source: z.string().trim().min(1).max(100).optional(),
  channel: leadChannelSchema.optional(),
  createdAfter: timestampSchema.optional(),
  createdBefore: timestampSchema.optional(),
});

const nullableText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Fields a PATCH may change; `null` clears an optional field. Source and owner do not change here. */
export const leadPatchSchema = z
  .strictObject({
    status: leadStatusSchema.optional(),
    /** Required when the status becomes `lost` (战败原因). */
    lostReason: z.string().trim().min(1).max(500).optional(),
    contact: z
      .strictObject({
        name: nullableText(200),
        phone: nullableText(40),
        email: nullableText(254),
        wechat: nullableText(100),
        preferred: z.enum(["phone", "email", "wechat", "sms"]).nullable().optional(),
      })
      .optional(),
    customerType: customerTypeSchema.optional(),
    companyName: nullableText(200),
    fleetSize: z.number().int().positive().nullable().optional(),
    region: regionInputSchema.nullable().optional(),
    city: z.string().trim().min(1).max(100).nullable().optional(),
    interest: vehicleInterestSchema.optional(),
    budget: z
      .strictObject({ min: moneySchema.optional(), max: moneySchema.optional() })
      .nullable()
      .optional(),
    timeframe: purchaseTimeframeSchema.optional(),
    intent: leadIntentSchema.optional(),
    engagement: z
      .strictObject({
        testDriveRequested: z.boolean().optional(),
        visitBooked: z.boolean().optional(),
        quoteRequested: z.boolean().optional(),
        financingAsked: z.boolean().optional(),
        tradeInOffered: z.boolean().optional(),
      })
      .optional(),
    message: z.string().max(10_000).nullable().optional(),
    attributes: attributesSchema.optional(),
    consent: z.strictObject({ marketing: z.boolean() }).nullable().optional(),
    /** The version you read; a lead changed since answers 409 (or send `If-Match`). */
    version: z.number().int().min(1).optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), {
    message: "send at least one field to change",
  });
export type LeadPatch = z.output<typeof leadPatchSchema>;

export const assignBodySchema = z.strictObject({
  /** Give the lead to this salesperson; leave out to run the assignment rules again. */
  salespersonId: idSchema("salesperson").optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const transferBodySchema = z
  .strictObject({
    /** The store that takes the lead over; its sales staff take turns unless `salespersonId`. */
    storeId: idSchema("store").optional(),
    salespersonId: idSchema("salesperson").optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((body) => body.storeId !== undefined || body.salespersonId !== undefined, {
    message: "name the storeId or the salespersonId that takes the lead over",
  });

export const gradeBodySchema = z.strictObject({
  /** The grade to show instead of the computed one; `null` removes an override. */
  grade: leadGradeSchema.nullable(),
  reason: z.string().trim().min(1).max(500),
});

export const taskListQuerySchema = z.strictObject({
  ...pageQueryShape,
  status: taskStatusSchema.optional(),
  /** Tasks falling due (or due again after a snooze) before this moment. */
  dueBefore: timestampSchema.optional(),
  leadId: idSchema("lead").optional(),
  salespersonId: idSchema("salesperson").optional(),
});

/** Optional: a POST without a body completes the task now. */
export const completeTaskBodySchema = z
  .strictObject({
    note: z.string().max(2_000).optional(),
    /** When the contact happened; defaults to now, must not be in the future. */
    completedAt: timestampSchema.optional(),
  })
  .nullish();

export const snoozeTaskBodySchema = z.strictObject({
  /** When the task falls due again (within a year). */
  until: timestampSchema,
  note: z.string().max(2_000).optional(),
});
