import type { LeadInput } from "@forecourt/sdk";
import { LeadFieldCollector } from "../lead-fields.js";
import type { TmallCarConfig } from "./config.js";
import type { ParsedTmallLead } from "./types.js";

export const TMALL_CAR_LEAD_SOURCE = "tmall_car";
export const TMALL_ATTRIBUTE_PREFIX = "tmall.";

/**
 * A Tmall Car lead as a `LeadInput`: name and mobile to the contact, brand / line / model / year
 * to the interest, `district_id` to the region when it is a GB/T 2260 code, the store through
 * `storeMap`. `price` and `price_memo` stay attributes: their unit (yuan or 万元) and form (a
 * number or a range) are not documented.
 */
export function mapTmallLead(
  lead: ParsedTmallLead,
  config: Pick<TmallCarConfig, "channel" | "storeMap">,
  externalId?: string,
): LeadInput {
  const fields = new LeadFieldCollector(TMALL_ATTRIBUTE_PREFIX);
  fields.answer("name", "name", lead.name ?? "");
  fields.answer("phone", "mobile", lead.mobile ?? "");
  fields.answer("brand", "brand", lead.brand ?? "");
  fields.answer("series", "line", lead.line ?? "");
  fields.answer("model", "model", lead.model ?? "");
  fields.answer("year", "year", lead.year ?? "");
  fields.answer("region", "district_id", lead.district_id ?? "");
  fields.attribute("district_id", lead.district_id);
  fields.attribute("price", lead.price);
  fields.attribute("price_memo", lead.price_memo);
  fields.attribute("store_id", lead.attr?.store_id);
  fields.attribute("store_code", lead.attr?.store_code);
  fields.attribute("lead_id", lead.lead_id);
  const storeId =
    (lead.attr?.store_code !== undefined ? config.storeMap[lead.attr.store_code] : undefined) ??
    (lead.attr?.store_id !== undefined ? config.storeMap[lead.attr.store_id] : undefined);
  return {
    ...fields.toLead({
      source: TMALL_CAR_LEAD_SOURCE,
      channel: config.channel,
      ...(externalId !== undefined && { externalId }),
    }),
    ...(storeId !== undefined && { storeId }),
  };
}
