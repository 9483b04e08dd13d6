import { XMLParser } from "fast-xml-parser";

/**
 * The XML layer under ADF: a safety scan for declarations, one shared lenient parser, accessors
 * over its output, and escaping for the emitter. Nothing here knows ADF's vocabulary.
 */

/** Key under which the parser (in document order mode) keeps an element's attributes. */
const ATTRIBUTES = ":@";
const TEXT = "#text";
const CDATA = "#cdata";

let sharedParser: XMLParser | undefined;

/**
 * The one parser all calls share: its configuration does not depend on caller options, so it is
 * built on first use (not at import, keeping the module free of side effects) and reused.
 * Entities are never expanded by the library (`processEntities: false`): the five predefined
 * entities and character references are decoded by `decodeXml` when a value is read, and
 * documents with a DOCTYPE are refused before they reach the parser.
 */
export function xmlParser(): XMLParser {
  sharedParser ??= new XMLParser({
    // Document order skips the library's object-building pass (about 40% of its time) and keeps
    // text and CDATA in sequence; the accessors below read that shape.
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    textNodeName: TEXT,
    cdataPropName: CDATA,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true,
    // Callbacks get a matcher instead of a freshly built path string per tag: measurably faster.
    jPath: false,
    // Real feeds write <Prospect>, <VIN>, Part="First": compare in lower case.
    transformTagName: (name) => name.toLowerCase(),
    transformAttributeName: (name) => name.toLowerCase(),
    // Keep whitespace so escaped leading/trailing spaces survive; values are trimmed on read.
    trimValues: false,
  });
  return sharedParser;
}

/**
 * The first markup declaration (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT` …) outside comments and
 * CDATA sections, or an unterminated comment or CDATA section; `undefined` when there is none.
 * A linear scan: refusing declarations outright is what stops entity expansion (billion laughs)
 * and external entities (XXE).
 */
export function findMarkupDeclaration(xml: string): string | undefined {
  let at = xml.indexOf("<!");
  while (at !== -1) {
    if (xml.startsWith("<!--", at)) {
      const end = xml.indexOf("-->", at + 4);
      if (end === -1) return "an unterminated comment";
      at = xml.indexOf("<!", end + 3);
      continue;
    }
    if (xml.startsWith("<![CDATA[", at)) {
      const end = xml.indexOf("]]>", at + 9);
      if (end === -1) return "an unterminated CDATA section";
      at = xml.indexOf("<!", end + 3);
      continue;
    }
    const keyword = /^<!\s*([A-Za-z]+)/.exec(xml.slice(at, at + 40))?.[1];
    return keyword ? `a <!${keyword.toUpperCase()}> declaration` : "a markup declaration";
  }
  return undefined;
}

/**
 * A parsed element in document order: `{ <tag>: [...content], ":@"?: { attributes } }`, where
 * content items are elements, `{ "#text": raw }` and `{ "#cdata": [{ "#text": raw }] }`. The
 * document itself is a content array.
 */
export type XmlValue = unknown;
type XmlItem = Record<string, unknown>;
const NO_CONTENT: readonly XmlItem[] = [];

function tagOf(item: XmlItem): string | undefined {
  for (const key in item) if (key !== ATTRIBUTES) return key;
  return undefined;
}

function contentOf(node: XmlValue): readonly XmlItem[] {
  if (Array.isArray(node)) return node as XmlItem[];
  if (node === null || typeof node !== "object") return NO_CONTENT;
  const tag = tagOf(node as XmlItem);
  const content = tag === undefined ? undefined : (node as XmlItem)[tag];
  return Array.isArray(content) ? (content as XmlItem[]) : NO_CONTENT;
}

/** All child elements named `name` (lower case), in document order. */
export function children(node: XmlValue, name: string): XmlValue[] {
  const found: XmlValue[] = [];
  for (const item of contentOf(node)) if (tagOf(item) === name) found.push(item);
  return found;
}

export function child(node: XmlValue, name: string): XmlValue | undefined {
  for (const item of contentOf(node)) if (tagOf(item) === name) return item;
  return undefined;
}

