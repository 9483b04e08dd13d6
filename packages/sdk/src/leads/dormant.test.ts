import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { DEFAULT_REENGAGEMENT_POLICY, findDormantLeads, planReengagement } from "./dormant.js";

const now = "2026-11-27T10:00:00+08:00";
const ago = (d: number) => new Date(Date.parse(now) - d * 86_400_000).toISOString();

describe("findDormantLeads", () => {
  it("finds open leads idle past the threshold, longest idle first, with reasons", () => {
    const [a, b, c, d] = [newId("lead"), newId("lead"), newId("lead"), newId("lead")];
    const found = findDormantLeads(
      [
        { id: a, status: "contacted", receivedAt: ago(100), lastActivityAt: ago(40) },
        { id: b, status: "new", receivedAt: ago(70) },
        { id: c, status: "qualified", receivedAt: ago(90), lastActivityAt: ago(5) },
        { id: d, status: "lost", receivedAt: ago(300) },
      ],
      { now },
    );
    expect(found.map((f) => [f.leadId, f.idleDays])).toEqual([
      [b, 70],
      [a, 40],
    ]);
    expect(found[0]!.reasons[0]!.message).toContain("since its last receipt");
    expect(
      findDormantLeads([{ id: c, status: "new", receivedAt: ago(8) }], {
        now,
        dormantAfterDays: 7,
      }),
    ).toHaveLength(1);
  });

  it("rejects bad leads and options with ValidationError", () => {
    expect(() =>
      findDormantLeads([{ id: "x", status: "new", receivedAt: ago(1) }], { now }),
    ).toThrow(/0\.id/);
    expect(() => findDormantLeads([], { now, dormantAfterDays: 0 })).toThrow(ValidationError);
    expect(() => findDormantLeads([], { now, days: 3 } as never)).toThrow(ValidationError);
  });
});

describe("planReengagement", () => {
  const lost = {
    status: "lost" as const,
    receivedAt: ago(60),
    lastActivityAt: "2026-11-01T10:00:00+08:00",
  };

  it("lost for price comes back after 30 / 90 / 180 days", () => {
    const plan = planReengagement({ ...lost, lostReason: "Price" });
    expect(plan.steps.map((s) => s.dueAt)).toEqual([
      "2026-12-01T10:00:00+08:00",
      "2027-01-30T10:00:00+08:00",
      "2027-04-30T10:00:00+08:00",
    ]);
    expect(plan.reasons[0]?.code).toBe("lost_reason");
  });

  it("uses the default for unlisted loss reasons and the dormant schedule for dormant leads", () => {
    expect(planReengagement({ ...lost, lostReason: "colour" }).reasons[0]?.code).toBe(
      "lost_default",
    );
    const dormant = planReengagement({ ...lost, status: "dormant" });
    expect(dormant.steps).toHaveLength(DEFAULT_REENGAGEMENT_POLICY.dormant.length);
  });

  it("plans nothing for open leads or customers who declined marketing", () => {
    expect(planReengagement({ ...lost, status: "new" }).steps).toEqual([]);
    const declined = planReengagement({ ...lost, consent: { marketing: false } });
    expect(declined).toEqual({
      steps: [],
      reasons: [expect.objectContaining({ code: "no_marketing_consent" })],
    });
  });

  it("takes a dealer's policy and rejects a bad one", () => {
    const policy = {
      dormant: [14],
      lostByReason: { competitor: [365] },
      lostDefault: [90],
      timeZone: "Europe/Berlin",
    };
    const plan = planReengagement({ ...lost, lostReason: "competitor" }, policy);
    expect(plan.steps[0]!.dueAt).toBe("2027-11-01T03:00:00+01:00");
    expect(() => planReengagement(lost, { ...policy, lostDefault: [-1] })).toThrow(ValidationError);
    expect(() => planReengagement(lost, { ...policy, extra: true } as never)).toThrow(
      ValidationError,
    );
  });
});
