import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";
import { vehicleVinSchema } from "./schema.js";

export const stocktakeScanSchema = z.strictObject({
  vin: vehicleVinSchema,
  /** Where the vehicle was found. */
  location: z.string().trim().min(1).max(100).optional(),
  scannedAt: timestampSchema.optional(),
});
export type StocktakeScan = z.infer<typeof stocktakeScanSchema>;

/** A count (盘点) of one store: the VINs scanned on the lot, to compare with the system. */
export const stocktakeInputSchema = z.strictObject({
  storeId: idSchema("store"),
  countedBy: idSchema("salesperson"),
  countedAt: timestampSchema,
  scans: z.array(stocktakeScanSchema).max(20_000),
  note: z.string().trim().max(2000).optional(),
});
export type StocktakeInput = z.input<typeof stocktakeInputSchema>;

/** One difference between the lot and the system. */
export const stocktakeResultSchema = z.discriminatedUnion("kind", [
  /** In the system for this store, not scanned. */
  z.object({
    kind: z.literal("missing"),
    vehicleId: idSchema("vehicle"),
    vin: z.string(),
    expectedLocation: z.string().optional(),
  }),
  /** Scanned, but not in the system for this store (unknown, or booked to another store). */
  z.object({
    kind: z.literal("unexpected"),
    vin: z.string(),
    foundLocation: z.string().optional(),
    vehicleId: idSchema("vehicle").optional(),
    systemStoreId: idSchema("store").optional(),
  }),
  /** Scanned in this store, but not where the system says it is. */
  z.object({
    kind: z.literal("wrong_location"),
    vehicleId: idSchema("vehicle"),
    vin: z.string(),
    expectedLocation: z.string(),
    foundLocation: z.string(),
  }),
]);
export type StocktakeResult = z.infer<typeof stocktakeResultSchema>;

export const stocktakeSchema = z.object({
  id: idSchema("stocktake"),
  storeId: idSchema("store"),
  countedBy: idSchema("salesperson"),
  countedAt: timestampSchema,
  scans: z.array(
    z.object({
      vin: z.string(),
      location: z.string().optional(),
      scannedAt: timestampSchema.optional(),
    }),
  ),
  note: z.string().optional(),
  /** Vehicles found where the system expects them. */
  matchedCount: z.number().int().min(0),
  results: z.array(stocktakeResultSchema),
  ...storedFields,
});
export type Stocktake = z.infer<typeof stocktakeSchema>;
