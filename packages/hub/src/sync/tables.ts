import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Drizzle's view of the tables of migration 0007_sync.sql (the SQL is the source of truth; keep
 * the two in step). Kept beside the sync code rather than in db/schema.ts so the order-sync slice
 * stays in one place.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type OrderSyncStatus = "pending" | "synced" | "failed" | "dead" | "waiting_auth";

export const orderSyncs = pgTable("order_syncs", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  orderId: text("order_id").notNull(),
  termsVersion: integer("terms_version").notNull(),
  connectionId: text("connection_id").notNull(),
  destination: text("destination").notNull(),
  idempotencyKey: text("idempotency_key").notNull(),
  status: text("status").$type<OrderSyncStatus>().notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  run: integer("run").notNull().default(0),
  enqueuedAt: ts("enqueued_at"),
  nextAttemptAt: ts("next_attempt_at"),
  externalId: text("external_id"),
  externalNumber: text("external_number"),
  externalUrl: text("external_url"),
  lastError: text("last_error"),
  errorCode: text("error_code"),
  syncedAt: ts("synced_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const oauthStates = pgTable("oauth_states", {
  state: text("state").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  connectionId: text("connection_id").notNull(),
  verifierCiphertext: text("verifier_ciphertext").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  clientId: text("client_id"),
  expiresAt: ts("expires_at").notNull(),
  usedAt: ts("used_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
