import type { LeadInput } from "@forecourt/sdk";
import { sha256Hex } from "../crypto.js";
import type { SourceEvent } from "../define.js";
import { canonicalJson } from "../json.js";
import { LeadFieldCollector } from "../lead-fields.js";
import { vendorTimeToIso } from "../vendor-time.js";
import { PORTAL_LEAD_PATHS, type PortalConfig, type PortalLeadPath } from "./config.js";

/** A portal's lead record: a JSON object (or a form post's fields). */
export type PortalRecord = Readonly<Record<string, unknown>>;

/** The value at a dotted path (`data.list`, `user.mobile`); "" is the value itself. */
export function readPath(value: unknown, path: string): unknown {
  if (path === "") return value;
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A scalar as text; lists of scalars joined; objects and empty values as undefined. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(", ") : undefined;
  }
  return undefined;
}

/**
 * The records of a body or an answer at `recordsPath`: a list of objects, or one object (a push
 * of a single lead). Anything else is `undefined`.
 */
export function recordsAt(body: unknown, recordsPath: string): PortalRecord[] | undefined {
  const found = readPath(body, recordsPath);
  if (Array.isArray(found)) {
    return found.every((item) => typeof item === "object" && item !== null && !Array.isArray(item))
      ? (found as PortalRecord[])
      : undefined;
  }
  return typeof found === "object" && found !== null ? [found as PortalRecord] : undefined;
}

function isPortalTarget(path: PortalLeadPath): path is keyof typeof PORTAL_LEAD_PATHS {
  return path in PORTAL_LEAD_PATHS;
}

/** The record's value for the field mapped to `externalId`, if any. */
function mappedId(record: PortalRecord, fieldMap: PortalConfig["fieldMap"]): string | undefined {
  for (const [field, path] of Object.entries(fieldMap)) {
    if (path !== "externalId") continue;
    const value = textOf(readPath(record, field))?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * A record's external id: the field mapped to `externalId`, else a hash of the record's content,
 * so a redelivery is recognised either way.
 */
export async function portalRecordId(
  record: PortalRecord,
  fieldMap: PortalConfig["fieldMap"],
): Promise<string> {
  return mappedId(record, fieldMap) ?? `sha256:${await sha256Hex(canonicalJson(record))}`;
}

/**
 * A record as a `LeadInput`, by the connection's field map: each mapped field to its path
 * (`occurredAt` read as a vendor time, `attributes.<key>` kept under that key), and every
 * unmapped top-level value kept as `<source>.field.<name>`. `externalId` is the mapped field's,
 * else `fallbackId` (see `portalRecordId`).
 */
export function mapPortalRecord(
  record: PortalRecord,
  config: Pick<PortalConfig, "source" | "channel" | "fieldMap" | "timeZone">,
  fallbackId?: string,
): LeadInput {
  const fields = new LeadFieldCollector(`${config.source}.`);
  let occurredAt: string | undefined;
  const mapped = new Set<string>();
  for (const [field, path] of Object.entries(config.fieldMap)) {
    const value = textOf(readPath(record, field));
    mapped.add(field.split(".")[0]!);
    if (value === undefined || path === "externalId") continue;
    if (path === "occurredAt") occurredAt ??= vendorTimeToIso(value, config.timeZone);
    else if (isPortalTarget(path)) fields.answer(PORTAL_LEAD_PATHS[path], field, value);
    else {
      // `attributes.<key>`: kept under that key as it is, outside the connector's prefix.
      fields.attributes[path.slice("attributes.".length)] = value.slice(0, 4000);
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (!mapped.has(key)) fields.answer(undefined, key, textOf(value) ?? "");
  }
  const externalId = mappedId(record, config.fieldMap) ?? fallbackId;
  return fields.toLead({
    source: config.source,
    channel: config.channel,
    ...(externalId !== undefined && { externalId }),
    ...(occurredAt !== undefined && { occurredAt }),
  });
}

/** One lead event per record. */
export async function portalEvents(
  records: readonly PortalRecord[],
  config: Pick<PortalConfig, "source" | "channel" | "fieldMap" | "timeZone">,
): Promise<SourceEvent[]> {
  const events: SourceEvent[] = [];
  for (const record of records) {
    const externalId = await portalRecordId(record, config.fieldMap);
    const lead = mapPortalRecord(record, config, externalId);
    events.push({
      kind: "lead",
      externalId,
      lead,
      ...(lead.occurredAt !== undefined && { occurredAt: lead.occurredAt }),
    });
  }
  return events;
}
