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
  const parsed = parsePhoneNumberFromString(text, defaultRegion as CountryCode);
  if (!parsed) return { ok: false, reason: "not a phone number" };
  if (!parsed.isValid()) return { ok: false, reason: "not a valid phone number for its region" };
  return { ok: true, e164: parsed.number, country: parsed.country };
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
