import { z } from "zod";
import { leadChannelSchema, leadInputSchema, type ParsedLeadInput } from "../../leads/schema.js";
import { currencySchema, DEFAULT_CURRENCY } from "../../primitives/money.js";
import { DEFAULT_TIME_ZONE, timestampSchema, timeZoneSchema } from "../../primitives/time.js";
import { formatPath, invalid, parseInput } from "../../validate.js";
import { ADF_ATTRIBUTES as A, readAdfDate } from "./mapping.js";
import {
  type AdfWarning,
  KNOWN_ADF_ELEMENTS,
  keepExtras,
  ProspectContext,
  readContact,
  readTimeframe,
  readVehicles,
  textIn,
} from "./parse-parts.js";
import {
  attributeOf,
  child,
  children,
  elements,
  findMarkupDeclaration,
  nameOf,
  textOf,
  type XmlValue,
  xmlParser,
} from "./xml.js";

/** `source` of leads whose feed names no provider. */
export const DEFAULT_ADF_SOURCE = "adf";
/** ADF comes from portals and lead aggregators far more often than from anything else. */
export const DEFAULT_ADF_CHANNEL = "portal";
/** Largest document `parseAdf` reads unless told otherwise: 1 MiB of UTF-8. */
export const DEFAULT_ADF_MAX_BYTES = 1_048_576;
/** How deep `parseAdf` looks for `<adf>` inside a wrapper (an envelope, a mail export). */
const MAX_ADF_DEPTH = 4;

export const parseAdfOptionsSchema = z.strictObject({
  /** Fixes `source` for every lead (a connector id); otherwise `<provider><name>` is used. */
  source: z.string().trim().min(1).max(100).optional(),
  /** `source` when the option is not set and the feed names no provider. */
  defaultSource: z.string().trim().min(1).max(100).default(DEFAULT_ADF_SOURCE),
  channel: leadChannelSchema.default(DEFAULT_ADF_CHANNEL),
  /** Currency of prices without `@currency`. */
  currency: currencySchema.default(DEFAULT_CURRENCY),
  /** Zone for dates written without a UTC offset. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** The `<id source=…>` that becomes `externalId` (case-insensitive); default: the first id. */
  idSource: z.string().trim().min(1).max(100).optional(),
  /** When the feed arrived; timeframes of prospects without a request date count from it. */
  receivedAt: timestampSchema.optional(),
  /** Largest accepted document in bytes of UTF-8. */
  maxBytes: z.number().int().positive().default(DEFAULT_ADF_MAX_BYTES),
});
export type ParseAdfOptions = z.input<typeof parseAdfOptionsSchema>;
type ResolvedOptions = z.output<typeof parseAdfOptionsSchema>;

export type { AdfWarning };

export interface ParseAdfResult {
  /** One lead per usable prospect, validated against `leadInputSchema` (defaults applied). */
  leads: ParsedLeadInput[];
  /** What was skipped, repaired or could not be read, with where. */
  warnings: AdfWarning[];
}

const WHAT = "ADF document";
let defaultOptions: ResolvedOptions | undefined;

function resolveOptions(options: ParseAdfOptions | undefined): ResolvedOptions {
  if (options === undefined) {
    defaultOptions ??= parseAdfOptionsSchema.parse({});
    return defaultOptions;
  }
  return parseInput(parseAdfOptionsSchema, options, "parseAdf options");
}

/** UTF-8 byte length, stopping early once past `limit`. */
function utf8LengthExceeds(text: string, limit: number): boolean {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

function tooLarge(limit: number): never {
  return invalid(
    WHAT,
    "",
    `is larger than ${limit} bytes (raise the maxBytes option to accept it)`,
  );
}

function decodeInput(xml: unknown, maxBytes: number): string {
  if (xml instanceof Uint8Array) {
    if (xml.byteLength > maxBytes) tooLarge(maxBytes);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(xml);
    } catch {
      return invalid(WHAT, "", "is not valid UTF-8");
    }
  }
  if (typeof xml !== "string") {
    return invalid(WHAT, "", `must be XML text (a string or UTF-8 bytes), got ${typeof xml}`);
  }
  // A UTF-16 unit is at most 3 bytes of UTF-8, so short strings need no counting.
  if (xml.length > maxBytes || (xml.length * 3 > maxBytes && utf8LengthExceeds(xml, maxBytes))) {
    tooLarge(maxBytes);
  }
  return xml;
}

