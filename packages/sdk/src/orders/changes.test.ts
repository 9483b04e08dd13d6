import { describe, expect, it } from "vitest";
import { ConflictError, TransitionError, ValidationError } from "../errors.js";
import {
  applyOrderChange,
  decideOrderChange,
  type OrderChangeRequest,
  requestOrderChange,
} from "./changes.js";
import {
  hoursLater,
  ID4_ORDER,
  MANAGER,
  makeOrder,
  orderAt,
  PASSAT_ORDER,
  SALESPERSON,
} from "./fixtures.js";
import type { Order, OrderInput, OrderLineInput } from "./schema.js";

const requested = {
  requestedBy: SALESPERSON,
  requestedAt: hoursLater(2),
  reason: "Customer asked",
};
const linesWithDiscount = (amount: number): OrderLineInput[] =>
  PASSAT_ORDER.lines.map((line) =>
    line.kind === "discount" ? { ...line, amount: { amount: -amount } } : line,
  );
const priceChange = (discount: number): OrderChangeRequest => ({
  kind: "price",
  ...requested,
  after: linesWithDiscount(discount),
});

describe("requestOrderChange", () => {
  it("sends a price drop beyond the discount limit back to approval, with the diff", () => {
    const order = makeOrder();
    const { change, proposed } = requestOrderChange(order, priceChange(1_500_000));
    expect(change).toMatchObject({
      kind: "price",
      status: "pending",
      orderId: order.id,
      baseVersion: 1,
      requiresApproval: true,
      approvers: ["manager"],
      version: 1,
    });
    expect(change.id).toMatch(/^ochg_/);
    expect(change.approvalReasons?.[0]?.message).toMatch(/discount 15000.00 CNY is 6.49 %/);
    expect(change.diff).toEqual([
      { path: "lines.3.amount.amount", before: -1_000_000, after: -1_500_000 },
      {
        path: "total",
        before: { amount: 17_730_000, currency: "CNY" },
        after: { amount: 17_230_000, currency: "CNY" },
      },
    ]);
    expect(proposed).toMatchObject({ orderId: order.id, version: 2, changeRequestId: change.id });
    expect(proposed.total.amount).toBe(17_230_000);
  });

  it("lets a small price drop through, and a rise on an already approved exception", () => {
    expect(requestOrderChange(makeOrder(), priceChange(1_100_000)).change.requiresApproval).toBe(
      false,
    );
    const deep: OrderInput = { ...PASSAT_ORDER, lines: linesWithDiscount(2_500_000) };
    const raised = requestOrderChange(makeOrder(deep), priceChange(2_400_000)).change;
    expect(raised.requiresApproval).toBe(false); // still 10.4 %, but the price went up
    const deeper = requestOrderChange(makeOrder(deep), priceChange(2_600_000)).change;
    expect(deeper.approvers).toEqual(["manager", "general_manager"]);
  });

  it("moves a delivery date within the tolerance freely, beyond it with the manager", () => {
    const order = makeOrder(); // promised 2026-12-20
    const near = requestOrderChange(order, {
      kind: "delivery_date",
      ...requested,
      after: "2026-12-27",
    });
    expect(near.change).toMatchObject({
      requiresApproval: false,
      approvers: [],
      before: "2026-12-20",
    });
    expect(near.change.diff).toEqual([
      { path: "requestedDeliveryDate", before: "2026-12-20", after: "2026-12-27" },
    ]);
    const far = requestOrderChange(order, {
      kind: "delivery_date",
      ...requested,
      after: "2026-12-28",
    });
    expect(far.change.approvalReasons).toEqual([
      {
        rule: "delivery_date",
        approver: "manager",
        message:
          "delivery date moves 8 days (2026-12-20 → 2026-12-28), more than the 7 allowed without approval",
      },
    ]);
    const wider = requestOrderChange(
      order,
      { kind: "delivery_date", ...requested, after: "2026-12-28" },
      { deliveryDateToleranceDays: 14 },
    );
    expect(wider.change.requiresApproval).toBe(false);
    const { requestedDeliveryDate: _date, ...undated } = PASSAT_ORDER;
    const first = requestOrderChange(makeOrder(undated), {
      kind: "delivery_date",
      ...requested,
      after: "2027-03-01",
    });
    expect(first.change.requiresApproval).toBe(false);
  });

  it("sends a configuration change to the manager, plus what the rules say", () => {
    const order = makeOrder(ID4_ORDER);
    const after = {
      ...ID4_ORDER.vehicle,
      code: "ID4-PRO-2026B",
      exteriorColour: "Kings Red",
      optionCodes: ["PANO"],
    };
    const { kind: _kind, ...configuration } = after;
    const { change } = requestOrderChange(
      order,
      { kind: "configuration", ...requested, after: configuration },
      { approval: { orderableConfigurationCodes: ["ID4-PRO-2026"] } },
    );
    expect(change.approvalReasons?.map((r) => [r.rule, r.approver])).toEqual([
      ["configuration_change", "manager"],
      ["configuration", "manager"],
    ]);
    expect(change.approvers).toEqual(["manager"]);
    expect(change.diff).toEqual([
      { path: "vehicle.code", before: "ID4-PRO-2026", after: "ID4-PRO-2026B" },
      { path: "vehicle.exteriorColour", before: "Glacier White", after: "Kings Red" },
      { path: "vehicle.optionCodes", before: [], after: ["PANO"] },
    ]);
    const relaxed = requestOrderChange(
      order,
      { kind: "configuration", ...requested, after: { ...configuration, code: "ID4-PRO-2026" } },
      { configurationApprover: null },
    );
    expect(relaxed.change.requiresApproval).toBe(false);
  });

  it("refuses changes the order cannot take", () => {
    const stock = makeOrder();
    const configuration = { brand: "VW", series: "Passat", model: "380TSI" };
    expect(() =>
      requestOrderChange(stock, { kind: "configuration", ...requested, after: configuration }),
    ).toThrow(/only a factory order \(by configuration\) changes configuration/);
    const allocated = orderAt("allocated", ID4_ORDER);
    expect(() =>
      requestOrderChange(allocated, {
        kind: "configuration",
        ...requested,
        requestedAt: hoursLater(40),
        after: configuration,
      }),
    ).toThrow(/the configuration is fixed once the order is allocated/);
    const delivered = orderAt("delivered");
    expect(() => requestOrderChange(delivered, priceChange(900_000))).toThrow(
      /a delivered order cannot be changed/,
    );
  });

  it("refuses a change that changes nothing or leaves an invalid order", () => {
    const order = makeOrder();
    expect(() => requestOrderChange(order, priceChange(1_000_000))).toThrow(
      "Invalid order change: after: is the same as before: the change changes nothing",
    );
    expect(() =>
      requestOrderChange(order, {
        kind: "price",
        ...requested,
        after: [{ kind: "accessory", description: "Mats", amount: { amount: 45_000 } }],
      }),
    ).toThrow(/Invalid order after the change: lines: needs a vehicle line/);
    expect(() => requestOrderChange(order, priceChange(20_000_000))).toThrow(
      /discounts and trade-in credit exceed the price/,
    );
    expect(() => requestOrderChange(order, { ...priceChange(1_200_000), reason: " " })).toThrow(
      /reason: must say why the order changes/,
    );
    expect(() =>
      requestOrderChange(order, priceChange(1_200_000), { deliveryDateToleranceDays: -1 }),
    ).toThrow(ValidationError);
  });
});

