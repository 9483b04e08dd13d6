import { randomBytes } from "node:crypto";
import { type Connector, createContext, parseConfig, redactConfig } from "@forecourt/connectors";
import { ulid } from "@forecourt/sdk";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/roles.js";
import { connections, inbox, stores } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import type { JobQueue } from "../jobs/queue.js";
import { recordAudit } from "../lib/audit.js";
import type { FieldCrypto } from "../lib/crypto.js";
import { findConnector } from "./registry.js";
import type { connectionCreateSchema, connectionPatchSchema, connectionSchema } from "./schemas.js";
import { decryptSecrets, encryptSecrets, keepSecrets, redactStored } from "./secrets.js";

export type ConnectionRow = typeof connections.$inferSelect;
export type ConnectionView = z.infer<typeof connectionSchema>;
type Obj = Record<string, unknown>;

export const newConnectionId = () => `conn_${ulid()}`;
/** 24 random bytes: the webhook URL is the only thing a sender needs to know, so it is unguessable. */
export const newHookId = () => `hk_${randomBytes(24).toString("base64url")}`;
export const pullSchedulerId = (connectionId: string) => `pull-${connectionId}`;

export function connectorOf(row: Pick<ConnectionRow, "connectorId">): Connector {
  const connector = findConnector(row.connectorId);
  if (!connector) {
    throw new HubError("validation_failed", `Unknown connector "${row.connectorId}"`, {
      issues: [{ path: "connectorId", message: "no such connector; see GET /v1/connectors" }],
    });
  }
  return connector;
}

/** The connection's validated config with its secrets decrypted: what connector calls receive. */
export function liveConfig(row: ConnectionRow, crypto: FieldCrypto): Obj {
  const connector = connectorOf(row);
  return parseConfig(connector, decryptSecrets(connector, row.config, crypto)) as Obj;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function connectionFromRow(row: ConnectionRow): ConnectionView {
  const connector = findConnector(row.connectorId);
  return {
    id: row.id,
    connectorId: row.connectorId,
    name: row.name,
    status: row.status,
    statusReason: row.statusReason,
    config: connector ? redactStored(connector, row.config) : {},
    storeId: row.storeId,
    campaignId: row.campaignId,
    pullIntervalMs: row.pullIntervalMs,
    hookPath: connector?.webhook ? `/v1/hooks/${row.hookId}` : null,
    checkpoint: row.checkpoint ?? null,
    lastPullAt: iso(row.lastPullAt),
    lastPullError: row.lastPullError,
    pullPausedUntil: iso(row.pullPausedUntil),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function assertStore(tx: Tx, tenantId: string, storeId: string | null | undefined) {
  if (!storeId) return;
  const [row] = await tx
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), eq(stores.id, storeId)));
  if (!row) {
    throw new HubError("validation_failed", "No such store", {
      issues: [{ path: "storeId", message: "no such store" }],
    });
  }
}

/** Validates a connection's config by its connector's schema (sources and destinations alike). */
function validated(connector: Connector, input: Obj): Obj {
  try {
    return parseConfig(connector, input) as Obj;
  } catch (error) {
    const issues = (error as { issues?: { path?: unknown; message?: string }[] }).issues;
    if (!Array.isArray(issues)) throw error;
    const shown = issues.map((i) => ({
      path: `config.${Array.isArray(i.path) ? i.path.join(".") : String(i.path ?? "")}`.replace(
        /\.$/,
        "",
      ),
      message: i.message ?? "is invalid",
    }));
    throw new HubError(
      "validation_failed",
      `Invalid ${connector.id} config: ${shown
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ")}`,
      { issues: shown },
    );
  }
}

/** Whether this connection pulls on a schedule, and how often. */
export function pullIntervalOf(row: ConnectionRow, crypto: FieldCrypto): number | undefined {
  const connector = findConnector(row.connectorId);
  if (!connector?.pull || row.status !== "active") return undefined;
  const enabled = connector.pull.enabled;
  if (enabled && !enabled(liveConfig(row, crypto))) return undefined;
  return row.pullIntervalMs ?? connector.pull.defaultIntervalMs ?? 15 * 60 * 1000;
}

