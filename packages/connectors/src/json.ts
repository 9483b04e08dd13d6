import { z } from "zod";
import { PermanentConnectorError } from "./errors.js";
import { createRedactor } from "./secrets.js";

/**
 * JSON whose integers may exceed 2^53. Meta, Google and Ocean Engine send 64-bit ids as bare
 * numbers; `JSON.parse` would round `1234567890123456789` to `1234567890123456800` without a
 * word. `parseJsonExact` quotes every integer literal too long to be exact before parsing, so
 * those arrive as strings with every digit, while small numbers stay numbers.
 */

/** Integer literals with more digits than this may not survive as a JS number. */
const SAFE_DIGITS = 15;

const LONG_DIGIT_RUN = new RegExp(`[0-9]{${SAFE_DIGITS + 1}}`);

/** `text` with every long integer literal outside strings wrapped in quotes. */
export function quoteLargeIntegers(text: string): string {
  // Most texts hold no run of digits that long at all: one native scan says so.
  if (!LONG_DIGIT_RUN.test(text)) return text;
  let out = "";
  let copiedTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string, escapes included.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      if (c === 0x2d) i++;
      const digitsStart = i;
      while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      const digits = i - digitsStart;
      const next = text.charCodeAt(i);
      const isInteger = next !== 0x2e /* . */ && next !== 0x65 /* e */ && next !== 0x45; /* E */
      if (isInteger && digits > SAFE_DIGITS) {
        out += `${text.slice(copiedTo, start)}"${text.slice(start, i)}"`;
        copiedTo = i;
      } else {
        // A fraction or exponent: leave the whole number as it is.
        while (i < n && /[0-9.eE+-]/.test(text[i]!)) i++;
      }
      continue;
    }
    i++;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

/** Parses JSON text with large integers kept exact (as strings). Throws `SyntaxError`. */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(quoteLargeIntegers(text));
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes and parses a request body that must be JSON, large integers exact. Bad UTF-8 or bad
 * JSON is a `PermanentConnectorError` (the sender's payload will not improve on a retry).
 */
export function readJsonBody(rawBody: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = decoder.decode(rawBody);
  } catch {
    throw new PermanentConnectorError(`${what} is not valid UTF-8`, { code: "malformed_payload" });
  }
  try {
    return parseJsonExact(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // V8 quotes the start of the text in its message; scrub any credential it shows.
    throw new PermanentConnectorError(
      createRedactor()(`${what} is not valid JSON: ${(error as Error).message.slice(0, 200)}`),
      { code: "malformed_payload" },
    );
  }
}

/**
 * A vendor id as an exact string: a string as sent, or a safe integer written in decimal. Use it
 * with `parseJsonExact`, which turns the unsafe integers into strings first.
 */
export const exactIdSchema = z.union([
  z.string().trim().min(1).max(256),
  z
    .number()
    .int()
    .refine(Number.isSafeInteger, { message: "is a number too large to be exact; send it as text" })
    .transform(String),
]);

/**
 * What `exactIdSchema` makes of `value`, or `undefined` where it would refuse it: the same rules
 * without a schema's bookkeeping, for the paths every delivery takes. Its errors still come from
 * the schema (call it on `undefined` here).
 */
export function exactIdOf(value: unknown): string | undefined {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed.length >= 1 && trimmed.length <= 256 ? trimmed : undefined;
  }
  return typeof value === "number" && Number.isSafeInteger(value) ? String(value) : undefined;
}

/**
 * JSON text with object keys sorted at every level, so the same record gets the same text (and
 * hash) however its sender ordered the keys. For ids made from content when a sender has none.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}
