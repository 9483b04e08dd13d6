import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";

/** Tiers are configurable per dealer group (普卡/银卡/金卡 …); these are the defaults. */
export const DEFAULT_LOYALTY_TIERS = ["standard", "silver", "gold", "platinum"] as const;
export const DEFAULT_LOYALTY_TIER = "standard";

export const loyaltyTierSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, {
  message: "must be a tier key of lower-case letters, digits and _, e.g. gold",
});

const points = z
  .number({ message: "must be a whole number of points" })
  .int({ message: "must be a whole number of points" });

export const loyaltyAccountInputSchema = z
  .strictObject({
    customerId: idSchema("customer"),
    tier: loyaltyTierSchema.default(DEFAULT_LOYALTY_TIER),
    /** The customer who referred this one; they earn a referral bonus. */
    referredBy: idSchema("customer").optional(),
    storeId: idSchema("store").optional(),
    enrolledAt: timestampSchema,
  })
  .refine((account) => account.referredBy !== account.customerId, {
    path: ["referredBy"],
    message: "a customer cannot refer themselves",
  });
export type LoyaltyAccountInput = z.input<typeof loyaltyAccountInputSchema>;

export const referralSchema = z.object({
  customerId: idSchema("customer"),
  referredAt: timestampSchema,
  /** The bonus transaction, once the referral earned points (usually on the first delivery). */
  rewardTransactionId: idSchema("pointTransaction").optional(),
});
export type Referral = z.infer<typeof referralSchema>;

/** A stored account; `pointsBalance` is the sum of its ledger and never below zero. */
export const loyaltyAccountSchema = z.object({
  id: idSchema("loyaltyAccount"),
  customerId: idSchema("customer"),
  tier: loyaltyTierSchema,
  tierSince: timestampSchema,
  pointsBalance: points.min(0),
  /** Points ever earned (not reduced by redemptions); tiers are usually based on it. */
  lifetimePoints: points.min(0),
  referredBy: idSchema("customer").optional(),
  referrals: z.array(referralSchema),
  storeId: idSchema("store").optional(),
  enrolledAt: timestampSchema,
  ...storedFields,
});
export type LoyaltyAccount = z.infer<typeof loyaltyAccountSchema>;

export const pointTransactionKindSchema = z.enum([
  "earn", // a purchase or service
  "referral_bonus",
  "redeem", // a reward
  "expire",
  "adjust", // a correction by staff, either way
]);
export type PointTransactionKind = z.infer<typeof pointTransactionKindSchema>;

const POSITIVE_KINDS: readonly PointTransactionKind[] = ["earn", "referral_bonus"];
const NEGATIVE_KINDS: readonly PointTransactionKind[] = ["redeem", "expire"];

/** One entry of an account's ledger. Points are signed: earning adds, redeeming subtracts. */
export const pointTransactionInputSchema = z
  .strictObject({
    accountId: idSchema("loyaltyAccount"),
    kind: pointTransactionKindSchema,
    points: points.refine((p) => p !== 0, { message: "must not be zero" }),
    reason: z.string().trim().min(1, { message: "must not be empty" }).max(500),
    orderId: idSchema("order").optional(),
    /** For a referral bonus: the customer who was referred. */
    referredCustomerId: idSchema("customer").optional(),
    /** Staff member who made an adjustment or handed out a reward. */
    by: idSchema("salesperson").optional(),
    occurredAt: timestampSchema,
    /** When earned points lapse, if the programme expires points. */
    expiresAt: timestampSchema.optional(),
  })
  .superRefine((tx, ctx) => {
    if (POSITIVE_KINDS.includes(tx.kind) && tx.points < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["points"],
        message: `must be positive for ${tx.kind}`,
      });
    }
    if (NEGATIVE_KINDS.includes(tx.kind) && tx.points > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["points"],
        message: `must be negative for ${tx.kind} (points leave the account)`,
      });
    }
    if (tx.kind === "referral_bonus" && !tx.referredCustomerId) {
      ctx.addIssue({
        code: "custom",
        path: ["referredCustomerId"],
        message: "is required for a referral bonus",
      });
    }
    if (tx.kind === "adjust" && !tx.by) {
      ctx.addIssue({
        code: "custom",
        path: ["by"],
        message: "is required for an adjustment (who made it)",
      });
    }
    if (tx.expiresAt !== undefined && Date.parse(tx.expiresAt) <= Date.parse(tx.occurredAt)) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "must be after occurredAt" });
    }
  });
export type PointTransactionInput = z.input<typeof pointTransactionInputSchema>;

export const pointTransactionSchema = z.object({
  id: idSchema("pointTransaction"),
  accountId: idSchema("loyaltyAccount"),
  kind: pointTransactionKindSchema,
  points,
  /** The account's balance after this entry. */
  balanceAfter: points.min(0),
  reason: z.string(),
  orderId: idSchema("order").optional(),
  referredCustomerId: idSchema("customer").optional(),
  by: idSchema("salesperson").optional(),
  occurredAt: timestampSchema,
  expiresAt: timestampSchema.optional(),
  ...storedFields,
});
export type PointTransaction = z.infer<typeof pointTransactionSchema>;
