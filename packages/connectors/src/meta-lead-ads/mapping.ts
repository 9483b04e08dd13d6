import type { LeadInput } from "@forecourt/sdk";
import { LeadFieldCollector, type LeadFieldTarget } from "../lead-fields.js";
import type { MetaLeadAdsConfig } from "./config.js";
import type { ParsedGraphLead } from "./types.js";

/** `source` of every lead this connector makes. */
export const META_LEAD_SOURCE = "meta_lead_ads";
/** Prefix of the attributes that keep Meta's ids and the answers with no lead field. */
export const META_ATTRIBUTE_PREFIX = "meta.";

/**
 * Meta's standard question keys (and the names advertisers commonly give vehicle questions),
 * with the lead field each fills. A connection's `fieldMap` overrides or extends this.
 */
export const META_STANDARD_FIELDS: Readonly<Record<string, LeadFieldTarget>> = {
  full_name: "name",
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  work_email: "email",
  phone_number: "phone",
  work_phone_number: "phone",
  city: "city",
  province: "region",
  state: "region",
  company_name: "companyName",
  vehicle_make: "brand",
  car_make: "brand",
  make: "brand",
  vehicle_series: "series",
  vehicle_model: "model",
  car_model: "model",
  model: "model",
  vehicle_trim: "trim",
  trim: "trim",
  vehicle_year: "year",
  year: "year",
  vin: "vin",
  vehicle_condition: "condition",
  condition: "condition",
};

/** Meta writes `2026-11-27T02:42:13+0000`; the SDK wants an offset with a colon (or `Z`). */
export function metaTimeToIso(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms =
    typeof value === "number"
      ? value * 1000
      : Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Extra context the notification carried (page id), kept with the lead. */
export interface MetaLeadContext {
  pageId?: string;
}

/**
 * A Graph API lead as a `LeadInput`: standard answers to their fields, the connection's
 * `fieldMap` for custom questions, every other answer kept under `meta.field.<key>`, and Meta's
 * ids under `meta.*`. Not validated here: the hub's pipeline validates every lead the same way.
 */
export function mapMetaLead(
  lead: ParsedGraphLead,
  config: Pick<MetaLeadAdsConfig, "fieldMap" | "channel">,
  context: MetaLeadContext = {},
): LeadInput {
  const fields = new LeadFieldCollector(META_ATTRIBUTE_PREFIX);
  for (const field of lead.field_data) {
    const value = field.values
      .map((v) => v.trim())
      .filter((v) => v !== "")
      .join(", ");
    const target = config.fieldMap[field.name] ?? META_STANDARD_FIELDS[field.name.toLowerCase()];
    fields.answer(target, field.name, value);
  }
  fields.attribute("lead_id", lead.id);
  fields.attribute("page_id", context.pageId);
  fields.attribute("form_id", lead.form_id);
  fields.attribute("ad_id", lead.ad_id);
  fields.attribute("ad_name", lead.ad_name);
  fields.attribute("adset_id", lead.adset_id);
  fields.attribute("adset_name", lead.adset_name);
  fields.attribute("campaign_id", lead.campaign_id);
  fields.attribute("campaign_name", lead.campaign_name);
  fields.attribute("platform", lead.platform);
  if (lead.is_organic !== undefined) fields.attribute("is_organic", String(lead.is_organic));
  const occurredAt = metaTimeToIso(lead.created_time);
  return fields.toLead({
    source: META_LEAD_SOURCE,
    channel: config.channel,
    externalId: lead.id,
    ...(occurredAt !== undefined && { occurredAt }),
  });
}
