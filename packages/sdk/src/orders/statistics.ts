import { z } from "zod";
import { ValidationError } from "../errors.js";
import { currencySchema, DEFAULT_CURRENCY, type Money } from "../primitives/money.js";
import { DEFAULT_TIME_ZONE, timeZoneSchema, zoneOffsetMs } from "../primitives/time.js";
import { parseInput } from "../validate.js";
import { type Order, type OrderStatus, orderStatusSchema } from "./schema.js";

/*
 * Orders and revenue by model, period, store and salesperson, in one pass over stored orders with
 * a Map per dimension. The orders were validated when they were written, so they are not parsed
 * again (that would dominate at a dealer group's volume); each row gets cheap guards against
 * what would corrupt the figures (an unknown status, a total that is not integer minor units in
 * the reporting currency, an unreadable date). A bad row is skipped and counted, or with
 * `onInvalid: "throw"` raises a `ValidationError` naming its index.
 */

/** Orders that count as sales unless `statuses` says otherwise: all but drafts and cancellations. */
export const DEFAULT_STATISTICS_STATUSES: readonly OrderStatus[] = Object.freeze(
  orderStatusSchema.options.filter((s) => s !== "draft" && s !== "cancelled"),
);
/** How many skipped rows are described in a result. */
export const ORDER_STATISTICS_SKIPPED_EXAMPLES = 10;

const statisticsOptionsSchema = z.strictObject({
  /** The period rows: local day `2026-11-27`, ISO week `2026-W48` or month `2026-11`. */
  period: z.enum(["day", "week", "month"]).default("month"),
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** The instant that places an order in a period: entry (default) or delivery. */
  dateField: z.enum(["createdAt", "deliveredAt"]).default("createdAt"),
  statuses: z.array(orderStatusSchema).optional(),
  /** Revenue is reported in one currency; an order in another is a bad row. */
  currency: currencySchema.default(DEFAULT_CURRENCY),
  onInvalid: z.enum(["skip", "throw"]).default("skip"),
});

/** The fields the statistics read from each stored order. */
export type StatisticsOrder = Pick<
  Order,
  "id" | "status" | "storeId" | "salespersonId" | "vehicle" | "lines" | "total" | "createdAt"
> &
  Partial<Pick<Order, "deliveredAt">>;

export type OrderStatisticsOptions = z.input<typeof statisticsOptionsSchema> & {
  /** The model an order counts under; by default the configuration's brand and model, or the
   *  vehicle line's code (its description when it has none) for a stock vehicle. */
  modelOf?: (order: StatisticsOrder) => string;
};

export interface OrderStatisticsRow {
  key: string;
  orders: number;
  revenue: Money;
}

export interface OrderStatistics {
  currency: string;
  period: "day" | "week" | "month";
  timeZone: string;
  orders: number;
  revenue: Money;
  /** By revenue, highest first (then by count, then key). */
  byModel: OrderStatisticsRow[];
  /** In time order. */
  byPeriod: OrderStatisticsRow[];
  byStore: OrderStatisticsRow[];
  bySalesperson: OrderStatisticsRow[];
  skipped: { count: number; examples: { path: string; message: string }[] };
}

/** The default model key: what a sales report calls the car. */
export function orderModelKey(order: Pick<StatisticsOrder, "vehicle" | "lines">): string {
  if (order.vehicle.kind === "configuration") {
    return `${order.vehicle.brand} ${order.vehicle.model}`;
  }
  const line = order.lines.find((l) => l.kind === "vehicle");
  return line?.code ?? line?.description ?? "unknown";
}

/** Code-unit order: the same everywhere, whatever the runtime's locale. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const pad = (n: number) => String(n).padStart(2, "0");

/** ISO 8601 week of a calendar date: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeekKey(year: number, month: number, day: number): string {
  const date = Date.UTC(year, month - 1, day);
  const weekday = new Date(date).getUTCDay() || 7;
  const thursday = new Date(date + (4 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 / 7) + 1;
  return `${weekYear}-W${pad(week)}`;
}

/**
 * Orders and revenue (order totals) by model, period, store and salesperson. Pure and one pass:
 * stored orders in, sorted rows out.
 */
