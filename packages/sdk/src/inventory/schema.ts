import { z } from "zod";
import { storedFields, vehicleConditionSchema } from "../common.js";
import { externalIdSchema, idSchema } from "../primitives/ids.js";
import { type Money, moneySchema, nonNegativeMoneySchema } from "../primitives/money.js";
import { localDateSchema, timestampSchema } from "../primitives/time.js";

/**
 * A VIN as given. The check digit, model year and region are the business of the VIN format
 * module; here it only has to look like an identifier, so imports and pre-1981 VINs still fit.
 */
export const vehicleVinSchema = z
  .string({ message: "must be a VIN written as text" })
  .trim()
  .regex(/^[A-Za-z0-9]{1,32}$/, {
    message: "must be a VIN of letters and digits, e.g. LSVAU2180N2183294",
  });

export const vehicleStatusSchema = z.enum(["in_transit", "in_stock", "reserved", "sold"]);
export type VehicleStatus = z.infer<typeof vehicleStatusSchema>;

/**
 * in_transit → in_stock (arrived); in_stock → reserved (an order holds it), sold, or in_transit
 * (transferred to another store); reserved → in_stock (reservation released) or sold. Sold is final.
 */
export const VEHICLE_STATUS_TRANSITIONS: Readonly<Record<VehicleStatus, readonly VehicleStatus[]>> =
  {
    in_transit: ["in_stock"],
    in_stock: ["reserved", "sold", "in_transit"],
    reserved: ["in_stock", "sold"],
    sold: [],
  };

/** What a vehicle has cost the dealer; the holding cost accrues per day in stock. */
export const vehicleCostsSchema = z.strictObject({
  purchase: nonNegativeMoneySchema,
  transport: nonNegativeMoneySchema.optional(),
  preparation: nonNegativeMoneySchema.optional(),
  /** Storage, interest on floor-plan financing, insurance: the cost of one more day in stock. */
  holdingPerDay: nonNegativeMoneySchema.optional(),
});
export type VehicleCosts = z.infer<typeof vehicleCostsSchema>;

/** A demo car (试驾车): when it entered demo service and its odometer then. */
export const demoUseSchema = z.strictObject({
  since: localDateSchema,
  mileageKmAtStart: z.number().int().min(0, { message: "must not be negative" }).default(0),
});
export type DemoUse = z.infer<typeof demoUseSchema>;

const mileageKm = z
  .number({ message: "must be a number of kilometres" })
  .int({ message: "must be a whole number of kilometres" })
  .min(0, { message: "must not be negative" });

export const vehicleInputSchema = z
  .strictObject({
    vin: vehicleVinSchema,
    /** The dealer's own stock number, kept exactly. */
    stockNumber: externalIdSchema.optional(),
    brand: z.string().trim().min(1, { message: "must not be empty" }).max(100),
    series: z.string().trim().min(1, { message: "must not be empty" }).max(100),
    model: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    trim: z.string().trim().min(1).max(200).optional(),
    /** Model year. */
    year: z.number().int().min(1900).max(2100),
    exteriorColour: z.string().trim().min(1).max(100).optional(),
    interiorColour: z.string().trim().min(1).max(100).optional(),
    condition: vehicleConditionSchema.default("new"),
    status: vehicleStatusSchema.default("in_stock"),
    storeId: idSchema("store"),
    /** Where in the store: a yard bay, the showroom floor, an off-site lot. */
    location: z.string().trim().min(1).max(100).optional(),
    mileageKm: mileageKm.default(0),
    costs: vehicleCostsSchema,
    listPrice: nonNegativeMoneySchema,
    /** The lowest price a salesperson may agree without approval. */
    floorPrice: nonNegativeMoneySchema.optional(),
    demo: demoUseSchema.optional(),
    /** The order that reserved or bought the vehicle. */
    orderId: idSchema("order").optional(),
    arrivedAt: timestampSchema.optional(),
    soldAt: timestampSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const currency = v.listPrice.currency;
    const amounts: Array<[PropertyKey[], Money | undefined]> = [
      [["floorPrice"], v.floorPrice],
      [["costs", "purchase"], v.costs.purchase],
      [["costs", "transport"], v.costs.transport],
      [["costs", "preparation"], v.costs.preparation],
      [["costs", "holdingPerDay"], v.costs.holdingPerDay],
    ];
    for (const [path, amount] of amounts) {
      if (amount && amount.currency !== currency) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "currency"],
          message: `must be ${currency}, the currency of listPrice`,
        });
      }
    }
    if (v.floorPrice && v.floorPrice.amount > v.listPrice.amount) {
      ctx.addIssue({
        code: "custom",
        path: ["floorPrice"],
        message: "must not be above listPrice",
      });
    }
    if (v.condition === "demo" && !v.demo) {
      ctx.addIssue({
        code: "custom",
        path: ["demo"],
        message: "is required for a demo car (when it entered demo service)",
      });
    }
    if (v.condition === "new" && v.demo) {
      ctx.addIssue({
        code: "custom",
        path: ["demo"],
        message: "only demo cars, and used cars that were demo cars, have demo data",
      });
    }
    if (v.demo && v.demo.mileageKmAtStart > v.mileageKm) {
      ctx.addIssue({
        code: "custom",
        path: ["demo", "mileageKmAtStart"],
        message: "must not be more than the vehicle's mileageKm",
      });
    }
    if (v.status === "in_stock" && !v.arrivedAt) {
      ctx.addIssue({
        code: "custom",
        path: ["arrivedAt"],
        message: "is required for a vehicle in stock (days in stock count from it)",
      });
    }
    if (v.status === "sold" && !v.soldAt) {
      ctx.addIssue({ code: "custom", path: ["soldAt"], message: "is required for a sold vehicle" });
    }
    if (v.status !== "sold" && v.soldAt) {
      ctx.addIssue({
        code: "custom",
        path: ["soldAt"],
        message: `must be empty while the vehicle is ${v.status}`,
      });
    }
    if (v.arrivedAt && v.soldAt && Date.parse(v.soldAt) < Date.parse(v.arrivedAt)) {
      ctx.addIssue({ code: "custom", path: ["soldAt"], message: "must not be before arrivedAt" });
    }
  });
export type VehicleInput = z.input<typeof vehicleInputSchema>;
export type ParsedVehicleInput = z.output<typeof vehicleInputSchema>;

export const vehicleSchema = z.object({
  id: idSchema("vehicle"),
  vin: z.string(),
  stockNumber: externalIdSchema.optional(),
  brand: z.string(),
  series: z.string(),
  model: z.string(),
  trim: z.string().optional(),
  year: z.number().int(),
  exteriorColour: z.string().optional(),
  interiorColour: z.string().optional(),
  condition: vehicleConditionSchema,
  status: vehicleStatusSchema,
  storeId: idSchema("store"),
  location: z.string().optional(),
  mileageKm: z.number().int().min(0),
  costs: z.object({
    purchase: moneySchema,
    transport: moneySchema.optional(),
    preparation: moneySchema.optional(),
    holdingPerDay: moneySchema.optional(),
  }),
  listPrice: moneySchema,
  floorPrice: moneySchema.optional(),
  demo: z.object({ since: localDateSchema, mileageKmAtStart: z.number().int().min(0) }).optional(),
  orderId: idSchema("order").optional(),
  arrivedAt: timestampSchema.optional(),
  soldAt: timestampSchema.optional(),
  ...storedFields,
});
export type Vehicle = z.infer<typeof vehicleSchema>;
