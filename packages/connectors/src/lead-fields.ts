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
    const optional = <K extends string>(key: K, value: string | undefined) =>
      (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
    return {
      source: base.source,
      channel: base.channel,
      ...(base.externalId !== undefined && { externalId: base.externalId }),
      ...(base.occurredAt !== undefined && { occurredAt: base.occurredAt }),
      contact: {
        ...optional("name", name),
        ...optional("phone", this.take("phone")),
        ...optional("email", this.take("email")),
        ...optional("wechat", this.take("wechat")),
      },
      ...optional("companyName", this.take("companyName")),
      ...optional("city", this.take("city")),
      ...(region !== undefined && { region: region.code }),
      interest: {
        ...optional("brand", this.take("brand")),
        ...optional("series", this.take("series")),
        ...optional("model", this.take("model")),
        ...optional("trim", this.take("trim")),
        ...(yearOk && { year }),
        ...optional("vin", this.take("vin")),
        ...(condition !== undefined && { condition }),
      },
      ...optional("message", this.take("message")),
      attributes: this.attributes,
    };
  }
}
