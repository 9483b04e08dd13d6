/**
 * Builders of orders for the tests beside this file: one realistic order input and a helper that
 * enters it (and walks it through the lifecycle when asked). Not exported from the package index.
 */

import { newId } from "../primitives/ids.js";
import { createOrder } from "./create.js";
import { changeOrderStatus, recordApproval } from "./lifecycle.js";
import type { Order, OrderInput, OrderStatus } from "./schema.js";

export const CUSTOMER = newId("customer");
export const STORE = newId("store");
export const SALESPERSON = newId("salesperson");
export const MANAGER = newId("salesperson");
export const GENERAL_MANAGER = newId("salesperson");
export const FINANCE = newId("salesperson");

/** Day 0 of the fixtures' calendar, Beijing time. */
export const FIXTURE_START = "2026-11-27T10:00:00+08:00";

/** An instant `hours` after the fixture start, written with the +08:00 offset. */
export function hoursLater(hours: number): string {
  const local = new Date(Date.parse(FIXTURE_START) + hours * 3_600_000 + 8 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** A Passat at ¥229,900 with mats, a plate fee, a ¥10,000 discount and a trade-in, financed. */
export const PASSAT_ORDER = {
  customerId: CUSTOMER,
  storeId: STORE,
  salespersonId: SALESPERSON,
  vehicle: { kind: "stock", vehicleId: newId("vehicle"), vin: "LSVAU2180N2183294" },
  lines: [
    { kind: "vehicle", description: "Passat 380TSI 豪华版", amount: { amount: 22_990_000 } },
    {
      kind: "accessory",
      description: "Mats",
      code: "ACC-MAT",
      quantity: 2,
      amount: { amount: 45_000 },
    },
    { kind: "fee", description: "上牌服务费", amount: { amount: 150_000 } },
    { kind: "discount", description: "Auto show", amount: { amount: -1_000_000 } },
    { kind: "trade_in_credit", description: "2017 Corolla", amount: { amount: -4_500_000 } },
  ],
  tradeIn: {
    brand: "Toyota",
    model: "Corolla",
    year: 2017,
    mileageKm: 98_000,
    appraisedValue: { amount: 4_500_000 },
  },
  financing: {
    lender: "上汽大众汽车金融",
    downPayment: { amount: 5_000_000 },
    termMonths: 36,
    annualRateBps: 399,
  },
  requestedDeliveryDate: "2026-12-20",
} satisfies OrderInput;

/** A factory order for an ID.4 by configuration code, no financing. */
export const ID4_ORDER = {
  customerId: CUSTOMER,
  storeId: STORE,
  salespersonId: SALESPERSON,
  vehicle: {
    kind: "configuration",
    code: "ID4-PRO-2026",
    brand: "Volkswagen",
    series: "ID.4",
    model: "ID.4 Pro",
    exteriorColour: "Glacier White",
  },
  lines: [
    { kind: "vehicle", description: "ID.4 Pro", amount: { amount: 19_990_000 } },
    { kind: "option", description: "Panoramic roof", code: "PANO", amount: { amount: 800_000 } },
  ],
  requestedDeliveryDate: "2027-01-15",
} satisfies OrderInput;

export function makeOrder(
  input: OrderInput = PASSAT_ORDER,
  orderNumber = "BJ01-20261127-0001",
): Order {
  return createOrder(input, { at: FIXTURE_START, orderNumber });
}

/** Walks an order forward to `status` the legal way, approving with every role the defaults need. */
export function orderAt(status: OrderStatus, input: OrderInput = PASSAT_ORDER): Order {
  const path: OrderStatus[] = [
    "submitted",
    "approved",
    "contracted",
    "allocated",
    "in_transit",
    "arrived",
    "delivered",
  ];
  let order = makeOrder(input);
  let hour = 1;
  for (const step of path) {
    if (order.status === status) break;
    if (step === "approved") {
      for (const [role, by] of [
        ["manager", MANAGER],
        ["general_manager", GENERAL_MANAGER],
        ["finance", FINANCE],
      ] as const) {
        order = recordApproval(order, { at: hoursLater(hour++), by, role, decision: "approved" });
      }
    }
    order = changeOrderStatus(order, step, {
      at: hoursLater(hour++),
      by: step === "approved" ? MANAGER : SALESPERSON,
      ...(step === "contracted" ? { contractId: newId("contract") } : {}),
      ...(step === "allocated" && order.vehicle.kind === "configuration"
        ? { allocatedVehicleId: newId("vehicle") }
        : {}),
    });
  }
  if (order.status !== status) throw new Error(`fixture cannot reach ${status}`);
  return order;
}
