import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { recordActivity } from "./activities.js";
import { dayIso, makeOpportunity, SALESPERSON_A } from "./fixtures.js";
import { activitySchema, opportunitySchema } from "./schema.js";

const by = SALESPERSON_A;
const opp = () =>
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["product_presentation", 2],
    ],
  });

describe("recordActivity", () => {
  it("stores the activity and moves the opportunity's activity fields on", () => {
    const before = opp();
    const { activity, opportunity, suggestedStage } = recordActivity(
      before,
      {
        type: "call",
        occurredAt: dayIso(3),
        by,
        direction: "outbound",
        outcome: "reached",
        notes: "asked about financing",
        customerFeedback: { sentiment: "neutral", text: "monthly payment too high" },
      },
      { at: dayIso(3.01) },
    );
    expect(activitySchema.safeParse(activity).success).toBe(true);
    expect(activity).toMatchObject({
      type: "call",
      opportunityId: before.id,
      createdAt: dayIso(3.01),
      version: 1,
      customerFeedback: { sentiment: "neutral" },
    });
    expect(activity.id.startsWith("act_")).toBe(true);
    expect(opportunitySchema.safeParse(opportunity).success).toBe(true);
    expect(opportunity).toMatchObject({
      lastActivityAt: dayIso(3),
      activityCount: 1,
      version: before.version + 1,
      stage: "product_presentation",
    });
    expect(suggestedStage).toBeUndefined();
  });

  it("keeps the latest activity time when an older one is recorded late", () => {
    const first = recordActivity(
      opp(),
      { type: "visit", occurredAt: dayIso(5), by },
      { at: dayIso(5) },
    );
    const late = recordActivity(
      first.opportunity,
      { type: "message", occurredAt: dayIso(4), by, channel: "wechat", direction: "inbound" },
      { at: dayIso(6), id: newId("activity") },
    );
    expect(late.opportunity.lastActivityAt).toBe(dayIso(5));
    expect(late.opportunity.activityCount).toBe(2);
  });

  it("suggests the stage a test drive or a quote shows, without applying it", () => {
    const drive = recordActivity(
      opp(),
      { type: "test_drive", occurredAt: dayIso(3), by },
      { at: dayIso(3) },
    );
    expect(drive.suggestedStage).toBe("test_drive");
    expect(drive.opportunity.stage).toBe("product_presentation");
    const quote = recordActivity(
      opp(),
      { type: "quote", occurredAt: dayIso(3), by, amount: { amount: 21_000_000 } },
      { at: dayIso(3) },
    );
    expect(quote.suggestedStage).toBe("quote");
  });

  it("refuses activities in the future or before the opportunity, and bad input", () => {
    const cases: [object, object, string][] = [
      [{ type: "visit", occurredAt: dayIso(9), by }, { at: dayIso(3) }, "occurredAt"],
      [{ type: "visit", occurredAt: dayIso(-1), by }, { at: dayIso(3) }, "occurredAt"],
      [{ type: "note", occurredAt: dayIso(3), by }, { at: dayIso(3) }, "notes"],
      [{ type: "visit", occurredAt: dayIso(3), by, mood: "good" }, { at: dayIso(3) }, ""],
      [{ type: "visit", occurredAt: dayIso(3), by }, { at: dayIso(3), later: true }, ""],
    ];
    for (const [input, options, path] of cases) {
      try {
        recordActivity(opp(), input as never, options as never);
        expect.unreachable(path);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]?.path).toBe(path);
      }
    }
  });
});
