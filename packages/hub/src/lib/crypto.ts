import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Field-level encryption for PII at rest and the blind index that keeps lookup and dedupe working.
 *
 * Two keys are derived from `FORECOURT_SECRET_KEY` with HKDF-SHA-256 and distinct labels, so the
 * key that encrypts can never be used to compute (or reverse) an index, and vice versa.
 * Ciphertexts are `v1.<iv>.<ciphertext+tag>` in base64url: versioned so keys can rotate later.
 */
export interface FieldCrypto {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Deterministic keyed digest of an already-normalised value (E.164 phone, lower-case email). */
  blindIndex(kind: "phone" | "email", normalised: string): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "forecourt", label, 32));
}

export function createFieldCrypto(secret: string): FieldCrypto {
  const encryptionKey = deriveKey(secret, "forecourt/pii-encryption/v1");
  const indexKey = deriveKey(secret, "forecourt/pii-blind-index/v1");
  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const sealed = Buffer.concat([body, cipher.getAuthTag()]);
      return `v1.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
    },
    decrypt(ciphertext) {
      const [version, ivText, sealedText] = ciphertext.split(".");
      if (version !== "v1" || !ivText || !sealedText) {
        throw new Error("decrypt: not a Forecourt v1 ciphertext");
      }
      const iv = Buffer.from(ivText, "base64url");
      const sealed = Buffer.from(sealedText, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, iv);
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    },
    blindIndex(kind, normalised) {
      return createHmac("sha256", indexKey).update(`${kind}:${normalised}`).digest("base64url");
    },
  };
}

export function sha256Hex(value: string | Buffer): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Compares two hex digests without leaking where they first differ. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Stable JSON (sorted keys) so equal objects give equal digests. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
