import {
  META_TEST_APP_SECRET,
  META_TEST_FORM_ID,
  META_TEST_PAGE_ID,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
  metaLeadgenNotification,
  signMetaBody,
} from "@forecourt/connectors/meta-lead-ads/mocks";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { expect } from "vitest";
import { connections, inbox, leads, touchpoints } from "../../src/db/schema.js";
import { withTenant } from "../../src/db/tenant.js";
import type { Hub } from "../../src/hub.js";
import { type Call, ok } from "./leadGroup.js";

/**
 * What the gateway suites check about a connection once its events have gone through: each
 * inbox row, the lead it became and the touchpoint that records it, read straight from the
 * tables so a test sees what was stored rather than what an API view makes of it.
 */

/** A Meta Lead Ads connection's config as the connectors' Graph API mocks expect it. */
export const META_TEST_CONFIG = {
  appSecret: META_TEST_APP_SECRET,
  verifyToken: META_TEST_VERIFY_TOKEN,
  pageAccessToken: META_TEST_PAGE_TOKEN,
  pageId: META_TEST_PAGE_ID,
};

/** Connects a Meta page for a store through the API; returns the connection as answered. */
export async function connectMeta(
  call: Call,
  adminKey: string,
  name: string,
  storeId: string,
): Promise<{ id: string; hookPath: string; config: Record<string, unknown> }> {
  return ok(
    await call("POST", "/v1/connections", adminKey, {
      connectorId: "meta_lead_ads",
      name,
      storeId,
      config: META_TEST_CONFIG,
    }),
    201,
  );
}

/** Posts a Meta leadgen notification for one lead, signed as Meta signs it. */
export async function notifyMeta(hub: Hub, hookPath: string, leadgenId: string) {
  const body = metaLeadgenNotification([
    { leadgen_id: leadgenId, page_id: META_TEST_PAGE_ID, form_id: META_TEST_FORM_ID },
  ]);
  return hub.app.inject({
    method: "POST",
    url: hookPath,
    payload: body,
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": await signMetaBody(body),
    },
  });
}

/** Reads until `done` holds or `ms` pass, then returns the last value for the test to check. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ConnectionOutcome {
  rows: (typeof inbox.$inferSelect)[];
  leads: (typeof leads.$inferSelect)[];
  touchpoints: (typeof touchpoints.$inferSelect)[];
}

/** A connection's inbox rows (oldest first), the leads they made and their touchpoints. */
export function connectionOutcome(
  hub: Hub,
  tenantId: string,
  connectionId: string,
): Promise<ConnectionOutcome> {
  return withTenant(hub.services.db, tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(inbox)
      .where(eq(inbox.connectionId, connectionId))
      .orderBy(inbox.id);
    const leadIds = [...new Set(rows.flatMap((row) => (row.leadId ? [row.leadId] : [])))];
    return {
      rows,
      leads: leadIds.length ? await tx.select().from(leads).where(inArray(leads.id, leadIds)) : [],
      touchpoints: await tx
        .select()
        .from(touchpoints)
        .where(sql`${touchpoints.attributes}->>'connectionId' = ${connectionId}`),
    };
  });
}

/** Every row processed into a lead that is graded and assigned to one of `sellers`. */
export function settled(outcome: ConnectionOutcome, events: number): boolean {
  return (
    outcome.rows.filter((row) => row.status === "processed").length === events &&
    outcome.leads.length > 0 &&
    outcome.leads.every((lead) => lead.salespersonId !== null)
  );
}

export interface ExpectedWork {
  /** The sender's ids of the events that must have become leads, exact. */
  externalIds: string[];
  /** `source` of their touchpoints (per external id when it differs). */
  source: string | ((externalId: string) => string);
  /** Who may have been assigned, per external id (default: anyone in `sellers`). */
  sellers: string[] | ((externalId: string) => string[]);
}

/**
 * Each external id is one processed inbox row, keyed by that id exactly, whose lead is graded
 * and assigned and whose touchpoint keeps the source and the id as sent; nothing else was made.
 */
export function expectWorked(outcome: ConnectionOutcome, expected: ExpectedWork): void {
  const processed = outcome.rows.filter((row) => row.status === "processed");
  expect(processed.map((row) => row.eventKey).sort()).toEqual([...expected.externalIds].sort());
  const leadsById = new Map(outcome.leads.map((lead) => [lead.id, lead]));
  const touchpointByInbox = new Map(
    outcome.touchpoints.map((tp) => [(tp.attributes as Record<string, string>).inboxId, tp]),
  );
  expect(outcome.touchpoints).toHaveLength(expected.externalIds.length);
  for (const row of processed) {
    const touchpoint = touchpointByInbox.get(row.id);
    expect(touchpoint, `touchpoint of ${row.eventKey}`).toBeDefined();
    expect(touchpoint!.externalId).toBe(row.eventKey);
    expect(touchpoint!.source).toBe(
      typeof expected.source === "function" ? expected.source(row.eventKey) : expected.source,
    );
    expect(touchpoint!.leadId).toBe(row.leadId);
    const lead = leadsById.get(row.leadId!);
    expect(lead, `lead of ${row.eventKey}`).toBeDefined();
    expect(lead!.grade).toMatch(/^[HABC]$/);
    const allowed =
      typeof expected.sellers === "function" ? expected.sellers(row.eventKey) : expected.sellers;
    expect(allowed).toContain(lead!.salespersonId);
  }
}

/**
 * Forgets a pull connection's checkpoint between two runs (never under a run's lease), so the
 * next scheduled run pulls everything again from the connection's start.
 */
export async function forgetCheckpoint(
  hub: Hub,
  tenantId: string,
  connectionId: string,
): Promise<void> {
  const reset = () =>
    withTenant(hub.services.db, tenantId, (tx) =>
      tx
        .update(connections)
        .set({ checkpoint: null, lastPullAt: null })
        .where(and(eq(connections.id, connectionId), isNull(connections.pullLeaseUntil)))
        .returning({ id: connections.id }),
    );
  const done = await until(reset, (rows) => rows.length === 1, 30_000);
  expect(done, "a moment between two pulls to reset the checkpoint").toHaveLength(1);
}

/** Waits for a run that started after `forgetCheckpoint` to finish and release its lease. */
export async function pulledAgain(hub: Hub, tenantId: string, connectionId: string) {
  const [row] = await until(
    () =>
      withTenant(hub.services.db, tenantId, (tx) =>
        tx.select().from(connections).where(eq(connections.id, connectionId)),
      ),
    (rows) => rows[0]?.lastPullAt !== null && rows[0]?.pullLeaseUntil === null,
  );
  expect(row!.lastPullAt, "a pull after the checkpoint was forgotten").not.toBeNull();
  expect(row!.pullLeaseUntil).toBeNull();
  expect(row!.lastPullError).toBeNull();
}
