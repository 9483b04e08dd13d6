import { attributesSchema } from "../common.js";
import { type IdKind, isId } from "../primitives/ids.js";
import type { Money } from "../primitives/money.js";
import { resolveRegion } from "../primitives/regions.js";
import { timestampSchema } from "../primitives/time.js";
import type { ParsedLeadInput } from "./schema.js";

/*
 * A hand-written reading of `leadInputSchema` for the lead hot path. Running the zod schema costs
 * several microseconds per lead and allocates kilobytes (parse payloads, issue arrays) that keep
 * the garbage collector busy; this reads the same fields directly.
 *
 * It only ever accepts: when it returns a value, that value is exactly what the schema's parse
 * returns (same fields, same key order, same trimming and defaults). When anything is off — a
 * wrong type, an unknown key, a length out of range — it returns `undefined` and the caller runs
 * the zod schema, which then produces the `ValidationError` with its usual issues and messages.
 * A fast-check property test (leadInputFast.test.ts) checks both halves against the schema.
 *
 * It mirrors zod's object semantics: a field is read with `input[key]`; an optional field that is
 * present (`key in input`) with the value `undefined` stays in the output as `undefined`; a
 * defaulted field is always in the output; unknown keys are looked for with `for…in`, as zod's
 * strict objects do.
 */

type Obj = Record<string, unknown>;

/** zod's `isObject`: any non-null, non-array object. */
function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function onlyKeys(v: Obj, allowed: ReadonlySet<string>): boolean {
  for (const key in v) if (!allowed.has(key)) return false;
  return true;
}

const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

const LEAD_KEYS = keys(
  "source",
  "channel",
  "campaignId",
  "externalId",
  "occurredAt",
  "customerType",
  "contact",
  "companyName",
  "fleetSize",
  "region",
  "city",
  "storeId",
  "interest",
  "budget",
  "timeframe",
  "intent",
  "engagement",
  "message",
  "attributes",
  "consent",
);
const CONTACT_KEYS = keys("name", "phone", "email", "wechat", "preferred");
const INTEREST_KEYS = keys(
  "brand",
  "series",
  "model",
  "trim",
  "year",
  "condition",
  "vin",
  "vehicleId",
  "price",
);
const MONEY_KEYS = keys("amount", "currency");
const BUDGET_KEYS = keys("min", "max");
const ENGAGEMENT_KEYS = keys(
  "testDriveRequested",
  "visitBooked",
  "quoteRequested",
  "financingAsked",
  "tradeInOffered",
);
const CONSENT_KEYS = keys("marketing");

const CHANNELS = keys(
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
);
const CUSTOMER_TYPES = keys("individual", "business", "fleet");
const TIMEFRAMES = keys(
  "within_7_days",
  "within_15_days",
  "within_30_days",
  "within_3_months",
  "over_3_months",
  "unknown",
);
const INTENTS = keys("high", "medium", "low", "unknown");
const CONDITIONS = keys("new", "used", "demo");
const PREFERRED = keys("phone", "email", "wechat", "sms");
const CURRENCY = /^[A-Z]{3}$/;

/** Marks a failed field; never a valid output value (every field's output is a string/number/object). */
const BAD: unique symbol = Symbol("bad");
type Bad = typeof BAD;

/** `z.string().trim().min(min).max(max)`. */
function trimmed(v: unknown, min: number, max: number): string | Bad {
  if (typeof v !== "string") return BAD;
  const t = v.trim();
  return t.length >= min && t.length <= max ? t : BAD;
}

function member(v: unknown, values: ReadonlySet<string>): string | Bad {
  return typeof v === "string" && values.has(v) ? v : BAD;
}

function id(v: unknown, kind: IdKind): string | Bad {
  return isId(kind, v) ? v : BAD;
}

