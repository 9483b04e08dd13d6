import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { nextOrderNumber, orderNumberDate, parseOrderNumber } from "./number.js";
import { formatOrderNumber } from "./order-number.js";

describe("nextOrderNumber", () => {
  it("numbers by the store's local date and the next sequence", () => {
    expect(nextOrderNumber("BJ01", "2026-11-27T09:30:00+08:00", "Asia/Shanghai", 0)).toBe(
      "BJ01-20261127-0001",
    );
    expect(nextOrderNumber("BJ01", "2026-11-27T09:30:00+08:00", "Asia/Shanghai", 41)).toBe(
      "BJ01-20261127-0042",
    );
    expect(nextOrderNumber("SH02", new Date("2026-11-27T01:00:00Z"), "Asia/Shanghai", null)).toBe(
      "SH02-20261127-0001",
    );
  });

  it("reads the date in the store's time zone, not UTC", () => {
    // 16:30 UTC on the 26th is half past midnight on the 27th in Beijing.
    expect(nextOrderNumber("BJ01", "2026-11-26T16:30:00Z", "Asia/Shanghai", 0)).toBe(
      "BJ01-20261127-0001",
    );
    expect(nextOrderNumber("LA01", "2026-11-27T06:00:00Z", "America/Los_Angeles", 0)).toBe(
      "LA01-20261126-0001",
    );
    expect(orderNumberDate(Date.parse("2026-11-26T16:30:00Z"), "Asia/Shanghai")).toBe("2026-11-27");
  });

  it("grows past four digits and stops at the sixth", () => {
    expect(nextOrderNumber("BJ01", "2026-11-27T09:30:00+08:00", "Asia/Shanghai", 9_999)).toBe(
      "BJ01-20261127-10000",
    );
    expect(() =>
      nextOrderNumber("BJ01", "2026-11-27T09:30:00+08:00", "Asia/Shanghai", 999_999),
    ).toThrow(/used all 999999 numbers/);
  });

  it("refuses a bad store code, time zone, instant or sequence", () => {
    const at = "2026-11-27T09:30:00+08:00";
    expect(() => nextOrderNumber("bj-1", at, "Asia/Shanghai", 0)).toThrow(
      /storeCode: must be 2–8 capital letters or digits/,
    );
    expect(() => nextOrderNumber("BJ01", at, "Asia/Beijing", 0)).toThrow(/timeZone/);
    expect(() => nextOrderNumber("BJ01", "yesterday", "Asia/Shanghai", 0)).toThrow(/at: must be/);
    expect(() => nextOrderNumber("BJ01", at, "Asia/Shanghai", -1)).toThrow(ValidationError);
    expect(() => nextOrderNumber("BJ01", at, "Asia/Shanghai", 1.5)).toThrow(
      /lastSequenceForThatDay/,
    );
  });
});

describe("parseOrderNumber", () => {
  it("reads a generated number back", () => {
    expect(parseOrderNumber("BJ01-20261127-0042")).toEqual({
      storeCode: "BJ01",
      date: "2026-11-27",
      sequence: 42,
    });
    expect(parseOrderNumber("BJ01-20261127-10000").sequence).toBe(10_000);
  });

  it("refuses hand-typed numbers, impossible dates and odd padding", () => {
    for (const [text, message] of [
      ["ORDER-1", /expected store code, date and sequence/],
      ["BJ01-20260230-0001", /2026-02-30 is not a calendar date/],
      ["BJ01-20261127-0000", /run from 0001/],
      ["BJ01-20261127-00001", /padded to four digits/],
      ["bj01-20261127-0001", /expected store code/],
    ] as const) {
      expect(() => parseOrderNumber(text), text).toThrow(message);
    }
  });

  it("round-trips every number it can make", () => {
    const code = fc.stringMatching(/^[A-Z0-9]{2,8}$/);
    const day = fc.date({
      min: new Date("2000-01-01"),
      max: new Date("2099-12-31"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(code, day, fc.integer({ min: 1, max: 999_999 }), (storeCode, date, sequence) => {
        const parts = { storeCode, date: date.toISOString().slice(0, 10), sequence };
        expect(parseOrderNumber(formatOrderNumber(parts))).toEqual(parts);
      }),
    );
  });
});
