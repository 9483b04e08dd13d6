import type { LeadChannel, LeadInput } from "@forecourt/sdk";
import { LeadFieldCollector, type LeadFieldTarget } from "../lead-fields.js";
import type { ParsedGoogleLeadWebhook } from "./types.js";

export const GOOGLE_ADS_LEAD_SOURCE = "google_ads";
export const GOOGLE_ATTRIBUTE_PREFIX = "google.";

/**
 * Google's standard column ids with the lead field each fills. Everything else — postal code,
 * address, `VEHICLE_*` questions, custom questions — is kept under `google.field.<column>`
 * unless the connection's `fieldMap` names a field for it (`{ "VEHICLE_MODEL": "model" }`).
 */
export const GOOGLE_STANDARD_COLUMNS: Readonly<Record<string, LeadFieldTarget>> = {
  FULL_NAME: "name",
  FIRST_NAME: "firstName",
  LAST_NAME: "lastName",
  EMAIL: "email",
  WORK_EMAIL: "email",
  PHONE_NUMBER: "phone",
  WORK_PHONE: "phone",
  CITY: "city",
  REGION: "region",
  COMPANY_NAME: "companyName",
};

const STANDARD_ID = /^[A-Z][A-Z0-9_]*$/;

/**
 * `lead_submit_time` as ISO 8601, read leniently (`2026-11-27 02:42:13.123456+00:00`); undefined
 * when it has no offset or cannot be read, since a guessed zone would be a wrong instant.
 */
export function googleTimeToIso(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(
      value.trim(),
    );
  if (!match) return undefined;
  const [, date, time, fraction = "", zone = "Z"] = match;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = Date.parse(`${date}T${time}.${fraction.padEnd(3, "0").slice(0, 3)}${offset}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A webhook body as a `LeadInput`. The `google_key` never reaches the lead. */
export function mapGoogleLead(
  body: ParsedGoogleLeadWebhook,
  config: { fieldMap: Readonly<Record<string, LeadFieldTarget>>; channel: LeadChannel },
): LeadInput {
  const fields = new LeadFieldCollector(GOOGLE_ATTRIBUTE_PREFIX);
  body.user_column_data.forEach((column, index) => {
    const id = column.column_id?.trim();
    const key = id || column.column_name?.trim() || `column_${index + 1}`;
    const target =
      config.fieldMap[key] ??
      (column.column_name ? config.fieldMap[column.column_name] : undefined) ??
      (id ? GOOGLE_STANDARD_COLUMNS[id.toUpperCase()] : undefined);
    fields.answer(target, key, column.string_value ?? "");
    // Google's own columns are UPPER_SNAKE ids; a custom question's id says little, its
    // wording says what was asked.
    if (target === undefined && id && column.column_name && !STANDARD_ID.test(id)) {
      fields.attribute(`question.${id}`, column.column_name);
    }
  });
  fields.attribute("lead_id", body.lead_id);
  fields.attribute("form_id", body.form_id);
  fields.attribute("campaign_id", body.campaign_id);
  fields.attribute("adgroup_id", body.adgroup_id);
  fields.attribute("creative_id", body.creative_id);
  fields.attribute("asset_group_id", body.asset_group_id);
  fields.attribute("gcl_id", body.gcl_id);
  fields.attribute("api_version", body.api_version);
  fields.attribute("lead_submit_time", body.lead_submit_time);
  if (body.is_test === true) fields.attribute("is_test", "true");
  const occurredAt = googleTimeToIso(body.lead_submit_time);
  return fields.toLead({
    source: GOOGLE_ADS_LEAD_SOURCE,
    channel: config.channel,
    externalId: body.lead_id,
    ...(occurredAt !== undefined && { occurredAt }),
  });
}
