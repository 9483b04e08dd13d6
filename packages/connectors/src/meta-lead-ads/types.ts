import { z } from "zod";
import { exactIdSchema } from "../json.js";

/**
 * Meta's shapes, as documented for Lead Ads webhooks and the Graph API lead object. Read with
 * `parseJsonExact`, so 64-bit ids that arrive as bare numbers stay exact (as strings). Objects
 * are loose: Meta adds fields, and a new one must not break intake.
 */

/** One answer of a lead form: a standard key (`email`, `full_name`) or a custom question's key. */
export const graphFieldDataSchema = z.looseObject({
  name: z.string(),
  values: z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String)).default([]),
});
export type GraphFieldData = z.input<typeof graphFieldDataSchema>;

/** `GET /v{N}/{leadgen_id}` and each item of `GET /v{N}/{form_id}/leads`. */
export const graphLeadSchema = z.looseObject({
  id: exactIdSchema,
  /** ISO 8601, Meta style: `2026-11-27T02:42:13+0000`. */
  created_time: z.string(),
  field_data: z.array(graphFieldDataSchema).default([]),
  ad_id: exactIdSchema.optional(),
  ad_name: z.string().optional(),
  adset_id: exactIdSchema.optional(),
  adset_name: z.string().optional(),
  campaign_id: exactIdSchema.optional(),
  campaign_name: z.string().optional(),
  form_id: exactIdSchema.optional(),
  is_organic: z.boolean().optional(),
  platform: z.string().optional(),
});
export type GraphLead = z.input<typeof graphLeadSchema>;
export type ParsedGraphLead = z.output<typeof graphLeadSchema>;

export const graphLeadsPageSchema = z.looseObject({
  data: z.array(graphLeadSchema),
  paging: z
    .looseObject({
      cursors: z
        .looseObject({ before: z.string().optional(), after: z.string().optional() })
        .optional(),
      next: z.string().optional(),
      previous: z.string().optional(),
    })
    .optional(),
});
export type GraphLeadsPage = z.input<typeof graphLeadsPageSchema>;

/** What `GET /v{N}/me` answers for a page token. */
export const graphPageSchema = z.looseObject({ id: exactIdSchema, name: z.string().optional() });
export type GraphPage = z.input<typeof graphPageSchema>;

/** Every Graph API error body. */
export const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().default(""),
    type: z.string().optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.input<typeof graphErrorSchema>;

/** `value` of a `leadgen` change: ids and the creation time (Unix seconds), no personal data. */
export const leadgenValueSchema = z.looseObject({
  leadgen_id: exactIdSchema,
  page_id: exactIdSchema.optional(),
  form_id: exactIdSchema.optional(),
  ad_id: exactIdSchema.optional(),
  adgroup_id: exactIdSchema.optional(),
  created_time: z.number().optional(),
});
export type LeadgenValue = z.input<typeof leadgenValueSchema>;

export const leadgenNotificationSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: exactIdSchema.optional(),
      time: z.number().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).default([]),
    }),
  ),
});
export type LeadgenNotification = z.input<typeof leadgenNotificationSchema>;
