import type { LeadInput } from "@forecourt/sdk";
import { LeadFieldCollector } from "../lead-fields.js";
import { vendorTimeToIso } from "../vendor-time.js";
import type { TencentAutomotiveConfig } from "./config.js";
import type { ParsedTencentClue } from "./types.js";

/** `source` of every lead this connector makes. */
export const TENCENT_AUTOMOTIVE_LEAD_SOURCE = "tencent_automotive";
export const TENCENT_ATTRIBUTE_PREFIX = "tencent.";

/** A phone Tencent masked for an account without the permission to see it: `134xxxx1234`. */
const MASKED_PHONE = /[x*]/i;

/** Time fields kept as ISO attributes: the clue's progress on Tencent's side. */
const PROGRESS_TIMES = {
  distribute_time: "DistributeTime",
  arrival_time: "ArrivalTime",
  order_time: "OrderTime",
  delivery_time: "DeliveryTime",
  follow_time: "FollowTime",
  next_follow_time: "NextFollowTime",
} as const;

/**
 * A `QueryClueInfoList` item as a `LeadInput`: the customer's name, phone (unless masked) and
 * WeChat id, the vehicle codes as the interest, the province code as the region, the remark as
 * the message, and Tencent's channel, grade (`LevelCode`), status, shop and timeline under
 * `tencent.*`. `ShopId` / `CorpShopId` pick the store through the connection's `storeMap`.
 */
export function mapTencentClue(
  clue: ParsedTencentClue,
  config: Pick<TencentAutomotiveConfig, "channel" | "timeZone" | "storeMap">,
): LeadInput {
  const fields = new LeadFieldCollector(TENCENT_ATTRIBUTE_PREFIX);
  const value = (v: string | null | undefined) => v ?? "";
  fields.answer("name", "UserName", value(clue.UserName));
  const phone = value(clue.Phone);
  if (MASKED_PHONE.test(phone)) fields.attribute("phone_masked", phone);
  else fields.answer("phone", "Phone", phone);
  fields.answer("wechat", "WxId", value(clue.WxId));
  fields.answer("brand", "BrandCode", value(clue.BrandCode));
  fields.answer("series", "SeriesCode", value(clue.SeriesCode));
  fields.answer("model", "ModelCode", value(clue.ModelCode));
  fields.answer("region", "ProvinceCode", value(clue.ProvinceCode));
  fields.answer("message", "Remark", value(clue.Remark));

  const attribute = (key: string, v: string | null | undefined) =>
    fields.attribute(key, v ?? undefined);
  attribute("clue_id", clue.ClueId);
  attribute("wechat_nickname", clue.Name);
  attribute("union_id", clue.UnionId);
  attribute("city_code", clue.CityCode);
  attribute("dealer_id", clue.DealerId);
  attribute("dealer_name", clue.DealerName);
  attribute("shop_id", clue.ShopId);
  attribute("corp_shop_id", clue.CorpShopId);
  attribute("shop_name", clue.ShopName);
  attribute("org_id", clue.OrgId);
  attribute("org_name", clue.OrgName);
  attribute("channel_id", clue.ChannelId);
  attribute("channel_name", clue.ChannelName);
  attribute("source_channel_name", clue.SourceChannelName);
  attribute("level_code", clue.LevelCode);
  attribute("lead_status", clue.LeadStatus);
  attribute("lead_type", clue.LeadType);
  attribute("lead_user_type", clue.LeadUserType);
  attribute("gender", clue.Gender);
  attribute("sales_name", clue.SalesName);
  attribute("introducer", clue.Introducer);
  attribute("introducer_phone", clue.IntroducerPhone);
  if (clue.TagList?.length) attribute("tags", clue.TagList.join(", "));
  if (clue.IsInvalid === "1") {
    attribute("invalid", "true");
    attribute("invalid_type", clue.InvalidType);
    attribute("invalid_type_name", clue.InvalidTypeName);
    attribute("invalid_remark", clue.InvalidRemark);
  }
  for (const [key, field] of Object.entries(PROGRESS_TIMES)) {
    attribute(key, vendorTimeToIso(clue[field], config.timeZone));
  }

  const occurredAt = vendorTimeToIso(
    clue.EnquireTime ?? clue.CreateAtTime ?? clue.CreateTime,
    config.timeZone,
  );
  const storeId =
    (clue.ShopId != null ? config.storeMap[clue.ShopId] : undefined) ??
    (clue.CorpShopId != null ? config.storeMap[clue.CorpShopId] : undefined);
  return {
    ...fields.toLead({
      source: TENCENT_AUTOMOTIVE_LEAD_SOURCE,
      channel: config.channel,
      externalId: clue.ClueId,
      ...(occurredAt !== undefined && { occurredAt }),
    }),
    ...(storeId !== undefined && { storeId }),
  };
}
