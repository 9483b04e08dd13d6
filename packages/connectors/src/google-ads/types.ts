import { z } from "zod";
import { exactIdSchema } from "../json.js";

/**
 * The Google Ads lead form webhook body, as Google documents it. Ids are int64 and may exceed
 * 2^53, so the body is read with `parseJsonExact` and ids kept as strings. Loose objects: new
 * fields must not break intake.
 */

export const userColumnSchema = z.looseObject({
  /** `FULL_NAME`, `EMAIL`, `PHONE_NUMBER` …; custom questions have their own ids. */
  column_id: z.string().optional(),
  /** The question as the advertiser wrote it (localised). */
  column_name: z.string().optional(),
  string_value: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
});
export type UserColumn = z.input<typeof userColumnSchema>;

export const googleLeadWebhookSchema = z.looseObject({
  lead_id: exactIdSchema,
  user_column_data: z.array(userColumnSchema).default([]),
  api_version: z.string().optional(),
  form_id: exactIdSchema.optional(),
  campaign_id: exactIdSchema.optional(),
  adgroup_id: exactIdSchema.optional(),
  creative_id: exactIdSchema.optional(),
  asset_group_id: exactIdSchema.optional(),
  gcl_id: z.string().optional(),
  google_key: z.string().optional(),
  is_test: z.boolean().optional(),
  lead_submit_time: z.string().optional(),
});
/** What Google posts; ids may be JSON numbers or strings. */
export type GoogleLeadWebhook = z.input<typeof googleLeadWebhookSchema>;
export type ParsedGoogleLeadWebhook = z.output<typeof googleLeadWebhookSchema>;
