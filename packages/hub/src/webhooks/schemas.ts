import { z } from "zod";

/** `lead.created`, `lead.*` (every lead event) or `*` (every event). */
export const eventTypePatternSchema = z
  .string()
  .max(100)
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/, {
    message: 'must be an event type like "lead.created", a prefix like "lead.*", or "*"',
  });

const eventTypesSchema = z.array(eventTypePatternSchema).min(1).max(50);

export const webhookEndpointCreateSchema = z.strictObject({
  /** https:// (http:// to 127.0.0.1/localhost only when the hub allows local HTTP). */
  url: z.string().trim().min(1).max(2_048),
  description: z.string().trim().max(500).optional(),
  /** Which events to deliver; `["*"]` (every event) when left out. */
  eventTypes: eventTypesSchema.default(["*"]),
});
export type WebhookEndpointCreate = z.infer<typeof webhookEndpointCreateSchema>;

export const webhookEndpointPatchSchema = z
  .strictObject({
    url: z.string().trim().min(1).max(2_048).optional(),
    description: z.string().trim().max(500).nullable().optional(),
    eventTypes: eventTypesSchema.optional(),
    /** `disabled` stops deliveries (pending ones fail); `active` turns a disabled endpoint back on. */
    status: z.enum(["active", "disabled"]).optional(),
    /** The version you read: a change made since then answers 409 `version_conflict`. */
    version: z.number().int().min(1).optional(),
  })
  .refine((value) => Object.keys(value).some((k) => k !== "version"), {
    message: "send at least one field",
  });
export type WebhookEndpointPatch = z.infer<typeof webhookEndpointPatchSchema>;

export const webhookEndpointResponseSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()),
    status: z.enum(["active", "disabled"]),
    /** Why the endpoint is disabled: through the API, or the endpoint answered 410 Gone. */
    disabledReason: z.string().nullable(),
    disabledAt: z.string().nullable(),
    /** While a rotation is under way: until when the previous secret still signs. */
    previousSecretExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpointResponse = z.infer<typeof webhookEndpointResponseSchema>;

export const webhookEndpointWithSecretSchema = webhookEndpointResponseSchema
  .extend({
    /** `whsec_…`: shown only in this response. Keep it where your receiver can read it. */
    secret: z.string(),
  })
  .meta({ id: "WebhookEndpointWithSecret" });

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed", "dead"] as const;

export const webhookAttemptSchema = z
  .object({
    id: z.string(),
    series: z.number().int(),
    attempt: z.number().int(),
    startedAt: z.string(),
    durationMs: z.number().int(),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable(),
    error: z.string().nullable(),
    outcome: z.enum(["succeeded", "retry", "failed", "dead"]),
    nextAttemptAt: z.string().nullable(),
  })
  .meta({ id: "WebhookDeliveryAttempt" });

export const webhookDeliveryResponseSchema = z
  .object({
    /** The `webhook-id` header: the same on every try and on replays. */
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    /** 1, then one more for each replay. */
    series: z.number().int(),
    /** Tries made in the current series. */
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastResponseStatus: z.number().int().nullable(),
    /** The first 512 characters of the endpoint's last answer. */
    lastResponseBody: z.string().nullable(),
    /** `timeout`, `network: …`, `endpoint disabled` … when the last try got no HTTP answer. */
    lastError: z.string().nullable(),
    succeededAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDeliveryResponse = z.infer<typeof webhookDeliveryResponseSchema>;

export const webhookDeliveryDetailSchema = webhookDeliveryResponseSchema
  .extend({ attempts: z.array(webhookAttemptSchema) })
  .meta({ id: "WebhookDeliveryDetail" });

export const webhookTestResponseSchema = z
  .object({ eventId: z.string(), deliveryId: z.string() })
  .meta({ id: "WebhookTest" });
