import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";

/** Question keys name answers in responses and reports, so they are short and stable. */
export const questionKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, {
  message: "must be a short key of lower-case letters, digits and _, e.g. recommend",
});

const questionBase = {
  key: questionKeySchema,
  text: z.string().trim().min(1, { message: "must not be empty" }).max(500),
  required: z.boolean().default(true),
};

/** "How likely are you to recommend us?" — 0 to 10; NPS = % promoters (9–10) − % detractors (0–6). */
export const npsQuestionSchema = z.strictObject({ kind: z.literal("nps"), ...questionBase });
/** "How satisfied are you with …?" — 1 to 5; CSAT = % answering 4 or 5. */
export const csatQuestionSchema = z.strictObject({ kind: z.literal("csat"), ...questionBase });
export const choiceQuestionSchema = z
  .strictObject({
    kind: z.literal("choice"),
    ...questionBase,
    options: z
      .array(z.string().trim().min(1, { message: "must not be empty" }).max(200))
      .min(2, { message: "a choice question needs at least 2 options" })
      .max(30),
    /** Whether several options may be picked. */
    multiple: z.boolean().default(false),
  })
  .superRefine((question, ctx) => {
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (seen.has(option)) {
        ctx.addIssue({
          code: "custom",
          path: ["options", index],
          message: `option "${option}" is listed twice`,
        });
      }
      seen.add(option);
    });
  });
export const textQuestionSchema = z.strictObject({
  kind: z.literal("text"),
  ...questionBase,
  maxLength: z.number().int().min(1).max(10_000).default(2000),
});

export const surveyQuestionSchema = z.discriminatedUnion("kind", [
  npsQuestionSchema,
  csatQuestionSchema,
  choiceQuestionSchema,
  textQuestionSchema,
]);
export type SurveyQuestionInput = z.input<typeof surveyQuestionSchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyQuestionKind = SurveyQuestion["kind"];

/** The moment a survey is sent for. */
export const surveyTriggerSchema = z.enum([
  "after_delivery",
  "after_service",
  "after_test_drive",
  "after_complaint",
  "campaign",
  "manual",
]);
export type SurveyTrigger = z.infer<typeof surveyTriggerSchema>;

export const surveyStatusSchema = z.enum(["draft", "active", "closed"]);
export type SurveyStatus = z.infer<typeof surveyStatusSchema>;

/** draft → active → closed. Questions are fixed once active, so answers stay comparable. */
export const SURVEY_STATUS_TRANSITIONS: Readonly<Record<SurveyStatus, readonly SurveyStatus[]>> = {
  draft: ["active", "closed"],
  active: ["closed"],
  closed: [],
};

export const surveyInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    description: z.string().trim().max(2000).optional(),
    trigger: surveyTriggerSchema.default("manual"),
    storeId: idSchema("store").optional(),
    campaignId: idSchema("campaign").optional(),
    questions: z
      .array(surveyQuestionSchema)
      .min(1, { message: "a survey needs at least one question" })
      .max(50),
  })
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.questions.forEach((question, index) => {
      if (seen.has(question.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "key"],
          message: `key "${question.key}" is used by an earlier question`,
        });
      }
      seen.add(question.key);
    });
  });
export type SurveyInput = z.input<typeof surveyInputSchema>;

export const surveySchema = z.object({
  id: idSchema("survey"),
  status: surveyStatusSchema,
  title: z.string(),
  description: z.string().optional(),
  trigger: surveyTriggerSchema,
  storeId: idSchema("store").optional(),
  campaignId: idSchema("campaign").optional(),
  questions: z.array(surveyQuestionSchema),
  ...storedFields,
});
export type Survey = z.infer<typeof surveySchema>;

/** One answer: a score (nps, csat), an option or text (choice, text), or options (multiple). */
export const surveyAnswerSchema = z.union(
  [z.number(), z.string().max(10_000), z.array(z.string().max(200)).max(30)],
  { message: "must be a number, a text or a list of options" },
);
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export const surveyResponseChannelSchema = z.enum(["sms", "wechat", "email", "phone", "kiosk"]);

/**
 * A customer's answers, keyed by question key. The shape is checked here; whether each answer
 * fits its question is checked against the survey by `validateSurveyResponse`.
 */
export const surveyResponseInputSchema = z.strictObject({
  surveyId: idSchema("survey"),
  customerId: idSchema("customer").optional(),
  orderId: idSchema("order").optional(),
  complaintId: idSchema("complaint").optional(),
  storeId: idSchema("store").optional(),
  channel: surveyResponseChannelSchema.optional(),
  submittedAt: timestampSchema,
  answers: z.record(questionKeySchema, surveyAnswerSchema),
});
export type SurveyResponseInput = z.input<typeof surveyResponseInputSchema>;
export type ParsedSurveyResponseInput = z.output<typeof surveyResponseInputSchema>;

export const surveyResponseSchema = z.object({
  id: idSchema("surveyResponse"),
  surveyId: idSchema("survey"),
  customerId: idSchema("customer").optional(),
  orderId: idSchema("order").optional(),
  complaintId: idSchema("complaint").optional(),
  storeId: idSchema("store").optional(),
  channel: surveyResponseChannelSchema.optional(),
  submittedAt: timestampSchema,
  answers: z.record(z.string(), surveyAnswerSchema),
  ...storedFields,
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;
