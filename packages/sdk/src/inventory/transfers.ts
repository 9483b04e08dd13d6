import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { localDateSchema, timestampSchema } from "../primitives/time.js";
import { vehicleVinSchema } from "./schema.js";

export const transferStatusSchema = z.enum([
  "requested",
  "approved",
  "in_transit",
  "received",
  "rejected",
  "cancelled",
]);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

/**
 * requested → approved → in_transit → received. A request can be rejected by the approver or
 * cancelled before it leaves; once on the road it can only be received.
 */
export const TRANSFER_STATUS_TRANSITIONS: Readonly<
  Record<TransferStatus, readonly TransferStatus[]>
> = {
  requested: ["approved", "rejected", "cancelled"],
  approved: ["in_transit", "cancelled"],
  in_transit: ["received"],
  received: [],
  rejected: [],
  cancelled: [],
};

/** A request to move a vehicle (调车) from one store to another. */
export const transferInputSchema = z
  .strictObject({
    vehicleId: idSchema("vehicle"),
    vin: vehicleVinSchema.optional(),
    fromStoreId: idSchema("store"),
    toStoreId: idSchema("store"),
    requestedBy: idSchema("salesperson"),
    requestedAt: timestampSchema,
    reason: z.string().trim().min(1).max(2000).optional(),
    /** The order waiting for this vehicle at the receiving store. */
    orderId: idSchema("order").optional(),
    neededBy: localDateSchema.optional(),
  })
  .refine((t) => t.fromStoreId !== t.toStoreId, {
    path: ["toStoreId"],
    message: "must be a different store from fromStoreId",
  });
export type TransferInput = z.input<typeof transferInputSchema>;

/** One step of a transfer after the request: who moved it on, and when. */
export const transferStepInputSchema = z
  .strictObject({
    to: transferStatusSchema.exclude(["requested"], {
      message: "must be approved, in_transit, received, rejected or cancelled",
    }),
    by: idSchema("salesperson"),
    at: timestampSchema,
    note: z.string().trim().max(2000).optional(),
    /** Why it was rejected or cancelled; required for those steps. */
    reason: z.string().trim().min(1).max(2000).optional(),
    /** The carrier or driver, when the vehicle leaves. */
    carrier: z.string().trim().min(1).max(200).optional(),
    /** Where the vehicle was put, when it is received. */
    location: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((step, ctx) => {
    if ((step.to === "rejected" || step.to === "cancelled") && !step.reason) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: `is required when a transfer is ${step.to}`,
      });
    }
  });
export type TransferStepInput = z.input<typeof transferStepInputSchema>;

const stepSchema = z.object({
  by: idSchema("salesperson"),
  at: timestampSchema,
  note: z.string().optional(),
});
export type TransferStep = z.infer<typeof stepSchema>;

export const transferSchema = z.object({
  id: idSchema("transfer"),
  status: transferStatusSchema,
  vehicleId: idSchema("vehicle"),
  vin: z.string().optional(),
  fromStoreId: idSchema("store"),
  toStoreId: idSchema("store"),
  reason: z.string().optional(),
  orderId: idSchema("order").optional(),
  neededBy: localDateSchema.optional(),
  requested: stepSchema,
  approved: stepSchema.optional(),
  dispatched: stepSchema.extend({ carrier: z.string().optional() }).optional(),
  received: stepSchema.extend({ location: z.string().optional() }).optional(),
  rejected: stepSchema.extend({ reason: z.string() }).optional(),
  cancelled: stepSchema.extend({ reason: z.string() }).optional(),
  ...storedFields,
});
export type Transfer = z.infer<typeof transferSchema>;
