import { idSchema, leadChannelSchema, timeZoneSchema } from "@forecourt/sdk";
import { z } from "zod";
import { TOP_SIGN_METHODS } from "../param-signing.js";
import { secret } from "../secrets.js";

/** The Qimen API Tmall Car calls to hand a lead to the dealer's system. */
export const TMALL_LEADS_METHOD = "qimen.tmall.car.leads.synchronize";
/** How far a Qimen `timestamp` may be from the hub's clock (Taobao Open Platform allows 10 min). */
export const DEFAULT_QIMEN_TOLERANCE_MS = 10 * 60 * 1000;

export const tmallCarConfigSchema = z.strictObject({
  /** The Qimen app's key (`app_key` in every request). */
  appKey: z.string().trim().min(1).max(64),
  /** The app's secret: Qimen signs each request with it. */
  appSecret: secret(z.string().min(16).max(128)),
  /** The secret being replaced, accepted too while the app switches over. */
  previousAppSecret: secret(z.string().min(16).max(128)).optional(),
  /** `sign_method` values accepted. */
  signMethods: z.array(z.enum(TOP_SIGN_METHODS)).min(1).default(["md5", "hmac", "hmac-sha256"]),
  /** When set, requests for another Qimen `customerId` are refused. */
  customerId: z.string().trim().min(1).max(64).optional(),
  timestampToleranceMs: z
    .number()
    .int()
    .min(60_000)
    .max(3_600_000)
    .default(DEFAULT_QIMEN_TOLERANCE_MS),
  /** Zone of Qimen's `timestamp` (Beijing time). */
  timeZone: timeZoneSchema.default("Asia/Shanghai"),
  /** Tmall `attr.store_code` or `attr.store_id` → the Forecourt store the lead belongs to. */
  storeMap: z.record(z.string().min(1).max(64), idSchema("store")).default({}),
  channel: leadChannelSchema.default("portal"),
});
export type TmallCarConfig = z.output<typeof tmallCarConfigSchema>;
