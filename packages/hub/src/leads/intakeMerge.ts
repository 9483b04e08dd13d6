import { type IdentityMatch, type NormalizedLead, newId, type Reason } from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import { leads, touchpoints } from "../db/schema.js";
import { recordAudit } from "../lib/audit.js";
import type { LeadContext } from "./context.js";
import { recordEvents } from "./events.js";
import type { IntakeOutcome } from "./intake.js";
import {
  contactColumns,
  type LeadRow,
  leadFromRow,
  type TouchpointRow,
  touchpointFromRow,
} from "./rows.js";
import type { LeadIntake } from "./schemas.js";
import { inScope } from "./scope.js";

/** The inquiry as a touchpoint of `leadId` (the first one of a new lead, or a further one). */
export async function insertTouchpoint(
  c: LeadContext,
  leadId: string,
  lead: NormalizedLead,
  occurredAt: Date,
) {
  const [row] = await c.tx
    .insert(touchpoints)
    .values(touchpointRowOf(c, leadId, lead, occurredAt))
    .returning();
  return row!;
}

/** The touchpoint row `insertTouchpoint` stores, every column set (so it is also what it reads back). */
export function touchpointRowOf(
  c: Pick<LeadContext, "actor" | "now">,
  leadId: string,
  lead: NormalizedLead,
  occurredAt: Date,
): TouchpointRow {
  return {
    id: newId("touchpoint"),
    tenantId: c.actor.tenantId,
    leadId,
    source: lead.source,
    channel: lead.channel,
    campaignId: lead.campaignId ?? null,
    externalId: lead.externalId ?? null,
    occurredAt,
    interest: Object.keys(lead.interest).length > 0 ? { ...lead.interest } : null,
    message: lead.message ?? null,
    attributes: { ...lead.attributes },
    createdAt: c.now,
  };
}

/** A second inquiry from the person behind an open lead: a touchpoint on that lead. */
export async function mergeIntoLead(
  c: LeadContext,
  lead: NormalizedLead,
  warnings: Reason[],
  match: Extract<IdentityMatch, { decision: "merge" }>,
  receivedAt: Date,
): Promise<IntakeOutcome> {
  const { tx, actor, crypto } = c;
  const tenantId = actor.tenantId;
  const leadId = match.into.id;
  const [current] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId)))
    .for("update");
  const before = current!;
  const touchpoint = await insertTouchpoint(c, leadId, lead, receivedAt);
  // Contacts the lead lacked are taken from the new inquiry; existing ones are kept.
  const added = contactColumns(lead.contact, crypto);
  const fill = {
    ...(before.contactName === null && added.contactName ? { contactName: added.contactName } : {}),
    ...(before.phoneIndex === null && added.phoneIndex
      ? { phoneCiphertext: added.phoneCiphertext, phoneIndex: added.phoneIndex }
      : {}),
    ...(before.emailIndex === null && added.emailIndex
      ? { emailCiphertext: added.emailCiphertext, emailIndex: added.emailIndex }
      : {}),
    ...(before.wechatCiphertext === null && added.wechatCiphertext
      ? { wechatCiphertext: added.wechatCiphertext }
      : {}),
  };
  const lastActivityAt =
    before.lastActivityAt && before.lastActivityAt > receivedAt
      ? before.lastActivityAt
      : receivedAt;
  const [row] = await tx
    .update(leads)
    .set({
      ...fill,
      touchpointCount: sql`${leads.touchpointCount} + 1`,
      lastActivityAt,
      updatedAt: c.now,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId)))
    .returning();
  const after = row!;
  const view = leadFromRow(after, crypto);
  await recordAudit(tx, actor, c.requestId, {
    action: "lead.merged",
    entityType: "lead",
    entityId: leadId,
    before: leadFromRow(before, crypto),
    after: view,
  });
  await recordEvents(tx, tenantId, [
    {
      type: "lead.merged",
      entityType: "lead",
      entityId: leadId,
      payload: {
        leadId,
        touchpointId: touchpoint.id,
        matchedBy: match.matchedBy,
        source: lead.source,
        channel: lead.channel,
        salespersonId: after.salespersonId,
        touchpointCount: after.touchpointCount,
      },
    },
  ]);
  return {
    status: 200,
    body: {
      merged: true,
      leadId,
      ...(inScope(c.scope, after) ? { lead: view } : {}),
      touchpoint: touchpointFromRow(touchpoint),
      tasks: [],
      reasons: match.reasons,
      warnings,
    },
    remind: [],
  };
}

/** The same sender inquiry (source and external id) received before: answered, not stored again. */
export async function repeatedInquiry(
  c: LeadContext,
  source: string,
  externalId: string,
): Promise<Omit<LeadIntake, "warnings"> | undefined> {
  const tenantId = c.actor.tenantId;
  const [seen] = await c.tx
    .select()
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.tenantId, tenantId),
        eq(touchpoints.source, source),
        eq(touchpoints.externalId, externalId),
      ),
    )
    .limit(1);
  if (!seen) return undefined;
  const [row] = await c.tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, seen.leadId)))
    .limit(1);
  const stored = row as LeadRow;
  return {
    merged: true,
    leadId: stored.id,
    ...(inScope(c.scope, stored) ? { lead: leadFromRow(stored, c.crypto) } : {}),
    touchpoint: touchpointFromRow(seen),
    tasks: [],
    reasons: [
      {
        code: "repeated_inquiry",
        message: `${source} inquiry ${externalId} was received before; nothing new was stored`,
      },
    ],
  };
}
