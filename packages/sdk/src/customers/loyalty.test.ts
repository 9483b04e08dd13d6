import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import {
  type LoyaltyAccount,
  loyaltyAccountInputSchema,
  loyaltyAccountSchema,
  pointTransactionInputSchema,
} from "./loyalty.js";

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input, "loyalty input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const customerId = newId("customer");
const accountId = newId("loyaltyAccount");
const earn = {
  accountId,
  kind: "earn",
  points: 2599,
  reason: "购车积分 — order 2026-11",
  orderId: newId("order"),
  occurredAt: "2026-11-27T12:00:00+08:00",
  expiresAt: "2028-11-27T12:00:00+08:00",
};

describe("loyaltyAccountInputSchema", () => {
  it("accepts an enrolment with the default tier", () => {
    const parsed = parseInput(
      loyaltyAccountInputSchema,
      { customerId, referredBy: newId("customer"), enrolledAt: "2026-11-27T12:00:00+08:00" },
      "loyalty account input",
    );
    expect(parsed.tier).toBe("standard");
  });

  it("rejects self-referral and a malformed tier", () => {
    const issues = issuesOf(loyaltyAccountInputSchema, {
      customerId,
      referredBy: customerId,
      tier: "Gold Card",
      enrolledAt: "2026-11-27T12:00:00+08:00",
    });
    expect(issues).toContainEqual([
      "tier",
      "must be a tier key of lower-case letters, digits and _, e.g. gold",
    ]);
    expect(issues).toContainEqual(["referredBy", "a customer cannot refer themselves"]);
  });
});

describe("pointTransactionInputSchema", () => {
  it("accepts earned points", () => {
    expect(parseInput(pointTransactionInputSchema, earn, "point transaction").points).toBe(2599);
  });

  it("keeps points whole and signed by kind", () => {
    expect(issuesOf(pointTransactionInputSchema, { ...earn, points: 12.5 })).toEqual([
      ["points", "must be a whole number of points"],
    ]);
    expect(issuesOf(pointTransactionInputSchema, { ...earn, points: -100 })).toEqual([
      ["points", "must be positive for earn"],
    ]);
    expect(issuesOf(pointTransactionInputSchema, { ...earn, kind: "redeem", points: 500 })).toEqual(
      [["points", "must be negative for redeem (points leave the account)"]],
    );
    expect(issuesOf(pointTransactionInputSchema, { ...earn, kind: "adjust", points: 0 })).toEqual([
      ["points", "must not be zero"],
      ["by", "is required for an adjustment (who made it)"],
    ]);
  });

  it("needs the referred customer for a referral bonus", () => {
    expect(issuesOf(pointTransactionInputSchema, { ...earn, kind: "referral_bonus" })).toEqual([
      ["referredCustomerId", "is required for a referral bonus"],
    ]);
  });

  it("rejects points that expire before they were earned", () => {
    expect(
      issuesOf(pointTransactionInputSchema, { ...earn, expiresAt: "2026-11-01T00:00:00+08:00" }),
    ).toEqual([["expiresAt", "must be after occurredAt"]]);
  });
});

describe("loyaltyAccountSchema", () => {
  it("never holds a negative balance", () => {
    const account = {
      id: accountId,
      customerId,
      tier: "gold",
      tierSince: "2026-01-01T00:00:00+08:00",
      pointsBalance: -1,
      lifetimePoints: 5000,
      referrals: [],
      enrolledAt: "2025-01-01T00:00:00+08:00",
      createdAt: "2025-01-01T00:00:00+08:00",
      updatedAt: "2026-01-01T00:00:00+08:00",
      version: 4,
    };
    expect(loyaltyAccountSchema.safeParse(account).success).toBe(false);
    expect(loyaltyAccountSchema.safeParse({ ...account, pointsBalance: 0 }).success).toBe(true);
    expectTypeOf<LoyaltyAccount["pointsBalance"]>().toEqualTypeOf<number>();
  });
});
