import { hmacSha256, toHex } from "./crypto.js";
import { hmacMd5, md5 } from "./md5.js";

/**
 * Signatures over "sorted parameters", the family most Chinese platforms use: the request's
 * parameters sorted by name, joined into one string (with the body and the secret), hashed, and
 * sent as `sign`. Taobao Open Platform and Qimen use one fixed member of the family
 * (`topSignature`); portals vary the joining, the secret's place and the letter case
 * (`sortedParamsSignature`).
 */

export type ParamsInput =
  | URLSearchParams
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | number | boolean | undefined>>;

function pairsOf(params: ParamsInput): [string, string][] {
  if (params instanceof URLSearchParams) {
    const pairs: [string, string][] = [];
    params.forEach((value, key) => {
      pairs.push([key, value]);
    });
    return pairs;
  }
  if (Symbol.iterator in params) {
    return [...(params as Iterable<readonly [string, string]>)].map(([k, v]) => [k, v]);
  }
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => [key, String(value)]);
}

/**
 * The parameters that take part in a signature, sorted by name in code-unit order (ASCII order
 * for the ASCII names platforms use): `exclude`d names (the signature itself) and empty names or
 * values are left out, as every platform of this family does.
 */
export function sortedParamPairs(
  params: ParamsInput,
  exclude: readonly string[] = ["sign"],
): [string, string][] {
  return pairsOf(params)
    .filter(([key, value]) => key !== "" && value !== "" && !exclude.includes(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `k1v1k2v2` (`concat`) or `k1=v1&k2=v2` (`query`, values as they are, not URL-encoded). */
export function joinParams(pairs: readonly (readonly [string, string])[], format: ParamsFormat) {
  return format === "concat"
    ? pairs.map(([key, value]) => key + value).join("")
    : pairs.map(([key, value]) => `${key}=${value}`).join("&");
}
export type ParamsFormat = "concat" | "query";

/** Taobao Open Platform / Qimen `sign_method` values. */
export const TOP_SIGN_METHODS = ["md5", "hmac", "hmac-sha256"] as const;
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

/**
 * The Taobao Open Platform scheme, which Qimen inherits: `text` = the sorted parameters as
 * `k1v1k2v2…` followed by the body (Qimen sends the business content as the body; form posts
 * put it in the parameters and have no body here); then
 * - `md5`: MD5(secret + text + secret),
 * - `hmac`: HMAC-MD5(secret, text),
 * - `hmac-sha256`: HMAC-SHA256(secret, text),
 * as upper-case hex.
 */
export async function topSignature(
  method: TopSignMethod,
  secret: string,
  params: ParamsInput,
  body = "",
): Promise<string> {
  const text = joinParams(sortedParamPairs(params), "concat") + body;
  const digest =
    method === "md5"
      ? md5(secret + text + secret)
      : method === "hmac"
        ? hmacMd5(secret, text)
        : await hmacSha256(secret, text);
  return toHex(digest).toUpperCase();
}

/** Where the secret goes in a portal's MD5 signature. */
export type SecretPlacement = "wrap" | "append" | "key_param";

export interface SortedParamsSignatureOptions {
  format: ParamsFormat;
  /** `wrap`: secret + text + secret; `append`: text + secret; `key_param`: text + `&key=` + secret. */
  secretPlacement: SecretPlacement;
  letterCase: "upper" | "lower";
  /** Parameter names left out besides empty ones (the signature's own name). */
  exclude?: readonly string[];
}

/**
 * MD5 over sorted parameters, the variable member of the family: the parameters joined per
 * `format`, then the body when there is one, with the secret placed per `secretPlacement`.
 */
export function sortedParamsSignature(
  secret: string,
  params: ParamsInput,
  body: string,
  options: SortedParamsSignatureOptions,
): string {
  const text = joinParams(sortedParamPairs(params, options.exclude), options.format) + body;
  const signed =
    options.secretPlacement === "wrap"
      ? secret + text + secret
      : options.secretPlacement === "append"
        ? text + secret
        : `${text}&key=${secret}`;
  const hex = toHex(md5(signed));
  return options.letterCase === "upper" ? hex.toUpperCase() : hex;
}
