import type { VehicleCondition } from "../../common.js";
import type { LeadEngagement, PurchaseTimeframe, VehicleInterest } from "../../leads/schema.js";
import { resolveRegion } from "../../primitives/regions.js";
import { validateVin } from "../vin.js";
import {
  ADF_ATTRIBUTES as A,
  joinNameParts,
  readAdfDate,
  readAdfPrice,
  TIMEFRAME_DESCRIPTIONS,
  TRADE_IN_FIELDS,
  timeframeFromHorizon,
  VEHICLE_TEXT_ELEMENTS,
  vehicleAttribute,
} from "./mapping.js";
import {
  attributeOf,
  child,
  childNames,
  children,
  hasChildElements,
  textOf,
  type XmlValue,
} from "./xml.js";

/** Longest value `attributes` holds (see `attributesSchema`). */
const MAX_ATTRIBUTE_LENGTH = 4000;
const MAX_NAME_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 10_000;
const MAX_PHONE_LENGTH = 40;
const MAX_EMAIL_LENGTH = 254;

export interface AdfWarning {
  /** Dotted path into the document: `prospect.2.vehicle.0.price`. */
  path: string;
  message: string;
}

/** What reading one prospect accumulates: its warnings and the attributes of its lead. */
export class ProspectContext {
  readonly attributes: Record<string, string> = {};

  constructor(
    readonly base: string,
    private readonly warnings: AdfWarning[],
    readonly timeZone: string,
    readonly currency: string,
  ) {}

  warn(path: string, message: string): void {
    this.warnings.push({ path: path ? `${this.base}.${path}` : this.base, message });
  }

  /** Cuts `value` to `max` characters, saying so. */
  clip(value: string, max: number, path: string): string {
    if (value.length <= max) return value;
    this.warn(path, `is longer than ${max} characters; cut to ${max}`);
    return value.slice(0, max);
  }

  setAttribute(key: string, value: string, path: string): void {
    if (value) this.attributes[key] = this.clip(value, MAX_ATTRIBUTE_LENGTH, path);
  }
}

/** Text of the first child named `name` ("" when absent). */
export function textIn(node: XmlValue, name: string): string {
  return textOf(child(node, name));
}

/** Simple-text children outside the DTD, kept under `adf.extra.<scope>.<element>`. */
function keepExtras(
  ctx: ProspectContext,
  node: XmlValue,
  known: ReadonlySet<string>,
  scope: string,
): void {
  for (const name of childNames(node)) {
    if (known.has(name)) continue;
    const element = child(node, name);
    if (hasChildElements(element)) continue;
    ctx.setAttribute(`${A.extraPrefix}${scope}.${name}`, textOf(element), `${scope}.${name}`);
  }
}

const KNOWN = {
  prospect: new Set(["id", "requestdate", "vehicle", "customer", "vendor", "provider"]),
  customer: new Set(["contact", "id", "timeframe", "comments"]),
  contact: new Set(["name", "email", "phone", "address"]),
  vehicle: new Set([
    ...["id", "year", "make", "model", "vin", "stock", "trim", "doors", "bodystyle"],
    ...["transmission", "odometer", "condition", "colorcombination", "imagetag", "price"],
    ...["pricecomments", "option", "finance", "comments"],
  ]),
};

export interface ContactRead {
  contact: { name?: string; email?: string; phone?: string; preferred?: "phone" | "email" };
  companyName?: string;
  city?: string;
  region?: string;
  message?: string;
}

