import type { Connector } from "@forecourt/connectors";
import { secretFields } from "@forecourt/connectors";
import type { FieldCrypto } from "../lib/crypto.js";

/**
 * A connection's config at rest: the connector's config with every secret field (dotted paths
 * from `secretFields`) replaced by its FieldCrypto ciphertext. Nothing else is encrypted, so the
 * rest stays readable in the database and in backups.
 */

export const REDACTED = "[redacted]";

type Obj = Record<string, unknown>;

function walk(config: Obj, path: string, change: (value: unknown) => unknown): void {
  const keys = path.split(".");
  let holder: unknown = config;
  for (const key of keys.slice(0, -1)) {
    if (typeof holder !== "object" || holder === null) return;
    holder = (holder as Obj)[key];
  }
  const last = keys[keys.length - 1]!;
  if (typeof holder !== "object" || holder === null || !(last in holder)) return;
  const value = (holder as Obj)[last];
  if (value === undefined || value === null) return;
  (holder as Obj)[last] = change(value);
}

export function encryptSecrets(connector: Connector, config: Obj, crypto: FieldCrypto): Obj {
  const copy = structuredClone(config);
  for (const path of secretFields(connector)) {
    walk(copy, path, (value) => crypto.encrypt(JSON.stringify(value)));
  }
  return copy;
}

export function decryptSecrets(connector: Connector, stored: Obj, crypto: FieldCrypto): Obj {
  const copy = structuredClone(stored);
  for (const path of secretFields(connector)) {
    walk(copy, path, (value) =>
      typeof value === "string" && value.startsWith("v1.")
        ? JSON.parse(crypto.decrypt(value))
        : value,
    );
  }
  return copy;
}

/** Every secret of a stored config reads `[redacted]`: what the API returns. */
export function redactStored(connector: Connector, stored: Obj): Obj {
  const copy = structuredClone(stored);
  for (const path of secretFields(connector)) walk(copy, path, () => REDACTED);
  return copy;
}

/**
 * An update's config with its secret fields that are absent or `[redacted]` taken from the
 * current (decrypted) config, so a client can send back what it read and change one field.
 */
export function keepSecrets(connector: Connector, input: Obj, current: Obj): Obj {
  const copy = structuredClone(input);
  for (const path of secretFields(connector)) {
    const keys = path.split(".");
    let from: unknown = current;
    let to: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      from = typeof from === "object" && from !== null ? (from as Obj)[key] : undefined;
      to = typeof to === "object" && to !== null ? (to as Obj)[key] : undefined;
    }
    const last = keys[keys.length - 1]!;
    if (typeof to !== "object" || to === null) continue;
    const target = to as Obj;
    const previous = typeof from === "object" && from !== null ? (from as Obj)[last] : undefined;
    if ((target[last] === undefined || target[last] === REDACTED) && previous !== undefined) {
      target[last] = previous;
    }
  }
  return copy;
}
