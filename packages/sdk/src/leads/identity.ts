import { z } from "zod";
import { e164Schema, normalizeEmail } from "../primitives/contact.js";
import { DAY_MS, timestampSchema } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import { isNormalized, memoizedParser, reason } from "./config.js";
import { type IdentityEntry as Entry, IdentityIndex } from "./identityIndex.js";
import type { Reason } from "./schema.js";

export const matchIdentityOptionsSchema = z.strictObject({
  /** The moment of matching (ISO with offset). */
  now: timestampSchema,
  /** An open lead matches only when it was active within this many days. */
  leadWindowDays: z.number().positive().default(30),
  /** A customer matches only when active within this many days; omitted means always. */
  customerWindowDays: z.number().positive().optional(),
  /** Which kind wins when both an open lead and a customer match on the same contact. */
  prefer: z.enum(["lead", "customer"]).default("lead"),
});
export type MatchIdentityOptions = z.input<typeof matchIdentityOptionsSchema>;
export const DEFAULT_LEAD_MATCH_WINDOW_DAYS = 30;

export type MatchedBy = "phone" | "email";
export type IdentityMatch =
  | { decision: "new"; reasons: Reason[] }
  | {
      decision: "merge";
      into: { kind: "customer" | "lead"; id: string };
      matchedBy: MatchedBy[];
      /** The owner of the matched record, for "existing relationship first" assignment. */
      salespersonId?: string;
      reasons: Reason[];
    };

const matchLeadSchema = z.object({
  contact: z.object({
    phone: e164Schema.optional(),
    email: z.string().optional(),
  }),
});

const parseOptions = memoizedParser(matchIdentityOptionsSchema, "matchIdentity options");

interface Candidate {
  entry: Entry;
  /** 0 for the preferred kind, 1 for the other. */
  kindRank: number;
  /** Milliseconds since last activity; Infinity when unknown. */
  idle: number;
}

const byRank = (a: Candidate, b: Candidate) => a.kindRank - b.kindRank || a.idle - b.idle;

/**
 * Finds the customer or open lead a normalised lead belongs to, so a second inquiry becomes a
 * touchpoint rather than a duplicate lead.
 *
 * Which record wins, in order:
 * 1. a record matched by both phone and email;
 * 2. otherwise the phone's record — a phone number identifies a person in China far more often
 *    than an email, which families and companies share; the email's record is named in the reasons;
 * 3. otherwise the email's record.
 * Among records sharing one phone or email: `prefer` (an open lead by default, since the inquiry
 * continues that conversation), then the most recently active.
 * Leads count only while open and active within `leadWindowDays`; customers always, unless
 * `customerWindowDays` is set.
 */
export function matchIdentity(
  lead: { contact: { phone?: string; email?: string } },
  index: IdentityIndex,
  options: MatchIdentityOptions,
): IdentityMatch {
  const opts = parseOptions(options);
  if (!(index instanceof IdentityIndex)) {
    invalid("matchIdentity index", "", "must be an index made by createIdentityIndex");
  }
  const { contact } = isNormalized(lead)
    ? lead
    : parseInput(matchLeadSchema, lead, "lead for identity matching");
  const now = Date.parse(opts.now);
  const leadWindow = opts.leadWindowDays * DAY_MS;
  const customerWindow =
    opts.customerWindowDays === undefined ? Infinity : opts.customerWindowDays * DAY_MS;
  const preferredKind = opts.prefer;
  const skipped: Reason[] = [];

  const eligible = (entry: Entry, via: MatchedBy): Candidate | undefined => {
    const label = `${entry.kind} ${entry.id}`;
    if (!entry.open) {
      skipped.push(reason("ignored_closed", `${via} matches ${label}, which is no longer open`));
      return undefined;
    }
    const window = entry.kind === "lead" ? leadWindow : customerWindow;
    const age = now - entry.activeAt;
    if (window !== Infinity && !(age <= window)) {
      const days = Number.isNaN(age) ? "an unknown time" : `${Math.floor(age / DAY_MS)} days`;
      skipped.push(
        reason(
          "ignored_inactive",
          `${via} matches ${label}, last active ${days} ago (outside the window)`,
        ),
      );
      return undefined;
    }
    return {
      entry,
      kindRank: entry.kind === preferredKind ? 0 : 1,
      idle: Number.isNaN(age) ? Infinity : Math.max(0, age),
    };
  };

  const best = (list: readonly Entry[] | undefined, via: MatchedBy): Candidate[] => {
    const out: Candidate[] = [];
    if (!list) return out;
    for (const entry of list) {
      const c = eligible(entry, via);
      if (c) out.push(c);
    }
    return out.length > 1 ? out.sort(byRank) : out;
  };

  let email: string | undefined;
  if (contact.email !== undefined) {
    email = normalizeEmail(contact.email);
    if (email === undefined)
      invalid("lead for identity matching", "contact.email", "not an email address");
  }
  const byPhone = contact.phone === undefined ? [] : best(index.byPhone(contact.phone), "phone");
  const byEmail = email === undefined ? [] : best(index.byEmail(email), "email");

  const both = byPhone.find((p) => byEmail.some((e) => e.entry === p.entry));
  const winner = both ?? byPhone[0] ?? byEmail[0];
  if (!winner) {
    const reasons =
      skipped.length > 0
        ? skipped
        : [reason("no_match", "no customer or open lead has this phone or email")];
    return { decision: "new", reasons };
  }

  const matchedBy: MatchedBy[] = both ? ["phone", "email"] : byPhone[0] ? ["phone"] : ["email"];
  const { entry } = winner;
  const reasons: Reason[] = [
    reason(
      both ? "matched_phone_and_email" : `matched_${matchedBy[0]}`,
      `${matchedBy.join(" and ")} ${matchedBy.length > 1 ? "match" : "matches"} ${entry.kind} ${entry.id}`,
    ),
  ];
  const rival = both ? undefined : byPhone[0] && byEmail[0];
  if (rival && rival.entry !== entry) {
    reasons.push(
      reason(
        "email_points_elsewhere",
        `email matches ${rival.entry.kind} ${rival.entry.id}; the phone match wins`,
      ),
    );
  }
  const sameKey = (both || byPhone[0] ? byPhone : byEmail).filter((c) => c.entry !== entry);
  for (const other of sameKey.slice(0, 3)) {
    reasons.push(
      reason(
        "also_matched",
        `${other.entry.kind} ${other.entry.id} also matches; ${entry.kind} ${entry.id} ranks first`,
      ),
    );
  }
  const result: IdentityMatch = {
    decision: "merge",
    into: { kind: entry.kind, id: entry.id },
    matchedBy,
    reasons,
  };
  if (entry.salespersonId !== undefined) result.salespersonId = entry.salespersonId;
  return result;
}
