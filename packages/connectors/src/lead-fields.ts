import { type LeadChannel, type LeadInput, resolveRegion } from "@forecourt/sdk";
import { z } from "zod";

/**
 * What connectors share when turning a vendor's form answers into a `LeadInput`: the lead fields
 * an answer can fill (so a connection's field map is validated the same way for every vendor),
 * and a collector that applies the rules every vendor needs — first answer per field wins, names
 * joined the way the name is written, regions resolved to GB/T 2260 codes, years and vehicle
 * conditions read leniently — and keeps everything else as attributes.
 */

export const LEAD_FIELD_TARGETS = [
  "name",
  "firstName",
  "lastName",
  "phone",
  "email",
  "wechat",
  "city",
  "region",
  "companyName",
  "brand",
  "series",
  "model",
  "trim",
  "year",
  "vin",
  "condition",
  "message",
  "ignore",
] as const;
export const leadFieldTargetSchema = z.enum(LEAD_FIELD_TARGETS);
export type LeadFieldTarget = z.infer<typeof leadFieldTargetSchema>;

/** A connection's map from a vendor's question key to a lead field. */
export const fieldMapSchema = z
  .record(z.string().min(1).max(200), leadFieldTargetSchema)
  .default({});

const MAX_ATTRIBUTE_LENGTH = 4000;
const MAX_KEY_LENGTH = 200;
const HAS_CJK = /[\u3400-\u9fff]/;

const CONDITIONS: Readonly<Record<string, "new" | "used" | "demo">> = {
  new: "new",
  新车: "new",
  全新: "new",
  used: "used",
  "pre-owned": "used",
  preowned: "used",
  二手车: "used",
  二手: "used",
  demo: "demo",
  试驾车: "demo",
};

/** A vehicle condition in English or Chinese, or `undefined`. */
export function readVehicleCondition(value: string): "new" | "used" | "demo" | undefined {
  return CONDITIONS[value.trim().toLowerCase()];
}

/** First and last name as the name is written: Chinese family name first, without a space. */
export function joinName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first) return last;
  if (!last) return first;
  return HAS_CJK.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}

/** The parts of a lead that come from the vendor's envelope rather than its answers. */
export interface LeadBase {
  source: string;
  channel: LeadChannel;
  externalId?: string;
  occurredAt?: string;
}

export class LeadFieldCollector {
  private readonly found = new Map<LeadFieldTarget, { key: string; value: string }>();
  readonly attributes: Record<string, string> = {};

  /** `prefix` namespaces the attributes: `meta.`, `google.`. */
  constructor(private readonly prefix: string) {}

  /** Keeps `value` under `<prefix><key>` (trimmed to the attribute limits). Empty values are skipped. */
  attribute(key: string, value: string | undefined): void {
    if (value === undefined || value.trim() === "") return;
    this.attributes[`${this.prefix}${key}`.slice(0, MAX_KEY_LENGTH)] = value.slice(
      0,
      MAX_ATTRIBUTE_LENGTH,
    );
  }

  /**
   * One answer. With a target, the first answer fills the field and later ones are kept as
   * `field.<key>` attributes; without one (a custom question) it is kept as an attribute.
   */
  answer(target: LeadFieldTarget | undefined, key: string, value: string): void {
    const text = value.trim();
    if (text === "" || target === "ignore") return;
    if (target === undefined || this.found.has(target)) {
      this.attribute(`field.${key}`, text);
      return;
    }
    this.found.set(target, { key, value: text });
  }

  private take(target: LeadFieldTarget): string | undefined {
    return this.found.get(target)?.value;
  }

  /** An answer that could not be read for its field goes back to the attributes. */
  private keep(target: LeadFieldTarget): void {
    const entry = this.found.get(target);
    if (entry) this.attribute(`field.${entry.key}`, entry.value);
  }

  toLead(base: LeadBase): LeadInput {
    const regionText = this.take("region");
    const region = regionText === undefined ? undefined : resolveRegion(regionText);
    if (regionText !== undefined && region === undefined) this.keep("region");

    const yearText = this.take("year");
    const year = yearText !== undefined && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    const yearOk = year !== undefined && year >= 1900 && year <= 2100;
    if (yearText !== undefined && !yearOk) this.keep("year");

    const conditionText = this.take("condition");
    const condition = conditionText === undefined ? undefined : readVehicleCondition(conditionText);
    if (conditionText !== undefined && condition === undefined) this.keep("condition");

    const name = this.take("name") ?? joinName(this.take("firstName"), this.take("lastName"));
    // Assigned field by field (no spreads of computed-key objects): this runs once per row of a
    // CSV import, a million times for a large file.
    const lead: Record<string, unknown> = { source: base.source, channel: base.channel };
    if (base.externalId !== undefined) lead.externalId = base.externalId;
    if (base.occurredAt !== undefined) lead.occurredAt = base.occurredAt;
    const contact: Record<string, string> = {};
    setIfDefined(contact, "name", name);
    setIfDefined(contact, "phone", this.take("phone"));
    setIfDefined(contact, "email", this.take("email"));
    setIfDefined(contact, "wechat", this.take("wechat"));
    lead.contact = contact;
    setIfDefined(lead, "companyName", this.take("companyName"));
    setIfDefined(lead, "city", this.take("city"));
    setIfDefined(lead, "region", region?.code);
    const interest: Record<string, unknown> = {};
    setIfDefined(interest, "brand", this.take("brand"));
    setIfDefined(interest, "series", this.take("series"));
    setIfDefined(interest, "model", this.take("model"));
    setIfDefined(interest, "trim", this.take("trim"));
    if (yearOk) interest.year = year;
    setIfDefined(interest, "vin", this.take("vin"));
    setIfDefined(interest, "condition", condition);
    lead.interest = interest;
    setIfDefined(lead, "message", this.take("message"));
    lead.attributes = this.attributes;
    return lead as unknown as LeadInput;
  }
}

function setIfDefined(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
