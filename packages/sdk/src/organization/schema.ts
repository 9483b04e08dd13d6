import { z } from "zod";
import { storedFields } from "../common.js";
import { e164Schema, emailSchema } from "../primitives/contact.js";
import { idSchema } from "../primitives/ids.js";
import { regionCodeSchema, regionInputSchema } from "../primitives/regions.js";
import { localDateSchema, localTimeSchema, timeZoneSchema } from "../primitives/time.js";

/** Opening hours of one weekday (ISO weekday 1 = Monday … 7 = Sunday). */
export const businessHoursSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  opens: localTimeSchema,
  closes: localTimeSchema,
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/**
 * Days a store does not work (public holidays) and days it works although they fall on a weekend
 * (China's 调休 make-up working days).
 */
export const storeCalendarSchema = z.strictObject({
  holidays: z.array(localDateSchema).default([]),
  extraWorkdays: z.array(localDateSchema).default([]),
});
export type StoreCalendar = z.infer<typeof storeCalendarSchema>;

/** The default week of a Chinese showroom: open every day 09:00–18:00. */
export const DEFAULT_BUSINESS_HOURS: readonly BusinessHours[] = [1, 2, 3, 4, 5, 6, 7].map(
  (weekday) => ({
    weekday,
    opens: "09:00",
    closes: "18:00",
  }),
);

export const storeInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  code: z.string().regex(/^[A-Z0-9]{2,8}$/, {
    message: "must be 2–8 capital letters or digits (used in order numbers)",
  }),
  region: regionInputSchema,
  city: z.string().trim().min(1).max(100).optional(),
  address: z.string().max(500).optional(),
  timeZone: timeZoneSchema.default("Asia/Shanghai"),
  brands: z.array(z.string().trim().min(1)).default([]),
  businessHours: z.array(businessHoursSchema).default([...DEFAULT_BUSINESS_HOURS]),
  calendar: storeCalendarSchema.default({ holidays: [], extraWorkdays: [] }),
  managerId: idSchema("salesperson").optional(),
});
export type StoreInput = z.input<typeof storeInputSchema>;

export const storeSchema = z.object({
  id: idSchema("store"),
  name: z.string(),
  code: z.string(),
  region: regionCodeSchema,
  city: z.string().optional(),
  address: z.string().optional(),
  timeZone: z.string(),
  brands: z.array(z.string()),
  businessHours: z.array(businessHoursSchema),
  calendar: storeCalendarSchema,
  managerId: idSchema("salesperson").optional(),
  ...storedFields,
});
export type Store = z.infer<typeof storeSchema>;

export const teamInputSchema = z.strictObject({
  storeId: idSchema("store"),
  name: z.string().trim().min(1).max(200),
  leaderId: idSchema("salesperson").optional(),
});
export type TeamInput = z.input<typeof teamInputSchema>;

export const teamSchema = z.object({
  id: idSchema("team"),
  storeId: idSchema("store"),
  name: z.string(),
  leaderId: idSchema("salesperson").optional(),
  ...storedFields,
});
export type Team = z.infer<typeof teamSchema>;

/** A working period of a salesperson, in the store's time zone. Crossing midnight is allowed. */
export const shiftSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  starts: localTimeSchema,
  ends: localTimeSchema,
});
export type Shift = z.infer<typeof shiftSchema>;

export const salespersonRoleSchema = z.enum(["sales", "manager", "finance", "marketing", "admin"]);

export const salespersonInputSchema = z.strictObject({
  storeId: idSchema("store"),
  teamId: idSchema("team").optional(),
  name: z.string().trim().min(1).max(200),
  role: salespersonRoleSchema.default("sales"),
  phone: e164Schema.optional(),
  email: emailSchema.optional(),
  /** Brands or series this person sells; empty means all. */
  brands: z.array(z.string().trim().min(1)).default([]),
  /** Regions (GB/T 2260 codes or names) this person covers; empty means all. */
  regions: z.array(regionInputSchema).default([]),
  /** Customer types this person handles; empty means all. */
  customerTypes: z.array(z.enum(["individual", "business", "fleet"])).default([]),
  shifts: z.array(shiftSchema).default([]),
  /** Days off (leave) in the store's calendar. */
  daysOff: z.array(localDateSchema).default([]),
  active: z.boolean().default(true),
  /** Most open leads this person should hold; assignment skips them above it. */
  maxOpenLeads: z.number().int().positive().optional(),
});
export type SalespersonInput = z.input<typeof salespersonInputSchema>;

export const salespersonSchema = z.object({
  id: idSchema("salesperson"),
  storeId: idSchema("store"),
  teamId: idSchema("team").optional(),
  name: z.string(),
  role: salespersonRoleSchema,
  phone: e164Schema.optional(),
  email: z.string().optional(),
  brands: z.array(z.string()),
  regions: z.array(regionCodeSchema),
  customerTypes: z.array(z.enum(["individual", "business", "fleet"])),
  shifts: z.array(shiftSchema),
  daysOff: z.array(localDateSchema),
  active: z.boolean(),
  maxOpenLeads: z.number().int().positive().optional(),
  ...storedFields,
});
export type Salesperson = z.infer<typeof salespersonSchema>;
