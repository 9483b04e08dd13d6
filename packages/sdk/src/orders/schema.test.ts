import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import {
  formatOrderNumber,
  ORDER_STATUS_TRANSITIONS,
  type Order,
  type OrderInput,
  orderInputSchema,
  orderStatusSchema,
  orderTotal,
  type ParsedOrderInput,
} from "./index.js";

function issuesOf(input: unknown) {
  try {
    parseInput(orderInputSchema, input, "order input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const order = {
  customerId: newId("customer"),
  storeId: newId("store"),
  salespersonId: newId("salesperson"),
  vehicle: { kind: "stock", vin: "LSVAU2180N2183294" },
  lines: [
    { kind: "vehicle", description: "Passat 380TSI 豪华版", amount: { amount: 22_990_000 } },
    {
      kind: "accessory",
      description: "All-weather mats",
      code: "ACC-MAT",
      quantity: 2,
      amount: { amount: 45_000 },
    },
    { kind: "fee", description: "上牌服务费", amount: { amount: 150_000 } },
    { kind: "discount", description: "Auto show discount", amount: { amount: -1_000_000 } },
    { kind: "trade_in_credit", description: "2017 Corolla", amount: { amount: -4_500_000 } },
  ],
  tradeIn: {
    vin: "LFMAPE2C0H0123456",
    brand: "Toyota",
    model: "Corolla",
    year: 2017,
    mileageKm: 98_000,
    appraisedValue: { amount: 4_500_000 },
  },
  financing: {
    lender: "上汽通用汽车金融",
    downPayment: { amount: 5_000_000 },
    termMonths: 36,
    annualRateBps: 399,
  },
  requestedDeliveryDate: "2026-12-20",
} satisfies OrderInput;

describe("orderInputSchema", () => {
  it("accepts an order with options, fees, a discount, a trade-in and financing", () => {
    const parsed = parseInput(orderInputSchema, order, "order input");
    expect(parsed.financing?.method).toBe("equal_instalment");
    expect(parsed.lines[1]?.quantity).toBe(2);
    expect(orderTotal(parsed.lines)).toEqual({ amount: 17_730_000, currency: "CNY" });
  });

  it("accepts a factory order by configuration", () => {
    const parsed = parseInput(
      orderInputSchema,
      {
        ...order,
        vehicle: {
          kind: "configuration",
          brand: "Volkswagen",
          series: "ID.4",
          model: "ID.4 Pro",
          optionCodes: ["PANO"],
        },
      },
      "order input",
    );
    expect(parsed.vehicle.kind).toBe("configuration");
  });

  it("requires discount and trade-in lines to be negative and the others not", () => {
    expect(
      issuesOf({
        ...order,
        lines: [
          order.lines[0],
          { kind: "discount", description: "VIP", amount: { amount: 500_000 } },
        ],
      }),
    ).toEqual([
      ["lines.1.amount.amount", "must be negative on a discount line (it lowers the total)"],
    ]);
    expect(
      issuesOf({
        ...order,
        lines: [order.lines[0], { kind: "fee", description: "refund", amount: { amount: -100 } }],
      }),
    ).toEqual([
      ["lines.1.amount.amount", "must not be negative on a fee line (use a discount line)"],
    ]);
  });

  it("rejects a down payment above the total", () => {
    expect(
      issuesOf({
        ...order,
        financing: { ...order.financing, downPayment: { amount: 20_000_000 } },
      }),
    ).toEqual([["financing.downPayment", "must not be more than the order total"]]);
  });

  it("rejects a rate that is not whole basis points, and a zero term", () => {
    const issues = issuesOf({
      ...order,
      financing: { ...order.financing, annualRateBps: 3.99, termMonths: 0, method: "balloon" },
    });
    expect(issues).toContainEqual([
      "financing.annualRateBps",
      "must be whole basis points (3.5 % is 350)",
    ]);
    expect(issues).toContainEqual(["financing.termMonths", "must be at least 1 month"]);
    expect(issues.map(([path]) => path)).toContain("financing.method");
  });

  it("needs a vehicle line, one currency, and a trade-in for trade-in credit", () => {
    expect(issuesOf({ ...order, financing: undefined, lines: order.lines.slice(1, 3) })).toEqual([
      ["lines", "needs a vehicle line"],
    ]);
    expect(
      issuesOf({
        ...order,
        lines: [
          order.lines[0],
          { kind: "fee", description: "x", amount: { amount: 100, currency: "USD" } },
        ],
      }),
    ).toEqual([["lines.1.amount.currency", "must be CNY like the first line"]]);
    const { tradeIn: _, ...noTradeIn } = order;
    expect(issuesOf(noTradeIn)).toEqual([
      ["tradeIn", "is required when the order has a trade_in_credit line"],
    ]);
  });

  it("rejects a negative total", () => {
    expect(
      issuesOf({
        ...order,
        financing: undefined,
        lines: [
          order.lines[0],
          { kind: "discount", description: "too much", amount: { amount: -30_000_000 } },
        ],
      }),
    ).toEqual([["lines", "discounts and trade-in credit exceed the price: the total is negative"]]);
  });

  it("needs the stock vehicle named, and no lines is an error", () => {
    expect(issuesOf({ ...order, vehicle: { kind: "stock" } })).toEqual([
      ["vehicle.vehicleId", "name the stock vehicle by vehicleId or vin"],
    ]);
    expect(issuesOf({ ...order, lines: [] })).toEqual([
      ["lines", "an order needs at least a vehicle line"],
    ]);
  });

  it("rejects an order number that is a number", () => {
    const [issue] = issuesOf({ ...order, orderNumber: 20261127001 });
    expect(issue?.[0]).toBe("orderNumber");
  });
});

describe("formatOrderNumber", () => {
  it("builds store code, date and a padded sequence", () => {
    expect(formatOrderNumber({ storeCode: "BJ01", date: "2026-11-27", sequence: 7 })).toBe(
      "BJ01-20261127-0007",
    );
  });

  it("names each bad part", () => {
    try {
      formatOrderNumber({ storeCode: "bj", date: "27/11/2026", sequence: 0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
        "storeCode",
        "date",
        "sequence",
      ]);
    }
  });
});

describe("ORDER_STATUS_TRANSITIONS", () => {
  it("walks draft to delivered and allows cancelling until delivery", () => {
    expect(Object.keys(ORDER_STATUS_TRANSITIONS).sort()).toEqual(
      [...orderStatusSchema.options].sort(),
    );
    const path = [
      "draft",
      "submitted",
      "approved",
      "contracted",
      "allocated",
      "in_transit",
      "arrived",
      "delivered",
    ] as const;
    for (let i = 0; i < path.length - 1; i++) {
      expect(ORDER_STATUS_TRANSITIONS[path[i]!]).toContain(path[i + 1]);
      expect(ORDER_STATUS_TRANSITIONS[path[i]!]).toContain("cancelled");
    }
    expect(ORDER_STATUS_TRANSITIONS.delivered).toEqual([]);
    expect(ORDER_STATUS_TRANSITIONS.cancelled).toEqual([]);
  });
});

describe("order types", () => {
  it("exposes money as integer amounts with a currency and the status union", () => {
    expectTypeOf<Order["total"]>().toEqualTypeOf<{ amount: number; currency: string }>();
    expectTypeOf<Order["status"]>().toExtend<string>();
    expectTypeOf<ParsedOrderInput["lines"][number]["quantity"]>().toEqualTypeOf<number>();
    expectTypeOf<OrderInput["lines"][number]["quantity"]>().toEqualTypeOf<number | undefined>();
  });
});
