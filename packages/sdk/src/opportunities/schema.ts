import { z } from "zod";
import { noteSchema, storedFields } from "../common.js";
import { vehicleInterestSchema } from "../leads/schema.js";
import { idSchema } from "../primitives/ids.js";
import { nonNegativeMoneySchema } from "../primitives/money.js";
import { localDateSchema, timestampSchema } from "../primitives/time.js";

/**
 * 销售阶段, in the order a car deal moves through them. `won` and `lost` are the final stages;
 * the six before them are "open".
 */
export const OPPORTUNITY_STAGES = [
  "initial_contact",
  "needs_analysis",
  "product_presentation",
  "test_drive",
  "quote",
  "negotiation",
  "won",
  "lost",
] as const;
export const OPEN_OPPORTUNITY_STAGES = [
  "initial_contact",
  "needs_analysis",
  "product_presentation",
  "test_drive",
  "quote",
  "negotiation",
] as const;

export const opportunityStageSchema = z.enum(OPPORTUNITY_STAGES);
export type OpportunityStage = z.infer<typeof opportunityStageSchema>;
export const openOpportunityStageSchema = z.enum(OPEN_OPPORTUNITY_STAGES);
export type OpenOpportunityStage = z.infer<typeof openOpportunityStageSchema>;

/** Why a deal was lost (战败原因). Coded so the funnel and managers can count them. */
export const LOSS_REASON_CODES = [
  "bought_competitor_brand", // bought another brand
  "bought_elsewhere", // same brand, another dealer
  "price",
  "financing_declined",
  "trade_in_value",
  "vehicle_unavailable",
  "delivery_time",
  "postponed",
  "no_longer_interested",
  "unreachable",
  "other",
] as const;
export const lossReasonCodeSchema = z.enum(LOSS_REASON_CODES);
export type LossReasonCode = z.infer<typeof lossReasonCodeSchema>;

const lossReasonShape = {
  code: lossReasonCodeSchema,
  note: z.string().trim().max(2000).optional(),
  /** The brand or dealer the customer went to, when known. */
  competitor: z.string().trim().min(1).max(200).optional(),
};

/** A loss reason as a caller gives it. `other` needs a note saying what happened. */
export const lossReasonInputSchema = z
  .strictObject(lossReasonShape)
  .refine((r) => r.code !== "other" || (r.note !== undefined && r.note.length > 0), {
    message: 'a loss reason of "other" needs a note',
    path: ["note"],
  });
export type LossReasonInput = z.input<typeof lossReasonInputSchema>;
export const lossReasonSchema = z.object(lossReasonShape);
export type LossReason = z.infer<typeof lossReasonSchema>;

/** Who did something: a salesperson id (`sp_…`) or a named automation (`system:stale-sweep`). */
export const opportunityActorSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(200);

/** A share of 1 (0.35 = 35 %). */
export const opportunityProbabilitySchema = z
  .number({ message: "must be a number between 0 and 1" })
  .min(0, { message: "must be between 0 and 1" })
  .max(1, { message: "must be between 0 and 1" });

/** What a caller sends to open an opportunity, from a lead or directly for a known customer. */
export const opportunityInputSchema = z
  .strictObject({
    leadId: idSchema("lead").optional(),
    customerId: idSchema("customer").optional(),
    salespersonId: idSchema("salesperson"),
    storeId: idSchema("store"),
    teamId: idSchema("team").optional(),
    campaignId: idSchema("campaign").optional(),
    /** The vehicle of interest (brand, series, model, trim, a specific stock car …). */
    vehicle: vehicleInterestSchema,
    expectedValue: nonNegativeMoneySchema,
    /** The day the salesperson expects the deal to close, in the store's calendar. */
    expectedCloseDate: localDateSchema,
    /** The salesperson's own win probability; when set it replaces the stage probability. */
    probabilityOverride: opportunityProbabilitySchema.optional(),
    /** A deal may start later than initial contact (a returning customer asks for a quote). */
    stage: openOpportunityStageSchema.default("initial_contact"),
    note: noteSchema.optional(),
  })
  .refine((o) => o.leadId !== undefined || o.customerId !== undefined, {
    message: "needs a leadId or a customerId: an opportunity is always about someone",
    path: ["customerId"],
  });
export type OpportunityInput = z.input<typeof opportunityInputSchema>;
export type ParsedOpportunityInput = z.output<typeof opportunityInputSchema>;

/** One stage the opportunity entered. The history is append-only. */
export const stageHistoryEntrySchema = z.object({
  stage: opportunityStageSchema,
  enteredAt: timestampSchema,
  by: opportunityActorSchema,
  note: z.string().optional(),
  /** Kept on the `lost` entry so the reason survives a reopen. */
  lossReason: lossReasonSchema.optional(),
});
export type StageHistoryEntry = z.infer<typeof stageHistoryEntrySchema>;

/** One hand-over of the opportunity to another salesperson (转移). */
export const ownerChangeSchema = z.object({
  from: idSchema("salesperson"),
  to: idSchema("salesperson"),
  at: timestampSchema,
  by: opportunityActorSchema,
  reason: z.string(),
  /** Set when the hand-over also moved the deal to another store. */
  fromStoreId: idSchema("store").optional(),
  toStoreId: idSchema("store").optional(),
});
export type OwnerChange = z.infer<typeof ownerChangeSchema>;