/** `moneySchema`: a strict `{ amount: safe integer, currency: ISO code (default CNY) }`. */
function money(v: unknown): Money | Bad {
  if (!isObject(v) || !onlyKeys(v, MONEY_KEYS)) return BAD;
  const amount = v.amount;
  if (!Number.isSafeInteger(amount)) return BAD;
  const currency = v.currency;
  if (currency === undefined) return { amount: amount as number, currency: "CNY" };
  if (typeof currency !== "string" || !CURRENCY.test(currency)) return BAD;
  return { amount: amount as number, currency };
}

/**
 * Sets an optional field: absent keys stay absent, a present `undefined` stays `undefined`, and
 * anything else must read as a valid value. Returns false when it does not.
 */
function optional(out: Obj, from: Obj, key: string, read: (v: unknown) => unknown | Bad): boolean {
  const v = from[key];
  if (v === undefined) {
    if (key in from) out[key] = undefined;
    return true;
  }
  const parsed = read(v);
  if (parsed === BAD) return false;
  out[key] = parsed;
  return true;
}

const readName = (v: unknown) => trimmed(v, 0, 200);
const readPhone = (v: unknown) => trimmed(v, 0, 40);
const readEmail = (v: unknown) => trimmed(v, 0, 254);
const readWechat = (v: unknown) => trimmed(v, 0, 100);
const readPreferred = (v: unknown) => member(v, PREFERRED);

function contactOf(v: unknown): Obj | Bad {
  if (!isObject(v) || !onlyKeys(v, CONTACT_KEYS)) return BAD;
  const out: Obj = {};
  if (
    !optional(out, v, "name", readName) ||
    !optional(out, v, "phone", readPhone) ||
    !optional(out, v, "email", readEmail) ||
    !optional(out, v, "wechat", readWechat) ||
    !optional(out, v, "preferred", readPreferred)
  ) {
    return BAD;
  }
  return out;
}

const readShortName = (v: unknown) => trimmed(v, 1, 100);
const readLongName = (v: unknown) => trimmed(v, 1, 200);
const readYear = (v: unknown) =>
  Number.isSafeInteger(v) && (v as number) >= 1900 && (v as number) <= 2100 ? v : BAD;
const readCondition = (v: unknown) => member(v, CONDITIONS);
const readVin = (v: unknown) => trimmed(v, 1, 32);
const readVehicleId = (v: unknown) => id(v, "vehicle");

function interestOf(v: unknown): Obj | Bad {
  if (v === undefined) return {};
  if (!isObject(v) || !onlyKeys(v, INTEREST_KEYS)) return BAD;
  const out: Obj = {};
  if (
    !optional(out, v, "brand", readShortName) ||
    !optional(out, v, "series", readShortName) ||
    !optional(out, v, "model", readLongName) ||
    !optional(out, v, "trim", readLongName) ||
    !optional(out, v, "year", readYear) ||
    !optional(out, v, "condition", readCondition) ||
    !optional(out, v, "vin", readVin) ||
    !optional(out, v, "vehicleId", readVehicleId) ||
    !optional(out, v, "price", money)
  ) {
    return BAD;
  }
  return out;
}

function budgetOf(v: unknown): Obj | Bad {
  if (!isObject(v) || !onlyKeys(v, BUDGET_KEYS)) return BAD;
  const out: Obj = {};
  if (!optional(out, v, "min", money) || !optional(out, v, "max", money)) return BAD;
  return out;
}

function flag(v: unknown): boolean | Bad {
  return v === undefined ? false : typeof v === "boolean" ? v : BAD;
}

function engagementOf(v: unknown): Obj | Bad {
  if (v === undefined) {
    return {
      testDriveRequested: false,
      visitBooked: false,
      quoteRequested: false,
      financingAsked: false,
      tradeInOffered: false,
    };
  }
  if (!isObject(v) || !onlyKeys(v, ENGAGEMENT_KEYS)) return BAD;
  const testDriveRequested = flag(v.testDriveRequested);
  const visitBooked = flag(v.visitBooked);
  const quoteRequested = flag(v.quoteRequested);
  const financingAsked = flag(v.financingAsked);
  const tradeInOffered = flag(v.tradeInOffered);
  if (
    testDriveRequested === BAD ||
    visitBooked === BAD ||
    quoteRequested === BAD ||
    financingAsked === BAD ||
    tradeInOffered === BAD
  ) {
    return BAD;
  }
  return { testDriveRequested, visitBooked, quoteRequested, financingAsked, tradeInOffered };
}