describe("applyOrderChange", () => {
  const at = hoursLater(3);

  it("applies a change that needs no approval: new version, new terms version, the record", () => {
    const order = makeOrder();
    const { change } = requestOrderChange(order, {
      kind: "delivery_date",
      ...requested,
      after: "2026-12-22",
    });
    const applied = applyOrderChange(order, change, { at });
    expect(applied.order).toMatchObject({
      requestedDeliveryDate: "2026-12-22",
      termsVersion: 2,
      version: 2,
      updatedAt: at,
    });
    expect(applied.change).toMatchObject({
      status: "applied",
      appliedAt: at,
      resultingVersion: 2,
      version: 2,
    });
    expect(applied.version).toMatchObject({
      orderId: order.id,
      version: 2,
      changeRequestId: change.id,
      createdAt: at,
    });
    expect(applied.contractOutdated).toBe(false);
  });

  it("waits for approval, then recomputes the total", () => {
    const order = makeOrder();
    const { change } = requestOrderChange(order, priceChange(1_500_000));
    expect(() => applyOrderChange(order, change, { at })).toThrow(
      `Order change ${change.id} needs approval by manager first`,
    );
    const approved = decideOrderChange(change, { at, by: MANAGER, decision: "approved" });
    expect(approved).toMatchObject({ status: "approved", decidedBy: MANAGER, version: 2 });
    const applied = applyOrderChange(order, approved, { at: hoursLater(4) });
    expect(applied.order.total).toEqual({ amount: 17_230_000, currency: "CNY" });
    expect(applied.order.lines[3]?.amount.amount).toBe(-1_500_000);
  });

  it("refuses a rejected or withdrawn change, and decisions on a closed one", () => {
    const order = makeOrder();
    const { change } = requestOrderChange(order, priceChange(1_500_000));
    const rejected = decideOrderChange(change, {
      at,
      by: MANAGER,
      decision: "rejected",
      note: "No",
    });
    expect(() => applyOrderChange(order, rejected, { at })).toThrow(TransitionError);
    expect(() => decideOrderChange(rejected, { at, by: MANAGER, decision: "approved" })).toThrow(
      'Order change cannot move from "rejected" to "approved"; allowed from "rejected": none (final state)',
    );
  });

  it("refuses a change written against older terms", () => {
    const order = makeOrder();
    const first = requestOrderChange(order, {
      kind: "delivery_date",
      ...requested,
      after: "2026-12-22",
    });
    const second = requestOrderChange(order, priceChange(1_100_000));
    const { order: changed } = applyOrderChange(order, first.change, { at });
    try {
      applyOrderChange(changed, second.change, { at });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).code).toBe("stale_order_change");
    }
  });

  it("says when a contracted order's contract no longer matches", () => {
    const contracted: Order = orderAt("contracted");
    const { change } = requestOrderChange(contracted, {
      kind: "delivery_date",
      ...requested,
      requestedAt: hoursLater(20),
      after: "2026-12-21",
    });
    expect(applyOrderChange(contracted, change, { at: hoursLater(21) }).contractOutdated).toBe(
      true,
    );
  });

  it("refuses a change meant for another order", () => {
    const { change } = requestOrderChange(makeOrder(), priceChange(1_100_000));
    expect(() => applyOrderChange(makeOrder(), change, { at })).toThrow(/orderId: is for order/);
  });
});
