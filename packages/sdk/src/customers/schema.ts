import { z } from "zod";
import { attributesSchema, nameSchema, noteSchema, storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { regionCodeSchema, regionInputSchema } from "../primitives/regions.js";
import { localDateSchema } from "../primitives/time.js";
import {
  consentSchema,
  customerContactInputSchema,
  customerContactSchema,
  NO_CONSENT,
} from "./contact.js";

/**
 * Identity documents. Numbers are kept exactly as written — never parsed as numbers — so the
 * trailing `X` of a resident id and leading zeros survive.
 */
export const idDocumentKindSchema = z.enum([
  "resident_id", // 居民身份证
  "passport",
  "hk_macao_permit", // 港澳居民来往内地通行证
  "taiwan_permit", // 台湾居民来往大陆通行证
  "unified_social_credit_code", // 统一社会信用代码 (companies)
  "other",
]);
export type IdDocumentKind = z.infer<typeof idDocumentKindSchema>;

export const idDocumentSchema = z.strictObject({
  kind: idDocumentKindSchema,
  number: z.string().trim().min(1, { message: "must not be empty" }).max(64),
});
export type IdDocument = z.infer<typeof idDocumentSchema>;

/** A vehicle the customer owns, bought here or elsewhere; the basis of maintenance reminders. */
export const ownedVehicleSchema = z
  .strictObject({
    vin: z.string().trim().min(1).max(32).optional(),
    vehicleId: idSchema("vehicle").optional(),
    plateNumber: z.string().trim().min(1).max(16).optional(),
    brand: z.string().trim().min(1).max(100),
    series: z.string().trim().min(1).max(100).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    purchasedOn: localDateSchema.optional(),
    /** Bought from this dealer group (then `orderId` usually names the order). */
    purchasedFromUs: z.boolean().default(false),
    orderId: idSchema("order").optional(),
    mileageKm: z.number().int().min(0, { message: "must not be negative" }).optional(),
    lastServiceOn: localDateSchema.optional(),
    lastServiceMileageKm: z.number().int().min(0, { message: "must not be negative" }).optional(),
  })
  .refine(
    (v) =>
      v.lastServiceMileageKm === undefined ||
      v.mileageKm === undefined ||
      v.lastServiceMileageKm <= v.mileageKm,
    {
      path: ["lastServiceMileageKm"],
      message: "must not be more than the vehicle's current mileageKm",
    },
  );
export type OwnedVehicleInput = z.input<typeof ownedVehicleSchema>;
export type OwnedVehicle = z.infer<typeof ownedVehicleSchema>;

const companyName = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "is required for business and fleet customers"
        : "must be the company's name as text",
  })
  .trim()
  .min(1, { message: "must not be empty" })
  .max(200);

const fleetSize = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? "is required for fleet customers (number of vehicles run)"
        : "must be a number of vehicles",
  })
  .int({ message: "must be a whole number of vehicles" })
  .min(1, { message: "must be at least 1" });

/** Fields every customer input has; `name` is the person the dealer talks to. */
const commonInput = {
  name: nameSchema,
  contact: customerContactInputSchema,
  idDocuments: z.array(idDocumentSchema).max(10).default([]),
  region: regionInputSchema.optional(),
  city: z.string().trim().min(1).max(100).optional(),
  address: z.string().trim().max(500).optional(),
  /** The person's birthday, for birthday greetings and age segments. */
  birthday: localDateSchema.optional(),
  vehiclesOwned: z.array(ownedVehicleSchema).max(100).default([]),
  consent: consentSchema.default(NO_CONSENT),
  /** The store that looks after this customer. */
  storeId: idSchema("store").optional(),
  /** The salesperson this customer already knows; assignment prefers them. */
  salespersonId: idSchema("salesperson").optional(),
  /** The lead this customer came from. */
  leadId: idSchema("lead").optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  notes: noteSchema.optional(),
  attributes: attributesSchema.default({}),
};

export const individualCustomerInputSchema = z.strictObject({
  type: z.literal("individual"),
  ...commonInput,
});
export const businessCustomerInputSchema = z.strictObject({
  type: z.literal("business"),
  ...commonInput,
  companyName,
});
export const fleetCustomerInputSchema = z.strictObject({
  type: z.literal("fleet"),
  ...commonInput,
  companyName,
  fleetSize,
});

/** What a caller sends to create a customer; `type` decides which fields are required. */
export const customerInputSchema = z.discriminatedUnion("type", [
  individualCustomerInputSchema,
  businessCustomerInputSchema,
  fleetCustomerInputSchema,
]);
export type CustomerInput = z.input<typeof customerInputSchema>;
export type ParsedCustomerInput = z.output<typeof customerInputSchema>;

const commonStored = {
  id: idSchema("customer"),
  name: z.string(),
  contact: customerContactSchema,
  idDocuments: z.array(idDocumentSchema),
  region: regionCodeSchema.optional(),
  city: z.string().optional(),
  address: z.string().optional(),
  birthday: localDateSchema.optional(),
  vehiclesOwned: z.array(ownedVehicleSchema),
  consent: consentSchema,
  storeId: idSchema("store").optional(),
  salespersonId: idSchema("salesperson").optional(),
  leadId: idSchema("lead").optional(),
  tags: z.array(z.string()),
  notes: z.string().optional(),
  attributes: attributesSchema,
  ...storedFields,
};

export const customerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("individual"), ...commonStored }),
  z.object({ type: z.literal("business"), ...commonStored, companyName: z.string() }),
  z.object({
    type: z.literal("fleet"),
    ...commonStored,
    companyName: z.string(),
    fleetSize: z.number().int().min(1),
  }),
]);
export type Customer = z.infer<typeof customerSchema>;
export type IndividualCustomer = Extract<Customer, { type: "individual" }>;
export type BusinessCustomer = Extract<Customer, { type: "business" }>;
export type FleetCustomer = Extract<Customer, { type: "fleet" }>;