/** The customer's contact, address and comments; `undefined` (with a warning) when unreachable. */
export function readContact(ctx: ProspectContext, customer: XmlValue): ContactRead | undefined {
  const contactNode = child(customer, "contact");
  const result: ContactRead = { contact: {} };
  readNames(ctx, contactNode, result);

  const emails = children(contactNode, "email");
  emails.forEach((node, n) => {
    const email = textOf(node);
    if (!email) return;
    const path = `customer.contact.email.${n}`;
    if (result.contact.email !== undefined) {
      ctx.setAttribute(`${A.extraPrefix}contact.email.${n + 1}`, email, path);
    } else if (email.length > MAX_EMAIL_LENGTH) {
      ctx.warn(path, `is longer than ${MAX_EMAIL_LENGTH} characters; ignored`);
    } else {
      result.contact.email = email;
      if (attributeOf(node, "preferredcontact") === "1") result.contact.preferred = "email";
    }
  });
  readPhones(ctx, contactNode, result);

  if (result.contact.email === undefined && result.contact.phone === undefined) {
    ctx.warn("customer.contact", "has no email or phone; prospect skipped");
    return undefined;
  }
  readAddress(ctx, child(contactNode, "address"), result);
  const comments = textIn(customer, "comments");
  if (comments) result.message = ctx.clip(comments, MAX_MESSAGE_LENGTH, "customer.comments");
  ctx.setAttribute(A.customerId, textIn(customer, "id"), "customer.id");
  keepExtras(ctx, customer, KNOWN.customer, "customer");
  keepExtras(ctx, contactNode, KNOWN.contact, "contact");
  return result;
}

const NAME_PART_KEYS: Readonly<Record<string, string>> = {
  first: A.nameFirst,
  middle: A.nameMiddle,
  last: A.nameLast,
  surname: A.nameLast,
  suffix: A.nameSuffix,
};

function readNames(ctx: ProspectContext, contact: XmlValue, result: ContactRead): void {
  let full: string | undefined;
  const parts: Record<string, string> = {};
  const business: string[] = [];
  for (const node of children(contact, "name")) {
    const text = textOf(node);
    if (!text) continue;
    if (attributeOf(node, "type")?.toLowerCase() === "business") {
      business.push(text);
      continue;
    }
    const part = attributeOf(node, "part")?.toLowerCase() || "full";
    if (part === "full") full ??= text;
    else if (NAME_PART_KEYS[part] && parts[part] === undefined) parts[part] = text;
  }
  for (const [part, value] of Object.entries(parts)) {
    ctx.setAttribute(NAME_PART_KEYS[part]!, value, `customer.contact.name.${part}`);
  }
  const name = full ?? joinNameParts(parts);
  if (name) result.contact.name = ctx.clip(name, MAX_NAME_LENGTH, "customer.contact.name");
  if (business.length > 0) {
    result.companyName = ctx.clip(business.join(" "), MAX_NAME_LENGTH, "customer.contact.name");
  }
}

function readPhones(ctx: ProspectContext, contact: XmlValue, result: ContactRead): void {
  const phones = children(contact, "phone")
    .map((node, n) => ({
      node,
      n,
      number: textOf(node),
      type: attributeOf(node, "type")?.toLowerCase() || "voice",
    }))
    .filter((p) => {
      if (p.number.length <= MAX_PHONE_LENGTH) return p.number !== "";
      ctx.warn(`customer.contact.phone.${p.n}`, `is longer than ${MAX_PHONE_LENGTH} characters`);
      return false;
    });
  // A number to call beats a fax or pager number listed first.
  const primary = phones.find((p) => p.type !== "fax" && p.type !== "pager") ?? phones[0];
  if (!primary) return;
  result.contact.phone = primary.number;
  if (primary.type !== "voice") ctx.attributes[A.phoneType] = primary.type;
  const time = attributeOf(primary.node, "time")?.toLowerCase();
  if (time) ctx.attributes[A.phoneTime] = time;
  if (attributeOf(primary.node, "preferredcontact") === "1" && !result.contact.preferred) {
    result.contact.preferred = "phone";
  }
  let extra = 2;
  for (const phone of phones) {
    if (phone === primary) continue;
    ctx.attributes[`${A.phonePrefix}${extra}`] = phone.number;
    if (phone.type !== "voice") ctx.attributes[`${A.phonePrefix}${extra}.type`] = phone.type;
    extra++;
  }
}

const CHINA = new Set(["CN", "CHN", "CHINA", "中国"]);

