import { z } from "zod";
import type { ApiKeyRole } from "../auth/roles.js";

/** Who reads the push log and replays dead pushes: admins and finance. */
export const SYNC_READERS: readonly ApiKeyRole[] = ["admin", "finance"];

export const ORDER_SYNC_ID = /^osync_[0-9A-HJKMNP-TV-Z]{26}$/;
export const ORDER_SYNC_STATUSES = ["pending", "synced", "failed", "dead", "waiting_auth"] as const;

export const orderSyncSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    termsVersion: z.number().int(),
    connectionId: z.string(),
    destination: z.string().describe("The destination's connector id (xero, quickbooks …)"),
    idempotencyKey: z.string().describe("Sent with every try of this push"),
    status: z.enum(ORDER_SYNC_STATUSES),
    attempts: z.number().int(),
    externalId: z.string().nullable(),
    externalNumber: z.string().nullable(),
    externalUrl: z.string().nullable(),
    lastError: z.string().nullable().describe("The vendor's message for the last failure"),
    errorCode: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    syncedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "OrderSync" });

export const oauthStartSchema = z
  .object({
    authorizeUrl: z.string().describe("Send the admin's browser here"),
    state: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: "OAuthStart" });

export const oauthCallbackResultSchema = z
  .object({
    connectionId: z.string(),
    connectorId: z.string(),
    status: z.literal("active"),
    released: z.number().int().describe("Order pushes that waited for this authorisation"),
  })
  .meta({ id: "OAuthCallbackResult" });
