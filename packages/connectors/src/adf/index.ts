import { type LeadInput, leadChannelSchema, ValidationError } from "@forecourt/sdk";
import {
  DEFAULT_ADF_CHANNEL,
  DEFAULT_ADF_MAX_BYTES,
  type ParseAdfOptions,
  parseAdf,
} from "@forecourt/sdk/adf";
import { z } from "zod";
import { sha256Hex } from "../crypto.js";
import { defineConnector, type InboundRequestInfo, type SourceEvent } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { secret } from "../secrets.js";
import { verifyAdfRequest } from "./auth.js";
import { extractAdf } from "./extract.js";

/**
 * ADF over HTTP: a portal, a lead aggregator or a mail-to-HTTP forwarder posts an ADF 1.0
 * document — as XML, as the text of a lead email, or as the whole email — to the connection's
 * webhook. Authenticated by a shared key (header or query parameter) or HTTP basic credentials.
 */

export const ADF_CONNECTOR_ID = "adf";
/** Header that carries the shared key unless the connection names another. */
export const DEFAULT_ADF_KEY_HEADER = "x-forecourt-key";
/** Query parameter that carries the shared key unless the connection names another. */
export const DEFAULT_ADF_KEY_PARAM = "key";

const sharedKeyAuthSchema = z.strictObject({
  kind: z.literal("shared_secret"),
  /** At least 16 characters: it may travel in a URL, so it must not be guessable. */
  key: secret(z.string().min(16, { message: "must be at least 16 characters" }).max(256)),
  header: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/)
    .default(DEFAULT_ADF_KEY_HEADER),
  queryParam: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default(DEFAULT_ADF_KEY_PARAM),
  /** Where the key may arrive. Query parameters end up in proxy logs; prefer the header. */
  accept: z.enum(["header", "query", "either"]).default("either"),
});

const basicAuthSchema = z.strictObject({
  kind: z.literal("basic"),
  username: z.string().min(1).max(200),
  password: secret(z.string().min(12, { message: "must be at least 12 characters" }).max(256)),
});

export const adfConfigSchema = z.strictObject({
  auth: z.discriminatedUnion("kind", [sharedKeyAuthSchema, basicAuthSchema]),
  /** Fixes `source` for every lead; otherwise the feed's `<provider><name>`, else `adf`. */
  source: z.string().trim().min(1).max(100).optional(),
  channel: leadChannelSchema.default(DEFAULT_ADF_CHANNEL),
  /** Which `<id source=…>` becomes the external id (case-insensitive); default: the first. */
  idSource: z.string().trim().min(1).max(100).optional(),
  /** Zone for dates written without an offset. */
  timeZone: z.string().min(1).optional(),
  /** Currency of prices without `@currency`. */
  currency: z.string().length(3).optional(),
  maxBytes: z.number().int().positive().max(10_485_760).default(DEFAULT_ADF_MAX_BYTES),
});
export type AdfConfig = z.output<typeof adfConfigSchema>;

function parserOptions(config: AdfConfig, receivedAt?: number): ParseAdfOptions {
  return {
    ...(config.source !== undefined && { source: config.source }),
    channel: config.channel,
    ...(config.idSource !== undefined && { idSource: config.idSource }),
    ...(config.timeZone !== undefined && { timeZone: config.timeZone }),
    ...(config.currency !== undefined && { currency: config.currency }),
    ...(receivedAt !== undefined && { receivedAt: new Date(receivedAt).toISOString() }),
    maxBytes: config.maxBytes,
  };
}

function readAdf(document: string, options: ParseAdfOptions) {
  try {
    return parseAdf(document, options);
  } catch (error) {
    if (error instanceof ValidationError) {
      // The parser's message names what is wrong and never echoes secrets: safe to show.
      throw new PermanentConnectorError(error.message, {
        code: "malformed_payload",
        raw: error.issues,
      });
    }
    throw error;
  }
}

/** The same document, however the line endings travelled, gets the same hash. */
function canonical(document: string): string {
  return document.replace(/\r\n?/g, "\n").trim();
}

/**
 * One lead event per usable prospect. `externalId` is the prospect's `<id>` when it has one, else
 * `sha256:<hex of the document>` (with `#<n>` for the n-th lead of a multi-prospect document), so
 * a redelivered document is recognised.
 */
export async function parseAdfRequest(
  rawBody: Uint8Array,
  headers: Parameters<typeof extractAdf>[1],
  config: AdfConfig,
  request?: Pick<InboundRequestInfo, "receivedAt">,
): Promise<{ events: SourceEvent[]; warnings: string[] }> {
  if (rawBody.byteLength > config.maxBytes * 4) {
    // A mail with attachments can be much larger than the document; four times is plenty.
    throw new PermanentConnectorError(`body is larger than ${config.maxBytes * 4} bytes`, {
      code: "payload_too_large",
    });
  }
  const { document } = extractAdf(rawBody, headers);
  const { leads, warnings } = readAdf(document, parserOptions(config, request?.receivedAt));
  const shown = warnings.map((w) => (w.path ? `${w.path}: ${w.message}` : w.message));
  if (leads.length === 0) {
    throw new PermanentConnectorError(
      `the ADF document has no prospect that can become a lead${
        shown.length ? `: ${shown.slice(0, 5).join("; ")}` : ""
      }`,
      { code: "no_usable_prospect", raw: warnings },
    );
  }
  const digest = leads.some((lead) => lead.externalId === undefined)
    ? `sha256:${await sha256Hex(canonical(document))}`
    : "";
  const events: SourceEvent[] = leads.map((lead, index) => ({
    kind: "lead",
    externalId: lead.externalId ?? (leads.length > 1 ? `${digest}#${index + 1}` : digest),
    lead,
    ...(lead.occurredAt !== undefined && { occurredAt: lead.occurredAt }),
  }));
  return { events, warnings: shown };
}

export const adfConnector = defineConnector({
  id: ADF_CONNECTOR_ID,
  title: "ADF (Auto-lead Data Format) over HTTP",
  description:
    "ADF 1.0 documents posted as XML, as the text of a lead email, or as the whole email.",
  direction: "source",
  auth: "shared_secret",
  config: adfConfigSchema,
  webhook: {
    verify: (_rawBody, headers, config, request) => verifyAdfRequest(headers, config, request),
    parse: (rawBody, headers, config, request) =>
      parseAdfRequest(rawBody, headers, config, request),
  },
  /** One ADF document (XML text) → the lead of its first usable prospect. */
  mapToLead(document: string, config): LeadInput {
    const { leads } = readAdf(extractAdf(new TextEncoder().encode(document), {}).document, {
      ...parserOptions(config),
    });
    const lead = leads[0];
    if (lead === undefined) {
      throw new PermanentConnectorError("the ADF document has no prospect that can become a lead", {
        code: "no_usable_prospect",
      });
    }
    return lead;
  },
});

export { verifyAdfRequest } from "./auth.js";
export { ADF_XML_TYPES, type ExtractedAdf, extractAdf, findAdfInText } from "./extract.js";
