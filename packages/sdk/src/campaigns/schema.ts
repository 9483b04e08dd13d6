import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { moneySchema, nonNegativeMoneySchema } from "../primitives/money.js";
import { regionCodeSchema, regionInputSchema } from "../primitives/regions.js";
import { DEFAULT_TIME_ZONE, localDateSchema, timeZoneSchema } from "../primitives/time.js";

export const campaignTypeSchema = z.enum([
  "auto_show", // 车展
  "test_drive_day", // 试驾日
  "group_buy", // 团购会
  "launch", // 新车上市
  "online",
  "other",
]);
export type CampaignType = z.infer<typeof campaignTypeSchema>;

/** Campaign types that happen somewhere and so need a place. */
export const ON_SITE_CAMPAIGN_TYPES: readonly CampaignType[] = [
  "auto_show",
  "test_drive_day",
  "group_buy",
  "launch",
];

export const campaignChannelSchema = z.enum(["sms", "email", "social"]);
export type CampaignChannel = z.infer<typeof campaignChannelSchema>;

export const campaignStatusSchema = z.enum(["planned", "active", "completed", "cancelled"]);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** planned → active → completed; planned or active → cancelled. */
export const CAMPAIGN_STATUS_TRANSITIONS: Readonly<
  Record<CampaignStatus, readonly CampaignStatus[]>
> = {
  planned: ["active", "cancelled"],
  active: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

const count = z.number().int({ message: "must be a whole number" }).min(0);

/** Targets the campaign is evaluated against (attributed leads, test drives, orders, revenue). */
export const campaignGoalsSchema = z.strictObject({
  leads: count.optional(),
  testDrives: count.optional(),
  orders: count.optional(),
  revenue: nonNegativeMoneySchema.optional(),
});
export type CampaignGoals = z.infer<typeof campaignGoalsSchema>;

export const campaignPlaceSchema = z.strictObject({
  name: z.string().trim().min(1, { message: "must not be empty" }).max(200),
  address: z.string().trim().max(500).optional(),
  region: regionInputSchema.optional(),
  city: z.string().trim().min(1).max(100).optional(),
});

export const campaignStaffSchema = z.strictObject({
  salespersonId: idSchema("salesperson"),
  /** What they do there: host, reception, test-drive co-pilot … */
  role: z.string().trim().min(1).max(100).default("sales"),
});

const named = z.string().trim().min(1, { message: "must not be empty" }).max(200);
const quantity = z.number().int({ message: "must be a whole number" }).min(1).default(1);

export const campaignResourcesSchema = z.strictObject({
  venues: z
    .array(
      z.strictObject({
        name: named,
        address: z.string().max(500).optional(),
        cost: nonNegativeMoneySchema.optional(),
      }),
    )
    .default([]),
  equipment: z.array(z.strictObject({ name: named, quantity })).default([]),
  gifts: z
    .array(z.strictObject({ name: named, quantity, unitCost: nonNegativeMoneySchema.optional() }))
    .default([]),
});
export type CampaignResourcesInput = z.input<typeof campaignResourcesSchema>;
export type CampaignResources = z.infer<typeof campaignResourcesSchema>;

/** Dates are calendar days (inclusive) in `timeZone`: a one-day event has startDate = endDate. */
export const campaignInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    type: campaignTypeSchema,
    description: z.string().trim().max(5000).optional(),
    /** Organising store; other stores may take part. */
    storeId: idSchema("store"),
    participatingStoreIds: z.array(idSchema("store")).default([]),
    startDate: localDateSchema,
    endDate: localDateSchema,
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    place: campaignPlaceSchema.optional(),
    goals: campaignGoalsSchema.default({}),
    staff: z.array(campaignStaffSchema).default([]),
    channels: z.array(campaignChannelSchema).default([]),
    resources: campaignResourcesSchema.default({ venues: [], equipment: [], gifts: [] }),
    /** Brands or series promoted. */
    brands: z.array(z.string().trim().min(1).max(100)).default([]),
  })
  .superRefine((campaign, ctx) => {
    if (campaign.endDate < campaign.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "must be on or after startDate" });
    }
    if (ON_SITE_CAMPAIGN_TYPES.includes(campaign.type) && !campaign.place) {
      ctx.addIssue({
        code: "custom",
        path: ["place"],
        message: `is required for a ${campaign.type} campaign`,
      });
    }
    const seen = new Set<string>();
    campaign.staff.forEach((member, index) => {
      if (seen.has(member.salespersonId)) {
        ctx.addIssue({
          code: "custom",
          path: ["staff", index, "salespersonId"],
          message: "is already on the staff list",
        });
      }
      seen.add(member.salespersonId);
    });
    if (new Set(campaign.channels).size !== campaign.channels.length) {
      ctx.addIssue({ code: "custom", path: ["channels"], message: "lists a channel twice" });
    }
  });
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type ParsedCampaignInput = z.output<typeof campaignInputSchema>;

export const campaignSchema = z.object({
  id: idSchema("campaign"),
  status: campaignStatusSchema,
  name: z.string(),
  type: campaignTypeSchema,
  description: z.string().optional(),
  storeId: idSchema("store"),
  participatingStoreIds: z.array(idSchema("store")),
  startDate: localDateSchema,
  endDate: localDateSchema,
  timeZone: z.string(),
  place: z
    .object({
      name: z.string(),
      address: z.string().optional(),
      region: regionCodeSchema.optional(),
      city: z.string().optional(),
    })
    .optional(),
  goals: z.object({
    leads: count.optional(),
    testDrives: count.optional(),
    orders: count.optional(),
    revenue: moneySchema.optional(),
  }),
  staff: z.array(z.object({ salespersonId: idSchema("salesperson"), role: z.string() })),
  channels: z.array(campaignChannelSchema),
  resources: campaignResourcesSchema,
  brands: z.array(z.string()),
  cancelReason: z.string().optional(),
  ...storedFields,
});
export type Campaign = z.infer<typeof campaignSchema>;
