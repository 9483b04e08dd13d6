import { z } from "zod";
import {
  attributesSchema,
  customerTypeSchema,
  storedFields,
  vehicleConditionSchema,
} from "../common.js";
import { e164Schema } from "../primitives/contact.js";
import { externalIdSchema, idSchema } from "../primitives/ids.js";
import { moneySchema } from "../primitives/money.js";
import { regionCodeSchema, regionInputSchema } from "../primitives/regions.js";
import { timestampSchema } from "../primitives/time.js";

/** How a lead reached the dealer group. `source` names the sender (autohome, meta_lead_ads …). */
export const leadChannelSchema = z.enum([
  "portal",
  "social",
  "ads",
  "website",
  "walk_in",
  "phone",
  "event",
  "referral",
  "import",
  "other",
]);
export type LeadChannel = z.infer<typeof leadChannelSchema>;

/** Grades are strings so a dealer's own scheme (A/B/C/D …) fits; the default is H/A/B/C/O/F. */
export const leadGradeSchema = z.string().min(1).max(16);

export const leadStatusSchema = z.enum([
  "new", // not yet contacted
  "contacted", // first contact made
  "qualified", // needs understood, being worked
  "converted", // became an opportunity
  "ordered", // an order was placed (grade O)
  "lost", // 战败 (grade F)
  "dormant", // no activity for a long time; a candidate for re-engagement
]);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

/** Lead statuses that still need a salesperson's work. */
export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ["new", "contacted", "qualified"];

export const purchaseTimeframeSchema = z.enum([
  "within_7_days",
  "within_15_days",
  "within_30_days",
  "within_3_months",
  "over_3_months",
  "unknown",
]);
export type PurchaseTimeframe = z.infer<typeof purchaseTimeframeSchema>;

export const leadIntentSchema = z.enum(["high", "medium", "low", "unknown"]);
export type LeadIntent = z.infer<typeof leadIntentSchema>;

export const vehicleInterestSchema = z.strictObject({
  brand: z.string().trim().min(1).max(100).optional(),
  series: z.string().trim().min(1).max(100).optional(),
  model: z.string().trim().min(1).max(200).optional(),
  trim: z.string().trim().min(1).max(200).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  condition: vehicleConditionSchema.optional(),
  vin: z.string().trim().min(1).max(32).optional(),
  vehicleId: idSchema("vehicle").optional(),
  /** Price of the vehicle asked about (list or advertised). */
  price: moneySchema.optional(),
});
export type VehicleInterest = z.infer<typeof vehicleInterestSchema>;

export const leadEngagementSchema = z.strictObject({
  testDriveRequested: z.boolean().default(false),
  visitBooked: z.boolean().default(false),
  quoteRequested: z.boolean().default(false),
  financingAsked: z.boolean().default(false),
  tradeInOffered: z.boolean().default(false),
});
export type LeadEngagement = z.infer<typeof leadEngagementSchema>;

export const leadContactInputSchema = z.strictObject({
  name: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(254).optional(),
  wechat: z.string().trim().max(100).optional(),
  preferred: z.enum(["phone", "email", "wechat", "sms"]).optional(),
});

export const leadSourceInputSchema = z.strictObject({
  /** Who sent it: a connector id (`autohome`, `meta_lead_ads`) or a name (`showroom`). */
  source: z.string().trim().min(1).max(100),
  channel: leadChannelSchema,
  campaignId: idSchema("campaign").optional(),
  /** The sender's own id for this inquiry, kept exactly. */
  externalId: externalIdSchema.optional(),
  /** When the sender says the inquiry was made. */
  occurredAt: timestampSchema.optional(),
});
export type LeadSourceInput = z.infer<typeof leadSourceInputSchema>;

