import { z } from "zod";

/** Schedules (business hours, follow-ups, shifts) default to China Standard Time. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** An instant as an ISO 8601 string with an explicit offset or `Z`: `2026-11-27T09:30:00+08:00`. */
export const timestampSchema = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time with an offset, e.g. 2026-11-27T09:30:00+08:00",
});

/** A calendar date without a time: `2026-11-27`. */
export const localDateSchema = z.iso.date({ message: "must be a date like 2026-11-27" });

/** A wall-clock time: `09:00`. */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a 24-hour time like 09:00" });

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { message: "must be an IANA time zone such as Asia/Shanghai" });

/** Milliseconds since the epoch from an ISO string, a Date or a number; NaN-safe. */
export function toEpochMs(value: string | number | Date): number {
  const ms =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? Date.parse(value)
        : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** A wall-clock reading straight from `Intl` (the slowest call on every scheduling path). */
function readWallClock(instantMs: number, timeZone: string): ZonedParts {
  const raw: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatter(timeZone).formatToParts(instantMs)) raw[p.type] = p.value;
  return {
    year: Number(raw.year),
    month: Number(raw.month),
    day: Number(raw.day),
    hour: Number(raw.hour),
    minute: Number(raw.minute),
    second: Number(raw.second),
    weekday: WEEKDAYS[raw.weekday ?? ""] ?? 0,
  };
}

function readOffsetMs(instantMs: number, timeZone: string): number {
  const p = readWallClock(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** Hours remembered per zone before the memo starts over. */
const MAX_REMEMBERED_HOURS = 100_000;

/**
 * Offsets per zone and UTC hour. A zone's offset changes a few times a year at most, never twice
 * within an hour, so when the first and the last second of an hour read the same offset, every
 * instant of that hour has it; an hour with a change inside (`null`) is read exactly every time.
 */
const hourOffsets = new Map<string, Map<number, number | null>>();

/** Offset of a zone from UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  let hours = hourOffsets.get(timeZone);
  if (!hours) {
    hours = new Map();
    hourOffsets.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = readOffsetMs(hour * HOUR_MS, timeZone);
    const last = readOffsetMs(hour * HOUR_MS + HOUR_MS - 1000, timeZone);
    offset = first === last ? first : null;
    if (hours.size >= MAX_REMEMBERED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return offset ?? readOffsetMs(instantMs, timeZone);
}

/** The wall-clock reading of an instant in a time zone. */
export function zonedParts(instantMs: number, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  // The reading is the UTC reading of the instant moved by the zone's offset (whole seconds).
  const wall = new Date(instantMs + zoneOffsetMs(instantMs, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
  };
}

/**
 * The instant at which a zone's clocks read the given wall time. In a DST gap the later offset is
 * used (02:30 on a spring-forward day becomes 03:30); in an overlap the earlier instant is chosen.
 */
export function zonedToEpochMs(
  wall: {
    year: number;
    month: number;
    day: number;
    hour?: number;
    minute?: number;
    second?: number;
  },
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
  );
  // The offsets in force a day either side cover any single transition near this wall time.
  const before = zoneOffsetMs(asUtc - DAY_MS, timeZone);
  const after = zoneOffsetMs(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - before, asUtc - after].filter(
    (instant, i) => zoneOffsetMs(instant, timeZone) === (i === 0 ? before : after),
  );
  // Overlap (clocks turned back): both readings exist, take the earlier. Gap (clocks turned
  // forward): neither exists; applying the old offset moves the time forward by the gap.
  return candidates.length ? Math.min(...candidates) : asUtc - before;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(instantMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(instantMs, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** ISO string with the zone's offset: `2026-11-27T09:30:00+08:00`. */
export function toZonedIso(instantMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const offset = zoneOffsetMs(instantMs, timeZone);
  const p = zonedParts(instantMs, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60000;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
