import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TransitionError, ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import {
  FINANCE,
  GENERAL_MANAGER,
  hoursLater,
  ID4_ORDER,
  MANAGER,
  makeOrder,
  orderAt,
  PASSAT_ORDER,
  SALESPERSON,
} from "./fixtures.js";
import {
  canChangeOrderStatus,
  changeOrderStatus,
  ORDER_CANCELLABLE_STATUSES,
  recordApproval,
} from "./lifecycle.js";
import { ORDER_STATUS_TRANSITIONS, type OrderInput, orderStatusSchema } from "./schema.js";

const bigDiscount: OrderInput = {
  ...PASSAT_ORDER,
  lines: PASSAT_ORDER.lines.map((line) =>
    line.kind === "discount" ? { ...line, amount: { amount: -2_500_000 } } : line,
  ),
};

function submitted(input: OrderInput = bigDiscount) {
  return changeOrderStatus(makeOrder(input), "submitted", { at: hoursLater(1), by: SALESPERSON });
}

describe("changeOrderStatus", () => {
  it("walks an order from draft to delivered, one version and one history entry a step", () => {
    const delivered = orderAt("delivered");
    expect(delivered.statusHistory.map((c) => `${c.from}→${c.to}`)).toEqual([
      "draft→submitted",
      "submitted→approved",
      "approved→contracted",
      "contracted→allocated",
      "allocated→in_transit",
      "in_transit→arrived",
      "arrived→delivered",
    ]);
    expect(delivered.version).toBe(1 + 7 + 3); // seven moves, three approvals
    expect(delivered.deliveredAt).toBe(delivered.statusHistory.at(-1)?.at);
    expect(delivered.contractId).toMatch(/^ctr_/);
    // A stock order is allocated its own vehicle.
    expect(delivered.allocatedVehicleId).toBe(
      PASSAT_ORDER.vehicle.kind === "stock" ? PASSAT_ORDER.vehicle.vehicleId : undefined,
    );
  });

  it("leaves the input alone", () => {
    const draft = makeOrder();
    const copy = structuredClone(draft);
    changeOrderStatus(draft, "submitted", { at: hoursLater(1), by: SALESPERSON });
    expect(draft).toEqual(copy);
  });

  it("refuses moves the map does not allow, naming what is allowed", () => {
    const draft = makeOrder();
    expect(() => changeOrderStatus(draft, "approved", { at: hoursLater(1), by: MANAGER })).toThrow(
      'Order cannot move from "draft" to "approved"; allowed from "draft": "submitted", "cancelled"',
    );
    const delivered = orderAt("delivered");
    try {
      changeOrderStatus(delivered, "cancelled", { at: hoursLater(99), by: MANAGER, reason: "x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TransitionError);
      expect((error as TransitionError).allowed).toEqual([]);
      expect((error as TransitionError).message).toMatch(/none \(final state\)/);
    }
  });

  it("agrees with the transition map for every pair of statuses", () => {
    const status = fc.constantFrom(...orderStatusSchema.options);
    fc.assert(
      fc.property(status, status, (from, to) => {
        const order = { ...makeOrder(), status: from };
        let moved = true;
        try {
          changeOrderStatus(order, to, {
            at: hoursLater(1),
            by: MANAGER,
            reason: "test",
            contractId: newId("contract"),
          });
        } catch (error) {
          if (!(error instanceof TransitionError)) throw error;
          moved = false;
        }
        expect(moved).toBe(canChangeOrderStatus(from, to));
        expect(moved).toBe(ORDER_STATUS_TRANSITIONS[from].includes(to));
      }),
    );
  });

  it("cancels from every state before delivery, with a reason", () => {
    expect(ORDER_CANCELLABLE_STATUSES).toEqual([
      "draft",
      "submitted",
      "approved",
      "contracted",
      "allocated",
      "in_transit",
      "arrived",
    ]);
    const contracted = orderAt("contracted");
    expect(() =>
      changeOrderStatus(contracted, "cancelled", { at: hoursLater(50), by: MANAGER }),
    ).toThrow(
      'Invalid status change: reason: moving from "contracted" to "cancelled" needs a reason',
    );
    const cancelled = changeOrderStatus(contracted, "cancelled", {
      at: hoursLater(50),
      by: MANAGER,
      reason: "Customer bought elsewhere",
    });
    expect(cancelled.cancelReason).toBe("Customer bought elsewhere");
    expect(cancelled.statusHistory.at(-1)).toMatchObject({
      to: "cancelled",
      note: "Customer bought elsewhere",
    });
  });

  it("needs a reason to send a submitted order back to draft", () => {
    expect(() =>
      changeOrderStatus(submitted(), "draft", { at: hoursLater(2), by: MANAGER }),
    ).toThrow(/needs a reason/);
  });

  it("approves only once every role the rules require has approved since submission", () => {
    let order = submitted();
    const approve = () => changeOrderStatus(order, "approved", { at: hoursLater(5), by: MANAGER });
    try {
      approve();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.message)).toEqual([
        "needs approval by manager: discount 25000.00 CNY is 10.83 % of the list price 230800.00 CNY, above the 5.00 % limit",
        "needs approval by general_manager: discount 25000.00 CNY is 10.83 % of the list price 230800.00 CNY, above the 10.00 % limit",
      ]);
    }
    order = recordApproval(order, {
      at: hoursLater(2),
      by: MANAGER,
      role: "manager",
      decision: "approved",
    });
    expect(approve).toThrow(/needs approval by general_manager/);
    order = recordApproval(order, {
      at: hoursLater(3),
      by: GENERAL_MANAGER,
      role: "general_manager",
      decision: "approved",
      note: "Year-end target",
    });
    expect(order.approvals.at(-1)).toMatchObject({ role: "general_manager", rules: ["discount"] });
    expect(approve().status).toBe("approved");
  });

  it("approves an order that needs nobody without approvals", () => {
    const order = submitted(PASSAT_ORDER);
    expect(changeOrderStatus(order, "approved", { at: hoursLater(2), by: MANAGER }).status).toBe(
      "approved",
    );
    // …unless the caller's rules or facts say otherwise.
    expect(() =>
      changeOrderStatus(order, "approved", {
        at: hoursLater(2),
        by: MANAGER,
        approval: { floorPrice: { amount: 23_000_000 } },
      }),
    ).toThrow(/needs approval by general_manager: net vehicle price/);
  });

  it("blocks approval after a rejection, and forgets approvals of an earlier submission", () => {
    let order = submitted();
    order = recordApproval(order, {
      at: hoursLater(2),
      by: GENERAL_MANAGER,
      role: "general_manager",
      decision: "rejected",
      note: "Too deep",
    });
    expect(() => changeOrderStatus(order, "approved", { at: hoursLater(3), by: MANAGER })).toThrow(
      /rejected by general_manager: Too deep/,
    );
    order = recordApproval(order, {
      at: hoursLater(3),
      by: MANAGER,
      role: "manager",
      decision: "approved",
    });
    order = changeOrderStatus(order, "draft", {
      at: hoursLater(4),
      by: MANAGER,
      reason: "Rework the price",
    });
    order = changeOrderStatus(order, "submitted", { at: hoursLater(5), by: SALESPERSON });
    expect(() => changeOrderStatus(order, "approved", { at: hoursLater(6), by: MANAGER })).toThrow(
      /needs approval by manager.*needs approval by general_manager/,
    );
  });

  it("takes approvals only on a submitted order", () => {
    expect(() =>
      recordApproval(makeOrder(), {
        at: hoursLater(1),
        by: FINANCE,
        role: "finance",
        decision: "approved",
      }),
    ).toThrow(
      'Invalid approval: order.status: only a submitted order takes approvals; this one is "draft"',
    );
    expect(() =>
      recordApproval(submitted(), {
        at: hoursLater(2),
        by: FINANCE,
        role: "Finance",
        decision: "approved",
      }),
    ).toThrow(/role: must be a role in snake_case/);
  });

  it("needs a contract to be contracted and a vehicle to be allocated", () => {
    const approved = orderAt("approved");
    expect(() =>
      changeOrderStatus(approved, "contracted", { at: hoursLater(20), by: SALESPERSON }),
    ).toThrow("Invalid status change: contractId: a contracted order needs its signed contract");
    const factory = orderAt("contracted", ID4_ORDER);
    expect(() =>
      changeOrderStatus(factory, "allocated", { at: hoursLater(30), by: SALESPERSON }),
    ).toThrow(/allocatedVehicleId: an allocated order needs the vehicle assigned/);
    const vehicleId = newId("vehicle");
    const allocated = changeOrderStatus(factory, "allocated", {
      at: hoursLater(30),
      by: SALESPERSON,
      allocatedVehicleId: vehicleId,
      expectedDeliveryDate: "2027-01-20",
    });
    expect(allocated).toMatchObject({
      allocatedVehicleId: vehicleId,
      expectedDeliveryDate: "2027-01-20",
    });
  });

  it("refuses a change dated before the last one, and unknown options", () => {
    const order = submitted();
    expect(() =>
      changeOrderStatus(order, "cancelled", { at: hoursLater(0), by: MANAGER, reason: "x" }),
    ).toThrow(/at: .* is before the order's last change/);
    expect(() =>
      changeOrderStatus(order, "cancelled", {
        at: hoursLater(2),
        by: MANAGER,
        reason: "x",
        force: true,
      } as never),
    ).toThrow(/Unrecognized key/);
  });
});
