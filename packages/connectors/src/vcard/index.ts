import { leadChannelSchema } from "@forecourt/sdk";
import { z } from "zod";
import { defineConnector, type ParseResult } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { uploadResult, uploadTokenShape, verifyUploadToken } from "../upload.js";
import {
  VCARD_LEAD_SOURCE,
  type VcardCardResult,
  type VcardError,
  vcardResults,
} from "./mapping.js";
import { parseVcards } from "./parse.js";

/**
 * vCard files from business-card scanner apps (trade shows, showroom visits): every card a lead
 * (channel `event`; a business lead when the card names a company), every unusable card a
 * problem in the report while the others go on.
 */

export const VCARD_CONNECTOR_ID = "vcard";
/** Largest file read: scanner exports are small; a larger upload is a mistake. */
export const VCARD_MAX_BYTES = 10 * 1024 * 1024;

export const vcardConfigSchema = z.strictObject({
  ...uploadTokenShape,
  /** `source` of the leads: the scanner app or the show. */
  source: z.string().trim().min(1).max(100).default(VCARD_LEAD_SOURCE),
  channel: leadChannelSchema.default("event"),
  defaultPhoneRegion: z.string().length(2).default("CN"),
});
export type VcardConfig = z.output<typeof vcardConfigSchema>;

export interface ReadVcardOptions {
  source?: string;
  channel?: z.input<typeof leadChannelSchema>;
  defaultPhoneRegion?: string;
}

/** Every card of a file as a lead event or its problems, in file order. */
export async function readVcardLeads(
  file: Uint8Array | string,
  options: ReadVcardOptions = {},
): Promise<VcardCardResult[]> {
  const bytes = typeof file === "string" ? new TextEncoder().encode(file) : file;
  if (bytes.byteLength > VCARD_MAX_BYTES) {
    throw new PermanentConnectorError(`vCard file is larger than ${VCARD_MAX_BYTES} bytes`, {
      code: "payload_too_large",
    });
  }
  return vcardResults(parseVcards(bytes), {
    source: options.source ?? VCARD_LEAD_SOURCE,
    channel: options.channel ?? "event",
    ...(options.defaultPhoneRegion !== undefined && {
      defaultPhoneRegion: options.defaultPhoneRegion,
    }),
  });
}

/** A card problem as one line: `card 3 (line 27): has no usable phone, email or WeChat`. */
export function formatCardError(error: VcardError): string {
  return `card ${error.card}${error.line !== undefined ? ` (line ${error.line})` : ""}: ${error.message}`;
}

export async function parseVcardUpload(
  rawBody: Uint8Array,
  config: VcardConfig,
): Promise<ParseResult> {
  const results = await readVcardLeads(rawBody, config);
  const events = results.flatMap((r) => (r.ok ? [r.event] : []));
  const problems = results.flatMap((r) => (r.ok ? [] : r.errors.map(formatCardError)));
  return uploadResult(events, problems, {
    code: "vcard_no_usable_card",
    empty: "the file holds no BEGIN:VCARD … END:VCARD card",
    noneUsable: "no card of the file can become a lead",
    hadItems: results.length > 0,
  });
}

export const vcardConnector = defineConnector({
  id: VCARD_CONNECTOR_ID,
  title: "vCard (business-card scanners)",
  description:
    "Leads from vCard 2.1, 3.0 and 4.0 files that business-card scanner apps export, one lead per card.",
  direction: "source",
  auth: "shared_secret",
  config: vcardConfigSchema,
  webhook: {
    verify: (_rawBody, headers, config) => verifyUploadToken(headers, config),
    parse: (rawBody, _headers, config) => parseVcardUpload(rawBody, config),
  },
});

export {
  mapVcard,
  VCARD_ATTRIBUTE_PREFIX,
  VCARD_LEAD_SOURCE,
  type VcardCardResult,
  type VcardError,
  type VcardMappingOptions,
  vcardId,
  vcardResults,
} from "./mapping.js";
export {
  components,
  decodeValue,
  parseVcards,
  unescapeText,
  type VcardCard,
  type VcardProperty,
} from "./parse.js";
