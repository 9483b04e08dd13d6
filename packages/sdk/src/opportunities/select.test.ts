import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Float64Buffer, medianInPlace, selectKth } from "./select.js";

const values = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 });

describe("selectKth", () => {
  it("finds the value sorting would put at k", () => {
    fc.assert(
      fc.property(values, fc.nat(), (list, seed) => {
        const k = seed % list.length;
        const sorted = [...list].sort((a, b) => a - b);
        const array = Float64Array.from(list);
        expect(selectKth(array, array.length, k)).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(array[i]!).toBeLessThanOrEqual(sorted[k]!);
        for (let i = k + 1; i < array.length; i++)
          expect(array[i]!).toBeGreaterThanOrEqual(sorted[k]!);
      }),
    );
  });

  it("handles sorted, reversed and constant input, and refuses a k out of range", () => {
    const n = 10_001;
    const up = Float64Array.from({ length: n }, (_, i) => i);
    expect(selectKth(up, n, 5000)).toBe(5000);
    const down = Float64Array.from({ length: n }, (_, i) => n - i);
    expect(selectKth(down, n, 0)).toBe(1);
    expect(selectKth(new Float64Array(n).fill(7), n, 123)).toBe(7);
    expect(() => selectKth(up, n, n)).toThrow(RangeError);
    expect(() => selectKth(up, n, -1)).toThrow(RangeError);
  });
});

describe("medianInPlace", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    fc.assert(
      fc.property(values, (list) => {
        const sorted = [...list].sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        const expected = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(medianInPlace(Float64Array.from(list), list.length)).toBe(expected);
      }),
    );
    expect(medianInPlace(new Float64Array(4), 0)).toBeNull();
  });

  it("works on the filled part of a growing buffer", () => {
    const buffer = new Float64Buffer(1);
    for (let i = 100; i > 0; i--) buffer.push(i);
    expect(buffer.length).toBe(100);
    expect(medianInPlace(buffer.values, buffer.length)).toBe(50.5);
  });
});
