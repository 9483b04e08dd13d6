import { z } from "zod";

/**
 * Secret config fields (app secrets, tokens, shared keys, passwords) are marked in zod's global
 * metadata registry, so the hub can find them from the schema alone: it encrypts them at rest,
 * never returns them, and `redactConfig` blanks them before a config reaches a log or a response.
 * The global registry (not one of ours) keeps the mark visible to every copy of this package a
 * bundler might load (ESM and CommonJS side by side).
 */

/** Metadata key of the mark; also appears in the JSON Schema the hub publishes. */
export const SECRET_META_KEY = "x-forecourt-secret";
/** What a redacted value is replaced with. */
export const REDACTED = "[redacted]";

/** Marks a config field as secret. `writeOnly` tells JSON Schema readers the hub never returns it. */
export function secret<S extends z.ZodType>(schema: S): S {
  return schema.meta({ [SECRET_META_KEY]: true, writeOnly: true }) as S;
}

/** The schema inside the wrappers that do not change what is stored (optional, default …). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 16; depth++) {
    if (isMarked(current)) return current;
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === "pipe" && def.in !== undefined) current = def.in;
    else return current;
  }
  return current;
}

function isMarked(schema: z.ZodType): boolean {
  return z.globalRegistry.get(schema)?.[SECRET_META_KEY] === true;
}

/** Whether a schema (or the schema an optional/default/nullable wraps) is marked secret. */
export function isSecretSchema(schema: z.ZodType): boolean {
  return isMarked(unwrap(schema));
}

/**
 * Dotted paths of the secret fields of an object schema, nested objects and the variants of
 * unions included: `["appSecret", "auth.key", "auth.password"]`.
 */
export function secretPaths(schema: z.ZodType, prefix = ""): string[] {
  const inner = unwrap(schema);
  if (isMarked(inner)) return prefix ? [prefix] : [];
  const def = inner._zod.def as { type: string; options?: readonly z.ZodType[] };
  if (def.type === "union" && def.options !== undefined) {
    // Each variant's secrets (a discriminated union of auth methods): any of them may be set.
    return [...new Set(def.options.flatMap((option) => secretPaths(option, prefix)))];
  }
  if (!(inner instanceof z.ZodObject)) return [];
  const paths: string[] = [];
  for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    paths.push(...secretPaths(field, prefix ? `${prefix}.${key}` : key));
  }
  return paths;
}

/** Every secret value in a config (for a redactor that scrubs them from text). */
export function secretValues(schema: z.ZodType, config: unknown): string[] {
  const values: string[] = [];
  for (const path of secretPaths(schema)) {
    const value = readPath(config, path.split("."));
    if (typeof value === "string" && value !== "") values.push(value);
  }
  return values;
}

function readPath(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `config` with every secret field that holds a value replaced by `[redacted]`. */
export function redactConfigWith<T>(schema: z.ZodType, config: T): T {
  const copy = structuredClone(config);
  for (const path of secretPaths(schema)) {
    const keys = path.split(".");
    const parent = readPath(copy, keys.slice(0, -1));
    const last = keys[keys.length - 1]!;
    if (typeof parent === "object" && parent !== null && last in parent) {
      const holder = parent as Record<string, unknown>;
      if (holder[last] !== undefined && holder[last] !== null) holder[last] = REDACTED;
    }
  }
  return copy;
}

/** Replaces secrets in strings, deeply. */
export type Redactor = <T>(value: T) => T;

/** Query and JSON keys whose values are credentials wherever they appear. */
const CREDENTIAL_KEY =
  /(?<![A-Za-z0-9])((?:access_|refresh_|id_)?token|api_?key|apikey|google_key|client_secret|app_?secret|appsecret_proof|secret|password|passwd|signature|sig)((?:%22|["'])?\s*(?:=|:|%3A)\s*(?:%22|["'])?)([^&"'\s,;}<>]+)/gi;

/** Object keys whose values are credentials: `{ "access_token": "…" }`. */
const CREDENTIAL_NAME =
  /^(?:[a-z0-9]+[_-])*(?:token|api_?key|apikey|key|secret|password|passwd|signature|authorization|cookie)$/i;

/**
 * A redactor for one request or connection: removes the given secrets wherever they appear (and
 * their URL-encoded forms), bearer and basic credentials, and the values of credential-looking
 * query or JSON keys (`access_token=…`, `"google_key":"…"`), so a vendor that echoes the request
 * into its error cannot leak a token into the hub's logs or dead letters.
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const shown = [
    ...new Set(
      secrets
        .filter((s): s is string => typeof s === "string" && s.length >= 4)
        .flatMap((s) => [s, encodeURIComponent(s)]),
    ),
  ].sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => {
    let out = text;
    for (const value of shown) out = out.split(value).join(REDACTED);
    out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`);
    return out.replace(CREDENTIAL_KEY, (match, key: string, sep: string, value: string) =>
      value === REDACTED || value.startsWith("[redacted") ? match : `${key}${sep}${REDACTED}`,
    );
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return scrub(value);
    if (depth > 32 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        typeof item === "string" && item !== "" && CREDENTIAL_NAME.test(key)
          ? REDACTED
          : walk(item, depth + 1),
      ]),
    );
  };
  return <T>(value: T) => walk(value, 0) as T;
}
