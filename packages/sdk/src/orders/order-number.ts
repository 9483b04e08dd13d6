import { z } from "zod";
import { ValidationError } from "../errors.js";

/** Order numbers are strings (never numbers): `BJ01-20261127-0001`. */
export const orderNumberSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, {
  message: "must be 3–40 capital letters, digits or dashes, e.g. BJ01-20261127-0001",
});

/**
 * The automatic order number: store code, the local date of entry and the store's running
 * number for that day — `BJ01-20261127-0001`. The caller keeps the sequence (per store and day).
 */
export function formatOrderNumber(parts: {
  storeCode: string;
  /** `YYYY-MM-DD` in the store's time zone. */
  date: string;
  sequence: number;
}): string {
  const problems: { path: string; message: string }[] = [];
  if (!/^[A-Z0-9]{2,8}$/.test(parts.storeCode)) {
    problems.push({ path: "storeCode", message: "must be 2–8 capital letters or digits" });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.date)) {
    problems.push({ path: "date", message: "must be a date like 2026-11-27" });
  }
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 999_999) {
    problems.push({ path: "sequence", message: "must be a whole number from 1 to 999999" });
  }
  if (problems.length > 0) {
    const shown = problems.map((p) => `${p.path}: ${p.message}`).join("; ");
    throw new ValidationError(`Invalid order number parts: ${shown}`, problems);
  }
  const sequence = String(parts.sequence).padStart(4, "0");
  return `${parts.storeCode}-${parts.date.replaceAll("-", "")}-${sequence}`;
}
