import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import {
  budgetInputSchema,
  CAMPAIGN_STATUS_TRANSITIONS,
  type Campaign,
  type CampaignInput,
  campaignInputSchema,
  campaignStatusSchema,
  expenseInputSchema,
  registrationInputSchema,
} from "./index.js";

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input, "campaign input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const host = newId("salesperson");
const autoShow = {
  name: "2026 广州车展",
  type: "auto_show",
  storeId: newId("store"),
  startDate: "2026-11-20",
  endDate: "2026-11-29",
  place: { name: "中国进出口商品交易会展馆", city: "广州", region: "Guangdong" },
  goals: { leads: 800, testDrives: 150, orders: 60, revenue: { amount: 1_500_000_000 } },
  staff: [{ salespersonId: host, role: "host" }, { salespersonId: newId("salesperson") }],
  channels: ["sms", "social"],
  resources: {
    venues: [{ name: "Hall 5.2 booth", cost: { amount: 45_000_000 } }],
    equipment: [{ name: "LED wall" }],
    gifts: [{ name: "车模", quantity: 500, unitCost: { amount: 3_500 } }],
  },
} satisfies CampaignInput;

describe("campaignInputSchema", () => {
  it("accepts an auto show and fills time zone and defaults", () => {
    const parsed = parseInput(campaignInputSchema, autoShow, "campaign input");
    expect(parsed.timeZone).toBe("Asia/Shanghai");
    expect(parsed.place?.region).toBe("440000");
    expect(parsed.staff[1]?.role).toBe("sales");
    expect(parsed.resources.equipment[0]?.quantity).toBe(1);
  });

  it("accepts a one-day online campaign without a place", () => {
    const parsed = parseInput(
      campaignInputSchema,
      {
        name: "双十一直播",
        type: "online",
        storeId: newId("store"),
        startDate: "2026-11-11",
        endDate: "2026-11-11",
      },
      "campaign input",
    );
    expect(parsed.place).toBeUndefined();
  });

  it("rejects an end date before the start date", () => {
    expect(issuesOf(campaignInputSchema, { ...autoShow, endDate: "2026-11-19" })).toEqual([
      ["endDate", "must be on or after startDate"],
    ]);
  });

  it("requires a place for on-site campaigns", () => {
    const { place: _, ...noPlace } = autoShow;
    expect(issuesOf(campaignInputSchema, noPlace)).toEqual([
      ["place", "is required for a auto_show campaign"],
    ]);
  });

  it("rejects an unknown type, channel and time zone", () => {
    const issues = issuesOf(campaignInputSchema, {
      ...autoShow,
      type: "roadshow",
      channels: ["fax"],
      timeZone: "China/Beijing",
    });
    expect(issues.map(([path]) => path).sort()).toEqual(["channels.0", "timeZone", "type"]);
    expect(issues).toContainEqual(["timeZone", "must be an IANA time zone such as Asia/Shanghai"]);
  });

  it("rejects the same person twice on staff and decimal goals", () => {
    expect(issuesOf(campaignInputSchema, { ...autoShow, goals: { leads: 10.5 } })).toEqual([
      ["goals.leads", "must be a whole number"],
    ]);
    expect(
      issuesOf(campaignInputSchema, {
        ...autoShow,
        staff: [{ salespersonId: host }, { salespersonId: host }],
      }),
    ).toEqual([["staff.1.salespersonId", "is already on the staff list"]]);
  });

  it("has a planned → active → completed lifecycle", () => {
    expect(Object.keys(CAMPAIGN_STATUS_TRANSITIONS).sort()).toEqual(
      [...campaignStatusSchema.options].sort(),
    );
    expect(CAMPAIGN_STATUS_TRANSITIONS.planned).toEqual(["active", "cancelled"]);
    expect(CAMPAIGN_STATUS_TRANSITIONS.completed).toEqual([]);
    expectTypeOf<Campaign["status"]>().toEqualTypeOf<
      "planned" | "active" | "completed" | "cancelled"
    >();
    expectTypeOf<Campaign["goals"]["revenue"]>().toEqualTypeOf<
      { amount: number; currency: string } | undefined
    >();
  });
});

describe("budgets and expenses", () => {
  const campaignId = newId("campaign");

  it("accepts a budget by category with the default alert threshold", () => {
    const parsed = parseInput(
      budgetInputSchema,
      {
        campaignId,
        lines: [
          { category: "venue", planned: { amount: 45_000_000 } },
          { category: "gifts", planned: { amount: 2_000_000 } },
        ],
      },
      "budget input",
    );
    expect(parsed.alertThresholdPercent).toBe(80);
  });

  it("rejects a category planned twice, mixed currencies and a threshold over 100", () => {
    const issues = issuesOf(budgetInputSchema, {
      campaignId,
      alertThresholdPercent: 120,
      lines: [
        { category: "venue", planned: { amount: 100 } },
        { category: "venue", planned: { amount: 100, currency: "HKD" } },
      ],
    });
    expect(issues).toEqual([
      ["alertThresholdPercent", "must be between 1 and 100"],
      ["lines.1.category", "venue is planned twice"],
      ["lines.1.planned.currency", "must be CNY like the first line"],
    ]);
  });

  it("accepts an expense with its receipt and rejects a zero amount", () => {
    const expense = {
      campaignId,
      category: "printing",
      amount: { amount: 380_000 },
      description: "易拉宝 ×20",
      incurredAt: "2026-11-15T11:00:00+08:00",
      receiptRef: "044002300111-00481234",
    };
    expect(parseInput(expenseInputSchema, expense, "expense").receiptRef).toBe(
      "044002300111-00481234",
    );
    expect(issuesOf(expenseInputSchema, { ...expense, amount: { amount: 0 } })).toEqual([
      ["amount.amount", "must be more than zero (record refunds as an adjustment to the plan)"],
    ]);
  });
});

describe("registrationInputSchema", () => {
  const registration = {
    campaignId: newId("campaign"),
    name: "陈先生",
    phone: "139 2233 4455",
    registeredVia: "online",
    registeredAt: "2026-11-10T21:00:00+08:00",
    interest: "ID.4",
  };

  it("accepts an online registration and normalises the phone", () => {
    const parsed = parseInput(registrationInputSchema, registration, "registration");
    expect(parsed.phone).toBe("+8613922334455");
    expect(parsed.partySize).toBe(1);
  });

  it("needs a phone or an email, and a check-in after registration", () => {
    const { phone: _, ...noPhone } = registration;
    expect(issuesOf(registrationInputSchema, noPhone)).toEqual([
      ["phone", "a registration needs a phone or an email"],
    ]);
    expect(
      issuesOf(registrationInputSchema, {
        ...registration,
        checkedInAt: "2026-11-09T10:00:00+08:00",
      }),
    ).toEqual([["checkedInAt", "must not be before registeredAt"]]);
  });

  it("rejects a phone that is not a number and an unknown way of registering", () => {
    const issues = issuesOf(registrationInputSchema, {
      ...registration,
      phone: "call me",
      registeredVia: "fax",
    });
    expect(issues).toContainEqual([
      "phone",
      "not a phone number (write it like 13812345678 or +8613812345678)",
    ]);
    expect(issues.map(([path]) => path)).toContain("registeredVia");
  });
});
