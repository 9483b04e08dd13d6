import { leadChannelSchema, timestampSchema, timeZoneSchema } from "@forecourt/sdk";
import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import type { LeadFieldTarget } from "../lead-fields.js";
import { secret } from "../secrets.js";
import { windowTimingSchema } from "../time-window.js";

/**
 * One configurable connector for car portals without a public lead API (Autohome, Dongchedi,
 * Yiche): push or pull, a map from the portal's field names to `LeadInput` paths, and a signing
 * scheme from a small set. Presets (`presets.ts`) fill in what is assumed about each portal.
 */

/** `LeadInput` paths a portal field can fill, and the collector field behind each. */
export const PORTAL_LEAD_PATHS = {
  "contact.name": "name",
  "contact.phone": "phone",
  "contact.email": "email",
  "contact.wechat": "wechat",
  companyName: "companyName",
  city: "city",
  region: "region",
  "interest.brand": "brand",
  "interest.series": "series",
  "interest.model": "model",
  "interest.trim": "trim",
  "interest.year": "year",
  "interest.vin": "vin",
  "interest.condition": "condition",
  message: "message",
  ignore: "ignore",
} as const satisfies Record<string, LeadFieldTarget>;

/** Where a portal field goes: a path above, `externalId`, `occurredAt`, or `attributes.<key>`. */
export const portalLeadPathSchema = z.union([
  z.enum([
    ...(Object.keys(PORTAL_LEAD_PATHS) as (keyof typeof PORTAL_LEAD_PATHS)[]),
    "externalId",
    "occurredAt",
  ]),
  z.string().regex(/^attributes\.[A-Za-z0-9_.\-\u3400-\u9fff]{1,100}$/, {
    message: "must be a LeadInput path such as contact.phone, or attributes.<key>",
  }),
]);
export type PortalLeadPath = z.infer<typeof portalLeadPathSchema>;

/** A dotted path into a record or a response: `data.list`, `user.mobile`. "" is the whole. */
const recordPathSchema = z
  .string()
  .max(200)
  .regex(/^(?:[^.\s]+(?:\.[^.\s]+)*)?$/, { message: "must be a dotted path like data.list" });

const paramNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const headerNameSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const hmacSigningSchema = z.strictObject({
  /** HMAC-SHA256 of the raw pushed body (with a signed timestamp in front, when there is one). */
  scheme: z.literal("hmac_sha256"),
  secret: secret(z.string().min(16).max(256)),
  previousSecret: secret(z.string().min(16).max(256)).optional(),
  header: headerNameSchema.default("x-signature"),
  encoding: z.enum(["hex", "base64"]).default("hex"),
  /** Text before the signature in the header, e.g. `sha256=`. */
  prefix: z.string().max(20).default(""),
  /** When set, the signed content is `<timestamp><separator><body>` and the timestamp is checked. */
  timestampHeader: headerNameSchema.optional(),
  separator: z.string().max(4).default("."),
});

export const md5SortedSigningSchema = z.strictObject({
  /** MD5 of the sorted parameters and the body with the app secret (`sign` parameter). */
  scheme: z.literal("md5_sorted"),
  appKey: z.string().trim().min(1).max(128),
  appSecret: secret(z.string().min(8).max(256)),
  previousAppSecret: secret(z.string().min(8).max(256)).optional(),
  signParam: paramNameSchema.default("sign"),
  appKeyParam: paramNameSchema.default("app_key"),
  timestampParam: paramNameSchema.default("timestamp"),
  format: z.enum(["concat", "query"]).default("concat"),
  secretPlacement: z.enum(["wrap", "append", "key_param"]).default("wrap"),
  letterCase: z.enum(["upper", "lower"]).default("upper"),
});

export const bearerSigningSchema = z.strictObject({
  /** A static token: `Authorization: Bearer <token>` both ways. */
  scheme: z.literal("bearer"),
  token: secret(z.string().min(16).max(2048)),
  previousToken: secret(z.string().min(16).max(2048)).optional(),
});

