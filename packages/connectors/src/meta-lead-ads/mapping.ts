import { type LeadInput, resolveRegion } from "@forecourt/sdk";
import type { MetaLeadAdsConfig, MetaLeadTarget } from "./config.js";
import type { ParsedGraphLead } from "./types.js";

/** `source` of every lead this connector makes. */
export const META_LEAD_SOURCE = "meta_lead_ads";
/** Prefix of the attributes that keep Meta's ids and the answers with no lead field. */
export const META_ATTRIBUTE_PREFIX = "meta.";

/**
 * Meta's standard question keys (and the names advertisers commonly give vehicle questions),
 * with the lead field each fills. A connection's `fieldMap` overrides or extends this.
 */
export const META_STANDARD_FIELDS: Readonly<Record<string, MetaLeadTarget>> = {
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

const MAX_ATTRIBUTE_LENGTH = 4000;
const HAS_CJK = /[\u3400-\u9fff]/;

const CONDITIONS: Readonly<Record<string, "new" | "used" | "demo">> = {
  new: "new",
  新车: "new",
  used: "used",
  "pre-owned": "used",
  二手车: "used",
  demo: "demo",
  试驾车: "demo",
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

function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first) return last;
  if (!last) return first;
  // Chinese names read family name first, without a space: 王 + 小明 → 王小明.
  return HAS_CJK.test(first + last) ? `${last}${first}` : `${first} ${last}`;
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
  const attributes: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== "") {
      attributes[`${META_ATTRIBUTE_PREFIX}${key}`] = value.slice(0, MAX_ATTRIBUTE_LENGTH);
    }
  };
  const found: Partial<Record<MetaLeadTarget, string>> = {};
  for (const field of lead.field_data) {
    const value = field.values
      .map((v) => v.trim())
      .filter((v) => v !== "")
      .join(", ");
    if (value === "") continue;
    const target = config.fieldMap[field.name] ?? META_STANDARD_FIELDS[field.name.toLowerCase()];
    if (target === "ignore") continue;
    if (target === undefined || found[target] !== undefined) {
      set(`field.${field.name.slice(0, 200)}`, value);
      continue;
    }
    found[target] = value;
  }

  const region = found.region !== undefined ? resolveRegion(found.region) : undefined;
  if (found.region !== undefined && region === undefined) set("field.province", found.region);
  const year =
    found.year !== undefined && /^\d{4}$/.test(found.year) ? Number(found.year) : undefined;
  if (found.year !== undefined && (year === undefined || year < 1900 || year > 2100)) {
    set("field.vehicle_year", found.year);
  }
  const condition =
    found.condition !== undefined ? CONDITIONS[found.condition.toLowerCase()] : undefined;
  if (found.condition !== undefined && condition === undefined) {
    set("field.vehicle_condition", found.condition);
  }

  set("lead_id", lead.id);
  set("page_id", context.pageId);
  set("form_id", lead.form_id);
  set("ad_id", lead.ad_id);
  set("ad_name", lead.ad_name);
  set("adset_id", lead.adset_id);
  set("adset_name", lead.adset_name);
  set("campaign_id", lead.campaign_id);
  set("campaign_name", lead.campaign_name);
  set("platform", lead.platform);
  if (lead.is_organic !== undefined) set("is_organic", String(lead.is_organic));

  const name = found.name ?? fullName(found.firstName, found.lastName);
  const occurredAt = metaTimeToIso(lead.created_time);
  const interest = {
    ...(found.brand !== undefined && { brand: found.brand }),
    ...(found.series !== undefined && { series: found.series }),
    ...(found.model !== undefined && { model: found.model }),
    ...(found.trim !== undefined && { trim: found.trim }),
    ...(year !== undefined && year >= 1900 && year <= 2100 && { year }),
    ...(found.vin !== undefined && { vin: found.vin }),
    ...(condition !== undefined && { condition }),
  };
  return {
    source: META_LEAD_SOURCE,
    channel: config.channel,
    externalId: lead.id,
    ...(occurredAt !== undefined && { occurredAt }),
    contact: {
      ...(name !== undefined && { name }),
      ...(found.phone !== undefined && { phone: found.phone }),
      ...(found.email !== undefined && { email: found.email }),
      ...(found.wechat !== undefined && { wechat: found.wechat }),
    },
    ...(found.companyName !== undefined && { companyName: found.companyName }),
    ...(found.city !== undefined && { city: found.city }),
    ...(region !== undefined && { region: region.code }),
    interest,
    ...(found.message !== undefined && { message: found.message }),
    attributes,
  };
}
