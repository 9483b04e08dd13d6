import { z } from "zod";
import { exactIdSchema } from "../json.js";

/**
 * Tencent Cloud's shapes for the automotive (WAV) `QueryClueInfoList`: every answer is
 * `{ Response: { …, RequestId } }`, errors `{ Response: { Error: { Code, Message }, RequestId } }`
 * with HTTP 200. Read with `parseJsonExact`; loose objects, lenient scalars (numbers or text).
 */

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
/** Unix seconds, or wall-clock text. */
const time = z.union([z.number(), z.string()]);

export const tencentClueSchema = z.looseObject({
  ClueId: exactIdSchema,
  DealerId: text.nullish(),
  DealerName: text.nullish(),
  /** When the customer enquired (Unix seconds). */
  EnquireTime: time.nullish(),
  UnionId: text.nullish(),
  /** WeChat nickname. */
  Name: text.nullish(),
  /** The customer's name. */
  UserName: text.nullish(),
  /** May be masked (`134xxxx1234`) depending on the account's permissions. */
  Phone: text.nullish(),
  WxId: text.nullish(),
  BrandCode: text.nullish(),
  SeriesCode: text.nullish(),
  ModelCode: text.nullish(),
  ProvinceCode: text.nullish(),
  CityCode: text.nullish(),
  SalesName: text.nullish(),
  SalesPhone: text.nullish(),
  Remark: text.nullish(),
  TagList: z.array(text).nullish(),
  LeadUserType: text.nullish(),
  LeadType: text.nullish(),
  ChannelId: text.nullish(),
  ChannelName: text.nullish(),
  SourceChannelName: text.nullish(),
  Gender: text.nullish(),
  CreateTime: time.nullish(),
  UpdateTime: time.nullish(),
  LeadStatus: text.nullish(),
  LevelCode: text.nullish(),
  ImportAtTime: time.nullish(),
  DistributeTime: time.nullish(),
  CreateAtTime: time.nullish(),
  BuildTime: time.nullish(),
  OrderTime: time.nullish(),
  ArrivalTime: time.nullish(),
  DeliveryTime: time.nullish(),
  FollowTime: time.nullish(),
  NextFollowTime: time.nullish(),
  OrgId: text.nullish(),
  OrgName: text.nullish(),
  Introducer: text.nullish(),
  IntroducerPhone: text.nullish(),
  IsInvalid: text.nullish(),
  InvalidType: text.nullish(),
  InvalidTypeName: text.nullish(),
  InvalidRemark: text.nullish(),
  ShopId: exactIdSchema.nullish(),
  CorpShopId: text.nullish(),
  ShopName: text.nullish(),
  Position: text.nullish(),
});
export type TencentClue = z.input<typeof tencentClueSchema>;
export type ParsedTencentClue = z.output<typeof tencentClueSchema>;

export const tencentCluePageSchema = z.looseObject({
  PageData: z
    .array(tencentClueSchema)
    .nullish()
    .transform((list) => list ?? []),
  NextCursor: z.string().nullish(),
  /** 1 when there is more; some actions send a boolean. */
  HasMore: z.union([z.number(), z.boolean()]).nullish(),
  RequestId: z.string().optional(),
});
export type TencentCluePage = z.input<typeof tencentCluePageSchema>;

export const tencentErrorSchema = z.looseObject({
  Error: z.looseObject({ Code: z.string(), Message: z.string().default("") }),
  RequestId: z.string().optional(),
});
export type TencentErrorBody = z.input<typeof tencentErrorSchema>;

/** Every Tencent Cloud API answer. */
export interface TencentEnvelope<Body> {
  Response: Body;
}
export const tencentEnvelopeSchema = z.looseObject({ Response: z.looseObject({}) });