/** What a caller (a connector, a form, a CRM) sends to create a lead. */
export const leadInputSchema = z
  .strictObject({
    ...leadSourceInputSchema.shape,
    customerType: customerTypeSchema.default("individual"),
    contact: leadContactInputSchema,
    companyName: z.string().trim().max(200).optional(),
    fleetSize: z.number().int().positive().optional(),
    region: regionInputSchema.optional(),
    city: z.string().trim().min(1).max(100).optional(),
    storeId: idSchema("store").optional(),
    interest: vehicleInterestSchema.default({}),
    budget: z.strictObject({ min: moneySchema.optional(), max: moneySchema.optional() }).optional(),
    timeframe: purchaseTimeframeSchema.default("unknown"),
    intent: leadIntentSchema.default("unknown"),
    engagement: leadEngagementSchema.default({
      testDriveRequested: false,
      visitBooked: false,
      quoteRequested: false,
      financingAsked: false,
      tradeInOffered: false,
    }),
    message: z.string().max(10_000).optional(),
    attributes: attributesSchema.default({}),
    consent: z.strictObject({ marketing: z.boolean() }).optional(),
  })
  .superRefine((lead, ctx) => {
    const c = lead.contact;
    if (!c.phone && !c.email && !c.wechat) {
      ctx.addIssue({
        code: "custom",
        path: ["contact"],
        message: "needs at least one way to reach the customer: phone, email or wechat",
      });
    }
  });
export type LeadInput = z.input<typeof leadInputSchema>;
export type ParsedLeadInput = z.output<typeof leadInputSchema>;

/** Contact details after normalisation: phone in E.164, email lower-cased. */
export const leadContactSchema = z.object({
  name: z.string().optional(),
  phone: e164Schema.optional(),
  email: z.string().optional(),
  wechat: z.string().optional(),
  preferred: z.enum(["phone", "email", "wechat", "sms"]).optional(),
});
export type LeadContact = z.infer<typeof leadContactSchema>;

export const reasonSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type Reason = z.infer<typeof reasonSchema>;

/** A stored lead. One per customer inquiry thread; further inquiries become touchpoints. */
export const leadSchema = z.object({
  id: idSchema("lead"),
  status: leadStatusSchema,
  source: z.string(),
  channel: leadChannelSchema,
  campaignId: idSchema("campaign").optional(),
  externalId: externalIdSchema.optional(),
  customerId: idSchema("customer").optional(),
  customerType: customerTypeSchema,
  contact: leadContactSchema,
  companyName: z.string().optional(),
  fleetSize: z.number().int().positive().optional(),
  region: regionCodeSchema.optional(),
  city: z.string().optional(),
  storeId: idSchema("store").optional(),
  teamId: idSchema("team").optional(),
  salespersonId: idSchema("salesperson").optional(),
  interest: vehicleInterestSchema,
  budget: z.object({ min: moneySchema.optional(), max: moneySchema.optional() }).optional(),
  timeframe: purchaseTimeframeSchema,
  intent: leadIntentSchema,
  engagement: leadEngagementSchema,
  message: z.string().optional(),
  attributes: attributesSchema,
  grade: leadGradeSchema.optional(),
  gradeReasons: z.array(reasonSchema).default([]),
  /** Set when a person overrode the computed grade. */
  gradeOverride: z
    .object({ grade: leadGradeSchema, reason: z.string(), by: z.string() })
    .optional(),
  assignmentReasons: z.array(reasonSchema).default([]),
  lostReason: z.string().optional(),
  opportunityId: idSchema("opportunity").optional(),
  receivedAt: timestampSchema,
  assignedAt: timestampSchema.optional(),
  firstContactAt: timestampSchema.optional(),
  lastActivityAt: timestampSchema.optional(),
  touchpointCount: z.number().int().min(1).default(1),
  ...storedFields,
});
export type Lead = z.infer<typeof leadSchema>;

/** One contact from a source about a lead: the first inquiry, and every one after it. */
export const touchpointSchema = z.object({
  id: idSchema("touchpoint"),
  leadId: idSchema("lead"),
  source: z.string(),
  channel: leadChannelSchema,
  campaignId: idSchema("campaign").optional(),
  externalId: externalIdSchema.optional(),
  occurredAt: timestampSchema,
  interest: vehicleInterestSchema.optional(),
  message: z.string().optional(),
  attributes: attributesSchema.default({}),
  createdAt: timestampSchema,
});
export type Touchpoint = z.infer<typeof touchpointSchema>;
