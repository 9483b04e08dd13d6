import { z } from "zod";
import { timestampSchema } from "./primitives/time.js";

/** Fields every stored entity has. `version` starts at 1 and grows by one per change. */
export const storedFields = {
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  version: z.number().int().min(1),
};

/** Free-form attributes kept from a source (custom form questions, vendor extras). */
export const attributesSchema = z.record(z.string(), z.string().max(4000));

export const customerTypeSchema = z.enum(["individual", "business", "fleet"]);
export type CustomerType = z.infer<typeof customerTypeSchema>;

export const vehicleConditionSchema = z.enum(["new", "used", "demo"]);
export type VehicleCondition = z.infer<typeof vehicleConditionSchema>;

export const nameSchema = z.string().trim().min(1, { message: "must not be empty" }).max(200);
export const noteSchema = z.string().max(10_000);
