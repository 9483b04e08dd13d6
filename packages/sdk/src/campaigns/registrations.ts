import { z } from "zod";
import { storedFields } from "../common.js";
import { emailInputSchema, phoneInputSchema } from "../customers/contact.js";
import { e164Schema } from "../primitives/contact.js";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";

export const registrationChannelSchema = z.enum(["online", "on_site"]);
export type RegistrationChannel = z.infer<typeof registrationChannelSchema>;

/** A sign-up (报名) for a campaign; the phone is normalised to E.164 so it matches leads. */
export const registrationInputSchema = z
  .strictObject({
    campaignId: idSchema("campaign"),
    name: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    phone: phoneInputSchema.optional(),
    email: emailInputSchema.optional(),
    registeredVia: registrationChannelSchema,
    registeredAt: timestampSchema,
    /** People coming together (family, colleagues). */
    partySize: z.number().int().min(1).max(50).default(1),
    /** The series or model they want to see or drive. */
    interest: z.string().trim().min(1).max(200).optional(),
    testDriveWanted: z.boolean().default(false),
    customerId: idSchema("customer").optional(),
    leadId: idSchema("lead").optional(),
    marketingConsent: z.boolean().default(false),
    checkedInAt: timestampSchema.optional(),
  })
  .superRefine((registration, ctx) => {
    if (!registration.phone && !registration.email) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message: "a registration needs a phone or an email",
      });
    }
    if (
      registration.checkedInAt &&
      Date.parse(registration.checkedInAt) < Date.parse(registration.registeredAt)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["checkedInAt"],
        message: "must not be before registeredAt",
      });
    }
  });
export type RegistrationInput = z.input<typeof registrationInputSchema>;

/** Recording arrival at the event (签到). */
export const checkInInputSchema = z.strictObject({
  checkedInAt: timestampSchema,
  checkedInBy: idSchema("salesperson").optional(),
});
export type CheckInInput = z.input<typeof checkInInputSchema>;

export const registrationSchema = z.object({
  id: idSchema("registration"),
  campaignId: idSchema("campaign"),
  name: z.string(),
  phone: e164Schema.optional(),
  email: z.string().optional(),
  registeredVia: registrationChannelSchema,
  registeredAt: timestampSchema,
  partySize: z.number().int().min(1),
  interest: z.string().optional(),
  testDriveWanted: z.boolean(),
  customerId: idSchema("customer").optional(),
  leadId: idSchema("lead").optional(),
  marketingConsent: z.boolean(),
  checkedInAt: timestampSchema.optional(),
  checkedInBy: idSchema("salesperson").optional(),
  ...storedFields,
});
export type Registration = z.infer<typeof registrationSchema>;
