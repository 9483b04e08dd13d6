import { z } from "zod";
import { type LeadInput, leadInputSchema, type ParsedLeadInput } from "../../leads/schema.js";
import { formatMoneyDecimal } from "../../primitives/money.js";
import { timestampSchema } from "../../primitives/time.js";
import { invalid, parseInput } from "../../validate.js";
import {
  ADF_ATTRIBUTES as A,
  ADDRESS_TYPES,
  AMOUNT_TYPES,
  addDaysIso,
  isOneOf,
  ODOMETER_UNITS,
  OVER_3_MONTHS_EARLIEST_DAYS,
  PHONE_TIMES,
  PHONE_TYPES,
  PRICE_TYPES,
  TIMEFRAME_DESCRIPTIONS,
  TIMEFRAME_WINDOW_DAYS,
  type TRADE_IN_FIELDS,
  VEHICLE_INTERESTS,
  type VEHICLE_TEXT_ELEMENTS,
  vehicleAttribute,
} from "./mapping.js";
import { escapeAttribute, escapeText, NON_XML_CHARACTERS } from "./xml.js";

/** MIME type ADF travels under. */
export const ADF_MIME_TYPE = "application/x-adf+xml";

const vendorContactSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().min(1).max(254).optional(),
    phone: z.string().trim().min(1).max(40).optional(),
  })
  .refine((c) => c.email || c.phone, {
    message: "needs an email or a phone (the ADF DTD requires one)",
  });

export const toAdfOptionsSchema = z.strictObject({
  /**
   * The dealer receiving the leads (`<vendor>`, required by the DTD). Without it each lead's
   * `adf.vendor.*` attributes (kept by `parseAdf`) are used.
   */
  vendor: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      id: z.string().trim().min(1).max(256).optional(),
      url: z.string().trim().min(1).max(2000).optional(),
      contact: vendorContactSchema,
    })
    .optional(),
  /** `source` attribute of the `<id>` carrying `externalId`; default: the lead's source. */
  idSource: z.string().trim().min(1).max(100).optional(),
  /** `<requestdate>` of leads without `occurredAt`; default: now. */
  requestDate: timestampSchema.optional(),
  /** Indent the document (two spaces a level); `false` writes it on one line. */
  pretty: z.boolean().default(true),
  /**
   * Characters XML 1.0 cannot carry (control characters, lone surrogates): `"error"` raises
   * `ValidationError` naming the field; `"replace"` writes U+FFFD instead.
   */
  invalidCharacters: z.enum(["error", "replace"]).default("error"),
});
export type ToAdfOptions = z.input<typeof toAdfOptionsSchema>;
type ResolvedOptions = z.output<typeof toAdfOptionsSchema>;

const WHAT = "leads for ADF";
const leadListSchema = z.array(leadInputSchema).min(1, {
  message: "ADF needs at least one prospect; the list is empty",
});

type Attrs = ReadonlyArray<readonly [string, string | undefined]>;

/** Writes elements in order; the emitter is responsible for following the DTD. */
class XmlWriter {
  private readonly out: string[] = [];
  private depth = 0;

  constructor(private readonly pretty: boolean) {}

  private line(text: string): void {
    this.out.push(this.pretty ? `${"  ".repeat(this.depth)}${text}\n` : text);
  }

  private static attrs(attrs: Attrs): string {
    let text = "";
    for (const [name, value] of attrs) {
      if (value !== undefined) text += ` ${name}="${escapeAttribute(value)}"`;
    }
    return text;
  }

  raw(text: string): void {
    this.line(text);
  }

  open(tag: string, attrs: Attrs = []): void {
    this.line(`<${tag}${XmlWriter.attrs(attrs)}>`);
    this.depth++;
  }

  close(tag: string): void {
    this.depth--;
    this.line(`</${tag}>`);
  }

  leaf(tag: string, text: string, attrs: Attrs = []): void {
    this.line(`<${tag}${XmlWriter.attrs(attrs)}>${escapeText(text)}</${tag}>`);
  }

  /** A leaf only when there is text. */
  optional(tag: string, text: string | undefined, attrs: Attrs = []): void {
    if (text !== undefined && text !== "") this.leaf(tag, text, attrs);
  }

