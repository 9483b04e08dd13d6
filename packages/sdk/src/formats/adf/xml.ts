import { XMLParser } from "fast-xml-parser";

/**
 * The XML layer under ADF: a safety scan for declarations, one shared lenient parser, accessors
 * over its output, and escaping for the emitter. Nothing here knows ADF's vocabulary.
 */

/** Key under which the parser groups an element's attributes. */
const ATTRIBUTES = "@";
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
    ignoreAttributes: false,
    attributeNamePrefix: "",
    attributesGroupName: ATTRIBUTES,
    textNodeName: TEXT,
    cdataPropName: CDATA,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true,
    // Real feeds write <Prospect>, <VIN>, Part="First": compare in lower case.
    transformTagName: (name) => name.toLowerCase(),
    transformAttributeName: (name) => name.toLowerCase(),
    // Every element as an array, so "one or many" needs no special case when reading.
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
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

/** A parsed element (or a plain string when it had neither attributes nor children). */
export type XmlValue = unknown;

function asRecord(node: XmlValue): Record<string, unknown> | undefined {
  return node !== null && typeof node === "object" && !Array.isArray(node)
    ? (node as Record<string, unknown>)
    : undefined;
}

/** All child elements named `name` (lower case). */
export function children(node: XmlValue, name: string): XmlValue[] {
  const value = asRecord(node)?.[name];
  return Array.isArray(value) ? value : [];
}

export function child(node: XmlValue, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

/** Names of the child elements present (lower case). */
export function childNames(node: XmlValue): string[] {
  const record = asRecord(node);
  if (!record) return [];
  return Object.keys(record).filter((k) => k !== ATTRIBUTES && k !== TEXT && k !== CDATA);
}

/** The element's text, trimmed, with entities decoded and CDATA kept verbatim. */
export function textOf(node: XmlValue): string {
  if (node === undefined) return "";
  if (typeof node === "string") return decodeXml(node.trim());
  const record = asRecord(node);
  if (!record) return "";
  const raw = typeof record[TEXT] === "string" ? (record[TEXT] as string) : "";
  const cdata = record[CDATA];
  if (!Array.isArray(cdata)) return decodeXml(raw.trim());
  return (decodeXml(raw) + cdata.join("")).trim();
}

/** An attribute value (name in lower case), trimmed and decoded; `undefined` when absent. */
export function attributeOf(node: XmlValue, name: string): string | undefined {
  const attributes = asRecord(asRecord(node)?.[ATTRIBUTES]);
  const value = attributes?.[name];
  return typeof value === "string" ? decodeXml(value.trim()) : undefined;
}

/** Whether the element has child elements (as opposed to text only). */
export function hasChildElements(node: XmlValue): boolean {
  return childNames(node).length > 0;
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
