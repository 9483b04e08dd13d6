import {
  AuthConnectorError,
  type Connector,
  ConnectorError,
  createContext,
  PermanentConnectorError,
  RetryableConnectorError,
  type SourceEvent,
} from "@forecourt/connectors";
import {
  type LeadInput,
  newId,
  normalizeLead,
  ValidationError as SdkValidationError,
} from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import { connections, events, inbox } from "../db/schema.js";
import { type Tx, withTenant } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { intakeQueueOf } from "../leads/intakeQueue.js";
import type { HubServices } from "../services.js";
import { type ConnectionRow, connectorOf, liveConfig } from "./connections.js";
import { enqueueProcessing, FINAL_STATUSES, type InboxRow } from "./inbox.js";

/** Tries of one inbox row before a retryable failure becomes a dead letter. */
export const MAX_ATTEMPTS = 8;
/**
 * Tries a vendor's rate limit may turn away (each retried after the wait it asked for) before the
 * row is dead; they do not count against `MAX_ATTEMPTS`, so a long rate limit does not use up
 * the tries meant for failures.
 */
export const MAX_RATE_LIMIT_WAITS = 48;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30 * 60 * 1000;

/** After a rate limit: the vendor's wait, and up to a tenth more so parked rows do not return at once. */
export function rateLimitDelay(retryAfterMs: number): number {
  return Math.round(retryAfterMs * (1 + Math.random() * 0.1));
}

