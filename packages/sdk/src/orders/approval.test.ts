import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import {
  approvalRulesSchema,
  DEFAULT_APPROVAL_RULES,
  DEFAULT_DISCOUNT_LIMITS,
  evaluateApproval,
} from "./approval.js";
import { ID4_ORDER, PASSAT_ORDER } from "./fixtures.js";
import type { OrderInput } from "./schema.js";

const cny = (amount: number) => ({ amount, currency: "CNY" });
function withDiscount(amount: number): OrderInput {
  return {
    ...PASSAT_ORDER,
    lines: PASSAT_ORDER.lines.map((line) =>
      line.kind === "discount" ? { ...line, amount: { amount: -amount } } : line,
    ),
  };
}

describe("evaluateApproval", () => {
  it("needs nobody for an order inside every limit", () => {
    // Discount 4.33 % of ¥230,800; down payment 28 % of the total.
    expect(evaluateApproval(PASSAT_ORDER)).toEqual({ required: false, approvers: [], reasons: [] });
  });

  it("sends a low down payment to finance", () => {
    const result = evaluateApproval({
      ...PASSAT_ORDER,
      financing: { ...PASSAT_ORDER.financing, downPayment: { amount: 3_000_000 } },
    });
    expect(result).toEqual({
      required: true,
      approvers: ["finance"],
      reasons: [
        {
          rule: "down_payment",
          approver: "finance",
          message: "down payment 30000.00 CNY is 16.92 % of the total, below the 20.00 % minimum",
        },
      ],
    });
  });

  it("sends discounts up the tiers: above 5 % the manager, above 10 % the general manager too", () => {
    expect(evaluateApproval(withDiscount(1_500_000)).approvers).toEqual(["manager"]);
    const big = evaluateApproval(withDiscount(2_500_000));
    expect(big.approvers).toEqual(["manager", "general_manager"]);
    expect(big.reasons[1]?.message).toBe(
      "discount 25000.00 CNY is 10.83 % of the list price 230800.00 CNY, above the 10.00 % limit",
    );
    // Exactly at the limit does not fire: 5 % of ¥230,800 is ¥11,540.
    expect(evaluateApproval(withDiscount(1_154_000)).required).toBe(false);
    expect(evaluateApproval(withDiscount(1_154_001)).approvers).toEqual(["manager"]);
  });

  it("measures the discount against the catalogue list price when given, or an absolute limit", () => {
    expect(evaluateApproval(withDiscount(1_500_000), { listPrice: cny(40_000_000) }).required).toBe(
      false,
    );
    const rules = { discount: [{ aboveAmount: 1_000_000, approver: "sales_director" }] };
    expect(evaluateApproval(withDiscount(1_000_000), { rules }).required).toBe(false);
    expect(evaluateApproval(withDiscount(1_000_001), { rules }).reasons).toEqual([
      {
        rule: "discount",
        approver: "sales_director",
        message: "discount 10000.01 CNY is above the 10000.00 CNY limit",
      },
    ]);
  });

  it("sends a price below the floor to the general manager", () => {
    expect(evaluateApproval(PASSAT_ORDER, { floorPrice: cny(21_990_000) }).required).toBe(false);
    expect(evaluateApproval(PASSAT_ORDER, { floorPrice: cny(22_000_000) }).reasons).toEqual([
      {
        rule: "floor_price",
        approver: "general_manager",
        message: "net vehicle price 219900.00 CNY is below the floor price 220000.00 CNY",
      },
    ]);
  });

  it("checks a factory configuration by the caller's verdict or the orderable codes", () => {
    expect(evaluateApproval(ID4_ORDER, { orderableConfigurationCodes: ["ID4-PRO-2026"] })).toEqual({
      required: false,
      approvers: [],
      reasons: [],
    });
    expect(
      evaluateApproval(ID4_ORDER, { orderableConfigurationCodes: ["ID4-PURE-2026"] }).reasons,
    ).toEqual([
      {
        rule: "configuration",
        approver: "manager",
        message: "configuration ID4-PRO-2026 is not among the orderable configurations",
      },
    ]);
    expect(evaluateApproval(ID4_ORDER, { configurationOrderable: false }).reasons[0]?.message).toBe(
      "the configuration is not orderable",
    );
    const { code: _code, ...uncoded } = ID4_ORDER.vehicle;
    expect(
      evaluateApproval({ ...ID4_ORDER, vehicle: uncoded }, { orderableConfigurationCodes: [] })
        .reasons[0]?.message,
    ).toBe("the configuration has no code to check against the orderable configurations");
    // A stock vehicle exists: nothing to check.
    expect(evaluateApproval(PASSAT_ORDER, { configurationOrderable: false }).required).toBe(false);
  });

  it("lists each approver once, in the order the rules fired", () => {
    const result = evaluateApproval(
      {
        ...withDiscount(2_500_000),
        financing: { ...PASSAT_ORDER.financing, downPayment: { amount: 1_000_000 } },
      },
      { floorPrice: cny(22_000_000) },
    );
    expect(result.approvers).toEqual(["finance", "manager", "general_manager"]);
    expect(result.reasons.map((r) => r.rule)).toEqual([
      "down_payment",
      "discount",
      "discount",
      "floor_price",
    ]);
  });

  it("switches rules off with null or an empty list", () => {
    const result = evaluateApproval(withDiscount(2_500_000), {
      floorPrice: cny(30_000_000),
      rules: { discount: [], floorPrice: null, downPayment: null, configuration: null },
    });
    expect(result.required).toBe(false);
  });

  it("has named defaults", () => {
    expect(DEFAULT_APPROVAL_RULES).toEqual({
      downPayment: { minShareBps: 2000, approver: "finance" },
      discount: DEFAULT_DISCOUNT_LIMITS,
      floorPrice: { approver: "general_manager" },
      configuration: { approver: "manager" },
    });
    expect(approvalRulesSchema.parse({})).toEqual(DEFAULT_APPROVAL_RULES);
  });

  it("refuses a bad configuration, naming the field", () => {
    const issues = (context: unknown) => {
      try {
        evaluateApproval(PASSAT_ORDER, context as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      throw new Error("expected a ValidationError");
    };
    expect(
      issues({
        rules: { discount: [{ aboveShareBps: 500, aboveAmount: 1, approver: "manager" }] },
      }),
    ).toEqual(["rules.discount.0: set exactly one of aboveShareBps and aboveAmount"]);
    expect(issues({ rules: { floorPrice: { approver: "Big Boss" } } })).toEqual([
      "rules.floorPrice.approver: must be a role in snake_case such as manager, finance or general_manager",
    ]);
    expect(issues({ rules: { downPayment: { minShareBps: 20.5, approver: "finance" } } })).toEqual([
      "rules.downPayment.minShareBps: must be whole basis points (20 % is 2000)",
    ]);
    expect(issues({ rules: { maxDiscount: 5 } })[0]).toMatch(/^rules: Unrecognized key/);
    expect(issues({ floorPrice: { amount: 1, currency: "USD" } })).toEqual([
      "floorPrice.currency: must be CNY like the order",
    ]);
  });
});