/** Creates, moves or removes the connection's pull scheduler to match the row. */
export async function syncPullSchedule(
  queue: JobQueue,
  row: ConnectionRow,
  crypto: FieldCrypto,
): Promise<void> {
  const every = pullIntervalOf(row, crypto);
  if (every === undefined) {
    await queue.unschedule(pullSchedulerId(row.id));
    return;
  }
  await queue.schedule(pullSchedulerId(row.id), every, "gateway.pull", {
    tenantId: row.tenantId,
    connectionId: row.id,
  });
}

export async function createConnection(
  tx: Tx,
  actor: Actor,
  requestId: string,
  crypto: FieldCrypto,
  input: z.infer<typeof connectionCreateSchema>,
): Promise<ConnectionRow> {
  const connector = findConnector(input.connectorId);
  if (!connector) connectorOf({ connectorId: input.connectorId });
  const config = validated(connector!, input.config);
  await assertStore(tx, actor.tenantId, input.storeId);
  const now = new Date();
  const [row] = await tx
    .insert(connections)
    .values({
      id: newConnectionId(),
      tenantId: actor.tenantId,
      connectorId: connector!.id,
      name: input.name,
      status: "active",
      config: encryptSecrets(connector!, config, crypto),
      storeId: input.storeId ?? null,
      campaignId: input.campaignId ?? null,
      pullIntervalMs: input.pullIntervalMs ?? null,
      hookId: newHookId(),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, actor, requestId, {
    action: "connection.created",
    entityType: "connection",
    entityId: row!.id,
    after: { ...row!, config: redactConfig(connector!, config) },
  });
  return row!;
}

export async function loadConnection(tx: Tx, tenantId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("connection", id);
  return row;
}

export async function updateConnection(
  tx: Tx,
  actor: Actor,
  requestId: string,
  crypto: FieldCrypto,
  id: string,
  patch: z.infer<typeof connectionPatchSchema>,
): Promise<{ row: ConnectionRow; reactivated: boolean }> {
  const before = await loadConnection(tx, actor.tenantId, id, true);
  const connector = connectorOf(before);
  let config = before.config;
  if (patch.config !== undefined) {
    const current = decryptSecrets(connector, before.config, crypto);
    config = encryptSecrets(
      connector,
      validated(connector, keepSecrets(connector, patch.config, current)),
      crypto,
    );
  }
  if (patch.storeId) await assertStore(tx, actor.tenantId, patch.storeId);
  const reactivated = patch.status === "active" && before.status !== "active";
  const [row] = await tx
    .update(connections)
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      config,
      ...(patch.storeId !== undefined && { storeId: patch.storeId }),
      ...(patch.campaignId !== undefined && { campaignId: patch.campaignId }),
      ...(patch.pullIntervalMs !== undefined && { pullIntervalMs: patch.pullIntervalMs }),
      ...(patch.status !== undefined && {
        status: patch.status,
        statusReason: null,
        ...(patch.status === "active" && { pullPausedUntil: null }),
      }),
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(connections.tenantId, actor.tenantId), eq(connections.id, id)))
    .returning();
  if (reactivated) {
    // Rows parked while the connection was disabled or needed re-authorisation run again.
    await tx
      .update(inbox)
      .set({ run: sql`${inbox.run} + 1`, nextAttemptAt: null, updatedAt: new Date() })
      .where(
        and(
          eq(inbox.tenantId, actor.tenantId),
          eq(inbox.connectionId, id),
          inArray(inbox.status, ["received", "processing"]),
        ),
      );
  }
  await recordAudit(tx, actor, requestId, {
    action: "connection.updated",
    entityType: "connection",
    entityId: id,
    before: redactStored(connector, before.config),
    after: redactStored(connector, row!.config),
  });
  return { row: row!, reactivated };
}

/** The connector's own check of the credentials (a cheap authenticated call). */
export async function testConnection(row: ConnectionRow, crypto: FieldCrypto) {
  const connector = connectorOf(row);
  if (!connector.testConnection) {
    return { ok: true as const, detail: `${connector.id} has no test call; config is valid` };
  }
  const config = liveConfig(row, crypto);
  try {
    return await connector.testConnection(
      createContext(connector, { config, signal: AbortSignal.timeout(20_000) }),
    );
  } catch (error) {
    return { ok: false as const, reason: (error as Error).message };
  }
}
