import { PermanentConnectorError } from "../errors.js";
import { type HeadersInput, mediaType, mediaTypeParameter } from "../headers.js";

/**
 * Finds the ADF document in what an ADF sender posts: the XML itself, the plain-text body of a
 * lead email, or a whole MIME message (a mail forwarder's raw email, or multipart form data
 * from an inbound-mail service) with the document in one of its parts, possibly base64 or
 * quoted-printable encoded, in any charset the runtime's TextDecoder knows.
 */

/** Media types whose body is the ADF document itself. */
export const ADF_XML_TYPES = ["application/xml", "text/xml", "application/x-adf+xml"] as const;

export interface ExtractedAdf {
  /** The document, from `<adf` to the last `</adf>` when it was embedded in text. */
  document: string;
  /** Where it was found, for the inbox entry. */
  from: "xml" | "text" | "mime";
}

/** MIME nesting deeper than this is not followed (mail loops, hostile input). */
const MAX_MIME_DEPTH = 6;

/** Bytes as a string of code units 0–255, so byte offsets and string offsets agree. */
function bytesToBinary(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

function binaryToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? "utf-8").trim().toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown label: UTF-8 is what nearly every lead sender means.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** `encoding="…"` of an XML declaration at the start of the bytes, if any. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = bytesToBinary(bytes.subarray(0, 200));
  return /^\s*(?:\ufeff|\xef\xbb\xbf)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/i.exec(
    head,
  )?.[1];
}

const ADF_START = /<adf[\s>]/i;
const ADF_END = /<\/adf\s*>/gi;

/** The `<adf>…</adf>` inside a text, or `undefined`. */
export function findAdfInText(text: string): string | undefined {
  const start = ADF_START.exec(text);
  if (!start) return undefined;
  let end = -1;
  ADF_END.lastIndex = start.index;
  for (let match = ADF_END.exec(text); match; match = ADF_END.exec(text)) {
    end = match.index + match[0].length;
  }
  if (end < 0) return undefined;
  return text.slice(start.index, end);
}

interface MimeHeaders {
  get(name: string): string | undefined;
}

function parseMimeHeaders(block: string): MimeHeaders {
  const map = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!map.has(name)) map.set(name, line.slice(colon + 1).trim());
  }
  return { get: (name) => map.get(name.toLowerCase()) };
}

function parameterOf(value: string | undefined, parameter: string): string | undefined {
  if (value === undefined) return undefined;
  return mediaTypeParameter({ "content-type": value }, parameter);
}

function decodeQuotedPrintable(binary: string): string {
  return binary
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}

function decodeBase64(binary: string): string {
  try {
    return atob(binary.replace(/[^A-Za-z0-9+/=]/g, ""));
  } catch {
    return "";
  }
}

/** Looks like a MIME entity: a header block with a Content-Type (or other MIME header) first. */
function looksLikeMime(binary: string): boolean {
  const head = binary.slice(0, 4_000);
  const blank = /\r?\n\r?\n/.exec(head);
  if (!blank) return false;
  return /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?(content-type|mime-version|content-transfer-encoding):/im.test(
    head.slice(0, blank.index + 1),
  );
}

/** Searches one MIME entity (headers + body, as binary) for the ADF document. */
function searchEntity(binary: string, depth: number): string | undefined {
  const blank = /\r?\n\r?\n/.exec(binary);
  const headers = parseMimeHeaders(blank ? binary.slice(0, blank.index) : "");
  const body = blank ? binary.slice(blank.index + blank[0].length) : binary;
  return searchBody(
    body,
    headers.get("content-type"),
    headers.get("content-transfer-encoding"),
    depth,
  );
}

function searchBody(
  body: string,
  contentType: string | undefined,
  transferEncoding: string | undefined,
  depth: number,
): string | undefined {
  const type = (contentType ?? "text/plain").split(";", 1)[0]!.trim().toLowerCase();
  const boundary = parameterOf(contentType, "boundary");
  if (type.startsWith("multipart/") && boundary && depth < MAX_MIME_DEPTH) {
    for (const part of splitMultipart(body, boundary)) {
      const found = searchEntity(part, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (type === "message/rfc822" && depth < MAX_MIME_DEPTH) return searchEntity(body, depth + 1);
  const encoding = (transferEncoding ?? "").trim().toLowerCase();
  const decoded =
    encoding === "base64"
      ? decodeBase64(body)
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  const text = decodeText(binaryToBytes(decoded), parameterOf(contentType, "charset"));
  return findAdfInText(text) ?? findAdfInText(unescapeHtml(text));
}

/** An HTML mail body shows the XML escaped: `&lt;adf&gt;`. */
function unescapeHtml(text: string): string {
  if (!text.includes("&lt;")) return text;
  return text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let index = body.indexOf(delimiter);
  while (index >= 0) {
    const afterDelimiter = index + delimiter.length;
    if (body.startsWith("--", afterDelimiter)) break;
    const next = body.indexOf(delimiter, afterDelimiter);
    const part = body.slice(afterDelimiter, next < 0 ? undefined : next);
    parts.push(part.replace(/^[ \t]*\r?\n/, "").replace(/\r?\n$/, ""));
    index = next;
  }
  return parts;
}

/**
 * The ADF document in a request body, or a `PermanentConnectorError` saying what was looked at.
 * XML media types are the document; text, HTML, mail and multipart bodies are searched; a body
 * without a (known) media type is sniffed.
 */
export function extractAdf(rawBody: Uint8Array, headers: HeadersInput): ExtractedAdf {
  const type = mediaType(headers);
  const charset = mediaTypeParameter(headers, "charset");
  if (type !== undefined && (ADF_XML_TYPES as readonly string[]).includes(type)) {
    return { document: decodeText(rawBody, charset ?? xmlDeclaredEncoding(rawBody)), from: "xml" };
  }
  const binary = bytesToBinary(rawBody);
  let found: string | undefined;
  let from: ExtractedAdf["from"] = "text";
  if (type?.startsWith("multipart/") || type === "message/rfc822") {
    from = "mime";
    found = searchBody(binary, headerContentType(headers), undefined, 0);
  } else if (
    (type === undefined || type === "application/octet-stream" || type === "text/plain") &&
    looksLikeMime(binary)
  ) {
    // A mail forwarder that posts the raw message as text.
    from = "mime";
    found = searchEntity(binary, 0);
  } else {
    const text = decodeText(rawBody, charset ?? xmlDeclaredEncoding(rawBody));
    found = findAdfInText(text) ?? findAdfInText(unescapeHtml(text));
  }
  if (found === undefined) {
    throw new PermanentConnectorError(
      `no ADF document (<adf>…</adf>) found in the ${type ?? "untyped"} body`,
      { code: "malformed_payload" },
    );
  }
  return { document: found, from };
}

function headerContentType(headers: HeadersInput): string | undefined {
  const type = mediaType(headers);
  if (type === undefined) return undefined;
  const charset = mediaTypeParameter(headers, "charset");
  const boundary = mediaTypeParameter(headers, "boundary");
  return `${type}${charset ? `; charset="${charset}"` : ""}${boundary ? `; boundary="${boundary}"` : ""}`;
}