export function orderStatistics(
  orders: Iterable<StatisticsOrder>,
  options: OrderStatisticsOptions = {},
): OrderStatistics {
  const { modelOf = orderModelKey, ...rest } = options;
  const opts = parseInput(statisticsOptionsSchema, rest, "statistics options");
  const statuses = new Set<string>(opts.statuses ?? DEFAULT_STATISTICS_STATUSES);
  const known = new Set<string>(orderStatusSchema.options);
  const skipped: OrderStatistics["skipped"] = { count: 0, examples: [] };
  const reject = (index: number, field: string, message: string) => {
    const path = `orders.${index}${field ? `.${field}` : ""}`;
    if (opts.onInvalid === "throw") {
      throw new ValidationError(`Invalid orders for statistics: ${path}: ${message}`, [
        { path, message },
      ]);
    }
    skipped.count++;
    if (skipped.examples.length < ORDER_STATISTICS_SKIPPED_EXAMPLES) {
      skipped.examples.push({ path, message });
    }
  };

  // Zone offsets change only on quarter hours, so one lookup serves every order in the same
  // quarter hour; formatting each instant in the zone would dominate the pass.
  const offsets = new Map<number, number>();
  const periodOf = (ms: number): string => {
    const quarter = Math.floor(ms / 900_000);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = zoneOffsetMs(ms, opts.timeZone);
      offsets.set(quarter, offset);
    }
    const local = new Date(ms + offset);
    const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
    if (opts.period === "month") return `${y}-${pad(m)}`;
    if (opts.period === "day") return `${y}-${pad(m)}-${pad(d)}`;
    return isoWeekKey(y, m, d);
  };

  const dimensions = {
    byModel: new Map<string, { orders: number; revenue: number }>(),
    byPeriod: new Map<string, { orders: number; revenue: number }>(),
    byStore: new Map<string, { orders: number; revenue: number }>(),
    bySalesperson: new Map<string, { orders: number; revenue: number }>(),
  };
  const count = (
    map: Map<string, { orders: number; revenue: number }>,
    key: string,
    amount: number,
  ) => {
    const row = map.get(key);
    if (row) {
      row.orders++;
      row.revenue += amount;
    } else map.set(key, { orders: 1, revenue: amount });
  };

  let total = 0;
  let counted = 0;
  let index = -1;
  for (const order of orders) {
    index++;
    if (!known.has(order.status)) {
      reject(index, "status", `"${String(order.status)}" is not an order status`);
      continue;
    }
    if (!statuses.has(order.status)) continue;
    const amount = order.total?.amount;
    if (!Number.isSafeInteger(amount)) {
      reject(index, "total.amount", "must be an integer of minor units");
      continue;
    }
    if (order.total.currency !== opts.currency) {
      reject(
        index,
        "total.currency",
        `is ${order.total.currency}; the statistics are in ${opts.currency}`,
      );
      continue;
    }
    const instant = order[opts.dateField];
    const ms = typeof instant === "string" ? Date.parse(instant) : Number.NaN;
    if (!Number.isFinite(ms)) {
      reject(index, opts.dateField, "must be an ISO 8601 instant");
      continue;
    }
    total += amount;
    counted++;
    count(dimensions.byModel, modelOf(order), amount);
    count(dimensions.byPeriod, periodOf(ms), amount);
    count(dimensions.byStore, order.storeId, amount);
    count(dimensions.bySalesperson, order.salespersonId, amount);
  }

  const money = (amount: number): Money => ({ amount, currency: opts.currency });
  const rows = (map: Map<string, { orders: number; revenue: number }>, byKey = false) =>
    [...map]
      .map(([key, row]) => ({ key, orders: row.orders, revenue: money(row.revenue) }))
      .sort((a, b) =>
        byKey
          ? compareKeys(a.key, b.key)
          : b.revenue.amount - a.revenue.amount || b.orders - a.orders || compareKeys(a.key, b.key),
      );
  return {
    currency: opts.currency,
    period: opts.period,
    timeZone: opts.timeZone,
    orders: counted,
    revenue: money(total),
    byModel: rows(dimensions.byModel),
    byPeriod: rows(dimensions.byPeriod, true),
    byStore: rows(dimensions.byStore),
    bySalesperson: rows(dimensions.bySalesperson),
    skipped,
  };
}
