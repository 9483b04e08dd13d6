import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { dayIso, makeOpportunity } from "./fixtures.js";
import type { Opportunity } from "./schema.js";
import { findStaleOpportunities } from "./stale.js";

const now = dayIso(40); // 2026-02-10 09:00 in Shanghai
const relaxed = {
  initial_contact: 30,
  needs_analysis: 30,
  product_presentation: 30,
  test_drive: 30,
  quote: 30,
  negotiation: 30,
};

const fine = makeOpportunity({
  path: [
    ["initial_contact", 0],
    ["negotiation", 38],
  ],
  expectedCloseDate: "2026-02-20",
  overrides: { lastActivityAt: dayIso(39) },
});
const datePassed = makeOpportunity({
  path: [
    ["initial_contact", 0],
    ["quote", 20],
  ],
  expectedCloseDate: "2026-02-05",
  overrides: { lastActivityAt: dayIso(35) },
});
const quiet = makeOpportunity({
  path: [
    ["initial_contact", 0],
    ["test_drive", 30],
  ],
  expectedCloseDate: "2026-03-01",
});
const hopeless = makeOpportunity({
  path: [
    ["initial_contact", 0],
    ["needs_analysis", 2],
  ],
  expectedCloseDate: "2026-04-01",
});
const lost = makeOpportunity({
  path: [
    ["initial_contact", 0],
    ["lost", 1],
  ],
});

describe("findStaleOpportunities", () => {
  it("finds deals needing attention, most urgent first, with reasons and a suggestion", () => {
    const result = findStaleOpportunities([fine, datePassed, quiet, hopeless, lost], {
      now,
      typicalDaysInStage: relaxed,
    });
    expect(result.checked).toBe(4);
    expect(result.stale.map((s) => [s.opportunityId, s.suggestion])).toEqual([
      [hopeless.id, "close_as_lost"],
      [quiet.id, "follow_up"],
      [datePassed.id, "update_close_date"],
    ]);
    expect(result.stale[1]).toMatchObject({
      stage: "test_drive",
      daysSinceActivity: 10,
      daysInStage: 10,
    });
    expect(result.stale[1]?.reasons).toEqual([
      {
        code: "no_activity",
        message: "no activity for 10 days (a deal in test_drive needs contact every 5 days)",
      },
    ]);
    expect(result.stale[2]?.reasons.map((r) => r.code)).toEqual(["close_date_passed"]);
    expect(result.stale[0]?.reasons.map((r) => r.code)).toEqual(["no_activity"]);
  });

  it("honours configured thresholds", () => {
    const result = findStaleOpportunities([quiet], {
      now,
      staleAfterDays: { test_drive: 14 },
      typicalDaysInStage: relaxed,
    });
    expect(result.stale).toEqual([]);
    const strict = findStaleOpportunities([quiet], {
      now,
      typicalDaysInStage: relaxed,
      closeAsLostAfterDays: 10,
    });
    expect(strict.stale[0]?.suggestion).toBe("close_as_lost");
  });

  it("learns the typical stay in a stage from the deals' own history", () => {
    const quick: Opportunity[] = Array.from({ length: 20 }, () =>
      makeOpportunity({
        path: [
          ["initial_contact", 0],
          ["quote", 1],
          ["won", 3],
        ],
      }),
    );
    const slow = makeOpportunity({
      path: [
        ["initial_contact", 0],
        ["quote", 35],
      ],
      expectedCloseDate: "2026-03-01",
      overrides: { lastActivityAt: dayIso(39) },
    });
    const result = findStaleOpportunities([...quick, slow], { now });
    expect(result.stale).toHaveLength(1);
    expect(result.stale[0]?.reasons).toEqual([
      { code: "stuck_in_stage", message: "5 days in quote, more than 2× the typical 2 days" },
    ]);
  });

  it("reads the close date in the stores' time zone", () => {
    // 2026-02-05 20:00 UTC is already 2026-02-06 in Shanghai, but not in New York.
    const due = makeOpportunity({
      path: [["initial_contact", 34]],
      expectedCloseDate: "2026-02-05",
    });
    const at = "2026-02-05T20:00:00Z";
    const shanghai = findStaleOpportunities([due], { now: at, typicalDaysInStage: relaxed });
    expect(shanghai.stale[0]?.reasons.map((r) => r.code)).toEqual(["close_date_passed"]);
    const newYork = findStaleOpportunities([due], {
      now: at,
      timeZone: "America/New_York",
      typicalDaysInStage: relaxed,
    });
    expect(newYork.stale).toEqual([]);
  });

  it("skips bad rows and validates its options", () => {
    const rows = [quiet, { ...quiet, stageHistory: [] }, { ...quiet, lastActivityAt: "soon" }];
    const result = findStaleOpportunities(rows as Opportunity[], {
      now,
      typicalDaysInStage: relaxed,
    });
    expect(result.skipped.examples.map((e) => e.path)).toEqual([
      "opportunities.1.stageHistory",
      "opportunities.2.lastActivityAt",
    ]);
    for (const options of [
      {},
      { now: "2026-02-10" },
      { now, staleAfterDays: { won: 3 } },
      { now, staleAfterDays: { quote: -1 } },
      { now, timeZone: "Mars/Olympus" },
      { now, verbose: true },
    ]) {
      expect(() => findStaleOpportunities([quiet], options as never)).toThrow(ValidationError);
    }
  });
});
