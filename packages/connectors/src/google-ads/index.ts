import { leadChannelSchema } from "@forecourt/sdk";
import { z } from "zod";
import { timingSafeEqual } from "../crypto.js";
import { defineConnector, type ParseResult, type VerifyResult } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { parseJsonExact, readJsonBody } from "../json.js";
import { fieldMapSchema } from "../lead-fields.js";
import { secret } from "../secrets.js";
import { describeIssues } from "../shape.js";
import { mapGoogleLead } from "./mapping.js";
import { googleLeadWebhookSchema, type ParsedGoogleLeadWebhook } from "./types.js";

/**
 * Google Ads lead form webhook: Google posts each lead as JSON with the form's `google_key` in the
 * body. The key is the only authentication, so it is compared in constant time, and test leads
 * (`is_test`, from "Send test data") are flagged so the hub keeps them apart.
 */

export const GOOGLE_ADS_CONNECTOR_ID = "google_ads";

export const googleAdsConfigSchema = z.strictObject({
  /** The key typed into the lead form's webhook settings. */
  googleKey: secret(z.string().min(8).max(256)),
  /** The key being replaced, accepted too while forms are switched over. */
  previousGoogleKey: secret(z.string().min(8).max(256)).optional(),
  /** Columns (standard or custom question ids) sent to a lead field: `{ "VEHICLE_MODEL": "model" }`. */
  fieldMap: fieldMapSchema,
  channel: leadChannelSchema.default("ads"),
});
export type GoogleAdsConfig = z.output<typeof googleAdsConfigSchema>;

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The body's `google_key` against the configured key(s), in constant time. */
export function verifyGoogleKey(
  rawBody: Uint8Array,
  config: Pick<GoogleAdsConfig, "googleKey" | "previousGoogleKey">,
): VerifyResult {
  let presented: unknown;
  try {
    presented = (parseJsonExact(decoder.decode(rawBody)) as { google_key?: unknown } | null)
      ?.google_key;
  } catch {
    // The key travels inside the body: a body that cannot be read cannot be authenticated.
    return { ok: false, reason: "body is not JSON, so its google_key cannot be read" };
  }
  if (typeof presented !== "string" || presented === "") {
    return { ok: false, reason: "missing google_key" };
  }
  // Both comparisons always run, so timing does not tell which key was close.
  const current = timingSafeEqual(presented, config.googleKey);
  const previous =
    config.previousGoogleKey !== undefined && timingSafeEqual(presented, config.previousGoogleKey);
  return current || previous ? { ok: true } : { ok: false, reason: "google_key does not match" };
}

function readWebhook(rawBody: Uint8Array): ParsedGoogleLeadWebhook {
  const parsed = googleLeadWebhookSchema.safeParse(readJsonBody(rawBody, "Google lead"));
  if (!parsed.success) {
    throw new PermanentConnectorError(
      `Google lead has an unexpected shape: ${describeIssues(parsed.error)}`,
      { code: "malformed_payload" },
    );
  }
  return parsed.data;
}

/** One lead event per POST; `externalId` is `lead_id`, exact. */
export function parseGoogleLead(rawBody: Uint8Array, config: GoogleAdsConfig): ParseResult {
  const body = readWebhook(rawBody);
  const lead = mapGoogleLead(body, config);
  return {
    events: [
      {
        kind: "lead",
        externalId: body.lead_id,
        lead,
        ...(lead.occurredAt !== undefined && { occurredAt: lead.occurredAt }),
        ...(body.is_test === true && { isTest: true }),
      },
    ],
  };
}

export const googleAdsConnector = defineConnector({
  id: GOOGLE_ADS_CONNECTOR_ID,
  title: "Google Ads lead forms",
  description: "Leads from Google Ads lead form assets, posted by Google's webhook integration.",
  direction: "source",
  auth: "shared_secret",
  config: googleAdsConfigSchema,
  webhook: {
    verify: (rawBody, _headers, config) => verifyGoogleKey(rawBody, config),
    parse: (rawBody, _headers, config) => parseGoogleLead(rawBody, config),
  },
  mapToLead: (body: ParsedGoogleLeadWebhook, config: GoogleAdsConfig) =>
    mapGoogleLead(body, config),
});

export {
  GOOGLE_ADS_LEAD_SOURCE,
  GOOGLE_ATTRIBUTE_PREFIX,
  GOOGLE_STANDARD_COLUMNS,
  googleTimeToIso,
  mapGoogleLead,
} from "./mapping.js";
export {
  type GoogleLeadWebhook,
  googleLeadWebhookSchema,
  type ParsedGoogleLeadWebhook,
  type UserColumn,
  userColumnSchema,
} from "./types.js";
