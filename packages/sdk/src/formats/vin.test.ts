import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import {
  assertVin,
  computeVinCheckDigit,
  createVinSchema,
  decodeWmiRegion,
  modelYearCandidates,
  VIN_WEIGHTS,
  validateVin,
  vinCharacterValue,
  vinSchema,
} from "./vin.js";

/**
 * An independent check-digit computation for the tests, written from the ISO 3779 table as
 * letter groups (A–H → 1–8, J–R → 1–9 without O/Q, S–Z → 2–9) rather than a lookup map.
 */
function referenceCheckDigit(vin: string): string {
  const groups = ["ABCDEFGH", "JKLMN-P-R", "-STUVWXYZ"];
  const weights = "8765432A098765432"; // A stands for 10
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    let value = Number.isNaN(Number(c)) ? -1 : Number(c);
    if (value < 0) {
      const group = groups.find((g) => g.includes(c))!;
      value = group.indexOf(c) + 1;
    }
    const w = weights[i] === "A" ? 10 : Number(weights[i]);
    sum += value * w;
  }
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

/** Puts the right check digit into position 9. */
function withCheckDigit(vin: string): string {
  return vin.slice(0, 8) + referenceCheckDigit(vin) + vin.slice(9);
}

/** Puts a wrong check digit into position 9. */
function withWrongCheckDigit(vin: string): string {
  const right = referenceCheckDigit(vin);
  return vin.slice(0, 8) + (right === "1" ? "2" : "1") + vin.slice(9);
}

const ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".split("");

