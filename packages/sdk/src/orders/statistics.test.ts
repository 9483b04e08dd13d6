import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { localDate } from "../primitives/time.js";
import { ID4_ORDER, makeOrder, PASSAT_ORDER } from "./fixtures.js";
import type { Order, OrderStatus } from "./schema.js";
import { orderModelKey, orderStatistics } from "./statistics.js";

const STORE_A = newId("store");
const STORE_B = newId("store");
const ALICE = newId("salesperson");
const BOB = newId("salesperson");

function sale(
  createdAt: string,
  amount: number,
  extra: { store?: string; by?: string; status?: OrderStatus; factory?: boolean } = {},
): Order {
  const order = makeOrder(extra.factory ? ID4_ORDER : PASSAT_ORDER);
  return {
    ...order,
    status: extra.status ?? "approved",
    storeId: extra.store ?? STORE_A,
    salespersonId: extra.by ?? ALICE,
    total: { amount, currency: "CNY" },
    createdAt,
  };
}

const cny = (amount: number) => ({ amount, currency: "CNY" });

describe("orderStatistics", () => {
  const orders = [
    sale("2026-11-27T10:00:00+08:00", 20_000_000),
    sale("2026-11-28T10:00:00+08:00", 30_000_000, { by: BOB, factory: true }),
    // 01:00 on 1 December in Beijing, still November in UTC.
    sale("2026-11-30T17:00:00Z", 25_000_000, { store: STORE_B, by: BOB, factory: true }),
    sale("2026-12-02T10:00:00+08:00", 10_000_000, { status: "cancelled" }),
    sale("2026-12-03T10:00:00+08:00", 10_000_000, { status: "draft" }),
  ];

  it("counts orders and revenue by model, month, store and salesperson in the store's zone", () => {
    const stats = orderStatistics(orders);
    expect(stats).toMatchObject({
      orders: 3,
      revenue: cny(75_000_000),
      period: "month",
      timeZone: "Asia/Shanghai",
    });
    expect(stats.byPeriod).toEqual([
      { key: "2026-11", orders: 2, revenue: cny(50_000_000) },
      { key: "2026-12", orders: 1, revenue: cny(25_000_000) },
    ]);
    expect(stats.byModel).toEqual([
      { key: "Volkswagen ID.4 Pro", orders: 2, revenue: cny(55_000_000) },
      { key: "Passat 380TSI 豪华版", orders: 1, revenue: cny(20_000_000) },
    ]);
    expect(stats.byStore).toEqual([
      { key: STORE_A, orders: 2, revenue: cny(50_000_000) },
      { key: STORE_B, orders: 1, revenue: cny(25_000_000) },
    ]);
    expect(stats.bySalesperson).toEqual([
      { key: BOB, orders: 2, revenue: cny(55_000_000) },
      { key: ALICE, orders: 1, revenue: cny(20_000_000) },
    ]);
    expect(stats.skipped).toEqual({ count: 0, examples: [] });
  });

  it("groups by day and ISO week, in any zone", () => {
    expect(orderStatistics(orders, { period: "day" }).byPeriod.map((r) => r.key)).toEqual([
      "2026-11-27",
      "2026-11-28",
      "2026-12-01",
    ]);
    expect(orderStatistics(orders, { period: "week" }).byPeriod).toEqual([
      { key: "2026-W48", orders: 2, revenue: cny(50_000_000) },
      { key: "2026-W49", orders: 1, revenue: cny(25_000_000) },
    ]);
    expect(orderStatistics(orders, { timeZone: "UTC" }).byPeriod).toEqual([
      { key: "2026-11", orders: 3, revenue: cny(75_000_000) },
    ]);
    // 1 January 2027 is a Friday: ISO week 53 of 2026.
    const newYear = [sale("2027-01-01T12:00:00+08:00", 1), sale("2027-01-04T12:00:00+08:00", 1)];
    expect(orderStatistics(newYear, { period: "week" }).byPeriod.map((r) => r.key)).toEqual([
      "2026-W53",
      "2027-W01",
    ]);
  });

  it("takes the statuses, the date field and the model key from the caller", () => {
    const all = orderStatistics(orders, {
      statuses: ["approved", "cancelled", "draft"],
      modelOf: (order) => (order.vehicle.kind === "configuration" ? "NEV" : "ICE"),
    });
    expect(all.orders).toBe(5);
    expect(all.byModel.map((r) => r.key)).toEqual(["NEV", "ICE"]);
    const delivered = {
      ...sale("2026-10-01T10:00:00+08:00", 5, { status: "delivered" }),
      deliveredAt: "2026-11-15T10:00:00+08:00",
    };
    expect(orderStatistics([delivered], { dateField: "deliveredAt" }).byPeriod[0]?.key).toBe(
      "2026-11",
    );
    expect(
      orderStatistics([sale("2026-10-01T10:00:00+08:00", 5)], { dateField: "deliveredAt" }).skipped
        .count,
    ).toBe(1);
  });

  it("skips bad rows and says why, or throws when told to", () => {
    const bad = [
      { ...orders[0]!, status: "won" as OrderStatus },
      { ...orders[0]!, total: { amount: 1.5, currency: "CNY" } },
      { ...orders[0]!, total: { amount: 100, currency: "USD" } },
      { ...orders[0]!, createdAt: "last Tuesday" },
      orders[0]!,
    ];
    const stats = orderStatistics(bad);
    expect(stats.orders).toBe(1);
    expect(stats.skipped).toEqual({
      count: 4,
      examples: [
        { path: "orders.0.status", message: '"won" is not an order status' },
        { path: "orders.1.total.amount", message: "must be an integer of minor units" },
        { path: "orders.2.total.currency", message: "is USD; the statistics are in CNY" },
        { path: "orders.3.createdAt", message: "must be an ISO 8601 instant" },
      ],
    });
    expect(() => orderStatistics(bad, { onInvalid: "throw" })).toThrow(
      'Invalid orders for statistics: orders.0.status: "won" is not an order status',
    );
    expect(() => orderStatistics(bad, { period: "year" } as never)).toThrow(ValidationError);
    expect(() => orderStatistics(bad, { timeZone: "Mars/Olympus" })).toThrow(/timeZone/);
  });

  it("keys stock cars by the vehicle line's code, then its description", () => {
    expect(orderModelKey(makeOrder())).toBe("Passat 380TSI 豪华版");
    const coded = makeOrder({
      ...PASSAT_ORDER,
      lines: [
        { kind: "vehicle", description: "Passat", code: "PASSAT-380", amount: { amount: 1 } },
      ],
      financing: undefined,
      tradeIn: undefined,
    });
    expect(orderModelKey(coded)).toBe("PASSAT-380");
  });

  it("reads local days as the time primitives do, across DST and odd offsets", () => {
    const zone = fc.constantFrom(
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "Asia/Shanghai",
    );
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(
        zone,
        fc.array(instant, { minLength: 1, maxLength: 20 }),
        (timeZone, instants) => {
          const list = instants.map((ms) => sale(new Date(ms).toISOString(), 1));
          const keys = orderStatistics(list, { period: "day", timeZone }).byPeriod.map(
            (r) => r.key,
          );
          expect(keys).toEqual([...new Set(instants.map((ms) => localDate(ms, timeZone)))].sort());
        },
      ),
    );
  });

  it("adds up: every dimension sums to the totals", () => {
    const arbitraryOrder = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      amount: fc.integer({ min: 0, max: 50_000_000 }),
      store: fc.constantFrom(STORE_A, STORE_B),
      by: fc.constantFrom(ALICE, BOB),
      factory: fc.boolean(),
      status: fc.constantFrom<OrderStatus>("approved", "delivered", "cancelled", "draft"),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryOrder, { maxLength: 30 }),
        fc.constantFrom("day", "week", "month" as const),
        (specs, period) => {
          const list = specs.map((s) =>
            sale(
              new Date(Date.UTC(2026, 0, 1) + s.day * 86_400_000 + 3_600_000 * 7).toISOString(),
              s.amount,
              s,
            ),
          );
          const stats = orderStatistics(list, { period });
          for (const rows of [stats.byModel, stats.byPeriod, stats.byStore, stats.bySalesperson]) {
            expect(rows.reduce((s, r) => s + r.orders, 0)).toBe(stats.orders);
            expect(rows.reduce((s, r) => s + r.revenue.amount, 0)).toBe(stats.revenue.amount);
          }
          expect(stats.orders).toBe(
            specs.filter((s) => s.status !== "cancelled" && s.status !== "draft").length,
          );
        },
      ),
    );
  });
});
