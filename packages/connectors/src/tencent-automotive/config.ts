import { idSchema, leadChannelSchema, timestampSchema, timeZoneSchema } from "@forecourt/sdk";
import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";
import { windowTimingSchema } from "../time-window.js";

export const TENCENT_WAV_BASE_URL = "https://wav.tencentcloudapi.com";
/** The automotive (WAV) API's version and its service name in the signature scope. */
export const TENCENT_WAV_VERSION = "2021-01-29";
export const TENCENT_WAV_SERVICE = "wav";
/** Clues per call: Tencent allows 1–1000. */
export const TENCENT_CLUE_LIMIT = 100;

export const tencentAutomotiveConfigSchema = z.strictObject({
  baseUrl: baseUrlSchema,
  /** A CAM API key's SecretId (an identifier, sent in every request). */
  secretId: z.string().min(8).max(128),
  /** The key's SecretKey: signs requests, never sent. */
  secretKey: secret(z.string().min(16).max(128)),
  /** `X-TC-Region`, when the partner's account needs one. */
  region: z
    .string()
    .regex(/^[a-z]{2}-[a-z]+(?:-\d+)?$/)
    .optional(),
  version: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default(TENCENT_WAV_VERSION),
  limit: z.number().int().min(1).max(1000).default(TENCENT_CLUE_LIMIT),
  /** Where the first pull starts; otherwise `window.initialLookbackMs` before it runs. */
  startFrom: timestampSchema.optional(),
  window: windowTimingSchema.prefault({}),
  /** Zone of wall-clock times in clues (`CreateTime`). */
  timeZone: timeZoneSchema.default("Asia/Shanghai"),
  /** Tencent `ShopId` or `CorpShopId` → the Forecourt store the lead belongs to. */
  storeMap: z.record(z.string().min(1).max(64), idSchema("store")).default({}),
  channel: leadChannelSchema.default("social"),
  timeoutMs: z.number().int().min(1_000).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type TencentAutomotiveConfig = z.output<typeof tencentAutomotiveConfigSchema>;
