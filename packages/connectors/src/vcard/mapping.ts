import {
  DEFAULT_PHONE_REGION,
  type LeadChannel,
  type LeadInput,
  normalizeEmail,
  normalizePhone,
} from "@forecourt/sdk";
import { sha256Hex } from "../crypto.js";
import type { LeadSourceEvent } from "../define.js";
import { joinName, LeadFieldCollector } from "../lead-fields.js";
import { components, unescapeText, type VcardCard, type VcardProperty } from "./parse.js";

export const VCARD_LEAD_SOURCE = "vcard";
export const VCARD_ATTRIBUTE_PREFIX = "vcard.";

export interface VcardMappingOptions {
  source: string;
  channel: LeadChannel;
  defaultPhoneRegion?: string;
}

/** One problem of one card. */
export interface VcardError {
  card: number;
  line?: number;
  message: string;
}

export type VcardCardResult =
  | { ok: true; card: number; event: LeadSourceEvent }
  | { ok: false; card: number; errors: VcardError[] };

/** Properties that change on every export and must not change a card's id. */
const VOLATILE = new Set(["REV", "PRODID", "X-TIMESTAMP"]);

const types = (property: VcardProperty) => property.params.TYPE ?? [];
const isPreferred = (property: VcardProperty) =>
  types(property).includes("pref") || property.params.PREF !== undefined;

/** Keeps `value` under `key`, or `key.2`, `key.3` … when the key is taken (a second work phone). */
function keepUnique(fields: LeadFieldCollector, key: string, value: string | undefined): void {
  let unique = key;
  for (let n = 2; `${VCARD_ATTRIBUTE_PREFIX}${unique}` in fields.attributes; n++)
    unique = `${key}.${n}`;
  fields.attribute(unique, value);
}

/** Preferred first, then the given kinds first, then file order. */
function ranked(properties: VcardProperty[], kinds: readonly string[]): VcardProperty[] {
  const score = (p: VcardProperty) =>
    (isPreferred(p) ? 0 : 2) + (types(p).some((t) => kinds.includes(t)) ? 0 : 1);
  return [...properties].sort((a, b) => score(a) - score(b));
}

/** The text of a TEL, without a 4.0 `tel:` URI scheme. */
function phoneText(property: VcardProperty): string {
  return unescapeText(property.value).trim().replace(/^tel:/i, "");
}

/** The WeChat id of an IMPP (`weixin:…`, `wechat:…`) or X-WECHAT / X-WEIXIN property. */
function wechatOf(property: VcardProperty): string | undefined {
  if (property.name === "X-WECHAT" || property.name === "X-WEIXIN") return property.value.trim();
  if (property.name !== "IMPP") return undefined;
  const match = /^(?:weixin|wechat|x-wechat):(.+)$/i.exec(property.value.trim());
  return match ? match[1] : undefined;
}

/**
 * A card as a `LeadInput`: the name from FN (or N, family name first for Chinese names), the
 * first usable mobile (preferred, then cell) as the phone and the others as attributes, the
 * first usable email, ORG as the company (the lead then a business one), TITLE, the first ADR's
 * province and city, NOTE as the message. Problems are listed, not thrown.
 */
