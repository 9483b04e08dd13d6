import { ValidationError } from "../errors.js";
import { isTimeZone, localDate, toEpochMs } from "../primitives/time.js";
import { invalid } from "../validate.js";
import { formatOrderNumber } from "./order-number.js";

/*
 * Order numbers read `BJ01-20261127-0001`: the store's code, the date in the store's time zone
 * and that store's running number for the day. The hub keeps one counter per tenant, store and
 * day (the date part from `orderNumberDate`) and increments it in the same transaction that
 * inserts the order; these functions only format and read numbers, so they stay pure.
 */

/** The largest daily sequence: six digits. */
export const MAX_ORDER_SEQUENCE = 999_999;

/** The parts of a generated order number. */
export interface OrderNumberParts {
  storeCode: string;
  /** `YYYY-MM-DD` in the store's time zone. */
  date: string;
  sequence: number;
}

/** The store-local date an order entered at `at` is numbered under: the counter's key. */
export function orderNumberDate(at: string | number | Date, timeZone: string): string {
  if (!isTimeZone(timeZone)) {
    invalid("order number", "timeZone", "must be an IANA time zone such as Asia/Shanghai");
  }
  let ms: number;
  try {
    ms = toEpochMs(at);
  } catch {
    invalid("order number", "at", "must be an ISO 8601 instant, a Date or epoch milliseconds");
  }
  return localDate(ms, timeZone);
}

/**
 * The next order number for a store: `at` read in the store's `timeZone` gives the date, and the
 * sequence is one more than the last used for that store and date (`0` or `null` when none was).
 * `nextOrderNumber("BJ01", "2026-11-26T16:30:00Z", "Asia/Shanghai", 0)` is `BJ01-20261127-0001`:
 * half past midnight in Beijing is already the 27th.
 */
export function nextOrderNumber(
  storeCode: string,
  at: string | number | Date,
  timeZone: string,
  lastSequenceForThatDay: number | null | undefined,
): string {
  const last = lastSequenceForThatDay ?? 0;
  if (!Number.isInteger(last) || last < 0) {
    invalid("order number", "lastSequenceForThatDay", "must be a whole number, 0 when none yet");
  }
  if (last >= MAX_ORDER_SEQUENCE) {
    invalid(
      "order number",
      "lastSequenceForThatDay",
      `the store has used all ${MAX_ORDER_SEQUENCE} numbers for the day`,
    );
  }
  return formatOrderNumber({
    storeCode,
    date: orderNumberDate(at, timeZone),
    sequence: last + 1,
  });
}

const GENERATED = /^([A-Z0-9]{2,8})-(\d{4})(\d{2})(\d{2})-(\d{4,6})$/;

/**
 * Reads a number made by `formatOrderNumber`/`nextOrderNumber` back into its parts. Throws the
 * SDK's `ValidationError` for anything else: a hand-typed number, a date that does not exist, a
 * sequence padded differently (`00001`), so a parsed number formats back to the same string.
 */
export function parseOrderNumber(orderNumber: string): OrderNumberParts {
  const match = typeof orderNumber === "string" ? GENERATED.exec(orderNumber) : null;
  const fail = (message: string): never => {
    throw new ValidationError(`Invalid order number "${String(orderNumber)}": ${message}`, [
      { path: "", message },
    ]);
  };
  if (!match) return fail("expected store code, date and sequence, e.g. BJ01-20261127-0001");
  const [, storeCode, year, month, day, digits] = match as unknown as string[];
  const date = `${year}-${month}-${day}`;
  const calendar = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== date) {
    return fail(`${date} is not a calendar date`);
  }
  const sequence = Number(digits);
  if (sequence < 1 || String(sequence).padStart(4, "0") !== digits) {
    return fail("the sequence must run from 0001, padded to four digits");
  }
  return { storeCode: storeCode!, date, sequence };
}
