import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { HubConfig } from "../config.js";

export const SECRET_KEY_FILE = "secret.key";

/**
 * The key that protects PII at rest. With `FORECOURT_SECRET_KEY` set it is used as given. In the
 * embedded default (no `DATABASE_URL`) a key is generated once into the data folder, readable by
 * the owner only, and reused on every start; `loadConfig` already refused a non-embedded start
 * without one.
 */
export async function resolveSecretKey(
  config: HubConfig,
  warn: (message: string) => void,
): Promise<string> {
  if (config.secretKey) return config.secretKey;
  if (config.databaseUrl) {
    throw new Error("FORECOURT_SECRET_KEY is required when DATABASE_URL is set");
  }
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  try {
    const stored = (await readFile(file, "utf8")).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64url");
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
  warn(
    `Generated a PII encryption key at ${file}. Back it up with the data folder: without it, ` +
      "stored phone numbers and emails cannot be read. Set FORECOURT_SECRET_KEY to manage it yourself.",
  );
  return key;
}
