import { z } from "zod";
import { idSchema, newId } from "../primitives/ids.js";
import { timestampSchema, toEpochMs } from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import { orderTotal } from "./line-total.js";
import { orderNumberSchema } from "./order-number.js";
import { type Order, type OrderInput, type OrderVersion, orderInputSchema } from "./schema.js";

const createOrderOptionsSchema = z.strictObject({
  /** When the order is entered. */
  at: timestampSchema,
  /** The number from `nextOrderNumber`, unless the input carries one. */
  orderNumber: orderNumberSchema.optional(),
  /** A pre-generated id (for idempotent imports); a new one otherwise. */
  id: idSchema("order").optional(),
});
export type CreateOrderOptions = z.input<typeof createOrderOptionsSchema>;

/**
 * Enters an order as a draft: validates the input, fills the defaults, computes the total and
 * starts at version 1 with terms version 1. The only thing not derived from the arguments is a
 * new id, unless one is given.
 */
export function createOrder(input: OrderInput, options: CreateOrderOptions): Order {
  const data = parseInput(orderInputSchema, input, "order input");
  const opts = parseInput(createOrderOptionsSchema, options, "create options");
  const orderNumber = data.orderNumber ?? opts.orderNumber;
  if (!orderNumber) {
    invalid("create options", "orderNumber", "assign one with nextOrderNumber or in the input");
  }
  const currency = data.lines[0]!.amount.currency;
  return {
    ...data,
    id: opts.id ?? newId("order", toEpochMs(opts.at)),
    orderNumber,
    status: "draft",
    total: orderTotal(data.lines, currency),
    termsVersion: 1,
    approvals: [],
    statusHistory: [],
    createdAt: opts.at,
    updatedAt: opts.at,
    version: 1,
  };
}

/** The commercial terms of an order as an `OrderVersion` record, at its current terms version. */
export function orderTermsVersion(
  order: Order,
  createdAt: string,
  changeRequestId?: OrderVersion["changeRequestId"],
): OrderVersion {
  const version: OrderVersion = {
    orderId: order.id,
    version: order.termsVersion ?? 1,
    vehicle: order.vehicle,
    lines: order.lines,
    total: order.total,
    createdAt,
  };
  if (order.tradeIn) version.tradeIn = order.tradeIn;
  if (order.financing) version.financing = order.financing;
  if (order.requestedDeliveryDate) version.requestedDeliveryDate = order.requestedDeliveryDate;
  if (changeRequestId) version.changeRequestId = changeRequestId;
  return version;
}
