import { z } from "zod";
import type { ApiKeyRole } from "../auth/roles.js";

/** Who manages connections and the inbox: the tenant's admins. */
export const GATEWAY_ADMINS: readonly ApiKeyRole[] = ["admin"];

export const CONNECTION_ID = /^conn_[0-9A-HJKMNP-TV-Z]{26}$/;
export const INBOX_ID = /^inb_[0-9A-HJKMNP-TV-Z]{26}$/;
export const HOOK_ID = /^hk_[A-Za-z0-9_-]{32}$/;

export const CONNECTION_STATUSES = ["active", "disabled", "needs_reauth"] as const;
export const INBOX_STATUSES = [
  "received",
  "processing",
  "processed",
  "dead",
  "ignored_test",
] as const;

export const connectorManifestSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
    direction: z.enum(["source", "destination"]),
    auth: z.enum(["none", "shared_secret", "hmac", "api_key", "oauth2"]),
    capabilities: z.object({
      webhook: z.boolean(),
      handshake: z.boolean(),
      fetchReference: z.boolean(),
      pull: z.boolean(),
      testConnection: z.boolean(),
      push: z.boolean(),
    }),
    defaultBaseUrl: z.string().optional(),
    configSchema: z.record(z.string(), z.unknown()),
    secretFields: z.array(z.string()),
  })
  .meta({ id: "Connector" });

export const connectorListSchema = z.object({ data: z.array(connectorManifestSchema) });

const configInput = z
  .record(z.string(), z.unknown())
  .describe("The connector's config (see `configSchema` at GET /v1/connectors)");
const storeIdInput = z.string().regex(/^sto_[0-9A-HJKMNP-TV-Z]{26}$/);
const campaignIdInput = z.string().regex(/^camp_[0-9A-HJKMNP-TV-Z]{26}$/);
const intervalInput = z
  .number()
  .int()
  .min(1_000)
  .max(7 * 24 * 3600 * 1000);

export const connectionCreateSchema = z.strictObject({
  connectorId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  config: configInput,
  /** Leads without a store go to this store's assignment rules. */
  storeId: storeIdInput.optional(),
  /** Leads without a campaign are attributed to this one. */
  campaignId: campaignIdInput.optional(),
  /** Pull connections: how often to pull (ms); the connector's default otherwise. */
  pullIntervalMs: intervalInput.optional(),
});

export const connectionPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    /** Secret fields left out or sent back as `[redacted]` keep their stored value. */
    config: configInput.optional(),
    storeId: storeIdInput.nullable().optional(),
    campaignId: campaignIdInput.nullable().optional(),
    pullIntervalMs: intervalInput.nullable().optional(),
    /** `active` re-enables a disabled connection or one that needed re-authorisation. */
    status: z.enum(["active", "disabled"]).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: "send at least one field" });

export const connectionSchema = z
  .object({
    id: z.string(),
    connectorId: z.string(),
    name: z.string(),
    status: z.enum(CONNECTION_STATUSES),
    statusReason: z.string().nullable(),
    /** Secret fields read `[redacted]`. */
    config: z.record(z.string(), z.unknown()),
    storeId: z.string().nullable(),
    campaignId: z.string().nullable(),
    pullIntervalMs: z.number().nullable(),
    /** Where the vendor posts: `/v1/hooks/{hookId}` on this hub (webhook connectors). */
    hookPath: z.string().nullable(),
    checkpoint: z.record(z.string(), z.unknown()).nullable(),
    lastPullAt: z.string().nullable(),
    lastPullError: z.string().nullable(),
    pullPausedUntil: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: "Connection" });

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
  reason: z.string().optional(),
});

export const inboxEntrySchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    eventKey: z.string(),
    origin: z.enum(["webhook", "pull", "replay"]),
    status: z.enum(INBOX_STATUSES),
    contentType: z.string().nullable(),
    bodyBytes: z.number(),
    receivedAt: z.string(),
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    errorCode: z.string().nullable(),
    leadId: z.string().nullable(),
    processedAt: z.string().nullable(),
  })
  .meta({ id: "InboxEntry" });
