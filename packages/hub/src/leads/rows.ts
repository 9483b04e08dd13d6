import type { LeadContact, NormalizedLead, Touchpoint } from "@forecourt/sdk";
import type { z } from "zod";
import type { followUpTasks, leads, touchpoints } from "../db/schema.js";
import type { FieldCrypto } from "../lib/crypto.js";
import type { FollowUpTaskView, leadResponseSchema } from "./schemas.js";

export type LeadRow = typeof leads.$inferSelect;
export type TouchpointRow = typeof touchpoints.$inferSelect;
export type TaskRow = typeof followUpTasks.$inferSelect;
export type LeadView = z.infer<typeof leadResponseSchema>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
/** `{ key: value }` when the value is present, `{}` otherwise: keeps absent fields absent. */
const opt = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const NO_ENGAGEMENT = {
  testDriveRequested: false,
  visitBooked: false,
  quoteRequested: false,
  financingAsked: false,
  tradeInOffered: false,
};

/** Contact columns: phone and email encrypted with their blind index beside them. */
export function contactColumns(contact: LeadContact, crypto: FieldCrypto) {
  return {
    contactName: contact.name ?? null,
    phoneCiphertext: contact.phone ? crypto.encrypt(contact.phone) : null,
    phoneIndex: contact.phone ? crypto.blindIndex("phone", contact.phone) : null,
    emailCiphertext: contact.email ? crypto.encrypt(contact.email) : null,
    emailIndex: contact.email ? crypto.blindIndex("email", contact.email) : null,
    wechatCiphertext: contact.wechat ? crypto.encrypt(contact.wechat) : null,
    preferredContact: contact.preferred ?? null,
  };
}

/** The columns a normalised lead sets (not its id, owner, grade or timestamps). */
export function leadColumns(lead: NormalizedLead, crypto: FieldCrypto) {
  return {
    source: lead.source,
    channel: lead.channel,
    campaignId: lead.campaignId ?? null,
    externalId: lead.externalId ?? null,
    customerType: lead.customerType,
    ...contactColumns(lead.contact, crypto),
    companyName: lead.companyName ?? null,
    fleetSize: lead.fleetSize ?? null,
    region: lead.region ?? null,
    city: lead.city ?? null,
    interest: { ...lead.interest } as Record<string, unknown>,
    budget: lead.budget ? ({ ...lead.budget } as Record<string, unknown>) : null,
    timeframe: lead.timeframe,
    intent: lead.intent,
    engagement: { ...lead.engagement },
    message: lead.message ?? null,
    attributes: { ...lead.attributes },
    consent: lead.consent ? { marketing: lead.consent.marketing } : null,
  };
}

export function contactFromRow(row: LeadRow, crypto: FieldCrypto): LeadContact {
  return {
    ...opt("name", row.contactName),
    ...opt("phone", row.phoneCiphertext ? crypto.decrypt(row.phoneCiphertext) : undefined),
    ...opt("email", row.emailCiphertext ? crypto.decrypt(row.emailCiphertext) : undefined),
    ...opt("wechat", row.wechatCiphertext ? crypto.decrypt(row.wechatCiphertext) : undefined),
    ...opt("preferred", row.preferredContact as LeadContact["preferred"]),
  };
}

/** A stored lead as the API shows it; personal data is decrypted here and only here. */
export function leadFromRow(row: LeadRow, crypto: FieldCrypto): LeadView {
  return {
    id: row.id,
    status: row.status as LeadView["status"],
    source: row.source,
    channel: row.channel as LeadView["channel"],
    ...opt("campaignId", row.campaignId),
    ...opt("externalId", row.externalId),
    ...opt("customerId", row.customerId),
    customerType: row.customerType as LeadView["customerType"],
    contact: contactFromRow(row, crypto),
    ...opt("companyName", row.companyName),
    ...opt("fleetSize", row.fleetSize),
    ...opt("region", row.region),
    ...opt("city", row.city),
    ...opt("storeId", row.storeId),
    ...opt("teamId", row.teamId),
    ...opt("salespersonId", row.salespersonId),
    interest: row.interest as LeadView["interest"],
    ...opt("budget", row.budget as LeadView["budget"]),
    timeframe: row.timeframe as LeadView["timeframe"],
    intent: row.intent as LeadView["intent"],
    engagement: { ...NO_ENGAGEMENT, ...row.engagement },
    ...opt("message", row.message),
    attributes: row.attributes,
    ...opt("consent", row.consent),
    ...opt("grade", row.grade),
    gradeReasons: row.gradeReasons,
    ...opt("gradeOverride", row.gradeOverride),
    ...opt("computedGrade", row.computedGrade),
    ...opt("gradeScore", row.gradeScore),
    assignmentReasons: row.assignmentReasons,
    ...opt("lostReason", row.lostReason),
    ...opt("opportunityId", row.opportunityId),
    receivedAt: row.receivedAt.toISOString(),
    ...opt("assignedAt", iso(row.assignedAt)),
    ...opt("firstContactAt", iso(row.firstContactAt)),
    ...opt("lastActivityAt", iso(row.lastActivityAt)),
    touchpointCount: row.touchpointCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The create-input form of a stored lead, for merging a PATCH into and normalising again. */
export function leadInputOf(lead: LeadView): Record<string, unknown> {
  return {
    source: lead.source,
    channel: lead.channel,
    ...opt("campaignId", lead.campaignId),
    ...opt("externalId", lead.externalId),
    customerType: lead.customerType,
    contact: { ...lead.contact },
    ...opt("companyName", lead.companyName),
    ...opt("fleetSize", lead.fleetSize),
    ...opt("region", lead.region),
    ...opt("city", lead.city),
    ...opt("storeId", lead.storeId),
    interest: lead.interest,
    ...opt("budget", lead.budget),
    timeframe: lead.timeframe,
    intent: lead.intent,
    engagement: lead.engagement,
    ...opt("message", lead.message),
    attributes: lead.attributes,
    ...opt("consent", lead.consent),
  };
}

export function touchpointFromRow(row: TouchpointRow): Touchpoint {
  return {
    id: row.id,
    leadId: row.leadId,
    source: row.source,
    channel: row.channel as Touchpoint["channel"],
    ...opt("campaignId", row.campaignId),
    ...opt("externalId", row.externalId),
    occurredAt: row.occurredAt.toISOString(),
    ...opt("interest", row.interest as Touchpoint["interest"]),
    ...opt("message", row.message),
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
  };
}

export function taskFromRow(row: TaskRow): FollowUpTaskView {
  return {
    id: row.id,
    leadId: row.leadId,
    ...opt("salespersonId", row.salespersonId),
    kind: row.kind as FollowUpTaskView["kind"],
    sequence: row.sequence,
    status: row.status as FollowUpTaskView["status"],
    dueAt: row.dueAt.toISOString(),
    ...opt("snoozedUntil", iso(row.snoozedUntil)),
    ...opt("escalateAt", iso(row.escalateAt)),
    ...opt("escalateToId", row.escalateToId),
    ...opt("completedAt", iso(row.completedAt)),
    ...opt("note", row.note),
    reasons: row.reasons,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** When a pending task falls due: the end of its snooze, else its planned time. */
export const effectiveDue = (task: Pick<TaskRow, "dueAt" | "snoozedUntil">): Date =>
  task.snoozedUntil ?? task.dueAt;
