import { leadChannelSchema, timestampSchema, timeZoneSchema } from "@forecourt/sdk";
import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { fieldMapSchema } from "../lead-fields.js";
import { secret } from "../secrets.js";
import { windowTimingSchema } from "../time-window.js";

export const OCEAN_ENGINE_BASE_URL = "https://api.oceanengine.com";
/** Clues per page: Ocean Engine's default is 10; 100 is the most this connector asks for. */
export const OCEAN_ENGINE_PAGE_SIZE = 100;

const advertiserIdSchema = z
  .string()
  .regex(/^\d{1,20}$/, { message: "must be a numeric Ocean Engine advertiser id" });

export const oceanEngineConfigSchema = z.strictObject({
  baseUrl: baseUrlSchema,
  /** The OAuth access token of an account that can read these advertisers' clues. */
  accessToken: secret(z.string().min(16).max(512)),
  /** Advertisers whose clues are pulled (as text: they are 64-bit). */
  advertiserIds: z.array(advertiserIdSchema).min(1).max(100),
  pageSize: z.number().int().min(1).max(OCEAN_ENGINE_PAGE_SIZE).default(OCEAN_ENGINE_PAGE_SIZE),
  /** Where the first pull starts; otherwise `window.initialLookbackMs` before it runs. */
  startFrom: timestampSchema.optional(),
  window: windowTimingSchema.prefault({}),
  /** Zone of Ocean Engine's wall-clock times (query and `create_time_detail`). */
  timeZone: timeZoneSchema.default("Asia/Shanghai"),
  /** `remark_dict` keys (the advertiser's form fields) sent to a lead field: `{ "意向车型": "model" }`. */
  fieldMap: fieldMapSchema,
  channel: leadChannelSchema.default("ads"),
  timeoutMs: z.number().int().min(1_000).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type OceanEngineConfig = z.output<typeof oceanEngineConfigSchema>;
