import { defineConnector, type JsonObject, type SourceEvent } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { fetchFormLeads, fetchLead, fetchTokenPage } from "./client.js";
import { META_GRAPH_BASE_URL, type MetaLeadAdsConfig, metaLeadAdsConfigSchema } from "./config.js";
import { mapMetaLead } from "./mapping.js";
import type { ParsedGraphLead } from "./types.js";
import {
  META_LEADGEN_REFERENCE,
  metaHandshake,
  parseMetaNotification,
  verifyMetaSignature,
} from "./webhook.js";

/**
 * Meta (Facebook / Instagram) Lead Ads. The webhook says a lead exists (ids only, signed with the
 * app secret); the lead itself is read from the Graph API with the page's token. A scheduled pull
 * backfills the connection's forms page by page.
 */

export const META_LEAD_ADS_CONNECTOR_ID = "meta_lead_ads";

/** Where a backfill stands: which of `formIds`, and the Graph cursor within it. */
export interface MetaBackfillCheckpoint extends JsonObject {
  form: number;
  after: string | null;
}

export const metaLeadAdsConnector = defineConnector({
  id: META_LEAD_ADS_CONNECTOR_ID,
  title: "Meta Lead Ads (Facebook / Instagram)",
  description:
    "Leads from Facebook and Instagram lead forms: signed webhook notifications, each lead read from the Graph API, forms backfilled by a scheduled pull.",
  direction: "source",
  auth: "oauth2",
  config: metaLeadAdsConfigSchema,
  defaultBaseUrl: META_GRAPH_BASE_URL,
  webhook: {
    handshake: (request, config) => metaHandshake(request, config),
    verify: (rawBody, headers, config) => verifyMetaSignature(rawBody, headers, config),
    parse: (rawBody, _headers, config) => parseMetaNotification(rawBody, config),
  },
  async fetchReference(reference, ctx) {
    if (reference.type !== META_LEADGEN_REFERENCE) {
      throw new PermanentConnectorError(
        `${META_LEAD_ADS_CONNECTOR_ID} cannot fetch a "${reference.type}" reference`,
        { code: "unknown_reference" },
      );
    }
    const lead = await fetchLead(ctx, reference.id);
    return mapMetaLead(lead, ctx.config, {
      ...(reference.data?.pageId !== undefined && { pageId: reference.data.pageId }),
    });
  },
  pull: {
    defaultIntervalMs: 6 * 60 * 60 * 1000,
    async pullPage(checkpoint: MetaBackfillCheckpoint | undefined, ctx) {
      const { formIds, backfillSince } = ctx.config;
      const form = checkpoint?.form ?? 0;
      const formId = formIds[form];
      if (formId === undefined) return { items: [], nextCheckpoint: undefined, done: true };
      const since = backfillSince === undefined ? undefined : Date.parse(backfillSince);
      const page = await fetchFormLeads(ctx, formId, checkpoint?.after ?? undefined, since);
      const items: SourceEvent[] = page.data.map((lead) => ({
        kind: "lead",
        externalId: lead.id,
        lead: mapMetaLead(lead, ctx.config, ctx.config.pageId ? { pageId: ctx.config.pageId } : {}),
      }));
      for (const item of items) {
        const occurredAt = item.kind === "lead" ? item.lead.occurredAt : undefined;
        if (occurredAt !== undefined) item.occurredAt = occurredAt;
      }
      const after = page.paging?.cursors?.after;
      // Meta leaves `next` out on the last page; the cursor alone does not say there is more.
      if (page.paging?.next !== undefined && after !== undefined && page.data.length > 0) {
        return { items, nextCheckpoint: { form, after }, done: false };
      }
      const nextForm = form + 1;
      return nextForm < formIds.length
        ? { items, nextCheckpoint: { form: nextForm, after: null }, done: false }
        : { items, nextCheckpoint: undefined, done: true };
    },
  },
  mapToLead: (lead: ParsedGraphLead, config: MetaLeadAdsConfig) => mapMetaLead(lead, config),
  async testConnection(ctx) {
    const page = await fetchTokenPage(ctx);
    if (ctx.config.pageId !== undefined && page.id !== ctx.config.pageId) {
      return {
        ok: false,
        reason: `the token belongs to page ${page.id}, not the configured page ${ctx.config.pageId}`,
      };
    }
    return { ok: true, detail: page.name ? `page ${page.name} (${page.id})` : `page ${page.id}` };
  },
});

export {
  appSecretProof,
  classifyGraphError,
  fetchFormLeads,
  fetchLead,
  META_BACKFILL_PAGE_SIZE,
  META_DEFAULT_RATE_LIMIT_WAIT_MS,
  META_LEAD_FIELDS,
  readBusinessUseCaseWait,
} from "./client.js";
export {
  DEFAULT_META_API_VERSION,
  META_GRAPH_BASE_URL,
  type MetaLeadAdsConfig,
  metaLeadAdsConfigSchema,
} from "./config.js";
export {
  META_ATTRIBUTE_PREFIX,
  META_LEAD_SOURCE,
  META_STANDARD_FIELDS,
  type MetaLeadContext,
  mapMetaLead,
  metaTimeToIso,
} from "./mapping.js";
export type {
  GraphErrorBody,
  GraphFieldData,
  GraphLead,
  GraphLeadsPage,
  GraphPage,
  LeadgenNotification,
  LeadgenValue,
  ParsedGraphLead,
} from "./types.js";
export {
  META_LEADGEN_REFERENCE,
  META_SIGNATURE_HEADER,
  metaHandshake,
  parseMetaNotification,
  verifyMetaSignature,
} from "./webhook.js";
