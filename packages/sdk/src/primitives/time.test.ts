import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isTimeZone,
  localDate,
  timestampSchema,
  toEpochMs,
  toZonedIso,
  zonedParts,
  zonedToEpochMs,
  zoneOffsetMs,
} from "./time.js";

/** Zones with DST, half- and quarter-hour offsets, odd historic offsets and none at all. */
const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "Africa/Monrovia",
  "America/Santiago",
  "Pacific/Kiritimati",
  "Etc/GMT-8",
  "UTC",
];

/** What `Intl` itself reads, the reference the memoised readings must equal. */
function intlReading(instantMs: number, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-US", {
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
  const raw = Object.fromEntries(f.formatToParts(instantMs).map((p) => [p.type, p.value]));
  const weekdays: Record<string, number> = {
    Mon: 1,
    Tue: 2,
    Wed: 3,
    Thu: 4,
    Fri: 5,
    Sat: 6,
    Sun: 7,
  };
  return {
    year: Number(raw.year),
    month: Number(raw.month),
    day: Number(raw.day),
    hour: Number(raw.hour),
    minute: Number(raw.minute),
    second: Number(raw.second),
    weekday: weekdays[raw.weekday!],
  };
}

describe("time", () => {
  it("reads wall-clock time in a zone", () => {
    const instant = Date.parse("2026-11-27T01:30:00Z");
    expect(zonedParts(instant, "Asia/Shanghai")).toMatchObject({
      year: 2026,
      month: 11,
      day: 27,
      hour: 9,
      minute: 30,
      weekday: 5,
    });
    expect(localDate(Date.parse("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
    expect(toZonedIso(instant)).toBe("2026-11-27T09:30:00+08:00");
    expect(toZonedIso(instant, "America/New_York")).toBe("2026-11-26T20:30:00-05:00");
  });

  it("turns wall time back into an instant, across DST", () => {
    expect(zonedToEpochMs({ year: 2026, month: 11, day: 27, hour: 9, minute: 30 })).toBe(
      Date.parse("2026-11-27T01:30:00Z"),
    );
    expect(zonedToEpochMs({ year: 2026, month: 7, day: 1, hour: 9 }, "America/New_York")).toBe(
      Date.parse("2026-07-01T13:00:00Z"),
    );
    // 02:30 does not exist on 2026-03-08 in New York; the later offset applies.
    const gap = zonedToEpochMs(
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30 },
      "America/New_York",
    );
    expect(zonedParts(gap, "America/New_York").hour).toBe(3);
  });

  it("validates zones and timestamps", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(timestampSchema.safeParse("2026-11-27T09:30:00+08:00").success).toBe(true);
    expect(timestampSchema.safeParse("2026-11-27 09:30").success).toBe(false);
    expect(() => toEpochMs("yesterday")).toThrow(RangeError);
  });

  it("reads every instant as Intl does, including the hours in which clocks change", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // 1900–2100, to the millisecond.
        fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }),
        (zone, instant) => {
          expect(zonedParts(instant, zone)).toEqual(intlReading(instant, zone));
        },
      ),
      { numRuns: 3_000 },
    );
    // Minute by minute through changes: New York's spring-forward and fall-back of 2026, Lord
    // Howe's half-hour change, Monrovia's move from −0:44:30 to UTC in 1972, Kiritimati's day.
    const spans: [string, string][] = [
      ["America/New_York", "2026-03-08T05:00:00Z"],
      ["America/New_York", "2026-11-01T04:30:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"],
      ["Africa/Monrovia", "1972-01-07T00:00:00Z"],
      ["Pacific/Kiritimati", "1994-12-31T09:00:00Z"],
    ];
    for (const [zone, from] of spans) {
      const start = Date.parse(from);
      for (let t = start; t <= start + 3 * 3_600_000; t += 59_000 + 7) {
        expect(zonedParts(t, zone)).toEqual(intlReading(t, zone));
        const p = intlReading(t, zone);
        expect(zoneOffsetMs(t, zone)).toBe(
          Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
            Math.floor(t / 1000) * 1000,
        );
      }
    }
  });
});
