import type { OrderFieldChange } from "./change-schema.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isLeafArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null);
}

/**
 * The fields that differ between two JSON-like values, each with its dotted path (`lines.1.amount.
 * amount`, `vehicle.exteriorColour`). Lists of plain values (option codes) are compared whole, so
 * the diff reads `optionCodes: [] → ["PANO"]`; lists of objects (lines) element by element. A field
 * absent on one side has `undefined` there. Keys are visited in sorted order for a stable diff.
 */
export function diffFields(before: unknown, after: unknown, path = ""): OrderFieldChange[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffFields(before[key], after[key], at(key)));
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    !(isLeafArray(before) && isLeafArray(after))
  ) {
    const length = Math.max(before.length, after.length);
    const changes: OrderFieldChange[] = [];
    for (let i = 0; i < length; i++) changes.push(...diffFields(before[i], after[i], at(i)));
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const same = before.length === after.length && before.every((item, i) => item === after[i]);
    return same ? [] : [{ path, before, after }];
  }
  return before === after ? [] : [{ path, before, after }];
}