  toString(): string {
    return this.out.join("");
  }
}

const HAS_NON_XML = new RegExp(NON_XML_CHARACTERS.source);

/** Checks (or replaces) characters XML cannot carry, in every string of a value. */
function cleanStrings<T>(value: T, path: string, mode: "error" | "replace"): T {
  if (typeof value === "string") {
    if (!HAS_NON_XML.test(value)) return value;
    if (mode === "replace") return value.replace(NON_XML_CHARACTERS, "\uFFFD") as T;
    const bad = value.match(HAS_NON_XML)![0].charCodeAt(0);
    const code = `U+${bad.toString(16).toUpperCase().padStart(4, "0")}`;
    return invalid(
      WHAT,
      path,
      `contains ${code}, which XML 1.0 cannot carry (pass invalidCharacters: "replace" to write U+FFFD)`,
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanStrings(v, `${path}.${i}`, mode)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value))
      out[key] = cleanStrings(v, `${path}.${key}`, mode);
    return out as T;
  }
  return value;
}

/**
 * Writes leads as an ADF 1.0 document, strictly per the DTD: the XML declaration and
 * `<?adf version="1.0"?>`, elements in DTD order, required elements present, every text and
 * attribute escaped. Details without a LeadInput field come from the `adf.*` attributes
 * `parseAdf` keeps, so parsed leads re-emit what they were read from.
 */
export function toAdf(leads: LeadInput | readonly LeadInput[], options: ToAdfOptions = {}): string {
  const opts = parseInput(toAdfOptionsSchema, options, "toAdf options");
  const list = parseInput(leadListSchema, Array.isArray(leads) ? leads : [leads], WHAT);
  const vendor = opts.vendor && cleanStrings(opts.vendor, "options.vendor", opts.invalidCharacters);
  const requestDate = opts.requestDate ?? new Date().toISOString();
  const w = new XmlWriter(opts.pretty);
  w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  w.raw('<?adf version="1.0"?>');
  w.open("adf");
  list.forEach((lead, index) => {
    const clean = cleanStrings(lead, String(index), opts.invalidCharacters);
    writeProspect(w, clean, index, { ...opts, vendor }, requestDate);
  });
  w.close("adf");
  return w.toString();
}

function writeProspect(
  w: XmlWriter,
  lead: ParsedLeadInput,
  index: number,
  opts: ResolvedOptions,
  requestDate: string,
): void {
  const at = lead.attributes;
  const { phone, email } = lead.contact;
  if (!phone && !email) {
    invalid(WHAT, `${index}.contact`, "ADF needs an email or a phone (WeChat cannot be carried)");
  }
  const status = at[A.prospectStatus] === "resend" ? "resend" : undefined;
  w.open("prospect", [["status", status]]);
  if (lead.externalId !== undefined) {
    const source = opts.idSource ?? at[A.idSource] ?? lead.source;
    w.leaf("id", lead.externalId, [
      ["sequence", "1"],
      ["source", source],
    ]);
  }
  for (const [key, value] of Object.entries(at)) {
    if (!key.startsWith(A.idPrefix) || key === A.idSource) continue;
    // `adf.id.<n>` holds an id that came without a source.
    const source = key.slice(A.idPrefix.length);
    w.leaf("id", value, [["source", /^\d+$/.test(source) ? undefined : source]]);
  }
  const requested = lead.occurredAt ?? requestDate;
  w.leaf("requestdate", requested);
  writeVehicles(w, lead);
  writeCustomer(w, lead, Date.parse(requested));
  writeVendor(w, lead, index, opts);
  writeProvider(w, lead);
  w.close("prospect");
}

