import { z } from "zod";
import { customerTypeSchema } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { regionCodeSchema } from "../primitives/regions.js";
import { type ZonedParts, zonedParts } from "../primitives/time.js";
import {
  type CompiledRule,
  type CompiledSalesperson,
  cityKey,
  nameKey,
} from "./assignmentRules.js";
import { leadChannelSchema, leadGradeSchema } from "./schema.js";

export const assignmentLeadSchema = z.object({
  region: regionCodeSchema.optional(),
  city: z.string().optional(),
  customerType: customerTypeSchema,
  interest: z.object({ brand: z.string().optional(), series: z.string().optional() }).optional(),
  source: z.string(),
  channel: leadChannelSchema,
  grade: leadGradeSchema.optional(),
  salespersonId: idSchema("salesperson").optional(),
});
/** What `assignLead` reads from a lead; a `NormalizedLead` plus its grade, or a stored `Lead`. */
export type AssignableLead = z.input<typeof assignmentLeadSchema>;

export type AssignmentLeadFields = z.output<typeof assignmentLeadSchema>;

/** Why a rule does not apply to a lead, or `undefined` when it does. */
export function mismatch(
  rule: CompiledRule,
  lead: AssignmentLeadFields,
  grade: string | undefined,
): string | undefined {
  if (rule.regions && !(lead.region && rule.regions.has(lead.region))) return "region";
  if (rule.cities && !(lead.city && rule.cities.has(cityKey(lead.city)))) return "city";
  if (rule.customerTypes && !rule.customerTypes.has(lead.customerType)) return "customer type";
  const brand = lead.interest?.brand;
  if (rule.brands && !(brand && rule.brands.has(nameKey(brand)))) return "brand";
  const series = lead.interest?.series;
  if (rule.series && !(series && rule.series.has(nameKey(series)))) return "series";
  if (rule.sources && !rule.sources.has(nameKey(lead.source))) return "source";
  if (rule.channels && !rule.channels.has(lead.channel)) return "channel";
  if (rule.grades && !(grade && rule.grades.has(grade))) return "grade";
  return undefined;
}

export type Exclusion =
  | "inactive"
  | "day off"
  | "off shift"
  | "at capacity"
  | "not covering this lead";

export interface Clock {
  at: number;
  zones: Map<string, { parts: ZonedParts; date: string; minuteOfWeek: number }>;
}

function wallClock(clock: Clock, timeZone: string) {
  let hit = clock.zones.get(timeZone);
  if (!hit) {
    const parts = zonedParts(clock.at, timeZone);
    const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
    hit = {
      parts,
      date: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
      minuteOfWeek: (parts.weekday - 1) * 1440 + parts.hour * 60 + parts.minute,
    };
    clock.zones.set(timeZone, hit);
  }
  return hit;
}

function onShift(person: CompiledSalesperson, minuteOfWeek: number): boolean {
  for (const [start, end] of person.shifts) {
    if (minuteOfWeek >= start && minuteOfWeek < end) return true;
    if (end > 10080 && minuteOfWeek < end - 10080) return true; // Sunday night into Monday
  }
  return false;
}

export function exclusion(
  person: CompiledSalesperson,
  lead: AssignmentLeadFields,
  onShiftOnly: boolean,
  openLeads: Readonly<Record<string, number>>,
  clock: Clock,
): Exclusion | undefined {
  if (!person.active) return "inactive";
  // No cap (the usual case) needs no look-up of the person's open leads.
  if (person.maxOpenLeads !== Infinity && (openLeads[person.id] ?? 0) >= person.maxOpenLeads) {
    return "at capacity";
  }
  const brand = lead.interest?.brand;
  if (
    (person.customerTypes && !person.customerTypes.has(lead.customerType)) ||
    (person.regions && lead.region && !person.regions.has(lead.region)) ||
    (person.brands && brand && !person.brands.has(nameKey(brand)))
  ) {
    return "not covering this lead";
  }
  if (person.daysOff.size > 0 || onShiftOnly) {
    const wall = wallClock(clock, person.timeZone);
    if (person.daysOff.has(wall.date)) return "day off";
    if (onShiftOnly && !onShift(person, wall.minuteOfWeek)) return "off shift";
  }
  return undefined;
}
