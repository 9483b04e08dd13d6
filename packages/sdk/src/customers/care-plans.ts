import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { localDateSchema, timestampSchema } from "../primitives/time.js";

/**
 * Holidays dealers send greetings for. Lunar festivals move against the Gregorian calendar every
 * year, so entries name the festival and the scheduler resolves the date for the year.
 */
export const HOLIDAYS = {
  new_year: { nameZh: "元旦", calendar: "gregorian", month: 1, day: 1 },
  spring_festival: { nameZh: "春节", calendar: "lunar", month: 1, day: 1 },
  lantern_festival: { nameZh: "元宵节", calendar: "lunar", month: 1, day: 15 },
  womens_day: { nameZh: "妇女节", calendar: "gregorian", month: 3, day: 8 },
  /** Falls on the Qingming solar term, 4 or 5 April. */
  qingming: { nameZh: "清明节", calendar: "solar_term", month: 4, day: 4 },
  labour_day: { nameZh: "劳动节", calendar: "gregorian", month: 5, day: 1 },
  dragon_boat: { nameZh: "端午节", calendar: "lunar", month: 5, day: 5 },
  qixi: { nameZh: "七夕", calendar: "lunar", month: 7, day: 7 },
  mid_autumn: { nameZh: "中秋节", calendar: "lunar", month: 8, day: 15 },
  double_ninth: { nameZh: "重阳节", calendar: "lunar", month: 9, day: 9 },
  national_day: { nameZh: "国庆节", calendar: "gregorian", month: 10, day: 1 },
  christmas: { nameZh: "圣诞节", calendar: "gregorian", month: 12, day: 25 },
} as const satisfies Record<
  string,
  { nameZh: string; calendar: "gregorian" | "lunar" | "solar_term"; month: number; day: number }
>;
export type HolidayName = keyof typeof HOLIDAYS;

export const holidayNameSchema = z.enum(Object.keys(HOLIDAYS) as [HolidayName, ...HolidayName[]], {
  message: `must be a holiday such as spring_festival or mid_autumn (${Object.keys(HOLIDAYS).join(", ")})`,
});

export const careChannelSchema = z.enum(["sms", "wechat", "phone", "email"]);
export type CareChannel = z.infer<typeof careChannelSchema>;

const base = {
  customerId: idSchema("customer"),
  channel: careChannelSchema.default("sms"),
  /** The message template; empty uses the store's default for the kind. */
  templateId: z.string().trim().min(1).max(100).optional(),
  /** Who makes the call or signs the message. */
  assigneeId: idSchema("salesperson").optional(),
  /** How many days ahead of the date the greeting or reminder goes out. */
  daysBefore: z.number().int().min(0).max(60).default(0),
};

export const birthdayCareInputSchema = z.strictObject({ kind: z.literal("birthday"), ...base });

export const holidayCareInputSchema = z.strictObject({
  kind: z.literal("holiday"),
  ...base,
  holiday: holidayNameSchema,
});

/** A service reminder after a time, a distance, or whichever comes first. */
export const maintenanceCareInputSchema = z
  .strictObject({
    kind: z.literal("maintenance"),
    ...base,
    vin: z.string().trim().min(1).max(32).optional(),
    vehicleId: idSchema("vehicle").optional(),
    everyMonths: z.number().int().min(1).max(60).optional(),
    everyKm: z.number().int().min(500).max(100_000).optional(),
    lastServiceOn: localDateSchema,
    lastServiceMileageKm: z.number().int().min(0, { message: "must not be negative" }).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.everyMonths === undefined && entry.everyKm === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["everyMonths"],
        message: "set everyMonths, everyKm or both (whichever comes first)",
      });
    }
    if (entry.everyKm !== undefined && entry.lastServiceMileageKm === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["lastServiceMileageKm"],
        message: "is required when reminding by everyKm",
      });
    }
    if (!entry.vin && !entry.vehicleId) {
      ctx.addIssue({
        code: "custom",
        path: ["vin"],
        message: "name the vehicle by vin or vehicleId",
      });
    }
  });

export const carePlanEntryInputSchema = z.discriminatedUnion("kind", [
  birthdayCareInputSchema,
  holidayCareInputSchema,
  maintenanceCareInputSchema,
]);
export type CarePlanEntryInput = z.input<typeof carePlanEntryInputSchema>;
export type ParsedCarePlanEntryInput = z.output<typeof carePlanEntryInputSchema>;

export const careStatusSchema = z.enum(["active", "paused", "ended"]);
export type CareStatus = z.infer<typeof careStatusSchema>;

/** active ⇄ paused (e.g. while a complaint is open); either → ended. */
export const CARE_STATUS_TRANSITIONS: Readonly<Record<CareStatus, readonly CareStatus[]>> = {
  active: ["paused", "ended"],
  paused: ["active", "ended"],
  ended: [],
};

const stored = {
  id: idSchema("carePlanEntry"),
  status: careStatusSchema,
  customerId: idSchema("customer"),
  channel: careChannelSchema,
  templateId: z.string().optional(),
  assigneeId: idSchema("salesperson").optional(),
  daysBefore: z.number().int().min(0),
  /** The next date the entry fires, resolved in the store's time zone. */
  nextDueOn: localDateSchema.optional(),
  lastSentAt: timestampSchema.optional(),
  ...storedFields,
};

export const carePlanEntrySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("birthday"), ...stored }),
  z.object({ kind: z.literal("holiday"), ...stored, holiday: holidayNameSchema }),
  z.object({
    kind: z.literal("maintenance"),
    ...stored,
    vin: z.string().optional(),
    vehicleId: idSchema("vehicle").optional(),
    everyMonths: z.number().int().min(1).optional(),
    everyKm: z.number().int().min(1).optional(),
    lastServiceOn: localDateSchema,
    lastServiceMileageKm: z.number().int().min(0).optional(),
  }),
]);
export type CarePlanEntry = z.infer<typeof carePlanEntrySchema>;
