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

/** How an inbox row arrived: a vendor's delivery, a pull, a replay's split, a file import. */
export const INBOX_ORIGINS = ["webhook", "pull", "replay", "upload"] as const;

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
      /** Takes files at `POST /v1/connections/{id}/imports` (CSV, vCard). */
      import: z.boolean(),
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
    origin: z.enum(INBOX_ORIGINS),
    status: z.enum(INBOX_STATUSES),
    contentType: z.string().nullable(),
    bodyBytes: z.number(),
    receivedAt: z.string(),
    attempts: z.number(),
    /** Of `attempts`, those a vendor's rate limit turned away (they do not use up the 8 tries). */
    waits: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    errorCode: z.string().nullable(),
    leadId: z.string().nullable(),
    processedAt: z.string().nullable(),
  })
  .meta({ id: "InboxEntry" });

export const importQuerySchema = z.strictObject({
  fileId: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe(
      "Names the upload for good (the import screen's upload id); without it the file's SHA-256 does, so the same bytes import once",
    ),
});

/** Where a row or card that cannot become a lead is, and why (never the cell's value). */
export const importProblemSchema = z
  .object({
    /** CSV: the row as a spreadsheet numbers it (the header is 1; the line, unless a cell above holds line breaks). */
    row: z.number().optional(),
    /** vCard: the card's number in the file, from 1. */
    card: z.number().optional(),
    /** vCard: the line of the card's BEGIN:VCARD. */
    line: z.number().optional(),
    /** CSV: the column's header as written. */
    column: z.string().optional(),
    message: z.string(),
  })
  .meta({ id: "ImportProblem" });

export const importReportSchema = z
  .object({
    connectionId: z.string(),
    fileId: z.string(),
    bytes: z.number(),
    /** Data rows (CSV; blank rows not counted) or cards (vCard) read. */
    items: z.number(),
    /** New inbox entries, each queued to become a lead (or a touchpoint on an open one). */
    accepted: z.number(),
    /** Rows already in the inbox (imported before) or repeated in this file. */
    duplicates: z.number(),
    /** Rows or cards that cannot become leads; `problems` says where and why. */
    failed: z.number(),
    problems: z.array(importProblemSchema),
    /** Problems beyond the first 1,000, counted only. */
    problemsOmitted: z.number(),
  })
  .meta({ id: "ImportReport" });
