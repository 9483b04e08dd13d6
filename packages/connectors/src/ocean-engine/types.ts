import { z } from "zod";
import { exactIdSchema } from "../json.js";

/**
 * Ocean Engine's shapes for `GET /open_api/2/tools/clue/get/`, read with `parseJsonExact` so the
 * 64-bit ids (clue, advertiser, ad, creative, store) keep every digit. Loose objects: Ocean
 * Engine adds fields, and a new one must not stop intake.
 */

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const oceanStoreSchema = z.looseObject({
  store_id: exactIdSchema.optional(),
  store_name: z.string().optional(),
  store_pack_id: exactIdSchema.optional(),
  store_location: z.string().optional(),
  store_address: z.string().optional(),
  store_remark: z.string().optional(),
  store_pack_remark: z.string().optional(),
});

/** One clue (线索). */
export const oceanClueSchema = z.looseObject({
  clue_id: exactIdSchema,
  advertiser_id: exactIdSchema.optional(),
  advertiser_name: z.string().optional(),
  ad_id: exactIdSchema.optional(),
  ad_name: z.string().optional(),
  creative_id: exactIdSchema.optional(),
  promotion_id: exactIdSchema.optional(),
  promotion_name: z.string().optional(),
  site_id: exactIdSchema.optional(),
  site_name: z.string().optional(),
  module_id: exactIdSchema.optional(),
  module_name: z.string().optional(),
  /** 0 form, 1 consultation, 2 smart phone, 3 callback, 4 coupon, 5 lottery. */
  clue_type: z.number().int().optional(),
  /** 0 external traffic, 1 normal delivery, 2 imported, 3 abnormal, 4 ad preview, 5 Douyin DM, 6 Luban. */
  clue_source: z.number().int().optional(),
  /** `2026-11-27 10:42:13`, Beijing time. */
  create_time_detail: z.string().optional(),
  create_time: z.string().optional(),
  name: text.optional(),
  telephone: text.optional(),
  /** 0 unknown, 1 male, 2 female. */
  gender: z.number().int().optional(),
  age: z.number().int().optional(),
  email: z.string().optional(),
  weixin: text.optional(),
  qq: text.optional(),
  province_name: z.string().optional(),
  city_name: z.string().optional(),
  /** The district (区) of the city, despite the name. */
  country_name: z.string().optional(),
  address: z.string().optional(),
  location: z.string().optional(),
  remark: z.string().optional(),
  /** The advertiser's own form fields: `{ "意向车型": "…" }`. */
  remark_dict: z.record(z.string(), z.unknown()).optional(),
  form_remark: z.string().optional(),
  app_name: z.string().optional(),
  convert_status: z.string().optional(),
  req_id: z.string().optional(),
  /** 1 new, 2 clear intent, 3 opportunity, 4 invalid, 5 added on WeChat. */
  clue_state: z.number().int().optional(),
  clue_state_name: z.string().optional(),
  clue_owner_name: z.string().optional(),
  follow_state_name: z.string().optional(),
  system_tags: z.array(z.string()).optional(),
  allocation_status: z.number().int().optional(),
  intention_estimation: z.string().optional(),
  external_url: z.string().optional(),
  store: oceanStoreSchema.optional(),
});
export type OceanClue = z.input<typeof oceanClueSchema>;
export type ParsedOceanClue = z.output<typeof oceanClueSchema>;

export const oceanPageInfoSchema = z.looseObject({
  page: z.number().int(),
  page_size: z.number().int(),
  total_number: z.number().int(),
  total_page: z.number().int(),
});
export type OceanPageInfo = z.input<typeof oceanPageInfoSchema>;

export const oceanCluePageSchema = z.looseObject({
  list: z
    .array(oceanClueSchema)
    .nullish()
    .transform((list) => list ?? []),
  page_info: oceanPageInfoSchema,
});
export type OceanCluePage = z.input<typeof oceanCluePageSchema>;

/** Every Ocean Engine answer: `code` 0 is success, anything else an error with `message`. */
export const oceanEnvelopeSchema = z.looseObject({
  code: z.number().int(),
  message: z.string().default(""),
  data: z.unknown().optional(),
  request_id: z.string().optional(),
});
export interface OceanEnvelope<Data> {
  code: number;
  message: string;
  data?: Data;
  request_id?: string;
}