function readAddress(ctx: ProspectContext, address: XmlValue, result: ContactRead): void {
  if (address === undefined) return;
  const path = "customer.contact.address";
  const type = attributeOf(address, "type")?.toLowerCase();
  if (type) ctx.attributes[A.addressType] = type;
  const street = children(address, "street")
    .map(textOf)
    .filter((line) => line)
    .join("\n");
  ctx.setAttribute(A.street, street, `${path}.street`);
  ctx.setAttribute(A.apartment, textIn(address, "apartment"), `${path}.apartment`);
  const city = textIn(address, "city");
  if (city) result.city = ctx.clip(city, 100, `${path}.city`);
  const country = textIn(address, "country");
  ctx.setAttribute(A.country, country, `${path}.country`);
  const regionCode = textIn(address, "regioncode");
  // Only a Chinese address's region can be a province-level code; "CA" is California.
  const region =
    !country || CHINA.has(country.toUpperCase()) ? resolveRegion(regionCode) : undefined;
  if (region) result.region = region.code;
  else ctx.setAttribute(A.regionCode, regionCode, `${path}.regioncode`);
  ctx.setAttribute(A.postalCode, textIn(address, "postalcode"), `${path}.postalcode`);
}

/** The purchase timeframe from `<timeframe>` dates, counted from `referenceMs`. */
export function readTimeframe(
  ctx: ProspectContext,
  customer: XmlValue,
  referenceMs: number,
): PurchaseTimeframe {
  const node = child(customer, "timeframe");
  if (node === undefined) return "unknown";
  const path = "customer.timeframe";
  const dateOf = (name: string) => {
    const text = textIn(node, name);
    const date = readAdfDate(text, ctx.timeZone);
    if (text && !date) ctx.warn(`${path}.${name}`, `"${text}" is not a date; ignored`);
    return date?.ms;
  };
  const horizon = dateOf("latestdate") ?? dateOf("earliestdate");
  const timeframe = horizon === undefined ? "unknown" : timeframeFromHorizon(referenceMs, horizon);
  // toAdf writes the standard description back, so only a feed's own wording is worth keeping.
  const description = textIn(node, "description");
  if (description !== TIMEFRAME_DESCRIPTIONS[timeframe]) {
    ctx.setAttribute(A.timeframeDescription, description, `${path}.description`);
  }
  return timeframe;
}

export interface VehiclesRead {
  interest: VehicleInterest;
  engagement: LeadEngagement;
}

const TRADE_INS = new Set(["trade-in", "sell"]);

/** The vehicle of interest, a trade-in, and what the vehicles say about engagement. */
export function readVehicles(ctx: ProspectContext, prospect: XmlValue): VehiclesRead {
  const vehicles = children(prospect, "vehicle").map((node, n) => ({
    node,
    n,
    interest: attributeOf(node, "interest")?.toLowerCase() || "buy",
  }));
  const engagement: LeadEngagement = {
    testDriveRequested: vehicles.some((v) => v.interest === "test-drive"),
    visitBooked: false,
    quoteRequested: false,
    financingAsked: false,
    tradeInOffered: false,
  };
  const wanted = vehicles.find((v) => !TRADE_INS.has(v.interest));
  const tradeIn = vehicles.find((v) => TRADE_INS.has(v.interest));
  const ignored = vehicles.length - (wanted ? 1 : 0) - (tradeIn ? 1 : 0);
  if (ignored > 0) {
    ctx.warn(
      "vehicle",
      `${ignored} more vehicle(s) beyond the first of interest and trade-in ignored`,
    );
  }
  let interest: VehicleInterest = {};
  if (wanted) {
    interest = readWantedVehicle(ctx, wanted.node, `vehicle.${wanted.n}`);
    if (wanted.interest !== "buy" && wanted.interest !== "test-drive") {
      ctx.attributes[A.vehicleInterest] = wanted.interest;
    }
    engagement.financingAsked = readFinance(ctx, child(wanted.node, "finance"));
  }
  if (tradeIn) {
    engagement.tradeInOffered = true;
    readTradeIn(ctx, tradeIn.node, `vehicle.${tradeIn.n}`);
    if (tradeIn.interest === "sell")
      ctx.attributes[vehicleAttribute("tradein", "interest")] = "sell";
  }
  return { interest, engagement };
}