function writeVehicles(w: XmlWriter, lead: ParsedLeadInput): void {
  const at = lead.attributes;
  const interest = lead.interest;
  const kept = at[A.vehicleInterest];
  const wanted = lead.engagement.testDriveRequested
    ? "test-drive"
    : isOneOf(VEHICLE_INTERESTS, kept) && kept !== "trade-in" && kept !== "sell"
      ? kept
      : undefined;
  const status = interest.condition === "new" ? "new" : interest.condition ? "used" : undefined;
  w.open("vehicle", [
    ["interest", wanted],
    ["status", status],
  ]);
  w.leaf("year", interest.year === undefined ? "" : String(interest.year));
  w.leaf("make", interest.brand ?? "");
  w.leaf("model", interest.model ?? "");
  w.optional("vin", interest.vin);
  writeVehicleDetails(w, at, "vehicle", interest.trim, () => {
    if (!interest.price) return;
    const type = at[A.priceType];
    w.leaf("price", formatMoneyDecimal(interest.price), [
      ["type", isOneOf(PRICE_TYPES, type) ? type : undefined],
      ["currency", interest.price.currency],
    ]);
  });
  w.close("vehicle");

  if (!lead.engagement.tradeInOffered) return;
  const sell = at[vehicleAttribute("tradein", "interest")] === "sell";
  w.open("vehicle", [["interest", sell ? "sell" : "trade-in"]]);
  const field = (name: (typeof TRADE_IN_FIELDS)[number]) => at[vehicleAttribute("tradein", name)];
  w.leaf("year", field("year") ?? "");
  w.leaf("make", field("make") ?? "");
  w.leaf("model", field("model") ?? "");
  w.optional("vin", field("vin"));
  writeVehicleDetails(w, at, "tradein", field("trim"));
  w.close("vehicle");
}

/** Vehicle elements after `vin`, in DTD order; `price` is written by the callback in its place. */
function writeVehicleDetails(
  w: XmlWriter,
  at: Readonly<Record<string, string>>,
  scope: "vehicle" | "tradein",
  trim: string | undefined,
  writePrice?: () => void,
): void {
  const text = (element: (typeof VEHICLE_TEXT_ELEMENTS)[number]) =>
    at[vehicleAttribute(scope, element)];
  w.optional("stock", text("stock"));
  w.optional("trim", trim);
  w.optional("doors", text("doors"));
  w.optional("bodystyle", text("bodystyle"));
  w.optional("transmission", text("transmission"));
  const units = at[vehicleAttribute(scope, "odometer.units")];
  w.optional("odometer", text("odometer"), [
    ["units", isOneOf(ODOMETER_UNITS, units) ? units : undefined],
  ]);
  w.optional("condition", text("condition"));
  const exterior = at[vehicleAttribute(scope, "exteriorcolor")];
  const interior = at[vehicleAttribute(scope, "interiorcolor")];
  if (exterior || interior) {
    w.open("colorcombination");
    w.optional("interiorcolor", interior);
    w.optional("exteriorcolor", exterior);
    w.leaf("preference", "1");
    w.close("colorcombination");
  }
  writePrice?.();
  w.optional("pricecomments", text("pricecomments"));
  const method = at[A.financeMethod];
  if (scope === "vehicle" && method) {
    const type = at[A.financeAmountType];
    w.open("finance");
    w.leaf("method", method);
    w.leaf("amount", at[A.financeAmount] ?? "", [
      ["type", isOneOf(AMOUNT_TYPES, type) ? type : undefined],
    ]);
    w.close("finance");
  }
  w.optional("comments", text("comments"));
}

function writeCustomer(w: XmlWriter, lead: ParsedLeadInput, requestedMs: number): void {
  const at = lead.attributes;
  const c = lead.contact;
  w.open("customer");
  w.open("contact");
  const company = lead.customerType !== "individual" ? lead.companyName : undefined;
  if (c.name || !company) w.leaf("name", c.name ?? "", [["part", "full"]]);
  const parts = [
    ["first", A.nameFirst],
    ["middle", A.nameMiddle],
    ["last", A.nameLast],
    ["suffix", A.nameSuffix],
  ] as const;
  for (const [part, key] of parts) w.optional("name", at[key], [["part", part]]);
  if (company) {
    w.leaf("name", company, [
      ["part", "full"],
      ["type", "business"],
    ]);
  }
  w.optional("email", c.email, [["preferredcontact", c.preferred === "email" ? "1" : undefined]]);
  if (c.phone) {
    const type = at[A.phoneType];
    const time = at[A.phoneTime];
    w.leaf("phone", c.phone, [
      ["type", isOneOf(PHONE_TYPES, type) ? type : undefined],
      ["time", isOneOf(PHONE_TIMES, time) ? time : undefined],
      ["preferredcontact", c.preferred === "phone" ? "1" : undefined],
    ]);
  }
  for (let n = 2; at[`${A.phonePrefix}${n}`] !== undefined; n++) {
    const type = at[`${A.phonePrefix}${n}.type`];
    w.leaf("phone", at[`${A.phonePrefix}${n}`]!, [
      ["type", isOneOf(PHONE_TYPES, type) ? type : undefined],
    ]);
  }
  writeAddress(w, lead);
  w.close("contact");
  w.optional("id", at[A.customerId]);
  writeTimeframe(w, lead, requestedMs);
  w.optional("comments", lead.message);
  w.close("customer");
}