const readCampaignId = (v: unknown) => id(v, "campaign");
const readStoreId = (v: unknown) => id(v, "store");
const readExternalId = (v: unknown) =>
  typeof v === "string" && v.length >= 1 && v.length <= 256 ? v : BAD;
const readTimestamp = (v: unknown) => (timestampSchema.safeParse(v).success ? v : BAD);
const readCompanyName = (v: unknown) => trimmed(v, 0, 200);
const readFleetSize = (v: unknown) => (Number.isSafeInteger(v) && (v as number) > 0 ? v : BAD);
const readRegion = (v: unknown) => {
  if (typeof v !== "string") return BAD;
  const region = resolveRegion(v);
  return region ? region.code : BAD;
};
const readMessage = (v: unknown) => (typeof v === "string" && v.length <= 10_000 ? v : BAD);
const readConsent = (v: unknown) => {
  if (!isObject(v) || !onlyKeys(v, CONSENT_KEYS)) return BAD;
  const marketing = v.marketing;
  return typeof marketing === "boolean" ? { marketing } : BAD;
};

/**
 * `leadInputSchema.parse(input)` when `input` is plainly valid; `undefined` when it may not be
 * (the caller then runs the schema, which reports the problems).
 */
export function readLeadInputFast(input: unknown): ParsedLeadInput | undefined {
  if (!isObject(input) || !onlyKeys(input, LEAD_KEYS)) return undefined;
  const source = trimmed(input.source, 1, 100);
  const channel = member(input.channel, CHANNELS);
  if (source === BAD || channel === BAD) return undefined;
  const out: Obj = { source, channel };
  if (
    !optional(out, input, "campaignId", readCampaignId) ||
    !optional(out, input, "externalId", readExternalId) ||
    !optional(out, input, "occurredAt", readTimestamp)
  ) {
    return undefined;
  }
  const customerType = input.customerType;
  if (customerType === undefined) out.customerType = "individual";
  else if (member(customerType, CUSTOMER_TYPES) === BAD) return undefined;
  else out.customerType = customerType;
  const contact = contactOf(input.contact);
  // The schema's refinement: at least one way to reach the customer (after trimming).
  if (contact === BAD || !(contact.phone || contact.email || contact.wechat)) return undefined;
  out.contact = contact;
  if (
    !optional(out, input, "companyName", readCompanyName) ||
    !optional(out, input, "fleetSize", readFleetSize) ||
    !optional(out, input, "region", readRegion) ||
    !optional(out, input, "city", readShortName) ||
    !optional(out, input, "storeId", readStoreId)
  ) {
    return undefined;
  }
  const interest = interestOf(input.interest);
  if (interest === BAD) return undefined;
  out.interest = interest;
  if (!optional(out, input, "budget", budgetOf)) return undefined;
  const timeframe = input.timeframe;
  if (timeframe === undefined) out.timeframe = "unknown";
  else if (member(timeframe, TIMEFRAMES) === BAD) return undefined;
  else out.timeframe = timeframe;
  const intent = input.intent;
  if (intent === undefined) out.intent = "unknown";
  else if (member(intent, INTENTS) === BAD) return undefined;
  else out.intent = intent;
  const engagement = engagementOf(input.engagement);
  if (engagement === BAD) return undefined;
  out.engagement = engagement;
  if (!optional(out, input, "message", readMessage)) return undefined;
  const attributes = input.attributes;
  if (attributes === undefined) out.attributes = {};
  else {
    // Free-form records are rare on the hot path; the schema's own reading is exact.
    const parsed = attributesSchema.safeParse(attributes);
    if (!parsed.success) return undefined;
    out.attributes = parsed.data;
  }
  if (!optional(out, input, "consent", readConsent)) return undefined;
  return out as ParsedLeadInput;
}