function readWantedVehicle(ctx: ProspectContext, node: XmlValue, path: string): VehicleInterest {
  const interest: VehicleInterest = {};
  const year = readYear(ctx, node, path);
  if (year !== undefined) interest.year = year;
  const make = textIn(node, "make");
  if (make) interest.brand = ctx.clip(make, 100, `${path}.make`);
  const model = textIn(node, "model");
  if (model) interest.model = ctx.clip(model, 200, `${path}.model`);
  const trim = textIn(node, "trim");
  if (trim) interest.trim = ctx.clip(trim, 200, `${path}.trim`);
  const vin = readVin(ctx, node, path);
  if (vin) interest.vin = vin;
  const status = attributeOf(node, "status")?.toLowerCase();
  if (status === "new" || status === "used") interest.condition = status as VehicleCondition;
  else if (status) ctx.warn(path, `status "${status}" is neither new nor used; ignored`);

  const priceNode = child(node, "price");
  const priceText = textOf(priceNode);
  if (priceText) {
    const currency = attributeOf(priceNode, "currency")?.toUpperCase() || ctx.currency;
    const price = /^[A-Z]{3}$/.test(currency)
      ? readAdfPrice(priceText, currency)
      : { ok: false as const, reason: `currency "${currency}" is not an ISO 4217 code` };
    if (price.ok) interest.price = price.money;
    else ctx.warn(`${path}.price`, `${price.reason}; ignored`);
    const type = attributeOf(priceNode, "type")?.toLowerCase();
    if (type && type !== "quote") ctx.attributes[A.priceType] = type;
  }
  readVehicleDetails(ctx, node, path, "vehicle");
  keepExtras(ctx, node, KNOWN.vehicle, "vehicle");
  return interest;
}

function readYear(ctx: ProspectContext, node: XmlValue, path: string): number | undefined {
  const text = textIn(node, "year");
  if (!text) return undefined;
  const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  if (year >= 1900 && year <= 2100) return year;
  ctx.warn(`${path}.year`, `"${text}" is not a model year; ignored`);
  return undefined;
}

function readVin(ctx: ProspectContext, node: XmlValue, path: string): string | undefined {
  const text = textIn(node, "vin");
  if (!text) return undefined;
  const result = validateVin(text);
  for (const issue of [...result.errors, ...result.warnings]) {
    ctx.warn(`${path}.vin`, issue.message);
  }
  if (result.valid) return result.vin;
  return text.length <= 32 ? text : undefined;
}

function readVehicleDetails(
  ctx: ProspectContext,
  node: XmlValue,
  path: string,
  scope: "vehicle" | "tradein",
): void {
  for (const element of VEHICLE_TEXT_ELEMENTS) {
    ctx.setAttribute(vehicleAttribute(scope, element), textIn(node, element), `${path}.${element}`);
  }
  const units = attributeOf(child(node, "odometer"), "units")?.toLowerCase();
  if (units) ctx.attributes[vehicleAttribute(scope, "odometer.units")] = units;
  const colors = child(node, "colorcombination");
  for (const color of ["exteriorcolor", "interiorcolor"]) {
    ctx.setAttribute(vehicleAttribute(scope, color), textIn(colors, color), `${path}.${color}`);
  }
}

function readTradeIn(ctx: ProspectContext, node: XmlValue, path: string): void {
  for (const field of TRADE_IN_FIELDS) {
    ctx.setAttribute(vehicleAttribute("tradein", field), textIn(node, field), `${path}.${field}`);
  }
  readVehicleDetails(ctx, node, path, "tradein");
}

function readFinance(ctx: ProspectContext, finance: XmlValue): boolean {
  if (finance === undefined) return false;
  ctx.setAttribute(A.financeMethod, textIn(finance, "method"), "finance.method");
  const amount = child(finance, "amount");
  ctx.setAttribute(A.financeAmount, textOf(amount), "finance.amount");
  const type = attributeOf(amount, "type")?.toLowerCase();
  if (type && textOf(amount)) ctx.attributes[A.financeAmountType] = type;
  return true;
}

export { KNOWN as KNOWN_ADF_ELEMENTS, keepExtras };
