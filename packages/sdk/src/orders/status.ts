import { z } from "zod";

/** Kept in its own module so the webhooks entry can type order events without the order schemas. */
export const orderStatusSchema = z.enum([
  "draft",
  "submitted", // waiting for approval (审核)
  "approved",
  "contracted", // contract signed
  "allocated", // a vehicle is assigned (from stock or the factory)
  "in_transit",
  "arrived",
  "delivered",
  "cancelled",
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;
