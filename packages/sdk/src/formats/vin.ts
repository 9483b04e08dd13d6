import { z } from "zod";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { invalid, parseInput } from "../validate.js";

/**
 * Vehicle identification numbers per ISO 3779 / ISO 3780: 17 characters from the digits and the
 * capital letters without I, O and Q. Position 9 is a check digit that North America (FMVSS 115)
 * and China (GB 16735) require; elsewhere manufacturers may put anything there, so a mismatch is
 * only a warning unless the VIN is North American or Chinese, or the caller says it is sold there.
 */

export const VIN_LENGTH = 17;
export const VIN_CHECK_DIGIT_POSITION = 9;
export const VIN_MODEL_YEAR_POSITION = 10;

/** Weight of each position (1-based position p has weight `VIN_WEIGHTS[p - 1]`). */
export const VIN_WEIGHTS: readonly number[] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The characters a VIN may contain, in ISO 3780's order (used for WMI ranges). */
const VIN_ORDER = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890";
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Letter transliteration for the check digit; digits stand for themselves. */
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};

/** The value a VIN character counts for in the check digit sum, or `undefined` if not allowed. */
export function vinCharacterValue(char: string): number | undefined {
  if (typeof char !== "string" || char.length !== 1) return undefined;
  if (char >= "0" && char <= "9") return char.charCodeAt(0) - 48;
  return TRANSLITERATION[char];
}

/** Model-year codes at position 10, in order; code `i` stands for 1980 + i (+ 30 per cycle). */
const MODEL_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
const MODEL_YEAR_BASE = 1980;
const MODEL_YEAR_CYCLE = 30;

export const vinMarketSchema = z.enum(["north_america", "china", "other"]);
/** Where the vehicle is sold; decides whether a failed check digit is an error. */
export type VinMarket = z.infer<typeof vinMarketSchema>;

export const vinOptionsSchema = z.strictObject({
  /**
   * The market the vehicle is sold in. Without it the market is read from the WMI: 1–5 North
   * America, L China. A German-built car sold in the US carries a `W…` VIN that must still pass.
   */
  market: vinMarketSchema.optional(),
  /** Calendar year used to pick the likely model year (default: the current UTC year). */
  referenceYear: z.number().int().min(MODEL_YEAR_BASE).max(2200).optional(),
});
export type VinOptions = z.input<typeof vinOptionsSchema>;

export type VinContinent =
  | "Africa"
  | "Asia"
  | "Europe"
  | "North America"
  | "Oceania"
  | "South America";

export interface VinRegion {
  continent: VinContinent;
  /** Set only where the WMI range belongs to one country without doubt. */
  country?: string;
}

export interface VinIssue {
  code: "length" | "character" | "check_digit" | "model_year";
  message: string;
  /** 1-based position in the VIN, when the issue is about one character. */
  position?: number;
}

export interface VinCheckDigit {
  expected: string;
  actual: string;
  matches: boolean;
  /** Whether a mismatch is an error (North American or Chinese VIN or market). */
  required: boolean;
}

export interface VinResult {
  /** No errors (warnings allowed). */
  valid: boolean;
  /** Trimmed and upper-cased. */
  vin: string;
  errors: VinIssue[];
  warnings: VinIssue[];
  /** World manufacturer identifier: positions 1–3. */
  wmi: string | undefined;
  region: VinRegion | undefined;
  /** Every model year position 10 can stand for up to `referenceYear + 1`, oldest first. */
  modelYearCandidates: number[];
  /** The most likely model year, given the reference year (and position 7 for North America). */
  modelYear: number | undefined;
  checkDigit: VinCheckDigit | undefined;
}

/** Computes the sum-of-weights remainder; assumes the VIN has passed the format check. */
function checkDigitOf(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    sum += (vinCharacterValue(vin[i]!) ?? 0) * VIN_WEIGHTS[i]!;
  }
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

/**
 * The check digit (`"0"`–`"9"` or `"X"`) a 17-character VIN should carry at position 9. The
 * character already at position 9 is ignored (its weight is 0).
 */
export function computeVinCheckDigit(vin: string): string {
  if (typeof vin !== "string") invalid("VIN", "", "must be a string");
  const text = vin.trim().toUpperCase();
  const problem = formatIssues(text)[0];
  if (problem) invalid("VIN", "", problem.message);
  return checkDigitOf(text);
}

/** A pasted paragraph is not a VIN; name the first few bad characters, not all of them. */
const MAX_CHARACTER_ISSUES = 5;

