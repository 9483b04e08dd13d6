import { createOpportunity, type LeadStatus } from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/roles.js";
import { customers, leads, salespeople } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { assertReferences } from "../organization/teams.js";
import { runDomain } from "./mutate.js";
import { type HubOpportunity, insertOpportunity } from "./rows.js";
import type { OpportunityCreateBody } from "./schemas.js";
import { actorLabel, assertInDealScope, assertMayOwn, type DealScope } from "./scope.js";

/**
 * Lead statuses from which an opportunity may be opened. `converted` already has one, `ordered`
 * has bought, and a `lost` lead must be brought back through the lead routes first.
 */
export const CONVERTIBLE_LEAD_STATUSES: readonly LeadStatus[] = [
  "new",
  "contacted",
  "qualified",
  "dormant",
];

type LeadRow = typeof leads.$inferSelect;

const invalidBody = (path: string, message: string) =>
  new HubError("validation_failed", `Invalid body: ${path}: ${message}`, {
    issues: [{ path, message }],
  });

async function loadLeadForConversion(tx: Tx, actor: Actor, scope: DealScope, leadId: string) {
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, actor.tenantId), eq(leads.id, leadId)))
    .limit(1)
    .for("update");
  if (!lead) throw notFound("lead", leadId);
  assertInDealScope(scope, "lead", lead);
  if (!CONVERTIBLE_LEAD_STATUSES.includes(lead.status as LeadStatus)) {
    throw new HubError(
      "lead_not_convertible",
      lead.opportunityId
        ? `lead ${leadId} already became opportunity ${lead.opportunityId}`
        : `lead ${leadId} is ${lead.status}; an opportunity needs a lead that is ${CONVERTIBLE_LEAD_STATUSES.join(", ")}`,
      {
        leadId,
        status: lead.status,
        ...(lead.opportunityId ? { opportunityId: lead.opportunityId } : {}),
      },
    );
  }
  return lead;
}

async function loadOwner(tx: Tx, tenantId: string, salespersonId: string) {
  const [person] = await tx
    .select({ id: salespeople.id, storeId: salespeople.storeId, teamId: salespeople.teamId })
    .from(salespeople)
    .where(
      and(
        eq(salespeople.tenantId, tenantId),
        eq(salespeople.id, salespersonId),
        eq(salespeople.active, true),
      ),
    )
    .limit(1);
  if (!person) throw invalidBody("salespersonId", "no such active salesperson");
  return person;
}

async function assertCustomer(tx: Tx, tenantId: string, customerId: string): Promise<void> {
  const found = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .limit(1);
  if (found.length === 0) throw invalidBody("customerId", "no such customer");
}

/**
 * Opens an opportunity, directly for a customer or from a lead. From a lead, what the body leaves
 * out comes from the lead (owner, team, customer, campaign), and the lead becomes `converted`
 * with the new opportunity's id — in the same transaction, with the lead row locked, so two
 * conversions of one lead cannot both succeed.
 */
export async function openOpportunity(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  body: OpportunityCreateBody,
): Promise<HubOpportunity> {
  const lead: LeadRow | undefined = body.leadId
    ? await loadLeadForConversion(tx, actor, scope, body.leadId)
    : undefined;
  const salespersonId = body.salespersonId ?? lead?.salespersonId ?? scope.salespersonId;
  if (!salespersonId) {
    throw invalidBody("salespersonId", "required (the lead has no salesperson to take it from)");
  }
  const owner = await loadOwner(tx, actor.tenantId, salespersonId);
  if (body.storeId && body.storeId !== owner.storeId) {
    throw invalidBody("storeId", "the salesperson works in another store");
  }
  assertMayOwn(scope, { salespersonId, storeId: owner.storeId });
  const sameStoreLeadTeam = lead?.storeId === owner.storeId ? lead.teamId : null;
  const teamId = body.teamId ?? sameStoreLeadTeam ?? owner.teamId ?? undefined;
  await assertReferences(tx, actor.tenantId, { storeId: owner.storeId, teamId });
  const customerId = body.customerId ?? lead?.customerId ?? undefined;
  if (body.customerId) await assertCustomer(tx, actor.tenantId, body.customerId);
  const campaignId = body.campaignId ?? lead?.campaignId ?? undefined;

  const created: HubOpportunity = runDomain(() =>
    createOpportunity(
      {
        ...body,
        salespersonId,
        storeId: owner.storeId,
        ...(teamId ? { teamId } : {}),
        ...(customerId ? { customerId } : {}),
        ...(campaignId ? { campaignId } : {}),
      },
      { at: new Date().toISOString(), by: actorLabel(actor) },
    ),
  );
  await insertOpportunity(tx, actor.tenantId, created);
  await recordAudit(tx, actor, requestId, {
    action: "opportunity.created",
    entityType: "opportunity",
    entityId: created.id,
    after: created,
  });
  if (lead) await markLeadConverted(tx, actor, requestId, lead, created);
  return created;
}

async function markLeadConverted(
  tx: Tx,
  actor: Actor,
  requestId: string,
  lead: LeadRow,
  opportunity: HubOpportunity,
): Promise<void> {
  const at = new Date(opportunity.createdAt);
  const [after] = await tx
    .update(leads)
    .set({
      status: "converted",
      opportunityId: opportunity.id,
      updatedAt: at,
      version: lead.version + 1,
    })
    .where(and(eq(leads.tenantId, actor.tenantId), eq(leads.id, lead.id)))
    .returning({
      status: leads.status,
      opportunityId: leads.opportunityId,
      version: leads.version,
    });
  await recordAudit(tx, actor, requestId, {
    action: "lead.converted",
    entityType: "lead",
    entityId: lead.id,
    before: { status: lead.status, opportunityId: lead.opportunityId, version: lead.version },
    after,
  });
}
