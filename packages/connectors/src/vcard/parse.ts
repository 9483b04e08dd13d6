/**
 * vCard 2.1, 3.0 and 4.0 as business-card scanner apps export them: several cards per file,
 * folded lines (2.1 keeps the fold's whitespace, 3.0/4.0 drop it), QUOTED-PRINTABLE values with
 * soft line breaks and a CHARSET (2.1: UTF-8, GB2312/GBK from Chinese phones), bare 2.1 type
 * parameters (`TEL;CELL;VOICE:`), quoted 4.0 parameters (`TYPE="work,voice"`), and backslash
 * escapes. The file is read as bytes, and each value decoded in its own charset, so a file that
 * mixes UTF-8 and GBK values reads right.
 */

export interface VcardProperty {
  /** Upper case, without the group: `TEL`. */
  name: string;
  /** `item1` of `item1.TEL`, when grouped. */
  group?: string;
  /** Parameter names upper case; values as written (TYPE values split on commas, lower case). */
  params: Record<string, string[]>;
  /** The decoded value, escapes still in place (structured values split on them later). */
  value: string;
  /** Line of the file where the property starts. */
  line: number;
}

export interface VcardCard {
  /** 1-based position of the card in the file. */
  index: number;
  /** Line of its BEGIN:VCARD. */
  line: number;
  version: string | undefined;
  properties: VcardProperty[];
  /** The file ended before END:VCARD. */
  unterminated?: true;
}

/** Bytes as a string of code units 0–255, so lines can be cut before any decoding. */
function toBinary(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

function fromBinary(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Bytes in a charset: the one named, else UTF-8, else GB18030 (what GBK phones write). */
export function decodeValue(bytes: Uint8Array, charset: string | undefined): string {
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
    } catch {
      // An unknown label: fall through to the guess.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** QUOTED-PRINTABLE (`=E7=8E=8B`) to bytes; a stray `=` is kept. */
function decodeQuotedPrintable(binary: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < binary.length; i++) {
    const c = binary.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(binary.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(binary.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return new Uint8Array(out);
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The `:` that ends the name and parameters (not one inside a quoted parameter). */
function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ":" && !quoted) return i;
  }
  return -1;
}

/** 2.1's bare parameters, by what they name. */
const BARE_ENCODINGS = new Set(["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"]);

function parseParams(parts: readonly string[]): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  const add = (key: string, values: string[]) => {
    params[key] = [...(params[key] ?? []), ...values];
  };
  for (const part of parts) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) {
      const bare = part.trim().toUpperCase();
      add(BARE_ENCODINGS.has(bare) ? "ENCODING" : "TYPE", [bare.toLowerCase()]);
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const raw = part.slice(eq + 1).trim();
    const unquoted = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    add(key, key === "TYPE" ? unquoted.split(",").map((v) => v.trim().toLowerCase()) : [unquoted]);
  }
  return params;
}

/** Physical lines joined into logical ones: folds and QUOTED-PRINTABLE soft breaks undone. */
function logicalLines(binary: string): { text: string; line: number }[] {
  const physical = binary.split(/\r\n|\n|\r/);
  const lines: { text: string; line: number }[] = [];
  let version21 = false;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    const last = lines.at(-1);
    if (last !== undefined && (raw.startsWith(" ") || raw.startsWith("\t"))) {
      // 2.1 folds at whitespace that belongs to the value; 3.0 and 4.0 fold with an extra one.
      last.text += version21 ? raw : raw.slice(1);
      continue;
    }
    let text = raw;
    const head = text.slice(0, Math.max(valueColon(text), 0)).toUpperCase();
    if (head.includes("QUOTED-PRINTABLE")) {
      // Soft line breaks: a line ending in `=` goes on, with or without leading whitespace.
      while (text.endsWith("=") && i + 1 < physical.length) {
        text = text.slice(0, -1) + physical[++i]!.replace(/^[ \t]/, "");
      }
    }
    if (/^VERSION:/i.test(text)) version21 = text.slice(8).trim() === "2.1";
    if (/^BEGIN:VCARD/i.test(text)) version21 = false;
    lines.push({ text, line: i + 1 });
  }
  return lines;
}

function readProperty(text: string, line: number): VcardProperty | undefined {
  const colon = valueColon(text);
  if (colon <= 0) return undefined;
  const [nameWithGroup, ...paramParts] = splitOutsideQuotes(text.slice(0, colon), ";");
  const dot = nameWithGroup!.lastIndexOf(".");
  const name = nameWithGroup!
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  const group = dot > 0 ? nameWithGroup!.slice(0, dot) : undefined;
  const params = parseParams(paramParts);
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  if (encoding === "BASE64" || encoding === "B") {
    // Photos, logos, keys: nothing a lead needs.
    return { name, ...(group && { group }), params, value: "", line };
  }
  const binary = text.slice(colon + 1);
  const bytes =
    encoding === "QUOTED-PRINTABLE" ? decodeQuotedPrintable(binary) : fromBinary(binary);
  return {
    name,
    ...(group && { group }),
    params,
    value: decodeValue(bytes, params.CHARSET?.[0]),
    line,
  };
}

/** The cards of a vCard file, in order, each with its properties. */
export function parseVcards(input: Uint8Array | string): VcardCard[] {
  const binary =
    typeof input === "string" ? toBinary(new TextEncoder().encode(input)) : toBinary(input);
  const cards: VcardCard[] = [];
  let current: VcardCard | undefined;
  let depth = 0;
  for (const { text, line } of logicalLines(binary)) {
    const trimmed = text.trim();
    if (/^BEGIN:VCARD$/i.test(trimmed)) {
      depth++;
      if (depth === 1) {
        current = { index: cards.length + 1, line, version: undefined, properties: [] };
        cards.push(current);
      }
      continue;
    }
    if (/^END:VCARD$/i.test(trimmed)) {
      depth = Math.max(depth - 1, 0);
      if (depth === 0) current = undefined;
      continue;
    }
    // Nested cards (2.1 AGENT) and text between cards are not leads.
    if (current === undefined || depth > 1 || trimmed === "") continue;
    const property = readProperty(text, line);
    if (property === undefined) continue;
    if (property.name === "VERSION") current.version = property.value.trim();
    else current.properties.push(property);
  }
  if (current !== undefined) current.unterminated = true;
  return cards;
}

/** Splits a structured value (N, ADR, ORG) on unescaped `;` and unescapes each component. */
export function components(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && i + 1 < value.length) {
      current += c + value[++i];
    } else if (c === ";") {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

/** `\n`, `\,`, `\;`, `\\` as the characters they stand for. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}
