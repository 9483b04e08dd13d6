import { defineConnector, type ParseResult } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type HeadersInput, mediaType } from "../headers.js";
import { readJsonBody } from "../json.js";
import { type PortalConfig, portalConfigSchema } from "./config.js";
import { type PortalCheckpoint, pullPortalPage } from "./pull.js";
import { mapPortalRecord, type PortalRecord, portalEvents, recordsAt } from "./records.js";
import { verifyPortalPush } from "./signing.js";

/**
 * Car portals (Autohome, Dongchedi, Yiche and others) as one configurable connector: each
 * connection pushes or pulls, maps the portal's field names to lead paths, and signs with HMAC,
 * MD5 of sorted parameters, or a bearer token. Presets hold what is assumed per portal.
 */

export const PORTAL_CONNECTOR_ID = "portal";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The signing parameters a form or JSON push may carry beside the lead; not lead data. */
function signingParams(config: PortalConfig): Set<string> {
  const signing = config.signing;
  return signing.scheme === "md5_sorted"
    ? new Set([signing.signParam, signing.appKeyParam, signing.timestampParam])
    : new Set();
}

/** The records a push carries: a JSON body at `recordsPath`, or a form post as one record. */
export async function parsePortalPush(
  rawBody: Uint8Array,
  headers: HeadersInput,
  config: PortalConfig,
): Promise<ParseResult> {
  let body: unknown;
  if (mediaType(headers) === "application/x-www-form-urlencoded") {
    let text: string;
    try {
      text = decoder.decode(rawBody);
    } catch {
      throw new PermanentConnectorError("portal push is not valid UTF-8", {
        code: "malformed_payload",
      });
    }
    const record: Record<string, string> = {};
    new URLSearchParams(text).forEach((value, key) => {
      record[key] = value;
    });
    body = record;
  } else {
    body = readJsonBody(rawBody, `${config.source} push`);
  }
  const records = recordsAt(body, config.recordsPath);
  if (records === undefined || records.length === 0) {
    throw new PermanentConnectorError(
      `${config.source} push has no lead records at "${config.recordsPath || "(the body)"}"`,
      { code: "malformed_payload" },
    );
  }
  const skip = signingParams(config);
  const clean = records.map((record) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !skip.has(key))),
  );
  return { events: await portalEvents(clean, config) };
}

export const portalConnector = defineConnector({
  id: PORTAL_CONNECTOR_ID,
  title: "Car portal (Autohome, Dongchedi, Yiche …)",
  description:
    "Leads from a car portal by push or pull, with a field mapping and a signing scheme per connection; presets for Autohome, Dongchedi and Yiche.",
  direction: "source",
  auth: "hmac",
  config: portalConfigSchema,
  webhook: {
    verify: (rawBody, headers, config, request) =>
      verifyPortalPush(rawBody, headers, config, request),
    parse: (rawBody, headers, config) => parsePortalPush(rawBody, headers, config),
  },
  pull: {
    defaultIntervalMs: 5 * 60_000,
    enabled: (config) => config.mode === "pull",
    pullPage: (checkpoint: PortalCheckpoint | undefined, ctx) => pullPortalPage(checkpoint, ctx),
  },
  /** Without a field mapped to `externalId` the lead has none (pushes and pulls hash the record). */
  mapToLead: (record: PortalRecord, config: PortalConfig) => mapPortalRecord(record, config),
});

export {
  bearerSigningSchema,
  hmacSigningSchema,
  md5SortedSigningSchema,
  PORTAL_LEAD_PATHS,
  PORTAL_PRESET_NAMES,
  type PortalConfig,
  type PortalConfigInput,
  type PortalLeadPath,
  type PortalSigning,
  portalConfigSchema,
  portalLeadPathSchema,
  portalPullSchema,
  portalSigningSchema,
} from "./config.js";
export {
  AUTOHOME_PRESET,
  DONGCHEDI_PRESET,
  PORTAL_PRESETS,
  type PortalPreset,
  type PortalPresetName,
  portalPreset,
  YICHE_PRESET,
} from "./presets.js";
export { type PortalCheckpoint, pullPortalPage } from "./pull.js";
export {
  mapPortalRecord,
  type PortalRecord,
  portalEvents,
  portalRecordId,
  readPath,
  recordsAt,
} from "./records.js";
export { signPortalPull, verifyPortalPush } from "./signing.js";