export function mapVcard(
  card: VcardCard,
  options: VcardMappingOptions,
): { lead: LeadInput; errors: VcardError[] } {
  const fields = new LeadFieldCollector(VCARD_ATTRIBUTE_PREFIX);
  const errors: VcardError[] = [];
  const byName = (name: string) => card.properties.filter((p) => p.name === name);
  const region = options.defaultPhoneRegion ?? DEFAULT_PHONE_REGION;

  const fn = byName("FN")[0];
  const n = byName("N")[0];
  const [family = "", given = "", middle = ""] = n ? components(n.value) : [];
  const fromN = joinName(
    [given, middle].filter(Boolean).join(" ") || undefined,
    family || undefined,
  );
  fields.answer("name", "FN", fn ? unescapeText(fn.value) : (fromN ?? ""));

  let phoneSet = false;
  for (const tel of ranked(byName("TEL"), ["cell", "mobile"])) {
    const text = phoneText(tel);
    const kinds = types(tel).filter((t) => t !== "pref" && t !== "voice");
    if (!phoneSet && !kinds.includes("fax") && normalizePhone(text, region).ok) {
      fields.answer("phone", "TEL", text);
      phoneSet = true;
    } else keepUnique(fields, `tel.${kinds.join("_") || "other"}`, text);
  }

  let emailSet = false;
  for (const email of ranked(byName("EMAIL"), ["internet", "work"])) {
    const text = unescapeText(email.value).trim();
    if (!emailSet && normalizeEmail(text) !== undefined) {
      fields.answer("email", "EMAIL", text);
      emailSet = true;
    } else keepUnique(fields, "email", text);
  }

  for (const property of card.properties) {
    const wechat = wechatOf(property);
    if (wechat) fields.answer("wechat", property.name, wechat);
  }

  const org = byName("ORG")[0];
  const [company = "", ...units] = org ? components(org.value) : [];
  fields.answer("companyName", "ORG", company);
  fields.attribute("org_unit", units.filter(Boolean).join(" / ") || undefined);
  fields.attribute("title", byName("TITLE")[0] && unescapeText(byName("TITLE")[0]!.value));
  fields.attribute("role", byName("ROLE")[0] && unescapeText(byName("ROLE")[0]!.value));

  ranked(byName("ADR"), ["work"]).forEach((adr, i) => {
    const [, extended = "", street = "", locality = "", province = "", postal = "", country = ""] =
      components(adr.value);
    if (i === 0) {
      fields.answer("region", "ADR.region", province);
      fields.answer("city", "ADR.locality", locality);
      fields.attribute("street", [street, extended].filter(Boolean).join(" ") || undefined);
      fields.attribute("postal_code", postal || undefined);
      fields.attribute("country", country || undefined);
    } else {
      const text = [street, locality, province, postal, country].filter(Boolean).join(", ");
      keepUnique(fields, "address", text || undefined);
    }
  });

  const notes = byName("NOTE").map((note) => unescapeText(note.value).trim());
  fields.answer("message", "NOTE", notes.filter(Boolean).join("\n"));
  fields.attribute("url", byName("URL")[0]?.value.trim());

  const lead = fields.toLead({ source: options.source, channel: options.channel });
  if (!lead.contact.phone && !lead.contact.email && !lead.contact.wechat) {
    errors.push({
      card: card.index,
      line: card.line,
      message: "has no usable phone, email or WeChat",
    });
  }
  return {
    lead: lead.companyName !== undefined ? { ...lead, customerType: "business" } : lead,
    errors,
  };
}

/**
 * A card's id: its UID when it has one, else a hash of its properties (without REV and PRODID,
 * which change on every export), so the same card imported again is recognised.
 */
export async function vcardId(card: VcardCard): Promise<string> {
  const uid = card.properties.find((p) => p.name === "UID")?.value.trim();
  if (uid) return uid.slice(0, 256);
  const text = card.properties
    .filter((p) => !VOLATILE.has(p.name))
    .map((p) => `${p.name}:${p.value}`)
    .join("\n");
  return `vcard:sha256:${await sha256Hex(text)}`;
}

/** Each card as a lead event, or what is wrong with it. */
export async function vcardResults(
  cards: readonly VcardCard[],
  options: VcardMappingOptions,
): Promise<VcardCardResult[]> {
  const results: VcardCardResult[] = [];
  for (const card of cards) {
    if (card.unterminated) {
      results.push({
        ok: false,
        card: card.index,
        errors: [{ card: card.index, line: card.line, message: "has no END:VCARD" }],
      });
      continue;
    }
    const { lead, errors } = mapVcard(card, options);
    if (errors.length > 0) {
      results.push({ ok: false, card: card.index, errors });
      continue;
    }
    const externalId = await vcardId(card);
    results.push({
      ok: true,
      card: card.index,
      event: { kind: "lead", externalId, lead: { ...lead, externalId } },
    });
  }
  return results;
}
