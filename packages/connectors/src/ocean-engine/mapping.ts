import type { LeadInput } from "@forecourt/sdk";
import { LeadFieldCollector, type LeadFieldTarget } from "../lead-fields.js";
import { vendorTimeToIso } from "../vendor-time.js";
import type { OceanEngineConfig } from "./config.js";
import type { ParsedOceanClue } from "./types.js";

/** `source` of every lead this connector makes. */
export const OCEAN_ENGINE_LEAD_SOURCE = "ocean_engine";
/** Prefix of the attributes that keep Ocean Engine's ids, codes and unmapped answers. */
export const OCEAN_ATTRIBUTE_PREFIX = "ocean.";

export const OCEAN_CLUE_TYPES: Readonly<Record<number, string>> = {
  0: "form",
  1: "consultation",
  2: "smart_phone",
  3: "callback",
  4: "coupon",
  5: "lottery",
};

export const OCEAN_CLUE_SOURCES: Readonly<Record<number, string>> = {
  0: "external_traffic",
  1: "ad_delivery",
  2: "imported",
  3: "abnormal_submission",
  4: "ad_preview",
  5: "douyin_message",
  6: "luban",
};

const GENDERS: Readonly<Record<number, string>> = { 1: "male", 2: "female" };

/**
 * `remark_dict` keys advertisers commonly give their vehicle questions, with the lead field each
 * fills; a connection's `fieldMap` overrides or extends this.
 */
export const OCEAN_REMARK_FIELDS: Readonly<Record<string, LeadFieldTarget>> = {
  意向品牌: "brand",
  品牌: "brand",
  意向车系: "series",
  车系: "series",
  意向车型: "model",
  车型: "model",
  购车年份: "year",
  邮箱: "email",
  微信: "wechat",
  公司: "companyName",
  公司名称: "companyName",
};

function remarkValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(remarkValue).filter(Boolean).join(", ");
  if (value === null || value === undefined || typeof value === "object") return "";
  return String(value);
}

/**
 * A clue as a `LeadInput`: contact, region and city to their fields, `remark` as the message,
 * `remark_dict` answers through the field map (the rest kept as `ocean.field.<key>`), and Ocean
 * Engine's ids, types and states under `ocean.*`. Not validated here: the pipeline does that.
 */
export function mapOceanClue(
  clue: ParsedOceanClue,
  config: Pick<OceanEngineConfig, "fieldMap" | "channel" | "timeZone">,
): LeadInput {
  const fields = new LeadFieldCollector(OCEAN_ATTRIBUTE_PREFIX);
  fields.answer("name", "name", clue.name ?? "");
  fields.answer("phone", "telephone", clue.telephone ?? "");
  fields.answer("email", "email", clue.email ?? "");
  fields.answer("wechat", "weixin", clue.weixin ?? "");
  fields.answer("region", "province_name", clue.province_name ?? "");
  fields.answer("city", "city_name", clue.city_name ?? "");
  fields.answer("message", "remark", clue.remark ?? "");
  for (const [key, value] of Object.entries(clue.remark_dict ?? {})) {
    fields.answer(config.fieldMap[key] ?? OCEAN_REMARK_FIELDS[key], key, remarkValue(value));
  }

  const attribute = (key: string, value: string | number | undefined) =>
    fields.attribute(key, value === undefined ? undefined : String(value));
  attribute("clue_id", clue.clue_id);
  attribute("advertiser_id", clue.advertiser_id);
  attribute("advertiser_name", clue.advertiser_name);
  attribute("ad_id", clue.ad_id);
  attribute("ad_name", clue.ad_name);
  attribute("creative_id", clue.creative_id);
  attribute("promotion_id", clue.promotion_id);
  attribute("promotion_name", clue.promotion_name);
  attribute("site_id", clue.site_id);
  attribute("site_name", clue.site_name);
  attribute("module_id", clue.module_id);
  attribute("module_name", clue.module_name);
  attribute("clue_type", clue.clue_type);
  attribute("clue_type_name", OCEAN_CLUE_TYPES[clue.clue_type ?? -1]);
  attribute("clue_source", clue.clue_source);
  attribute("clue_source_name", OCEAN_CLUE_SOURCES[clue.clue_source ?? -1]);
  attribute("clue_state", clue.clue_state);
  attribute("clue_state_name", clue.clue_state_name);
  attribute("clue_owner_name", clue.clue_owner_name);
  attribute("follow_state_name", clue.follow_state_name);
  attribute("gender", GENDERS[clue.gender ?? 0]);
  if (clue.age !== undefined && clue.age > 0) attribute("age", clue.age);
  attribute("qq", clue.qq);
  attribute("district", clue.country_name);
  attribute("address", clue.address);
  attribute("location", clue.location);
  attribute("form_remark", clue.form_remark);
  attribute("app_name", clue.app_name);
  attribute("convert_status", clue.convert_status);
  attribute("intention_estimation", clue.intention_estimation);
  attribute("external_url", clue.external_url);
  attribute("req_id", clue.req_id);
  if (clue.system_tags?.length) attribute("system_tags", clue.system_tags.join(", "));
  attribute("store_id", clue.store?.store_id);
  attribute("store_name", clue.store?.store_name);
  attribute("store_pack_id", clue.store?.store_pack_id);
  attribute("store_address", clue.store?.store_address);
  attribute("create_time_detail", clue.create_time_detail);

  const occurredAt = vendorTimeToIso(clue.create_time_detail ?? clue.create_time, config.timeZone);
  return fields.toLead({
    source: OCEAN_ENGINE_LEAD_SOURCE,
    channel: config.channel,
    externalId: clue.clue_id,
    ...(occurredAt !== undefined && { occurredAt }),
  });
}
