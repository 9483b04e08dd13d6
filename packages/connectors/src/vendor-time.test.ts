import { describe, expect, it } from "vitest";
import {
  checkFreshness,
  formatWallClock,
  parseVendorTime,
  vendorTimeToIso,
} from "./vendor-time.js";

const AT = Date.parse("2026-11-27T02:42:13Z"); // 10:42:13 in Beijing

describe("parseVendorTime", () => {
  it.each([
    ["Unix seconds", 1_795_747_333, AT],
    ["Unix seconds as text", "1795747333", AT],
    ["Unix milliseconds", 1_795_747_333_000, AT],
    ["wall clock in Beijing", "2026-11-27 10:42:13", AT],
    ["wall clock with slashes", "2026/11/27 10:42:13", AT],
    ["wall clock without seconds", "2026-11-27 10:42", AT - 13_000],
    ["a date", "2026-11-27", Date.parse("2026-11-26T16:00:00Z")],
    ["ISO with an offset", "2026-11-27T10:42:13+08:00", AT],
    ["ISO with a compact offset", "2026-11-27T02:42:13+0000", AT],
    ["ISO in UTC", "2026-11-27T02:42:13Z", AT],
  ])("reads %s", (_what, value, expected) => {
    expect(parseVendorTime(value)).toBe(expected);
  });

  it("reads wall clocks in another zone when told", () => {
    expect(parseVendorTime("2026-11-27 02:42:13", "UTC")).toBe(AT);
  });

  it.each(["", "0", 0, -5, "yesterday", "2026-13-01", "2026-11-27 25:00", null, undefined])(
    "gives up on %j",
    (value) => {
      expect(parseVendorTime(value)).toBeUndefined();
    },
  );

  it("writes ISO and wall clocks", () => {
    expect(vendorTimeToIso("2026-11-27 10:42:13")).toBe("2026-11-27T02:42:13.000Z");
    expect(formatWallClock(AT)).toBe("2026-11-27 10:42:13");
    expect(formatWallClock(AT, "UTC")).toBe("2026-11-27 02:42:13");
  });
});

describe("checkFreshness", () => {
  it("accepts a timestamp within the tolerance either way", () => {
    expect(checkFreshness(AT - 299_000, AT, 300_000)).toEqual({ ok: true });
    expect(checkFreshness(AT + 299_000, AT, 300_000)).toEqual({ ok: true });
  });

  it("says how stale a timestamp is", () => {
    expect(checkFreshness(AT - 912_000, AT, 300_000)).toEqual({
      ok: false,
      reason: "stale timestamp: 912 s old (tolerance 300 s)",
    });
    expect(checkFreshness(AT + 3_600_000, AT, 600_000, "Qimen timestamp")).toEqual({
      ok: false,
      reason: "stale Qimen timestamp: 3600 s in the future (tolerance 600 s)",
    });
    expect(checkFreshness(undefined, AT, 1)).toEqual({
      ok: false,
      reason: "missing or unreadable timestamp",
    });
  });
});
