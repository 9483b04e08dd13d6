import { DEFAULT_TIME_ZONE, zonedParts, zonedToEpochMs } from "@forecourt/sdk";
import type { VerifyResult } from "./define.js";

/**
 * Times as Chinese platforms write them: Unix seconds or milliseconds (as numbers or digit
 * strings), ISO 8601 with an offset, or wall-clock text without a zone (`2026-11-27 10:42:13`,
 * meant in Beijing time unless the platform says otherwise). One reader for all of them, one
 * writer for wall-clock query parameters, and the freshness check for signed timestamps.
 */

/** Numbers below this are Unix seconds; from it on, milliseconds (the year 5138 in seconds). */
const SECONDS_LIMIT = 100_000_000_000;

const WALL_CLOCK =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Epoch milliseconds of a vendor's time value, or `undefined` when it is empty, zero or cannot be
 * read. Wall-clock text is read in `timeZone` (Asia/Shanghai unless told).
 */
export function parseVendorTime(
  value: string | number | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    return value < SECONDS_LIMIT ? Math.round(value * 1000) : Math.round(value);
  }
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return parseVendorTime(Number(text), timeZone);
  if (HAS_ZONE.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    return Number.isNaN(ms) ? undefined : ms;
  }
  const wall = WALL_CLOCK.exec(text);
  if (!wall) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0"] = wall;
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  if (
    parts.month < 1 ||
    parts.month > 12 ||
    parts.day < 1 ||
    parts.day > 31 ||
    parts.hour > 23 ||
    parts.minute > 59 ||
    parts.second > 59
  ) {
    return undefined;
  }
  return zonedToEpochMs(parts, timeZone);
}

/** A vendor's time as ISO 8601 (UTC), or `undefined` when it cannot be read. */
export function vendorTimeToIso(
  value: string | number | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string | undefined {
  const ms = parseVendorTime(value, timeZone);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** `yyyy-MM-dd HH:mm:ss` in `timeZone`: how these platforms want times in query parameters. */
export function formatWallClock(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * Whether a signed timestamp is close enough to when the request arrived: a replayed request
 * (captured and sent again later) is refused even though its signature is good. The reason says
 * by how much, never anything secret.
 */
export function checkFreshness(
  signedAt: number | undefined,
  receivedAt: number,
  toleranceMs: number,
  what = "timestamp",
): VerifyResult {
  if (signedAt === undefined) return { ok: false, reason: `missing or unreadable ${what}` };
  const skew = Math.round((receivedAt - signedAt) / 1000);
  if (Math.abs(receivedAt - signedAt) <= toleranceMs) return { ok: true };
  const direction = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
  return {
    ok: false,
    reason: `stale ${what}: ${direction} (tolerance ${Math.round(toleranceMs / 1000)} s)`,
  };
}