describe("computeVinCheckDigit", () => {
  it("agrees with the reference computation on known shapes", () => {
    // The textbook example: its check digit is X.
    expect(referenceCheckDigit("1M8GDM9A_KP042788".replace("_", "0"))).toBe("X");
    expect(computeVinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
    expect(computeVinCheckDigit("11111111111111111")).toBe("1");
    for (const body of ["WBA3A5C5_DF123456", "LSVAU2180_2123456", "JHMCM56_7_C012345"]) {
      const vin = body.replaceAll("_", "0");
      expect(computeVinCheckDigit(vin)).toBe(referenceCheckDigit(vin));
    }
  });

  it("ignores case and surrounding spaces", () => {
    expect(computeVinCheckDigit("  1m8gdm9axkp042788 ")).toBe("X");
  });

  it("raises ValidationError for text that is not a VIN", () => {
    expect(() => computeVinCheckDigit("1M8GDM9AXKP04278")).toThrow(ValidationError);
    expect(() => computeVinCheckDigit("1M8GDM9AXKP04278O")).toThrow(/never used in a VIN/);
    expect(() => computeVinCheckDigit(42 as unknown as string)).toThrow(ValidationError);
  });
});

describe("validateVin", () => {
  it("accepts a North American VIN with the right check digit and decodes it", () => {
    const vin = withCheckDigit("1HGCM82603A004352");
    const result = validateVin(vin, { referenceYear: 2026 });
    expect(result).toMatchObject({
      valid: true,
      vin,
      errors: [],
      wmi: "1HG",
      region: { continent: "North America", country: "United States" },
      checkDigit: { matches: true, required: true },
    });
    // Position 10 "3" is 2003 or 2033; 2033 is beyond 2026 + 1.
    expect(result.modelYearCandidates).toEqual([2003]);
    expect(result.modelYear).toBe(2003);
  });

  it("makes a failed check digit an error for North American and Chinese VINs", () => {
    for (const body of ["1FTFW1ET5DFC10312", "2T1BURHE0JC043821", "LSVAU2180N2183294"]) {
      const vin = withWrongCheckDigit(body);
      const result = validateVin(vin);
      expect(result.valid).toBe(false);
      expect(result.errors[0]).toMatchObject({ code: "check_digit", position: 9 });
      expect(result.errors[0]!.message).toContain(`should be "${referenceCheckDigit(vin)}"`);
    }
  });

  it("makes a failed check digit only a warning for European and Japanese VINs", () => {
    for (const body of ["WVWZZZ1KZAW123456", "JTDKB20U083123456", "VF1RFB00X51234567"]) {
      const vin = withWrongCheckDigit(body);
      const result = validateVin(vin);
      expect(result.valid).toBe(true);
      expect(result.errors).toEqual([]);
      expect(result.warnings.map((w) => w.code)).toContain("check_digit");
      expect(result.checkDigit).toMatchObject({ matches: false, required: false });
    }
  });

  it("applies the market option over the WMI", () => {
    const german = withWrongCheckDigit("WBA8E9C50GK123456");
    expect(validateVin(german).valid).toBe(true);
    expect(validateVin(german, { market: "north_america" }).valid).toBe(false);
    expect(validateVin(german, { market: "china" }).errors[0]!.message).toContain("GB 16735");
    const chinese = withWrongCheckDigit("LFV2A21K0G4123456");
    expect(validateVin(chinese, { market: "other" }).valid).toBe(true);
  });

  it("normalises case and whitespace", () => {
    const vin = withCheckDigit("LSVAU2180N2183294");
    expect(validateVin(`  ${vin.toLowerCase()}\n`).vin).toBe(vin);
  });

  it("reports length and forbidden characters with positions", () => {
    const short = validateVin("1HGCM82633A00435");
    expect(short.valid).toBe(false);
    expect(short.errors[0]).toMatchObject({ code: "length" });
    expect(short.checkDigit).toBeUndefined();

    const withO = validateVin("1HGCM8263OA004352");
    expect(withO.errors).toEqual([expect.objectContaining({ code: "character", position: 10 })]);
    expect(validateVin("1HGCM-2633A004352").errors[0]!.message).toContain("position 6");
    expect(validateVin("").errors[0]!.message).toBe("must be 17 characters, got 0");
  });

  it("returns model-year candidates over the 30-year cycle", () => {
    // Position 10 "R" is 1994 or 2024.
    const vin = withCheckDigit("JTDKB20U0R3123456");
    expect(validateVin(vin, { referenceYear: 2026 }).modelYearCandidates).toEqual([1994, 2024]);
    expect(validateVin(vin, { referenceYear: 2026 }).modelYear).toBe(2024);
    expect(validateVin(vin, { referenceYear: 2010 }).modelYearCandidates).toEqual([1994]);
    // Next year's models are on sale this year.
    const nextYear = withCheckDigit("JTDKB20U0S3123456"); // S: 1995, 2025
    expect(validateVin(nextYear, { referenceYear: 2024 }).modelYear).toBe(2025);
  });

  it("uses position 7 to pick the cycle for North American VINs", () => {
    // Position 7 a digit → 1980–2009, so "A" is 1980, not 2010.
    const old = withCheckDigit("1G1AZ370AAR123456");
    expect(validateVin(old, { referenceYear: 2026 })).toMatchObject({
      modelYearCandidates: [1980, 2010],
      modelYear: 1980,
    });
    const recent = withCheckDigit("1G1AZ3F0AAR123456");
    expect(validateVin(recent, { referenceYear: 2026 }).modelYear).toBe(2010);
  });

  it("warns about a position 10 that is no model-year code", () => {
    const vin = withCheckDigit("WVWZZZ1KZ0W123456");
    const result = validateVin(vin);
    expect(result.valid).toBe(true);
    expect(result.modelYear).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).toEqual(["model_year"]);
  });

  it("rejects bad arguments with ValidationError", () => {
    expect(() => validateVin(undefined as unknown as string)).toThrow(ValidationError);
    expect(() => validateVin("1HGCM82633A004352", { region: "US" } as never)).toThrow(
      /VIN options/,
    );
    expect(() => validateVin("1HGCM82633A004352", { market: "mars" as never })).toThrow(
      ValidationError,
    );
  });
});