/** Exponential backoff with full jitter, at least what the vendor asked for. */
export function retryDelay(attempt: number, retryAfterMs?: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Who the gateway acts as in audit entries: the connection, with an integration's rights. */
export function gatewayActor(connection: Pick<ConnectionRow, "tenantId" | "id">): Actor {
  return {
    tenantId: connection.tenantId,
    apiKeyId: `gateway:${connection.id}`,
    role: "integration",
    storeId: undefined,
    salespersonId: undefined,
  };
}

/**
 * The `gateway.process` job: one inbox row → a lead (or a touchpoint on an open one), through the
 * hub's intake queue. The row is locked and marked processed in the transaction that writes the
 * lead, so however many times the job runs (retries, a restart, a replay racing the reconciler)
 * the lead is written once.
 */
export async function processInboxEntry(
  services: HubServices,
  data: { tenantId: string; inboxId: string },
): Promise<void> {
  const { db, crypto } = services;
  // The row and its connection in one query, as the tables' owner (as the reconciler reads the
  // inbox), confined to the job's tenant by the WHERE clause; the writes below run in the tenant.
  const [loaded] = await db
    .select({ row: inbox, connection: connections })
    .from(inbox)
    .innerJoin(connections, eq(connections.id, inbox.connectionId))
    .where(
      and(
        eq(inbox.tenantId, data.tenantId),
        eq(inbox.id, data.inboxId),
        eq(connections.tenantId, data.tenantId),
      ),
    );
  if (!loaded || FINAL_STATUSES.has(loaded.row.status)) return;
  const { row, connection } = loaded;
  if (connection.status !== "active") {
    // Parked: runs again when the connection is re-enabled or re-authorised.
    await setRow(services, row, {
      status: "received",
      lastError: `waiting: the connection is ${connection.status}`,
      errorCode:
        connection.status === "needs_reauth" ? "connection_needs_reauth" : "connection_disabled",
    });
    return;
  }
  const connector = connectorOf(connection);
  try {
    const event = await eventOf(services, row, connection, connector);
    if (!event) return;
    if (event.isTest) {
      await setRow(services, row, { status: "ignored_test", processedAt: new Date() });
      return;
    }
    const config = liveConfig(connection, crypto);
    let lead: LeadInput;
    if (event.kind === "lead") {
      lead = event.lead;
    } else {
      if (!connector.fetchReference) {
        throw new PermanentConnectorError(`${connector.id} cannot fetch references`, {
          code: "unknown_reference",
        });
      }
      lead = await connector.fetchReference(
        event.reference,
        createContext(connector, { config, signal: AbortSignal.timeout(60_000) }),
      );
    }
    const input: LeadInput = {
      ...lead,
      source: lead.source || connector.id,
      externalId: lead.externalId ?? event.externalId,
      ...(lead.occurredAt === undefined && event.occurredAt !== undefined
        ? { occurredAt: event.occurredAt }
        : {}),
      ...(lead.storeId === undefined && connection.storeId ? { storeId: connection.storeId } : {}),
      ...(lead.campaignId === undefined && connection.campaignId
        ? { campaignId: connection.campaignId }
        : {}),
      attributes: {
        ...(lead.attributes ?? {}),
        inboxId: row.id,
        connectionId: connection.id,
        sourceEventKey: row.eventKey,
      },
    } as LeadInput;
    const { lead: normalized, warnings } = normalizeLead(input);
    // Stored with the other inquiries of this tenant that arrive meanwhile (group commit); the
    // row is locked and marked processed in the lead's own transaction.
    await intakeQueueOf(services).submit({
      lead: normalized,
      warnings,
      actor: gatewayActor(connection),
      scope: {},
      requestId: `job_${row.id}`,
      inboxId: row.id,
    });
  } catch (error) {
    await handleFailure(services, row, connection, error);
  }
}

/** The row's event; a body stored unreadable is read again (a replay after a fix). */
async function eventOf(
  services: HubServices,
  row: InboxRow,
  connection: ConnectionRow,
  connector: Connector,
): Promise<SourceEvent | undefined> {
  if (row.event) return row.event as unknown as SourceEvent;
  if (!connector.webhook) {
    throw new PermanentConnectorError("the stored entry has no event to process", {
      code: "no_event",
    });
  }
  const config = liveConfig(connection, services.crypto);
  const parsed = await connector.webhook.parse(new Uint8Array(row.rawBody), row.headers, config, {
    method: "POST",
    url: `http://replay.invalid/v1/hooks/${connection.hookId}`,
    receivedAt: row.receivedAt.getTime(),
  });
  const [first, ...rest] = parsed.events;
  if (!first) {
    throw new PermanentConnectorError("the body holds no event", { code: "no_event" });
  }
  if (rest.length === 0) return first;
  // Several events in a body once unreadable: each gets its own row; this one is done.
  const { writeInbox } = await import("./inbox.js");
  const stored = await withTenant(services.db, row.tenantId, (tx) =>
    writeInbox(
      tx,
      {
        tenantId: row.tenantId,
        connectionId: row.connectionId,
        origin: "replay",
        rawBody: row.rawBody,
        headers: row.headers,
        contentType: row.contentType,
        receivedAt: row.receivedAt,
      },
      parsed.events.map((event) => ({
        eventKey: event.externalId,
        event,
        status: event.isTest ? ("ignored_test" as const) : ("received" as const),
      })),
    ),
  );
  await setRow(services, row, {
    status: "processed",
    processedAt: new Date(),
    lastError: `split into ${parsed.events.length} events`,
  });
  await enqueueProcessing(
    services.queue,
    stored.filter((s) => s.created && s.status === "received"),
  );
  return undefined;
}

type RowChange = Partial<
  Pick<
    InboxRow,
    "status" | "lastError" | "errorCode" | "nextAttemptAt" | "processedAt" | "attempts" | "waits"
  >
>;

async function setRow(services: HubServices, row: InboxRow, change: RowChange, tx?: Tx) {
  const run = (t: Tx) =>
    t
      .update(inbox)
      .set({ ...change, updatedAt: new Date() })
      .where(
        and(
          eq(inbox.tenantId, row.tenantId),
          eq(inbox.id, row.id),
          sql`${inbox.status} IN ('received', 'processing', 'dead')`,
        ),
      );
  if (tx) await run(tx);
  else await withTenant(services.db, row.tenantId, run);
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message.slice(0, 2_000) : String(error);

async function handleFailure(
  services: HubServices,
  row: InboxRow,
  connection: ConnectionRow,
  error: unknown,
): Promise<void> {
  if (error instanceof AuthConnectorError) {
    await withTenant(services.db, row.tenantId, async (tx) => {
      const [updated] = await tx
        .update(connections)
        .set({
          status: "needs_reauth",
          statusReason: messageOf(error),
          updatedAt: new Date(),
          version: sql`${connections.version} + 1`,
        })
        .where(
          and(
            eq(connections.tenantId, row.tenantId),
            eq(connections.id, connection.id),
            eq(connections.status, "active"),
          ),
        )
        .returning({ id: connections.id });
      if (updated) {
        await tx.insert(events).values({
          id: newId("event"),
          tenantId: row.tenantId,
          type: "connection.auth_failed",
          entityType: "connection",
          entityId: connection.id,
          payload: {
            connectionId: connection.id,
            connectorId: connection.connectorId,
            code: error.code,
          },
        });
      }
      await setRow(
        services,
        row,
        { status: "received", lastError: messageOf(error), errorCode: "connection_needs_reauth" },
        tx,
      );
    });
    return;
  }
  const permanent =
    error instanceof PermanentConnectorError ||
    error instanceof SdkValidationError ||
    (error instanceof HubError && error.status < 500) ||
    (error instanceof ConnectorError && !(error instanceof RetryableConnectorError));
  // A retryable error that says how long to wait is the vendor's rate limit.
  const retryAfterMs = error instanceof RetryableConnectorError ? error.retryAfterMs : undefined;
  const rateLimited = !permanent && retryAfterMs !== undefined;
  const attempts = row.attempts + 1;
  const waits = row.waits + (rateLimited ? 1 : 0);
  const failures = attempts - waits;
  if (permanent || failures >= MAX_ATTEMPTS || waits >= MAX_RATE_LIMIT_WAITS) {
    await setRow(services, row, {
      status: "dead",
      attempts,
      waits,
      lastError: messageOf(error),
      errorCode: permanent
        ? ((error as { code?: string }).code ?? "permanent")
        : rateLimited
          ? "rate_limited_too_long"
          : "retries_exhausted",
      nextAttemptAt: null,
    });
    return;
  }
  const delay = rateLimited ? rateLimitDelay(retryAfterMs) : retryDelay(failures);
  await setRow(services, row, {
    status: "received",
    attempts,
    waits,
    lastError: messageOf(error),
    errorCode: (error as { code?: string }).code ?? (rateLimited ? "rate_limited" : "retryable"),
    nextAttemptAt: new Date(Date.now() + delay),
  });
  await enqueueProcessing(services.queue, [{ ...row, attempts }], delay);
}
