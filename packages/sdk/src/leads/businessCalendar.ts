import { z } from "zod";
import { ValidationError } from "../errors.js";
import {
  businessHoursSchema,
  DEFAULT_BUSINESS_HOURS,
  storeCalendarSchema,
} from "../organization/schema.js";
import { idSchema } from "../primitives/ids.js";
import {
  DEFAULT_TIME_ZONE,
  MINUTE_MS,
  timeZoneSchema,
  zonedParts,
  zonedToEpochMs,
} from "../primitives/time.js";

/** The parts of a store that scheduling reads; a stored `Store` fits. */
export const scheduleStoreSchema = z
  .object({
    id: idSchema("store").optional(),
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    businessHours: z.array(businessHoursSchema).default([...DEFAULT_BUSINESS_HOURS]),
    calendar: storeCalendarSchema.default({ holidays: [], extraWorkdays: [] }),
    managerId: idSchema("salesperson").optional(),
  })
  .superRefine((s, ctx) => {
    s.businessHours.forEach((h, i) => {
      if (h.closes <= h.opens) {
        ctx.addIssue({
          code: "custom",
          path: ["businessHours", i, "closes"],
          message: "must be later than opens",
        });
      }
    });
  });
export type ScheduleStore = z.input<typeof scheduleStoreSchema>;

/** A store's week and calendar prepared for business-time arithmetic. */
export interface BusinessCalendar {
  timeZone: string;
  /** Opening intervals in minutes of the day, per ISO weekday (index 1–7). */
  hours: [number, number][][];
  holidays: Set<string>;
  extraWorkdays: Set<string>;
  managerId: string | undefined;
  storeId: string | undefined;
}

/** Days searched for an opening before deciding the store never opens. */
const SEARCH_DAYS = 400;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function compileBusinessCalendar(
  store: z.output<typeof scheduleStoreSchema>,
): BusinessCalendar {
  const hours: [number, number][][] = [[], [], [], [], [], [], [], []];
  for (const h of store.businessHours)
    hours[h.weekday]!.push([minutesOf(h.opens), minutesOf(h.closes)]);
  for (const day of hours) day.sort((a, b) => a[0] - b[0]);
  return {
    timeZone: store.timeZone,
    hours,
    holidays: new Set(store.calendar.holidays),
    extraWorkdays: new Set(store.calendar.extraWorkdays),
    managerId: store.managerId,
    storeId: store.id,
  };
}

interface Day {
  year: number;
  month: number;
  day: number;
}

const nextDay = ({ year, month, day }: Day, days = 1): Day => {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/**
 * Opening hours of one local date: none on a holiday; a make-up workday (调休) that falls on a
 * closed weekday borrows the hours of the first weekday that has any (normally Monday's).
 */
function openingHours(cal: BusinessCalendar, d: Day): [number, number][] {
  const date = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (cal.holidays.has(date)) return [];
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7;
  const own = cal.hours[weekday]!;
  if (own.length > 0 || !cal.extraWorkdays.has(date)) return own;
  return cal.hours.find((h) => h.length > 0) ?? [];
}

/**
 * The instant `minutes` business minutes after `startMs`, counting only the store's opening hours
 * in its time zone. With 0 minutes: the first open moment at or after `startMs`.
 */
export function addBusinessMinutes(
  cal: BusinessCalendar,
  startMs: number,
  minutes: number,
): number {
  let remaining = minutes * MINUTE_MS;
  let cur = startMs;
  const p = zonedParts(startMs, cal.timeZone);
  let day: Day = { year: p.year, month: p.month, day: p.day };
  for (let i = 0; i < SEARCH_DAYS; i++, day = nextDay(day)) {
    for (const [opens, closes] of openingHours(cal, day)) {
      const at = (m: number) =>
        zonedToEpochMs({ ...day, hour: Math.floor(m / 60), minute: m % 60 }, cal.timeZone);
      const end = at(closes);
      if (cur >= end) continue;
      const begin = at(opens);
      if (cur < begin) cur = begin;
      if (remaining <= end - cur) return cur + remaining;
      remaining -= end - cur;
      cur = end;
    }
  }
  throw new ValidationError(
    `Invalid store schedule: no business hours within ${SEARCH_DAYS} days of the start`,
    [{ path: "store.businessHours", message: "the store never opens" }],
  );
}

/** The same wall-clock time `days` later in the store's zone (DST-safe), in epoch ms. */
export function addLocalDays(cal: BusinessCalendar, fromMs: number, days: number): number {
  const p = zonedParts(fromMs, cal.timeZone);
  const d = nextDay(p, days);
  return zonedToEpochMs({ ...d, hour: p.hour, minute: p.minute, second: p.second }, cal.timeZone);
}