/** The child elements (not text) of an element or of the document. */
export function elements(node: XmlValue): XmlValue[] {
  return contentOf(node).filter((item) => {
    const tag = tagOf(item);
    return tag !== TEXT && tag !== CDATA;
  });
}

/** An element's name (lower case). */
export function nameOf(node: XmlValue): string | undefined {
  return node !== null && typeof node === "object" && !Array.isArray(node)
    ? tagOf(node as XmlItem)
    : undefined;
}

/** Names of the child elements present (lower case), each once. */
export function childNames(node: XmlValue): string[] {
  const names = new Set<string>();
  for (const item of contentOf(node)) {
    const tag = tagOf(item);
    if (tag !== undefined && tag !== TEXT && tag !== CDATA) names.add(tag);
  }
  return [...names];
}

/** Whether the element has child elements (as opposed to text only). */
export function hasChildElements(node: XmlValue): boolean {
  for (const item of contentOf(node)) {
    const tag = tagOf(item);
    if (tag !== TEXT && tag !== CDATA) return true;
  }
  return false;
}

/**
 * The element's text, trimmed, with entities decoded and CDATA kept verbatim. Raw whitespace is
 * trimmed before decoding, so whitespace written as character references survives.
 */
export function textOf(node: XmlValue): string {
  const content = contentOf(node);
  if (content.length === 0) return "";
  if (content.length === 1) {
    const raw = content[0]![TEXT];
    if (typeof raw === "string") return decodeXml(raw.trim());
  }
  const pieces: { text: string; cdata: boolean }[] = [];
  for (const item of content) {
    const raw = item[TEXT];
    if (typeof raw === "string") pieces.push({ text: raw, cdata: false });
    const cdata = item[CDATA];
    if (Array.isArray(cdata)) {
      for (const part of cdata) {
        const value = (part as XmlItem)[TEXT];
        if (typeof value === "string") pieces.push({ text: value, cdata: true });
      }
    }
  }
  if (pieces.length === 0) return "";
  pieces[0]!.text = pieces[0]!.text.trimStart();
  const last = pieces[pieces.length - 1]!;
  last.text = last.text.trimEnd();
  return pieces.map((p) => (p.cdata ? p.text : decodeXml(p.text))).join("");
}

/** An attribute value (name in lower case), trimmed and decoded; `undefined` when absent. */
export function attributeOf(node: XmlValue, name: string): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const attributes = (node as XmlItem)[ATTRIBUTES] as XmlItem | undefined;
  const value = attributes && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  return typeof value === "string" ? decodeXml(value.trim()) : undefined;
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** Decodes XML's five predefined entities and character references; leaves anything else. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (match, decimal?: string, hex?: string, named?: string) => {
    if (named) return NAMED[named] ?? match;
    const code = decimal ? Number(decimal) : Number.parseInt(hex ?? "", 16);
    return isXmlCodePoint(code) ? String.fromCodePoint(code) : match;
  });
}

function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Characters XML 1.0 cannot carry at all (not even as references), and lone surrogates. */
export const NON_XML_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\r": "&#13;",
};
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
};

const charRef = (c: string) => `&#${c.charCodeAt(0)};`;

/**
 * Escapes element text. Leading and trailing whitespace is written as character references so a
 * reader that trims (as most ADF consumers do) still gets the value back exactly.
 */
export function escapeText(text: string): string {
  const escaped = text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
  return escaped
    .replace(/^[ \t\n]+/, (ws) => ws.replace(/./gs, charRef))
    .replace(/[ \t\n]+$/, (ws) => ws.replace(/./gs, charRef));
}

/**
 * Escapes an attribute value (double-quoted), including whitespace that XML would normalise and
 * leading or trailing spaces that a trimming reader would drop.
 */
export function escapeAttribute(value: string): string {
  return value
    .replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!)
    .replace(/^ +| +$/g, (ws) => ws.replace(/ /g, "&#32;"));
}
