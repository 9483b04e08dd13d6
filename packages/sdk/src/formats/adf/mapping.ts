import type { PurchaseTimeframe } from "../../leads/schema.js";
import { type Money, moneyFromMajor } from "../../primitives/money.js";
import { DAY_MS, timestampSchema, toZonedIso, zonedToEpochMs } from "../../primitives/time.js";

/**
 * The ADF ↔ LeadInput mapping that both directions share: the `attributes` keys ADF details are
 * kept under, the timeframe windows, and lenient readers for dates and prices.
 */

/** Prefix of every lead attribute that holds an ADF detail LeadInput has no field for. */
export const ADF_ATTRIBUTE_PREFIX = "adf.";

/**
 * `attributes` keys for ADF details. `toAdf` writes each back to its place in the document, so
 * a parsed lead re-emits the same ADF; keys under `adf.extra.` hold elements outside the DTD and
 * are not emitted.
 */
export const ADF_ATTRIBUTES = {
  prospectStatus: "adf.prospect.status",
  /** Source of the `<id>` that became `externalId`, when it differs from the lead's source. */
  idSource: "adf.id.source",
  /** Further prospect ids: `adf.id.<source>` (or `adf.id.<n>` without a source). */
  idPrefix: "adf.id.",
  nameFirst: "adf.name.first",
  nameMiddle: "adf.name.middle",
  nameLast: "adf.name.last",
  nameSuffix: "adf.name.suffix",
  phoneType: "adf.phone.type",
  phoneTime: "adf.phone.time",
  /** Further phones: `adf.phone.<n>` (n ≥ 2) with `adf.phone.<n>.type`. */
  phonePrefix: "adf.phone.",
  addressType: "adf.address.type",
  street: "adf.address.street",
  apartment: "adf.address.apartment",
  regionCode: "adf.address.regioncode",
  postalCode: "adf.address.postalcode",
  country: "adf.address.country",
  customerId: "adf.customer.id",
  timeframeDescription: "adf.timeframe.description",
  vehicleInterest: "adf.vehicle.interest",
  priceType: "adf.vehicle.price.type",
  financeMethod: "adf.finance.method",
  financeAmount: "adf.finance.amount",
  financeAmountType: "adf.finance.amount.type",
  vendorId: "adf.vendor.id",
  vendorName: "adf.vendor.name",
  vendorUrl: "adf.vendor.url",
  vendorContactName: "adf.vendor.contact.name",
  vendorContactEmail: "adf.vendor.contact.email",
  vendorContactPhone: "adf.vendor.contact.phone",
  providerId: "adf.provider.id",
  providerName: "adf.provider.name",
  providerService: "adf.provider.service",
  providerUrl: "adf.provider.url",
  providerEmail: "adf.provider.email",
  providerPhone: "adf.provider.phone",
  /** Elements outside the DTD: `adf.extra.<parent>.<element>`. Kept, never emitted. */
  extraPrefix: "adf.extra.",
} as const;

/**
 * Plain-text vehicle elements without a LeadInput field, in DTD order, with their attribute key
 * (`adf.vehicle.<element>` for the vehicle of interest, `adf.tradein.<element>` for a trade-in).
 */
export const VEHICLE_TEXT_ELEMENTS = [
  "stock",
  "doors",
  "bodystyle",
  "transmission",
  "odometer",
  "condition",
  "pricecomments",
  "comments",
] as const;
export type VehicleTextElement = (typeof VEHICLE_TEXT_ELEMENTS)[number];

/** Attribute keys of the trade-in vehicle's core fields (the vehicle of interest uses `interest`). */
export const TRADE_IN_FIELDS = ["year", "make", "model", "vin", "trim"] as const;

export const vehicleAttribute = (scope: "vehicle" | "tradein", element: string) =>
  `adf.${scope}.${element}`;

/** DTD enumerations the emitter may write. */
export const VEHICLE_INTERESTS = ["buy", "lease", "sell", "trade-in", "test-drive"] as const;
export const PHONE_TYPES = ["voice", "fax", "cellphone", "pager"] as const;
export const PHONE_TIMES = ["morning", "afternoon", "evening", "nopreference", "day"] as const;
export const PRICE_TYPES = [
  "quote",
  "offer",
  "msrp",
  "invoice",
  "call",
  "appraisal",
  "asking",
] as const;
export const ADDRESS_TYPES = ["work", "home", "delivery"] as const;
export const AMOUNT_TYPES = ["downpayment", "monthly", "total"] as const;
export const ODOMETER_UNITS = ["km", "mi"] as const;

export function isOneOf<T extends string>(
  list: readonly T[],
  value: string | undefined,
): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/**
 * How far ahead each purchase timeframe reaches, in days from the request date. `toAdf` writes
 * the request date plus these days as `<latestdate>`; `parseAdf` maps a date back to the first
 * window that holds it.
 */
