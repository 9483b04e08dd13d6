import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStoredInstant } from "./iso-instant.js";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Timestamps in the stored shape, over four centuries and all offsets, with and without fractions. */
const storedTimestamp = fc
  .record({
    ms: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) }),
    offsetMinutes: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
    fraction: fc.oneof(fc.constant(""), fc.stringMatching(/^\.\d{1,9}$/)),
    zulu: fc.boolean(),
  })
  .map(({ ms, offsetMinutes, fraction, zulu }) => {
    const offset = zulu ? 0 : offsetMinutes;
    const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(offset);
    const zone = zulu
      ? "Z"
      : `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    return `${wall}${fraction}${zone}`;
  });

describe("parseStoredInstant", () => {
  it("agrees with Date.parse on every stored timestamp", () => {
    fc.assert(
      fc.property(storedTimestamp, (text) => {
        expect(parseStoredInstant(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads leap days and offsets", () => {
    expect(parseStoredInstant("2024-02-29T23:30:00+08:00")).toBe(Date.UTC(2024, 1, 29, 15, 30));
    expect(parseStoredInstant("2000-03-01T00:00:00Z")).toBe(Date.UTC(2000, 2, 1));
    expect(parseStoredInstant("2100-03-01T00:00:00-05:30")).toBe(Date.UTC(2100, 2, 1, 5, 30));
    expect(parseStoredInstant("2026-11-27T09:30:00.123456+08:00")).toBe(
      Date.UTC(2026, 10, 27, 1, 30, 0, 123),
    );
  });

  it("returns NaN for anything not in the stored shape", () => {
    for (const text of [
      "",
      "2026-11-27",
      "2026-11-27T09:30:00", // no offset: would be read in local time
      "2026-11-27T09:30+08:00", // no seconds
      "2026-11-27 09:30:00+08:00",
      "2026-13-01T00:00:00Z",
      "2026-00-10T00:00:00Z",
      "2026-11-32T00:00:00Z",
      "2026-11-27T24:00:00Z",
      "2026-11-27T09:60:00Z",
      "2026-11-27T09:30:61Z",
      "2O26-11-27T09:30:00Z",
      "2026-1/-27T09:30:00Z",
      "2026-11-27T09:30:00.Z",
      "2026-11-27T09:30:00+0800",
      "2026-11-27T09:30:00+08:00x",
      "2026-11-27T09:30:00*08:00",
      "2026-11-27T09:30:00+24:00",
      "2026-11-27T09:30:00Zx",
    ]) {
      expect(parseStoredInstant(text), text).toBeNaN();
    }
    expect(parseStoredInstant(undefined as unknown as string)).toBeNaN();
    expect(parseStoredInstant(20261127 as unknown as string)).toBeNaN();
  });
});
