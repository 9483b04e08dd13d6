import {
  activitySchema,
  idSchema,
  lossReasonInputSchema,
  OPEN_OPPORTUNITY_STAGES,
  opportunityInputSchema,
  opportunitySchema,
  opportunityStageSchema,
} from "@forecourt/sdk";
import { z } from "zod";

/** `version` as read from the opportunity: a change made since then answers 409. */
const versionField = z.number().int().min(1);
const noteField = z.string().trim().max(2000);

/**
 * Opening an opportunity: the SDK's input, except that the owner may be left out — it is then
 * the lead's salesperson (and their store and team), or the key's own salesperson.
 */
export const opportunityCreateSchema = z
  .strictObject({
    ...opportunityInputSchema.shape,
    salespersonId: idSchema("salesperson").optional(),
    storeId: idSchema("store").optional(),
  })
  .refine((o) => o.leadId !== undefined || o.customerId !== undefined, {
    message: "needs a leadId or a customerId: an opportunity is always about someone",
    path: ["customerId"],
  });
export type OpportunityCreateBody = z.output<typeof opportunityCreateSchema>;

/** The served opportunity: the SDK record plus the dealer system's order reference. */
export const opportunityResponseSchema = z.object({
  ...opportunitySchema.shape,
  wonOrderReference: z.string().optional(),
});

export const stageChangeSchema = z.strictObject({
  stage: opportunityStageSchema,
  version: versionField,
  note: noteField.optional(),
  /** Required when `stage` is `lost` (战败原因), refused otherwise. */
  lossReason: lossReasonInputSchema.optional(),
  /** The Forecourt order of a won deal. */
  orderId: idSchema("order").optional(),
});

export const transferSchema = z.strictObject({
  /** The salesperson who takes the deal over; their store becomes the deal's store. */
  to: idSchema("salesperson"),
  reason: z.string().trim().min(1, { message: "must say why the deal is handed over" }).max(2000),
  /** Defaults to the new owner's team. */
  teamId: idSchema("team").optional(),
  version: versionField,
});

export const closeSchema = z.discriminatedUnion("outcome", [
  z.strictObject({
    outcome: z.literal("won"),
    version: versionField,
    /** The Forecourt order (`ord_…`), once orders are kept in the hub. */
    orderId: idSchema("order").optional(),
    /** The order or contract number in the dealer's own system (DMS). */
    orderReference: z.string().trim().min(1).max(200).optional(),
    note: noteField.optional(),
  }),
  z.strictObject({
    outcome: z.literal("lost"),
    version: versionField,
    lossReason: lossReasonInputSchema,
    note: noteField.optional(),
  }),
]);

export const opportunityListQueryShape = {
  stage: opportunityStageSchema.optional(),
  /** `open`: the six stages before won/lost; `closed`: won or lost. */
  status: z.enum(["open", "closed"]).optional(),
  salespersonId: idSchema("salesperson").optional(),
  storeId: idSchema("store").optional(),
  teamId: idSchema("team").optional(),
  leadId: idSchema("lead").optional(),
  customerId: idSchema("customer").optional(),
};

export const activityResultSchema = z.object({
  activity: activitySchema,
  opportunity: opportunityResponseSchema,
  /** A stage the activity is evidence of (a test drive, a quote); never applied by itself. */
  suggestedStage: z.enum(OPEN_OPPORTUNITY_STAGES).optional(),
});