export const TIMEFRAME_WINDOW_DAYS = {
  within_7_days: 7,
  within_15_days: 15,
  within_30_days: 30,
  within_3_months: 92,
} as const satisfies Partial<Record<PurchaseTimeframe, number>>;

/** `toAdf` writes "over 3 months" as an `<earliestdate>` this many days after the request. */
export const OVER_3_MONTHS_EARLIEST_DAYS = 93;

/** The purchase timeframe a horizon date stands for, relative to the request date. */
export function timeframeFromHorizon(referenceMs: number, horizonMs: number): PurchaseTimeframe {
  const days = (horizonMs - referenceMs) / DAY_MS;
  for (const [timeframe, limit] of Object.entries(TIMEFRAME_WINDOW_DAYS)) {
    if (days <= limit) return timeframe as PurchaseTimeframe;
  }
  return "over_3_months";
}

/** Human description `toAdf` writes in `<timeframe><description>`. */
export const TIMEFRAME_DESCRIPTIONS: Readonly<Record<PurchaseTimeframe, string>> = {
  within_7_days: "Within 7 days",
  within_15_days: "Within 15 days",
  within_30_days: "Within 30 days",
  within_3_months: "Within 3 months",
  over_3_months: "More than 3 months",
  unknown: "Unknown",
};

export interface ReadDate {
  /** ISO 8601 with an offset, fit for `timestampSchema`. */
  iso: string;
  ms: number;
  /** Set when the text needed interpretation (no offset, a US date). */
  note?: string;
}

const LOOSE_ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{1,2})?)?$/i;
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

const pad2 = (n: string | number) => String(n).padStart(2, "0");

function normaliseOffset(offset: string): string {
  if (offset.toUpperCase() === "Z") return "Z";
  const m = /^([+-])(\d{2}):?(\d{1,2})?$/.exec(offset)!;
  return `${m[1]}${m[2]}:${pad2(m[3] ?? "0")}`;
}

function wallClock(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  timeZone: string,
  note: string,
): ReadDate | undefined {
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return undefined;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return undefined;
  const ms = zonedToEpochMs(parts, timeZone);
  return { iso: toZonedIso(ms, timeZone), ms, note };
}

/**
 * Reads the dates real feeds send: ISO 8601 with an offset (kept exactly), ISO without seconds
 * or with a malformed offset such as `-08:0` (repaired), ISO without an offset and US
 * `MM/DD/YYYY [hh:mm [AM|PM]]` (read in `timeZone`). `undefined` for anything else.
 */
export function readAdfDate(text: string, timeZone: string): ReadDate | undefined {
  if (text === "") return undefined;
  if (timestampSchema.safeParse(text).success) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return { iso: text, ms };
  }
  const iso = LOOSE_ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, offset] = iso;
    if (offset) {
      const repaired = `${y}-${mo}-${d}T${h ?? "00"}:${mi ?? "00"}:${s ?? "00"}${fraction ?? ""}${normaliseOffset(offset)}`;
      const ms = Date.parse(repaired);
      if (!Number.isFinite(ms) || !timestampSchema.safeParse(repaired).success) return undefined;
      return { iso: repaired, ms, note: `"${text}" read as ${repaired}` };
    }
    return wallClock(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour: Number(h ?? 0),
        minute: Number(mi ?? 0),
        second: Number(s ?? 0),
      },
      timeZone,
      `"${text}" has no UTC offset; read in ${timeZone}`,
    );
  }
  const us = US_DATE.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, s, meridiem] = us;
    let hour = Number(h ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
    }
    return wallClock(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour,
        minute: Number(mi ?? 0),
        second: Number(s ?? 0),
      },
      timeZone,
      `"${text}" read as a US date (month/day/year) in ${timeZone}`,
    );
  }
  return undefined;
}

/** Epoch milliseconds plus `days`, as ISO 8601 in UTC. */
export function addDaysIso(ms: number, days: number): string {
  return new Date(ms + days * DAY_MS).toISOString();
}

/**
 * Reads a price as feeds write it — `25995`, `25,995.00`, `$25,995`, `CNY 189800` — into exact
 * minor units. Returns the reason when it cannot.
 */
export function readAdfPrice(
  text: string,
  currency: string,
): { ok: true; money: Money } | { ok: false; reason: string } {
  const cleaned = text
    .replace(/^[^\d.-]+/, "")
    .replace(/[^\d.]+$/, "")
    .replace(/[,\s]/g, "");
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned)) {
    return { ok: false, reason: `"${text}" is not a price` };
  }
  if (cleaned.startsWith("-")) return { ok: false, reason: `"${text}" is negative` };
  try {
    return { ok: true, money: moneyFromMajor(cleaned, currency) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Joins name parts the way ADF means them: first, middle, last, suffix. */
export function joinNameParts(parts: Readonly<Record<string, string | undefined>>): string {
  return [parts.first, parts.middle, parts.last ?? parts.surname, parts.suffix]
    .filter((p): p is string => !!p)
    .join(" ");
}
