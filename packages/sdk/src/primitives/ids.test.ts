import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { externalIdSchema, idSchema, idTime, isId, newId, ulid } from "./ids.js";

describe("ids", () => {
  it("makes prefixed ids that carry their creation time", () => {
    const id = newId("lead", Date.UTC(2026, 10, 27, 9, 30));
    expect(id).toMatch(/^lead_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(idTime(id)).toBe(Date.UTC(2026, 10, 27, 9, 30));
    expect(isId("lead", id)).toBe(true);
    expect(isId("customer", id)).toBe(false);
  });

  it("sorts by creation order, even within one millisecond", () => {
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, () => newId("customer", now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts ids of different milliseconds by time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        (t, d) => ulid(t) < ulid(t + d),
      ),
    );
  });

  it("draws fresh random bits for every new millisecond, across refills of its random pool", () => {
    // 1,000 milliseconds × 10 random bytes: more than two refills of the 4 KiB pool.
    // Later than any time used before in this file (a time at or before the last one only
    // increments the last random part, to keep ids in order).
    const base = 2 ** 48 - 2_000;
    const randomParts = Array.from({ length: 1000 }, (_, i) => ulid(base + i).slice(10));
    expect(new Set(randomParts).size).toBe(randomParts.length);
    // Not a counter: the parts of consecutive milliseconds share no common prefix of half their length.
    const sharedHalves = randomParts.filter(
      (part, i) => i > 0 && part.slice(0, 8) === randomParts[i - 1]!.slice(0, 8),
    );
    expect(sharedHalves.length).toBeLessThan(5);
  });

  it("rejects a time outside the 48-bit range", () => {
    expect(() => ulid(-1)).toThrow(RangeError);
    expect(() => ulid(2 ** 48)).toThrow(RangeError);
  });

  it("validates ids of one kind with a message naming the prefix", () => {
    const schema = idSchema("opportunity");
    expect(schema.safeParse(newId("opportunity")).success).toBe(true);
    const bad = schema.safeParse("lead_01JF3Q6Z8X4M2W9KX7V1B5N0TC");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('"opp_01J…"');
  });

  it("keeps external ids exactly as strings", () => {
    for (const raw of ["00123", "9007199254740993123", " spaced ", "ID-αβγ"]) {
      expect(externalIdSchema.parse(raw)).toBe(raw);
    }
    expect(externalIdSchema.safeParse(123).success).toBe(false);
    expect(externalIdSchema.safeParse("").success).toBe(false);
  });
});
