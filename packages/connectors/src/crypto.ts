/**
 * Hashing, HMAC and comparisons on Web Crypto (`globalThis.crypto.subtle`), which Node ≥ 20,
 * Deno, Bun, browsers and edge workers all have; nothing imports `node:crypto`, so every connector
 * runs on any of them. Where the runtime hands out its native crypto module
 * (`process.getBuiltinModule`: Node ≥ 20.16, and runtimes that copy it) HMAC and SHA-256 use
 * it — the same bytes at a fraction of Web Crypto's per-call cost, which a webhook endpoint pays
 * on every delivery.
 */

const encoder = new TextEncoder();

function bytesOf(value: string | Uint8Array): Uint8Array {
  return typeof value === "string" ? encoder.encode(value) : value;
}

/**
 * Whether `a` and `b` hold the same bytes, in time that depends only on the length of `b` (the
 * expected value), so a caller cannot learn a secret one byte at a time by timing the answers.
 * Strings are compared as UTF-8.
 */
export function timingSafeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const left = bytesOf(a);
  const right = bytesOf(b);
  // Differences in length still walk every byte of `right`, so the loop's length never depends
  // on the secret-holding side being guessed correctly.
  let diff = left.length ^ right.length;
  for (let i = 0; i < right.length; i++) {
    diff |= (left[i % Math.max(left.length, 1)] ?? 0) ^ right[i]!;
  }
  return diff === 0;
}

/** The part of `node:crypto` used here. */
interface NativeCrypto {
  createHmac(algorithm: "sha256", key: Uint8Array | NativeKey): NativeDigest;
  createHash(algorithm: "sha256"): NativeDigest;
  createSecretKey(key: Uint8Array): NativeKey;
}
/** A native secret key object (opaque here). */
type NativeKey = { readonly type: "secret" };
interface NativeDigest {
  update(data: Uint8Array): NativeDigest;
  digest(): Uint8Array;
}

const native: NativeCrypto | undefined = (() => {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } })
      .process;
    const module = runtime?.getBuiltinModule?.("node:crypto") as NativeCrypto | undefined;
    return typeof module?.createHmac === "function" && typeof module.createSecretKey === "function"
      ? module
      : undefined;
  } catch {
    return undefined;
  }
})();

/** A plain `Uint8Array` over a native digest's bytes (a Node `Buffer` is a subclass). */
function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (crypto?.subtle === undefined) {
    throw new Error("Web Crypto (globalThis.crypto.subtle) is not available in this runtime");
  }
  return crypto.subtle;
}

/** Copies into a fresh ArrayBuffer-backed view (Web Crypto refuses SharedArrayBuffer views). */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/**
 * Imported HMAC keys by their text, so a connection's secret is imported once rather than per
 * request (the import costs about as much as the signature). Keys given as bytes — derived
 * keys, as in Tencent Cloud's signing chain — are imported each time and never kept.
 */
const importedKeys = new Map<string, Promise<CryptoKey>>();
const IMPORTED_KEYS_LIMIT = 256;

function hmacKey(key: string | Uint8Array): Promise<CryptoKey> {
  const importKey = () =>
    subtle().importKey("raw", buffer(bytesOf(key)), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
  if (typeof key !== "string") return importKey();
  let imported = importedKeys.get(key);
  if (!imported) {
    if (importedKeys.size >= IMPORTED_KEYS_LIMIT) importedKeys.clear();
    imported = importKey();
    importedKeys.set(key, imported);
    // A failed import is not remembered.
    imported.catch(() => importedKeys.delete(key));
  }
  return imported;
}

/** Native key objects by their text, as `importedKeys` (made once, not per request). */
const nativeKeys = new Map<string, NativeKey>();

function nativeKey(crypto: NativeCrypto, key: string | Uint8Array): Uint8Array | NativeKey {
  if (typeof key !== "string") return key;
  let made = nativeKeys.get(key);
  if (!made) {
    if (nativeKeys.size >= IMPORTED_KEYS_LIMIT) nativeKeys.clear();
    made = crypto.createSecretKey(bytesOf(key));
    nativeKeys.set(key, made);
  }
  return made;
}

export async function hmacSha256(
  key: string | Uint8Array,
  data: string | Uint8Array,
): Promise<Uint8Array> {
  if (native) {
    return plain(
      native.createHmac("sha256", nativeKey(native, key)).update(bytesOf(data)).digest(),
    );
  }
  return webHmacSha256(key, data);
}

export async function sha256(data: string | Uint8Array): Promise<Uint8Array> {
  if (native) return plain(native.createHash("sha256").update(bytesOf(data)).digest());
  return webSha256(data);
}

/** `hmacSha256` on Web Crypto alone, as runtimes without a native module compute it. */
export async function webHmacSha256(
  key: string | Uint8Array,
  data: string | Uint8Array,
): Promise<Uint8Array> {
  const cryptoKey = await hmacKey(key);
  return new Uint8Array(await subtle().sign("HMAC", cryptoKey, buffer(bytesOf(data))));
}

/** `sha256` on Web Crypto alone. */
export async function webSha256(data: string | Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest("SHA-256", buffer(bytesOf(data))));
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** Lower-case hex SHA-256 of `data` (strings as UTF-8). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await sha256(data));
}

/** Bytes of a hex string, or `undefined` when it is not even-length hex. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = hexDigit(hex.charCodeAt(2 * i));
    const low = hexDigit(hex.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return undefined;
    out[i] = high * 16 + low;
  }
  return out;
}

/** The value of one hex digit's character code (either case), or -1. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** Bytes of standard base64 text, or `undefined` when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Decodes standard base64 to UTF-8 text (HTTP basic credentials); `undefined` when it is not. */
export function base64ToUtf8(text: string): string | undefined {
  const bytes = fromBase64(text);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The bytes of `parts` one after another. */
export function bytesConcat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
