import type { z } from "zod";
import { parseInput } from "../validate.js";
import type { Reason } from "./schema.js";

/**
 * A validator for configuration objects that are passed again and again (options, schemes, rule
 * sets): the first call parses the object, later calls with the same object reuse the result. The
 * lead hot path would otherwise re-validate identical config for every lead. Config objects are
 * therefore treated as immutable once used; pass a new object to change them.
 */
export function memoizedParser<S extends z.ZodType>(
  schema: S,
  what: string,
): (input: unknown) => z.output<S> {
  const cache = new WeakMap<object, z.output<S>>();
  return (input) => {
    if (typeof input !== "object" || input === null) return parseInput(schema, input, what);
    const hit = cache.get(input);
    if (hit !== undefined) return hit;
    const parsed = parseInput(schema, input, what);
    cache.set(input, parsed);
    return parsed;
  };
}

/** Shorthand for one entry of a decision's reasons. */
export function reason(code: string, message: string): Reason {
  return { code, message };
}

/** Epoch milliseconds of an instant already validated as an ISO date-time (or epoch ms). */
export function instantMs(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/**
 * A mark for values this module validated itself and then froze, so the per-lead functions that
 * follow (matching, rating, assignment) can skip validating them again: a deeply frozen value
 * cannot have changed since. The mark is a private class field, added through a base constructor
 * that returns the value it is given: invisible to callers, never copied (spread,
 * `structuredClone`, JSON), impossible to forge, and as cheap to add and check as an ordinary
 * property — unlike `Object.defineProperty` (a runtime call, several times the cost of building
 * the lead) or a WeakSet, whose entries the garbage collector has to trace.
 */
export function createTrustMark(description: string) {
  const Base = function (this: unknown, value: object) {
    return value;
  } as unknown as new (
    value: object,
  ) => object;
  class TrustMark extends Base {
    #trusted = true;
    static has(value: object): boolean {
      return #trusted in value;
    }
  }
  Object.defineProperty(TrustMark, "name", { value: description });
  return {
    /** Marks and deep-freezes `value`; returns it. */
    mark<T extends object>(value: T): T {
      // The comparison keeps bundlers from dropping the constructor call as unused: the call is
      // what stamps the mark on `value` (the base constructor returns `value` itself).
      if (!TrustMark.has(value) && new TrustMark(value) !== value) {
        throw new Error("trust mark: the constructor must return the value it stamps");
      }
      deepFreeze(value);
      return value;
    },
    has(value: unknown): boolean {
      return (
        typeof value === "object" &&
        value !== null &&
        TrustMark.has(value) &&
        Object.isFrozen(value)
      );
    },
  };
}

const normalizedLeads = createTrustMark("forecourt.normalizedLead");

/** Freezes a lead `normalizeLead` produced and marks it as validated. */
export function markNormalized<T extends object>(lead: T): T {
  return normalizedLeads.mark(lead);
}

export function isNormalized(value: unknown): boolean {
  return normalizedLeads.has(value);
}

function deepFreeze(value: object): void {
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === "object" && child !== null && !Object.isFrozen(child)) deepFreeze(child);
  }
  Object.freeze(value);
}