function writeAddress(w: XmlWriter, lead: ParsedLeadInput): void {
  const at = lead.attributes;
  const regionCode = lead.region ?? at[A.regionCode];
  const fields = [at[A.street], at[A.apartment], lead.city, regionCode, at[A.postalCode]];
  if (!fields.some((f) => f) && !at[A.country]) return;
  const type = at[A.addressType];
  w.open("address", [["type", isOneOf(ADDRESS_TYPES, type) ? type : undefined]]);
  const lines = (at[A.street] ?? "").split("\n");
  lines.forEach((line, i) => {
    w.leaf("street", line, [["line", String(i + 1)]]);
  });
  w.optional("apartment", at[A.apartment]);
  w.optional("city", lead.city);
  w.optional("regioncode", regionCode);
  w.optional("postalcode", at[A.postalCode]);
  w.optional("country", at[A.country]);
  w.close("address");
}

function writeTimeframe(w: XmlWriter, lead: ParsedLeadInput, requestedMs: number): void {
  const timeframe = lead.timeframe;
  // The DTD needs at least one date, so "unknown" is left out.
  if (timeframe === "unknown") return;
  w.open("timeframe");
  w.leaf(
    "description",
    lead.attributes[A.timeframeDescription] ?? TIMEFRAME_DESCRIPTIONS[timeframe],
  );
  if (timeframe === "over_3_months") {
    w.leaf("earliestdate", addDaysIso(requestedMs, OVER_3_MONTHS_EARLIEST_DAYS));
  } else {
    w.leaf("latestdate", addDaysIso(requestedMs, TIMEFRAME_WINDOW_DAYS[timeframe]));
  }
  w.close("timeframe");
}

function writeVendor(
  w: XmlWriter,
  lead: ParsedLeadInput,
  index: number,
  opts: ResolvedOptions,
): void {
  const at = lead.attributes;
  const vendor = opts.vendor ?? {
    name: at[A.vendorName],
    id: at[A.vendorId],
    url: at[A.vendorUrl],
    contact: {
      name: at[A.vendorContactName],
      email: at[A.vendorContactEmail],
      phone: at[A.vendorContactPhone],
    },
  };
  if (!vendor.name) {
    invalid(WHAT, `${index}.vendor`, "ADF requires a vendor (the dealer): pass options.vendor");
  }
  if (!vendor.contact.email && !vendor.contact.phone) {
    invalid(
      WHAT,
      `${index}.vendor.contact`,
      "the vendor contact needs an email or a phone (the ADF DTD requires one): pass options.vendor",
    );
  }
  w.open("vendor");
  w.optional("id", vendor.id);
  w.leaf("vendorname", vendor.name);
  w.optional("url", vendor.url);
  w.open("contact");
  w.leaf("name", vendor.contact.name ?? "", [["part", "full"]]);
  w.optional("email", vendor.contact.email);
  w.optional("phone", vendor.contact.phone);
  w.close("contact");
  w.close("vendor");
}

function writeProvider(w: XmlWriter, lead: ParsedLeadInput): void {
  const at = lead.attributes;
  w.open("provider");
  w.optional("id", at[A.providerId]);
  w.leaf("name", at[A.providerName] ?? lead.source, [["part", "full"]]);
  w.optional("service", at[A.providerService]);
  w.optional("url", at[A.providerUrl]);
  w.optional("email", at[A.providerEmail]);
  w.optional("phone", at[A.providerPhone]);
  w.close("provider");
}