function formatIssues(vin: string): VinIssue[] {
  if (VIN_PATTERN.test(vin)) return [];
  const issues: VinIssue[] = [];
  if (vin.length !== VIN_LENGTH) {
    issues.push({
      code: "length",
      message: `must be ${VIN_LENGTH} characters, got ${vin.length}`,
    });
  }
  let reported = 0;
  for (let i = 0; i < vin.length && reported < MAX_CHARACTER_ISSUES; i++) {
    const char = vin[i]!;
    if (vinCharacterValue(char) !== undefined) continue;
    reported++;
    const why =
      char === "I" || char === "O" || char === "Q"
        ? `"${char}" is never used in a VIN (it looks like 1 or 0)`
        : `"${char}" is not a VIN character (digits and capital letters except I, O, Q)`;
    issues.push({ code: "character", position: i + 1, message: `position ${i + 1}: ${why}` });
  }
  return issues;
}

interface WmiRange {
  first: string;
  from: string;
  to: string;
  country: string;
}

/** Second-character ranges that belong to one country (ISO 3780 allocations). */
const COUNTRY_RANGES: readonly WmiRange[] = [
  { first: "6", from: "A", to: "W", country: "Australia" },
  { first: "7", from: "A", to: "E", country: "New Zealand" },
  { first: "8", from: "A", to: "E", country: "Argentina" },
  { first: "9", from: "A", to: "E", country: "Brazil" },
  { first: "9", from: "3", to: "9", country: "Brazil" },
  { first: "K", from: "L", to: "R", country: "South Korea" },
  { first: "M", from: "A", to: "E", country: "India" },
  { first: "M", from: "F", to: "K", country: "Indonesia" },
  { first: "M", from: "L", to: "R", country: "Thailand" },
  { first: "S", from: "A", to: "M", country: "United Kingdom" },
  { first: "T", from: "J", to: "P", country: "Czech Republic" },
  { first: "V", from: "F", to: "R", country: "France" },
  { first: "V", from: "S", to: "W", country: "Spain" },
  { first: "Y", from: "S", to: "W", country: "Sweden" },
  { first: "Z", from: "A", to: "R", country: "Italy" },
];

/** Countries that own every WMI starting with one character. */
const COUNTRY_BY_FIRST: Readonly<Record<string, string>> = {
  "1": "United States",
  "4": "United States",
  "5": "United States",
  "2": "Canada",
  "3": "Mexico",
  J: "Japan",
  L: "China",
  W: "Germany",
};

function continentOf(first: string): VinContinent | undefined {
  if (first >= "A" && first <= "H") return "Africa";
  if (first >= "J" && first <= "R") return "Asia";
  if (first >= "S" && first <= "Z") return "Europe";
  if (first >= "1" && first <= "5") return "North America";
  if (first === "6" || first === "7") return "Oceania";
  if (first === "8" || first === "9" || first === "0") return "South America";
  return undefined;
}

/** The region a WMI was allocated to: the continent, and the country where it is unambiguous. */
export function decodeWmiRegion(wmi: string): VinRegion | undefined {
  if (typeof wmi !== "string" || wmi.length < 2) return undefined;
  const first = wmi[0]!.toUpperCase();
  const second = wmi[1]!.toUpperCase();
  const continent = continentOf(first);
  if (!continent) return undefined;
  // Mexico holds 3A–3W; the rest of "3" went to Central America.
  if (first === "3" && VIN_ORDER.indexOf(second) > VIN_ORDER.indexOf("W")) return { continent };
  const whole = COUNTRY_BY_FIRST[first];
  if (whole) return { continent, country: whole };
  const at = VIN_ORDER.indexOf(second);
  const range = COUNTRY_RANGES.find(
    (r) => r.first === first && at >= VIN_ORDER.indexOf(r.from) && at <= VIN_ORDER.indexOf(r.to),
  );
  return range ? { continent, country: range.country } : { continent };
}

/** Every model year the code can mean, from 1980 up to `referenceYear + 1`. */
export function modelYearCandidates(code: string, referenceYear: number): number[] {
  if (typeof code !== "string") invalid("model-year code", "code", "must be a string");
  if (!Number.isInteger(referenceYear)) {
    invalid("model-year code", "referenceYear", "must be an integer year such as 2026");
  }
  const index = MODEL_YEAR_CODES.indexOf(code.toUpperCase());
  if (index < 0 || code.length !== 1) return [];
  const years: number[] = [];
  for (let y = MODEL_YEAR_BASE + index; y <= referenceYear + 1; y += MODEL_YEAR_CYCLE) {
    years.push(y);
  }
  return years;
}