describe("modelYearCandidates", () => {
  it("lists the cycle and rejects bad arguments with ValidationError", () => {
    expect(modelYearCandidates("r", 2026)).toEqual([1994, 2024]);
    expect(modelYearCandidates("U", 2026)).toEqual([]);
    expect(() => modelYearCandidates(7 as unknown as string, 2026)).toThrow(ValidationError);
    expect(() => modelYearCandidates("R", 2026.5)).toThrow(/integer year/);
  });
});

describe("decodeWmiRegion", () => {
  it.each([
    ["LSV", "Asia", "China"],
    ["JHM", "Asia", "Japan"],
    ["KMH", "Asia", "South Korea"],
    ["1FT", "North America", "United States"],
    ["2T1", "North America", "Canada"],
    ["3VW", "North America", "Mexico"],
    ["WBA", "Europe", "Germany"],
    ["SAL", "Europe", "United Kingdom"],
    ["VF1", "Europe", "France"],
    ["VSS", "Europe", "Spain"],
    ["ZFA", "Europe", "Italy"],
    ["YV1", "Europe", "Sweden"],
    ["TMB", "Europe", "Czech Republic"],
    ["MAL", "Asia", "India"],
    ["6FP", "Oceania", "Australia"],
    ["9BW", "South America", "Brazil"],
    ["AHT", "Africa", undefined],
  ])("%s → %s / %s", (wmi, continent, country) => {
    const region = decodeWmiRegion(wmi);
    expect(region?.continent).toBe(continent);
    expect(region?.country).toBe(country);
  });
});

describe("assertVin and vinSchema", () => {
  it("returns the normalised VIN or throws a human message", () => {
    const vin = withCheckDigit("LSVAU2180N2183294");
    expect(assertVin(vin.toLowerCase())).toBe(vin);
    const bad = withWrongCheckDigit(vin);
    let thrown: unknown;
    try {
      assertVin(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.message).toMatch(
      /^Invalid VIN "LSVAU218.N2183294": check digit at position 9 is ".*" but should be/,
    );
    expect(error.issues[0]).toMatchObject({ path: "vin", code: "check_digit" });
  });

  it("validates in zod schemas", () => {
    const vin = withCheckDigit("1FTFW1ET5DFC10312");
    expect(vinSchema.parse(` ${vin.toLowerCase()} `)).toBe(vin);
    expect(vinSchema.safeParse(withWrongCheckDigit(vin)).success).toBe(false);
    const european = withWrongCheckDigit("WVWZZZ1KZAW123456");
    expect(vinSchema.safeParse(european).success).toBe(true);
    expect(createVinSchema({ market: "china" }).safeParse(european).success).toBe(false);
  });
});

describe("check digit properties", () => {
  const vinBody = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 });

  it("a VIN with position 9 set by computeVinCheckDigit validates", () => {
    fc.assert(
      fc.property(vinBody, (chars) => {
        const raw = chars.join("");
        const vin = raw.slice(0, 8) + computeVinCheckDigit(raw) + raw.slice(9);
        expect(computeVinCheckDigit(raw)).toBe(referenceCheckDigit(raw));
        const result = validateVin(vin, { market: "north_america" });
        expect(result.errors).toEqual([]);
        expect(result.checkDigit?.matches).toBe(true);
      }),
    );
  });

  it("changing one weighted character to a different value breaks it", () => {
    const weighted = VIN_WEIGHTS.map((w, i) => (w === 0 ? -1 : i)).filter((i) => i >= 0);
    fc.assert(
      fc.property(
        vinBody,
        fc.constantFrom(...weighted),
        fc.constantFrom(...ALPHABET),
        (chars, position, replacement) => {
          const raw = chars.join("");
          const vin = raw.slice(0, 8) + computeVinCheckDigit(raw) + raw.slice(9);
          fc.pre(vinCharacterValue(replacement) !== vinCharacterValue(vin[position]!));
          const changed = vin.slice(0, position) + replacement + vin.slice(position + 1);
          // 11 is prime and every weight and value difference is below 11, so any single change
          // moves the remainder.
          expect(validateVin(changed, { market: "north_america" }).valid).toBe(false);
        },
      ),
    );
  });
});
