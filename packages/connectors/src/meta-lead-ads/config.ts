import { leadChannelSchema, timestampSchema } from "@forecourt/sdk";
import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { fieldMapSchema } from "../lead-fields.js";
import { secret } from "../secrets.js";

export const META_GRAPH_BASE_URL = "https://graph.facebook.com";
/** The Graph API version calls name unless the connection pins another (the app's own version). */
export const DEFAULT_META_API_VERSION = "v21.0";

const graphIdSchema = z.string().regex(/^\d{1,32}$/, { message: "must be a numeric Meta id" });

export const metaLeadAdsConfigSchema = z.strictObject({
  baseUrl: baseUrlSchema,
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, { message: 'must look like "v21.0"' })
    .default(DEFAULT_META_API_VERSION),
  /** The Meta app's secret: signs notifications (X-Hub-Signature-256) and API calls (appsecret_proof). */
  appSecret: secret(z.string().min(16).max(128)),
  /** The token typed into the app's webhook setup; Meta echoes it in the subscription handshake. */
  verifyToken: secret(z.string().min(8).max(256)),
  /** A long-lived page access token with `leads_retrieval`. */
  pageAccessToken: secret(z.string().min(20).max(2048)),
  /** When set, notifications for other pages are skipped (one Meta app can serve many pages). */
  pageId: graphIdSchema.optional(),
  /** Lead forms to backfill with the scheduled pull. */
  formIds: z.array(graphIdSchema).max(200).default([]),
  /** Backfill only leads created after this instant. */
  backfillSince: timestampSchema.optional(),
  /** Custom question keys (or standard ones) sent to a lead field: `{ "意向车型": "model" }`. */
  fieldMap: fieldMapSchema,
  channel: leadChannelSchema.default("social"),
  timeoutMs: z.number().int().min(1_000).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type MetaLeadAdsConfig = z.output<typeof metaLeadAdsConfigSchema>;
