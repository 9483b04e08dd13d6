import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js/min";
import { z } from "zod";

/** Region assumed for numbers written without a country code. */
export const DEFAULT_PHONE_REGION: CountryCode = "CN";

export type PhoneResult =
  | { ok: true; e164: string; country: string | undefined }
  | { ok: false; reason: string };

/**
 * Normalises a phone number to E.164 (`+8613812345678`). Accepts what people type: spaces, dashes,
 * brackets, a leading `0086`/`+86`, full-width digits. Numbers without a country code are read in
 * `defaultRegion` (CN unless configured). Returns the reason when the number is not valid, instead
 * of guessing.
 */
export function normalizePhone(
  raw: string,
  defaultRegion: string = DEFAULT_PHONE_REGION,
): PhoneResult {
  if (typeof raw !== "string") return { ok: false, reason: "phone must be a string" };
  if (!isSupportedCountry(defaultRegion)) {
    return {
      ok: false,
      reason: `unknown default region "${defaultRegion}" (expected e.g. CN, US)`,
    };
  }
  // Full-width digits and plus (common in Chinese input methods) → ASCII.
  let text = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  text = text.replace(/\uFF0B/g, "+").trim();
  if (text === "") return { ok: false, reason: "phone is empty" };
  if (text.startsWith("00")) text = `+${text.slice(2)}`;
  const fast = chineseMobileFastPath(text, defaultRegion === "CN");
  if (fast !== undefined) return fast;
  return parseWithLibrary(text, defaultRegion);
}

function parseWithLibrary(text: string, defaultRegion: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(text, defaultRegion as CountryCode);
  if (!parsed) return { ok: false, reason: "not a phone number" };
  if (!parsed.isValid()) return { ok: false, reason: "not a valid phone number for its region" };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

/**
 * Chinese mobile numbers are most of what a dealer group sees, and full parsing costs several
 * microseconds each. Numbers are allocated in blocks of 10,000 (the seven-digit 号段), so the
 * parser's verdict on one number of a block holds for the whole block: the first number of a block
 * is parsed in full and the verdict remembered; later numbers of that block reuse it. Anything that
 * is not plainly an 11-digit mobile (optionally +86, with spaces, dashes, dots or brackets) takes
 * the full path. A property test checks both paths agree.
 */
const MOBILE_SHAPE = /^(?:\+86)?(1[3-9]\d{9})$/;
const MOBILE_PUNCTUATION = /[\s\-.()]/g;
const MAX_REMEMBERED_BLOCKS = 100_000;
const blockVerdicts = new Map<string, boolean>();

function chineseMobileFastPath(text: string, chinaByDefault: boolean): PhoneResult | undefined {
  const compact = text.replace(MOBILE_PUNCTUATION, "");
  // Without +86 a number is Chinese only when China is the default region.
  if (!chinaByDefault && !compact.startsWith("+86")) return undefined;
  const match = MOBILE_SHAPE.exec(compact);
  if (!match) return undefined;
  const national = match[1]!;
  // Typed without +86, a leading 179xx is an IP-dialling prefix (17951 …) that the full parser
  // strips before reading the number (China's national prefix for parsing): not plainly a mobile.
  if (national.startsWith("179") && !compact.startsWith("+86")) return undefined;
  const block = national.slice(0, 7);
  const verdict = blockVerdicts.get(block);
  if (verdict === true) return { ok: true, e164: `+86${national}`, country: "CN" };
  if (verdict === false) return undefined;
  const full = parseWithLibrary(`+86${national}`, "CN");
  const agrees = full.ok && full.e164 === `+86${national}` && full.country === "CN";
  if (blockVerdicts.size < MAX_REMEMBERED_BLOCKS) blockVerdicts.set(block, agrees);
  return agrees ? full : undefined;
}

/**
 * Normalises an email address for matching: trimmed and lower-cased (domains are case-insensitive,
 * and in practice no mail provider treats local parts case-sensitively). Returns `undefined` when
 * the text is not an address.
 */
export function normalizeEmail(raw: string): string | undefined {
  if (typeof raw !== "string") return undefined;
  const text = raw.trim().toLowerCase();
  if (text.length > 254) return undefined;
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/.test(text))
    return undefined;
  return text;
}

/** E.164 phone as stored (already normalised). */
export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, { message: "must be an E.164 number like +8613812345678" });

export const emailSchema = z
  .string()
  .max(254)
  .refine((v) => normalizeEmail(v) !== undefined, { message: "must be an email address" });
