import { describe, expect, it } from "vitest";
import {
  isTimeZone,
  localDate,
  timestampSchema,
  toEpochMs,
  toZonedIso,
  zonedParts,
  zonedToEpochMs,
} from "./time.js";

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
});
