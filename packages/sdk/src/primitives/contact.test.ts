import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "./contact.js";

describe("normalizePhone", () => {
  it("reads Chinese mobiles in any common spelling as E.164", () => {
    for (const raw of [
      "13812345678",
      "138 1234 5678",
      "138-1234-5678",
      "+86 138 1234 5678",
      "0086 13812345678",
      "１３８１２３４５６７８",
    ]) {
      expect(normalizePhone(raw)).toEqual({ ok: true, e164: "+8613812345678", country: "CN" });
    }
  });

  it("uses the configured default region", () => {
    expect(normalizePhone("(415) 555-2671", "US")).toMatchObject({
      ok: true,
      e164: "+14155552671",
    });
    expect(normalizePhone("+44 20 7946 0958", "US")).toMatchObject({
      ok: true,
      e164: "+442079460958",
    });
  });

  it("says why a number is refused", () => {
    expect(normalizePhone("")).toEqual({ ok: false, reason: "phone is empty" });
    expect(normalizePhone("138123")).toMatchObject({ ok: false });
    expect(normalizePhone("23812345678")).toMatchObject({ ok: false });
    expect(normalizePhone("call me")).toMatchObject({ ok: false, reason: "not a phone number" });
    expect(normalizePhone("13812345678", "XX")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("XX"),
    });
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Wang.Li@Example.COM ")).toBe("wang.li@example.com");
  });
  it("refuses what is not an address", () => {
    for (const raw of ["", "wang", "wang@", "@example.com", "a b@example.com", "wang@example"]) {
      expect(normalizeEmail(raw)).toBeUndefined();
    }
  });
});
