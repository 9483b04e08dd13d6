import { isSupportedCountry } from "libphonenumber-js/min";
import { z } from "zod";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { DEFAULT_PHONE_REGION, normalizeEmail, normalizePhone } from "../primitives/contact.js";
import { parseInput } from "../validate.js";
import { markNormalized, memoizedParser, reason } from "./config.js";
import { readLeadInputFast } from "./leadInputFast.js";
import { type LeadContact, leadInputSchema, type ParsedLeadInput, type Reason } from "./schema.js";

export const normalizeLeadOptionsSchema = z.strictObject({
  /** Region for phone numbers written without a country code (ISO 3166 alpha-2). */
  defaultRegion: z
    .string()
    .refine((r) => isSupportedCountry(r), {
      message: "must be a supported ISO 3166 region code such as CN or US",
    })
    .default(DEFAULT_PHONE_REGION),
});
export type NormalizeLeadOptions = z.input<typeof normalizeLeadOptionsSchema>;

/** The options used when none are given. */
export const DEFAULT_NORMALIZE_LEAD_OPTIONS: Readonly<Required<NormalizeLeadOptions>> = {
  defaultRegion: DEFAULT_PHONE_REGION,
};

/**
 * A lead input after validation and normalisation: defaults applied, region as its GB/T 2260
 * code, phone in E.164, email lower-cased, blank contact fields removed.
 */
export type NormalizedLead = Omit<ParsedLeadInput, "contact"> & { contact: LeadContact };

export interface NormalizeLeadResult {
  /**
   * Frozen: `matchIdentity`, `rateLead` and `assignLead` trust it without validating it again.
   * Spread it into a new object to change a field.
   */
  lead: Readonly<NormalizedLead>;
  /** What was changed or dropped on the way (an unusable phone when an email was given …). */
  warnings: Reason[];
}

const parseOptions = memoizedParser(normalizeLeadOptionsSchema, "normalizeLead options");

/**
 * Validates a lead as a caller sends it and normalises its contact data so that identity matching
 * compares like with like. An unusable phone or email is dropped with a warning when another way
 * to reach the customer remains, and is a `ValidationError` when it was the only one.
 */
export function normalizeLead(input: unknown, options?: NormalizeLeadOptions): NormalizeLeadResult {
  const { defaultRegion } =
    options === undefined ? DEFAULT_NORMALIZE_LEAD_OPTIONS : parseOptions(options);
  // The hand-written reading accepts exactly what the schema accepts; anything it declines goes
  // through the schema, which reports the problems.
  const parsed = readLeadInputFast(input) ?? parseInput(leadInputSchema, input, "lead input");
  const raw = parsed.contact;
  const warnings: Reason[] = [];

  let phone: string | undefined;
  let phoneProblem: string | undefined;
  if (raw.phone) {
    const result = normalizePhone(raw.phone, defaultRegion);
    if (result.ok) phone = result.e164;
    else phoneProblem = result.reason;
  }
  let email: string | undefined;
  let emailProblem: string | undefined;
  if (raw.email) {
    email = normalizeEmail(raw.email);
    if (email === undefined) emailProblem = "not an email address";
  }
  const wechat = raw.wechat || undefined;

  if (phone === undefined && email === undefined && wechat === undefined) {
    // Every way to reach the customer was unusable: refuse rather than store an unreachable lead.
    const issues: ValidationIssue[] = [];
    if (phoneProblem) issues.push({ path: "contact.phone", message: phoneProblem });
    if (emailProblem) issues.push({ path: "contact.email", message: emailProblem });
    const shown = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    throw new ValidationError(
      `Invalid lead input: ${shown}; no other way to reach the customer`,
      issues,
    );
  }
  if (phoneProblem) {
    warnings.push(
      reason(
        "phone_dropped",
        `phone "${raw.phone}" dropped (${phoneProblem}); kept other contacts`,
      ),
    );
  }
  if (emailProblem) {
    warnings.push(
      reason(
        "email_dropped",
        `email "${raw.email}" dropped (${emailProblem}); kept other contacts`,
      ),
    );
  }

  let preferred = raw.preferred;
  const preferredAvailable =
    preferred === undefined ||
    (preferred === "email" ? email !== undefined : preferred === "wechat" ? !!wechat : !!phone);
  if (!preferredAvailable) {
    warnings.push(
      reason("preferred_dropped", `preferred contact "${preferred}" is no longer available`),
    );
    preferred = undefined;
  }

  const contact: LeadContact = {};
  if (raw.name) contact.name = raw.name;
  if (phone !== undefined) contact.phone = phone;
  if (email !== undefined) contact.email = email;
  if (wechat !== undefined) contact.wechat = wechat;
  if (preferred !== undefined) contact.preferred = preferred;

  // `parsed` is a fresh object of our own (from either reading): replacing its contact in place
  // keeps the key order a spread would, and V8 freezes it several times faster than a spread copy.
  (parsed as { contact: LeadContact }).contact = contact;
  return { lead: markNormalized(parsed as NormalizedLead), warnings };
}