/** A stored opportunity (销售机会). */
export const opportunitySchema = z
  .object({
    id: idSchema("opportunity"),
    leadId: idSchema("lead").optional(),
    customerId: idSchema("customer").optional(),
    salespersonId: idSchema("salesperson"),
    storeId: idSchema("store"),
    teamId: idSchema("team").optional(),
    campaignId: idSchema("campaign").optional(),
    vehicle: vehicleInterestSchema,
    expectedValue: nonNegativeMoneySchema,
    expectedCloseDate: localDateSchema,
    probabilityOverride: opportunityProbabilitySchema.optional(),
    stage: opportunityStageSchema,
    stageHistory: z.array(stageHistoryEntrySchema).min(1),
    ownerHistory: z.array(ownerChangeSchema),
    lossReason: lossReasonSchema.optional(),
    wonOrderId: idSchema("order").optional(),
    closedAt: timestampSchema.optional(),
    lastActivityAt: timestampSchema.optional(),
    activityCount: z.number().int().min(0),
    ...storedFields,
  })
  .superRefine((o, ctx) => {
    const last = o.stageHistory[o.stageHistory.length - 1];
    if (last && last.stage !== o.stage) {
      ctx.addIssue({
        code: "custom",
        path: ["stageHistory"],
        message: `the last history entry is "${last.stage}" but the stage is "${o.stage}"`,
      });
    }
    const closed = o.stage === "won" || o.stage === "lost";
    if (closed !== (o.closedAt !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["closedAt"],
        message: closed
          ? "a won or lost opportunity needs closedAt"
          : "an open opportunity has no closedAt",
      });
    }
    if ((o.stage === "lost") !== (o.lossReason !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["lossReason"],
        message:
          o.stage === "lost"
            ? "a lost opportunity needs a loss reason"
            : "only a lost opportunity has a loss reason",
      });
    }
  });
export type Opportunity = z.infer<typeof opportunitySchema>;

// ── Activities (跟踪): what happened with the customer, with notes and the customer's feedback ──

export const ACTIVITY_TYPES = ["call", "visit", "message", "test_drive", "quote", "note"] as const;
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const activityFeedbackSchema = z.strictObject({
  sentiment: z.enum(["positive", "neutral", "negative"]),
  /** The customer's words, as the salesperson noted them. */
  text: noteSchema.optional(),
});
export type ActivityFeedback = z.infer<typeof activityFeedbackSchema>;

const directionSchema = z.enum(["inbound", "outbound"]);

/** Fields every activity has. */
const commonActivityShape = {
  occurredAt: timestampSchema,
  by: idSchema("salesperson"),
  notes: noteSchema.optional(),
  customerFeedback: activityFeedbackSchema.optional(),
  nextStep: z
    .strictObject({ action: z.string().trim().min(1).max(500), dueAt: timestampSchema })
    .optional(),
};

/** The fields of each kind of activity (without defaults, so input and stored agree). */
const activityShapes = {
  call: {
    type: z.literal("call"),
    direction: directionSchema,
    outcome: z.enum(["reached", "no_answer", "busy", "voicemail", "wrong_number"]),
    durationSeconds: z.number().int().min(0).optional(),
  },
  visit: {
    type: z.literal("visit"),
    durationMinutes: z.number().int().min(0).optional(),
  },
  message: {
    type: z.literal("message"),
    channel: z.enum(["sms", "wechat", "email", "app", "other"]),
    direction: directionSchema,
  },
  test_drive: {
    type: z.literal("test_drive"),
    vehicle: vehicleInterestSchema.optional(),
    durationMinutes: z.number().int().min(0).optional(),
  },
  quote: {
    type: z.literal("quote"),
    amount: nonNegativeMoneySchema,
    discount: nonNegativeMoneySchema.optional(),
    validUntil: localDateSchema.optional(),
    vehicle: vehicleInterestSchema.optional(),
  },
  note: {
    type: z.literal("note"),
    // A note is nothing but its text.
    notes: z.string().trim().min(1, { message: "a note needs text" }).max(10_000),
  },
} as const;

/** What a caller sends to record an activity: one of the kinds, told apart by `type`. */
export const activityInputSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...commonActivityShape, ...activityShapes.call }),
  z.strictObject({ ...commonActivityShape, ...activityShapes.visit }),
  z.strictObject({ ...commonActivityShape, ...activityShapes.message }),
  z.strictObject({ ...commonActivityShape, ...activityShapes.test_drive }),
  z.strictObject({ ...commonActivityShape, ...activityShapes.quote }),
  z.strictObject({ ...commonActivityShape, ...activityShapes.note }),
]);
export type ActivityInput = z.input<typeof activityInputSchema>;
export type ParsedActivityInput = z.output<typeof activityInputSchema>;

const storedActivityShape = {
  ...commonActivityShape,
  id: idSchema("activity"),
  opportunityId: idSchema("opportunity"),
  ...storedFields,
};

/** A stored activity of an opportunity. */
export const activitySchema = z.discriminatedUnion("type", [
  z.object({ ...storedActivityShape, ...activityShapes.call }),
  z.object({ ...storedActivityShape, ...activityShapes.visit }),
  z.object({ ...storedActivityShape, ...activityShapes.message }),
  z.object({ ...storedActivityShape, ...activityShapes.test_drive }),
  z.object({ ...storedActivityShape, ...activityShapes.quote }),
  z.object({ ...storedActivityShape, ...activityShapes.note }),
]);
export type OpportunityActivity = z.infer<typeof activitySchema>;
