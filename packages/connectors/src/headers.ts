/**
 * Request headers as the hub has them: a fetch `Headers`, or Node's `IncomingHttpHeaders`-like
 * record (lower-case names, repeated headers as arrays). Connectors read them only through
 * `headerValue`, so both work.
 */
export type HeadersInput =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One header's value (repeated headers joined with ", "), case-insensitive; `undefined` if absent. */
export function headerValue(headers: HeadersInput, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(", ") : String(value);
  }
  return undefined;
}

/** The media type of `Content-Type`, lower-cased, without parameters: `application/xml`. */
export function mediaType(headers: HeadersInput): string | undefined {
  const value = headerValue(headers, "content-type");
  if (value === undefined) return undefined;
  const type = value.split(";", 1)[0]!.trim().toLowerCase();
  return type === "" ? undefined : type;
}

/** A parameter of `Content-Type` (`charset`, `boundary`), unquoted; `undefined` if absent. */
export function mediaTypeParameter(headers: HeadersInput, parameter: string): string | undefined {
  const value = headerValue(headers, "content-type");
  if (value === undefined) return undefined;
  const wanted = parameter.toLowerCase();
  for (const part of value.split(";").slice(1)) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== wanted) continue;
    const raw = part.slice(eq + 1).trim();
    return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
  }
  return undefined;
}