function bestModelYear(
  vin: string,
  candidates: number[],
  northAmerican: boolean,
): number | undefined {
  if (candidates.length === 0) return undefined;
  if (northAmerican) {
    // NHTSA (49 CFR 565) for cars and light trucks: a letter at position 7 means 2010–2039,
    // a digit means 1980–2009. Prefer the candidate in that cycle when there is one.
    const seventh = vin[6]!;
    const cycleStart = seventh >= "0" && seventh <= "9" ? 1980 : 2010;
    const inCycle = candidates.find((y) => y >= cycleStart && y < cycleStart + MODEL_YEAR_CYCLE);
    if (inCycle !== undefined) return inCycle;
  }
  return candidates[candidates.length - 1];
}

/**
 * Validates a VIN: length, alphabet, the position-9 check digit (an error for North American
 * and Chinese VINs or markets, a warning elsewhere), the model-year code and the WMI region.
 * Never throws for a bad VIN — the result lists the problems; throws `ValidationError` only when
 * `vin` is not a string or the options are wrong.
 */
export function validateVin(vin: string, options: VinOptions = {}): VinResult {
  if (typeof vin !== "string") invalid("VIN", "", "must be a string");
  const opts = parseInput(vinOptionsSchema, options, "VIN options");
  const text = vin.trim().toUpperCase();
  const errors = formatIssues(text);
  const warnings: VinIssue[] = [];
  const wmi = text.length >= 3 ? text.slice(0, 3) : undefined;
  const region = wmi ? decodeWmiRegion(wmi) : undefined;
  const result: VinResult = {
    valid: false,
    vin: text,
    errors,
    warnings,
    wmi,
    region,
    modelYearCandidates: [],
    modelYear: undefined,
    checkDigit: undefined,
  };
  if (errors.length > 0) return result;

  const first = text[0]!;
  const northAmerican =
    opts.market === "north_america" || (opts.market === undefined && first >= "1" && first <= "5");
  const chinese = opts.market === "china" || (opts.market === undefined && first === "L");
  const required = northAmerican || chinese;
  const expected = checkDigitOf(text);
  const actual = text[VIN_CHECK_DIGIT_POSITION - 1]!;
  result.checkDigit = { expected, actual, matches: expected === actual, required };
  if (expected !== actual) {
    const rule = northAmerican ? "North American" : chinese ? "Chinese (GB 16735)" : "";
    const issue: VinIssue = {
      code: "check_digit",
      position: VIN_CHECK_DIGIT_POSITION,
      message: required
        ? `check digit at position 9 is "${actual}" but should be "${expected}" (required for ${rule} VINs)`
        : `check digit at position 9 is "${actual}", the ISO 3779 computation gives "${expected}" (not mandatory outside North America and China)`,
    };
    (required ? errors : warnings).push(issue);
  }

  const referenceYear = opts.referenceYear ?? new Date().getUTCFullYear();
  const yearCode = text[VIN_MODEL_YEAR_POSITION - 1]!;
  result.modelYearCandidates = modelYearCandidates(yearCode, referenceYear);
  result.modelYear = bestModelYear(text, result.modelYearCandidates, northAmerican);
  if (result.modelYearCandidates.length === 0) {
    warnings.push({
      code: "model_year",
      position: VIN_MODEL_YEAR_POSITION,
      message: `position 10 "${yearCode}" is not a model-year code (I, O, Q, U, Z and 0 are never used there)`,
    });
  }
  result.valid = errors.length === 0;
  return result;
}

function describe(vin: string, errors: readonly VinIssue[]): string {
  const shown = errors.map((e) => e.message).join("; ");
  return `Invalid VIN "${vin}": ${shown}`;
}

/**
 * Returns the normalised VIN (trimmed, upper case) or throws `ValidationError` naming every
 * error. Warnings (a check digit outside North America and China) do not throw.
 */
export function assertVin(vin: string, options: VinOptions = {}): string {
  const result = validateVin(vin, options);
  if (result.valid) return result.vin;
  const issues: ValidationIssue[] = result.errors.map((e) => ({
    path: "vin",
    message: e.message,
    code: e.code,
  }));
  throw new ValidationError(describe(result.vin, result.errors), issues);
}

/** A zod schema for a VIN: trims, upper-cases and rejects what `validateVin` calls an error. */
export function createVinSchema(options: VinOptions = {}) {
  const opts = parseInput(vinOptionsSchema, options, "VIN options");
  return z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((value, ctx) => {
      for (const error of validateVin(value, opts).errors) {
        ctx.addIssue({ code: "custom", message: error.message });
      }
    });
}

/** A VIN whose market is read from its WMI (see `validateVin`). */
export const vinSchema = createVinSchema();
