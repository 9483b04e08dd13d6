import { z } from "zod";
import { verifyBearerToken } from "./bearer.js";
import type { ParseResult, SourceEvent, VerifyResult } from "./define.js";
import { PermanentConnectorError } from "./errors.js";
import type { HeadersInput } from "./headers.js";
import { secret } from "./secrets.js";

/**
 * File uploads (CSV, vCard) from the hub's import screens: authenticated by the connection's
 * upload token, parsed into lead events plus a list of the items that could not be read.
 */

/** The upload token fields of an upload connector's config. */
export const uploadTokenShape = {
  /** The token the import screen sends as `Authorization: Bearer …`. */
  uploadToken: secret(z.string().min(24).max(512)),
  /** The token being replaced, accepted too while screens switch over. */
  previousUploadToken: secret(z.string().min(24).max(512)).optional(),
};

export function verifyUploadToken(
  headers: HeadersInput,
  config: { uploadToken: string; previousUploadToken?: string | undefined },
): VerifyResult {
  return verifyBearerToken(headers, config.uploadToken, config.previousUploadToken);
}

/**
 * The parse result of an upload: its events, and its problems as warnings. A file without one
 * usable item is a dead letter (`code`), with `empty` as the message when it had no items at all.
 */
export function uploadResult(
  events: SourceEvent[],
  problems: string[],
  options: { code: string; empty: string; noneUsable: string; hadItems: boolean },
): ParseResult {
  if (events.length === 0) {
    throw new PermanentConnectorError(
      options.hadItems
        ? `${options.noneUsable}: ${problems.slice(0, 5).join("; ")}`
        : options.empty,
      { code: options.code, raw: problems },
    );
  }
  return { events, ...(problems.length > 0 && { warnings: problems }) };
}
