import fc from "fast-check";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/min";
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

describe("normalizePhone's fast path for Chinese mobiles", () => {
  const layouts = [
    (d: string) => d,
    (d: string) => `+86${d}`,
    (d: string) => `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
    (d: string) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`,
    (d: string) => `(${d.slice(0, 3)}) ${d.slice(3)}`,
    (d: string) => `0086 ${d}`,
    (d: string) => `${d.slice(0, 3)}.${d.slice(3, 7)}.${d.slice(7)}`,
  ];

  it("gives the same answer as the full parser, for any block and layout", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[0-9]\d{9}$/),
        fc.integer({ min: 0, max: layouts.length - 1 }),
        fc.constantFrom("CN", "US", "HK"),
        (digits, layout, region) => {
          const text = layouts[layout]!(digits);
          const fast = normalizePhone(text, region);
          const prepared = text.trim().replace(/^00/, "+");
          const full = parsePhoneNumberFromString(prepared, region as CountryCode);
          if (full?.isValid()) {
            expect(fast).toEqual({ ok: true, e164: full.number, country: full.country });
          } else {
            expect(fast.ok).toBe(false);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leaves a bare number starting 179 to the full parser, which reads 179xx as an IP-dialling prefix", () => {
    // Found by the property above: the fast path once took 17900008000 for a mobile.
    for (const text of ["17900008000", "179 5113 8123", "17951138123"]) {
      const full = parsePhoneNumberFromString(text, "CN");
      expect(normalizePhone(text, "CN")).toEqual(
        full?.isValid()
          ? { ok: true, e164: full.number, country: full.country }
          : expect.objectContaining({ ok: false }),
      );
    }
    expect(normalizePhone("17900008000", "CN").ok).toBe(false);
    expect(normalizePhone("+86 179 0000 8000", "CN")).toEqual({
      ok: true,
      e164: "+8617900008000",
      country: "CN",
    });
  });

  it("does not read a bare 11-digit number as Chinese when another region is the default", () => {
    expect(normalizePhone("13812345678", "US")).toMatchObject({ ok: false });
    expect(normalizePhone("+86 138 1234 5678", "US")).toMatchObject({
      ok: true,
      e164: "+8613812345678",
    });
  });
});