export const portalSigningSchema = z.discriminatedUnion("scheme", [
  hmacSigningSchema,
  md5SortedSigningSchema,
  bearerSigningSchema,
]);
export type PortalSigning = z.output<typeof portalSigningSchema>;

export const portalPullSchema = z.strictObject({
  /** The portal's lead list endpoint, joined to `baseUrl`; called with GET. */
  path: z.string().regex(/^\/[^\s?#]*$/, { message: "must be a path starting with /" }),
  pageParam: paramNameSchema.default("page"),
  pageSizeParam: paramNameSchema.default("page_size"),
  pageSize: z.number().int().min(1).max(1000).default(100),
  startParam: paramNameSchema.default("start_time"),
  endParam: paramNameSchema.default("end_time"),
  /** How the window's ends are written. */
  timeFormat: z.enum(["wall_clock", "unix_seconds", "unix_ms"]).default("wall_clock"),
  /** Fixed parameters every call carries (a dealer id). */
  extraParams: z.record(paramNameSchema, z.string().max(200)).default({}),
  /** Where the total page count is in the answer; without it, a short page is the last. */
  totalPagesPath: recordPathSchema.optional(),
  /** Where the portal's result code is; without it, every 2xx is a success. */
  codePath: recordPathSchema.optional(),
  messagePath: recordPathSchema.default("message"),
  okCodes: z.array(z.string().max(40)).default(["0"]),
  authCodes: z.array(z.string().max(40)).default([]),
  rateLimitCodes: z.array(z.string().max(40)).default([]),
  rateLimitWaitMs: z.number().int().min(1_000).max(3_600_000).default(30_000),
  startFrom: timestampSchema.optional(),
  window: windowTimingSchema.prefault({}),
});

export const PORTAL_PRESET_NAMES = ["autohome", "dongchedi", "yiche"] as const;

export const portalConfigSchema = z
  .strictObject({
    /** The preset this connection started from, for the record (`custom` when none). */
    preset: z.enum([...PORTAL_PRESET_NAMES, "custom"]).default("custom"),
    /** `source` of the leads: the portal's name. */
    source: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,62}$/, { message: "must be snake_case" })
      .default("portal"),
    channel: leadChannelSchema.default("portal"),
    mode: z.enum(["push", "pull"]),
    baseUrl: baseUrlSchema,
    signing: portalSigningSchema,
    /** How far a signed timestamp may be from the hub's clock. */
    timestampToleranceMs: z.number().int().min(30_000).max(3_600_000).default(300_000),
    /** Zone of the portal's wall-clock times. */
    timeZone: timeZoneSchema.default("Asia/Shanghai"),
    /** Where the lead records are in a pushed body or a pull answer; "" is the whole body. */
    recordsPath: recordPathSchema.default(""),
    /** The portal's field (a dotted path in a record) → where it goes in the lead. */
    fieldMap: z.record(z.string().min(1).max(200), portalLeadPathSchema).default({}),
    pull: portalPullSchema.optional(),
    timeoutMs: z.number().int().min(1_000).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
  })
  .superRefine((config, ctx) => {
    if (config.mode !== "pull") return;
    if (config.pull === undefined) {
      ctx.addIssue({ code: "custom", path: ["pull"], message: "is required when mode is pull" });
    }
    if (config.baseUrl === undefined) {
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "is required when mode is pull" });
    }
    if (config.signing.scheme === "hmac_sha256") {
      ctx.addIssue({
        code: "custom",
        path: ["signing", "scheme"],
        message: "hmac_sha256 signs a pushed body; a pull uses md5_sorted or bearer",
      });
    }
  });
export type PortalConfig = z.output<typeof portalConfigSchema>;
export type PortalConfigInput = z.input<typeof portalConfigSchema>;
