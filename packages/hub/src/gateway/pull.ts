import {
  AuthConnectorError,
  createContext,
  type JsonObject,
  RetryableConnectorError,
} from "@forecourt/connectors";
import { newId } from "@forecourt/sdk";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { connections, events } from "../db/schema.js";
import { withTenant } from "../db/tenant.js";
import type { HubServices } from "../services.js";
import { connectorOf, liveConfig } from "./connections.js";
import { enqueueProcessing, writeInbox } from "./inbox.js";

/** How long a pull holds its connection; renewed with every page. */
const LEASE_MS = 120_000;
/** Pages one job pulls before handing on to a fresh job (keeps jobs short across restarts). */
export const PAGES_PER_JOB = 25;

/** Set while the hub closes: pulls stop after the page in hand (its checkpoint is saved). */
const stopping = new WeakSet<HubServices>();
export const stopPulls = (services: HubServices) => stopping.add(services);

/**
 * The `gateway.pull` job: pages from the saved checkpoint, each page's items written to the
 * inbox and the next checkpoint saved in one transaction, so a crash resumes after the last page
 * stored and an item pulled twice is one inbox row. A vendor's rate limit pauses the connection
 * (the job ends normally and a delayed run resumes it); an auth failure marks it needs_reauth.
 */
export async function processPull(
  services: HubServices,
  data: { tenantId: string; connectionId: string },
): Promise<void> {
  const { db, crypto, queue } = services;
  const leased = await withTenant(db, data.tenantId, async (tx) => {
    const [row] = await tx
      .update(connections)
      .set({ pullLeaseUntil: new Date(Date.now() + LEASE_MS) })
      .where(
        and(
          eq(connections.tenantId, data.tenantId),
          eq(connections.id, data.connectionId),
          eq(connections.status, "active"),
          or(isNull(connections.pullLeaseUntil), lt(connections.pullLeaseUntil, new Date())),
          or(isNull(connections.pullPausedUntil), lt(connections.pullPausedUntil, new Date())),
        ),
      )
      .returning();
    return row;
  });
  if (!leased) return; // disabled, paused, or another run holds it
  const connector = connectorOf(leased);
  const pull = connector.pull;
  const release = (change: Partial<typeof connections.$inferInsert> = {}) =>
    withTenant(db, data.tenantId, (tx) =>
      tx
        .update(connections)
        .set({ pullLeaseUntil: null, ...change })
        .where(and(eq(connections.tenantId, data.tenantId), eq(connections.id, data.connectionId))),
    );
  if (!pull) {
    await release();
    return;
  }
  const ctx = createContext(connector, { config: liveConfig(leased, crypto) });
  let checkpoint = (leased.checkpoint ?? undefined) as JsonObject | undefined;
  let pages = 0;
  try {
    for (;;) {
      if (stopping.has(services)) break;
      const page = await pull.pullPage(checkpoint, ctx);
      const receivedAt = new Date();
      const stored = await withTenant(db, data.tenantId, async (tx) => {
        const written = await writeInbox(
          tx,
          {
            tenantId: data.tenantId,
            connectionId: data.connectionId,
            origin: "pull",
            rawBody: Buffer.alloc(0),
            headers: {},
            contentType: "application/json",
            receivedAt,
          },
          page.items.map((event) => ({
            eventKey: event.externalId,
            event,
            status: event.isTest ? ("ignored_test" as const) : ("received" as const),
          })),
          (write) => Buffer.from(JSON.stringify(write.event)),
        );
        await tx
          .update(connections)
          .set({
            checkpoint: (page.done ? (page.nextCheckpoint ?? null) : page.nextCheckpoint) ?? null,
            pullLeaseUntil: new Date(Date.now() + LEASE_MS),
            lastPullAt: receivedAt,
            lastPullError: null,
          })
          .where(
            and(eq(connections.tenantId, data.tenantId), eq(connections.id, data.connectionId)),
          );
        return written;
      });
      await enqueueProcessing(
        queue,
        stored.filter((s) => s.created && s.status === "received"),
      );
      checkpoint = page.nextCheckpoint;
      pages += 1;
      if (page.done) break;
      if (pages >= PAGES_PER_JOB) {
        await release();
        await queue.enqueue("gateway.pull", data, {
          jobId: `pull-${data.connectionId}-next-${Date.now()}`,
        });
        return;
      }
    }
    await release();
  } catch (error) {
    const message = (error as Error).message.slice(0, 2_000);
    if (error instanceof RetryableConnectorError) {
      const wait = error.retryAfterMs ?? 60_000;
      // The connection rests; this job ends well and a delayed one resumes from the checkpoint.
      await release({ pullPausedUntil: new Date(Date.now() + wait), lastPullError: message });
      await queue.enqueue("gateway.pull", data, {
        jobId: `pull-${data.connectionId}-resume-${Date.now()}`,
        delayMs: wait + 50,
      });
      return;
    }
    if (error instanceof AuthConnectorError) {
      await withTenant(db, data.tenantId, async (tx) => {
        const thisConnection = and(
          eq(connections.tenantId, data.tenantId),
          eq(connections.id, data.connectionId),
        );
        // Only an active connection changes: one an admin disabled while this page was being
        // pulled stays disabled (its lease is still released).
        const [marked] = await tx
          .update(connections)
          .set({
            status: "needs_reauth",
            statusReason: message,
            pullLeaseUntil: null,
            lastPullError: message,
            updatedAt: new Date(),
            version: sql`${connections.version} + 1`,
          })
          .where(and(thisConnection, eq(connections.status, "active")))
          .returning({ id: connections.id });
        if (!marked) {
          await tx
            .update(connections)
            .set({ pullLeaseUntil: null, lastPullError: message })
            .where(thisConnection);
          return;
        }
        await tx.insert(events).values({
          id: newId("event"),
          tenantId: data.tenantId,
          type: "connection.auth_failed",
          entityType: "connection",
          entityId: data.connectionId,
          payload: { connectionId: data.connectionId, connectorId: leased.connectorId },
        });
      });
      return;
    }
    await release({ lastPullError: message });
    throw error;
  }
}
