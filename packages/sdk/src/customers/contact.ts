import { z } from "zod";
import { e164Schema, normalizeEmail, normalizePhone } from "../primitives/contact.js";
import { timestampSchema } from "../primitives/time.js";

/**
 * A phone number as people type it (`138 1234 5678`, `+86 138-1234-5678`, full-width digits),
 * normalised to E.164. Numbers without a country code are read as Chinese numbers.
 */
export const phoneInputSchema = z
  .string({ message: "must be a phone number written as text" })
  .transform((raw, ctx) => {
    const result = normalizePhone(raw);
    if (!result.ok) {
      ctx.addIssue({
        code: "custom",
        message: `${result.reason} (write it like 13812345678 or +8613812345678)`,
      });
      return z.NEVER;
    }
    return result.e164;
  });

/** An email address, trimmed and lower-cased so that matching by email works. */
export const emailInputSchema = z
  .string({ message: "must be an email address written as text" })
  .transform((raw, ctx) => {
    const email = normalizeEmail(raw);
    if (email === undefined) {
      ctx.addIssue({ code: "custom", message: `"${raw}" is not an email address` });
      return z.NEVER;
    }
    return email;
  });

/** Flags the second occurrence of a value that is already in the list (after normalisation). */
export function noDuplicates(what: string) {
  return (values: readonly string[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `${what} ${value} is listed twice`,
        });
      }
      seen.add(value);
    });
  };
}

export const contactChannelSchema = z.enum(["phone", "sms", "email", "wechat"]);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

export const customerContactInputSchema = z
  .strictObject({
    /** The first phone is the main one. */
    phones: z.array(phoneInputSchema).max(10).default([]).superRefine(noDuplicates("phone")),
    emails: z.array(emailInputSchema).max(10).default([]).superRefine(noDuplicates("email")),
    /** WeChat id, kept exactly as given. */
    wechat: z.string().trim().min(1).max(100).optional(),
    preferred: contactChannelSchema.optional(),
  })
  .superRefine((contact, ctx) => {
    if (contact.phones.length === 0 && contact.emails.length === 0 && !contact.wechat) {
      ctx.addIssue({
        code: "custom",
        message: "needs at least one way to reach the customer: a phone, an email or a WeChat id",
      });
    }
  });
export type CustomerContactInput = z.input<typeof customerContactInputSchema>;

export const customerContactSchema = z.object({
  phones: z.array(e164Schema),
  emails: z.array(z.string()),
  wechat: z.string().optional(),
  preferred: contactChannelSchema.optional(),
});
export type CustomerContact = z.infer<typeof customerContactSchema>;

/**
 * Marketing consent as the customer gave it (China's PIPL and most privacy laws require it before
 * greetings, surveys or campaign messages are sent). No consent unless recorded.
 */
export const consentSchema = z
  .strictObject({
    marketing: z.boolean(),
    /** Channels the customer agreed to be contacted on; empty with `marketing` means any. */
    channels: z.array(contactChannelSchema).default([]),
    recordedAt: timestampSchema.optional(),
    /** Where consent was given: a form, a signed paper, a call recording reference. */
    source: z.string().trim().min(1).max(200).optional(),
  })
  .refine((consent) => consent.marketing || consent.channels.length === 0, {
    path: ["channels"],
    message: "channels can only be listed when marketing consent is given",
  });
export type ConsentInput = z.input<typeof consentSchema>;
export type Consent = z.infer<typeof consentSchema>;

export const NO_CONSENT: Consent = { marketing: false, channels: [] };