function findAdf(nodes: readonly XmlValue[], depth: number): XmlValue | undefined {
  const adf = nodes.find((node) => nameOf(node) === "adf");
  if (adf !== undefined || depth >= MAX_ADF_DEPTH) return adf;
  for (const node of nodes) {
    const found = findAdf(elements(node), depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function readDocument(xml: string): XmlValue[] {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const start = text.trimStart();
  if (!start.startsWith("<")) {
    const shown = start.slice(0, 20).replace(/\s+/g, " ");
    invalid(WHAT, "", `is not XML: it should start with "<", not "${shown}"`);
  }
  const declaration = findMarkupDeclaration(text);
  if (declaration) {
    invalid(
      WHAT,
      "",
      `contains ${declaration}; DOCTYPE and ENTITY declarations are refused (they allow entity expansion and external entity attacks), and ADF does not need them`,
    );
  }
  let doc: XmlValue;
  try {
    doc = xmlParser().parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return invalid(WHAT, "", `is not well-formed XML: ${reason}`);
  }
  const adf = findAdf(elements(doc), 0);
  if (adf === undefined) invalid(WHAT, "", "has no <adf> element");
  const prospects = children(adf, "prospect");
  if (prospects.length === 0) invalid(WHAT, "adf", "has no <prospect>");
  return prospects;
}

/**
 * Reads an ADF 1.0 document into lead inputs. Loose like the feeds it meets — any tag or
 * attribute case, unknown elements, missing optional parts, `<?xml?>` and `<?adf?>` processing
 * instructions — and safe: documents with a DOCTYPE or ENTITY declaration, larger than
 * `maxBytes`, not XML, or without `<adf>`/`<prospect>` raise `ValidationError`. A prospect that
 * cannot become a lead (no email or phone) is skipped with a warning.
 */
export function parseAdf(xml: string | Uint8Array, options?: ParseAdfOptions): ParseAdfResult {
  const opts = resolveOptions(options);
  const prospects = readDocument(decodeInput(xml, opts.maxBytes));
  const receivedMs = opts.receivedAt === undefined ? Date.now() : Date.parse(opts.receivedAt);
  const warnings: AdfWarning[] = [];
  const leads: ParsedLeadInput[] = [];
  prospects.forEach((prospect, index) => {
    const lead = readProspect(prospect, index, opts, receivedMs, warnings);
    if (lead) leads.push(lead);
  });
  return { leads, warnings };
}

function readProspect(
  prospect: XmlValue,
  index: number,
  opts: ResolvedOptions,
  receivedMs: number,
  warnings: AdfWarning[],
): ParsedLeadInput | undefined {
  const ctx = new ProspectContext(`prospect.${index}`, warnings, opts.timeZone, opts.currency);
  const attributes = ctx.attributes;
  const status = attributeOf(prospect, "status")?.toLowerCase();
  if (status && status !== "new") attributes[A.prospectStatus] = status;

  const requestText = textIn(prospect, "requestdate");
  const requested = readAdfDate(requestText, opts.timeZone);
  if (requested?.note) ctx.warn("requestdate", requested.note);
  if (requestText && !requested) ctx.warn("requestdate", `"${requestText}" is not a date; ignored`);

  const provider = child(prospect, "provider");
  const providerName = textIn(provider, "name").slice(0, 100);
  const source = opts.source ?? (providerName || opts.defaultSource);
  if (opts.source && providerName && providerName !== opts.source) {
    attributes[A.providerName] = providerName;
  }
  const externalId = readIds(ctx, prospect, source, opts.idSource);

  const customer = child(prospect, "customer");
  const contact = readContact(ctx, customer);
  if (!contact) return undefined;
  const vehicles = readVehicles(ctx, prospect);
  const timeframe = readTimeframe(ctx, customer, requested?.ms ?? receivedMs);
  readParty(ctx, child(prospect, "vendor"), "vendor");
  readParty(ctx, provider, "provider");
  keepExtras(ctx, prospect, KNOWN_ADF_ELEMENTS.prospect, "prospect");

  const lead = {
    source,
    channel: opts.channel,
    ...(externalId !== undefined && { externalId }),
    ...(requested && { occurredAt: requested.iso }),
    customerType: contact.companyName ? "business" : "individual",
    contact: contact.contact,
    ...(contact.companyName && { companyName: contact.companyName }),
    ...(contact.city && { city: contact.city }),
    ...(contact.region && { region: contact.region }),
    interest: vehicles.interest,
    timeframe,
    engagement: vehicles.engagement,
    ...(contact.message !== undefined && { message: contact.message }),
    attributes,
  };
  const parsed = leadInputSchema.safeParse(lead);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.warn("", `skipped: ${formatPath(issue.path) || "lead"} ${issue.message}`);
  }
  return undefined;
}

function readIds(
  ctx: ProspectContext,
  prospect: XmlValue,
  source: string,
  idSource: string | undefined,
): string | undefined {
  const ids = children(prospect, "id")
    .map((node) => ({ value: textOf(node), source: attributeOf(node, "source") ?? "" }))
    .filter((id) => id.value !== "");
  if (ids.length === 0) return undefined;
  const wanted = idSource?.toLowerCase();
  const chosen = (wanted && ids.find((id) => id.source.toLowerCase() === wanted)) || ids[0]!;
  ids.forEach((id, n) => {
    if (id === chosen) return;
    ctx.attributes[`${A.idPrefix}${id.source || n + 1}`] = id.value;
  });
  if (chosen.source && chosen.source !== source) ctx.attributes[A.idSource] = chosen.source;
  if (chosen.value.length > 256) {
    ctx.warn("id", "is longer than 256 characters; not used as externalId");
    return undefined;
  }
  return chosen.value;
}

/** Vendor (the dealer) and provider (the lead's sender) details, kept as attributes. */
function readParty(ctx: ProspectContext, node: XmlValue, party: "vendor" | "provider"): void {
  if (node === undefined) return;
  const set = (key: string, value: string) => {
    if (value) ctx.setAttribute(key, value, party);
  };
  set(party === "vendor" ? A.vendorId : A.providerId, textIn(node, "id"));
  set(party === "vendor" ? A.vendorUrl : A.providerUrl, textIn(node, "url"));
  if (party === "vendor") {
    set(A.vendorName, textIn(node, "vendorname"));
    const contact = child(node, "contact");
    set(
      A.vendorContactName,
      children(contact, "name")
        .map(textOf)
        .filter((n) => n)
        .join(" "),
    );
    set(A.vendorContactEmail, textIn(contact, "email"));
    set(A.vendorContactPhone, textIn(contact, "phone"));
  } else {
    set(A.providerService, textIn(node, "service"));
    set(A.providerEmail, textIn(node, "email"));
    set(A.providerPhone, textIn(node, "phone"));
  }
}
