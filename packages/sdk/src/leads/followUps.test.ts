import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import {
  addBusinessMinutes,
  compileBusinessCalendar,
  scheduleStoreSchema,
} from "./businessCalendar.js";
import { type FollowUpLead, planFollowUps } from "./followUps.js";

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "18:00" }));
const manager = newId("salesperson");
const officeStore = { timeZone: "Asia/Shanghai", businessHours: weekdays, managerId: manager };
const newLead = (receivedAt: string, over: Partial<FollowUpLead> = {}): FollowUpLead => ({
  status: "new",
  receivedAt,
  ...over,
});

describe("planFollowUps", () => {
  it("a Friday-evening lead is due 30 business minutes after Monday's opening", () => {
    const received = "2026-11-27T19:30:00+08:00"; // Friday
    const plan = planFollowUps(newLead(received, { grade: "H" }), {
      store: officeStore,
      now: received,
    });
    const first = plan.tasks[0]!;
    expect(first).toMatchObject({
      kind: "first_contact",
      sequence: 0,
      dueAt: "2026-11-30T09:30:00+08:00",
      overdue: false,
      escalateAt: "2026-11-30T10:30:00+08:00",
      escalateToId: manager,
    });
    expect(first.reasons[0]?.code).toBe("first_contact_deadline");
    // H: every day, moved off the weekend.
    expect(plan.tasks.slice(1, 6).map((t) => t.dueAt)).toEqual([
      "2026-12-01T09:30:00+08:00",
      "2026-12-02T09:30:00+08:00",
      "2026-12-03T09:30:00+08:00",
      "2026-12-04T09:30:00+08:00",
      "2026-12-07T09:00:00+08:00",
    ]);
    expect(plan.tasks[5]!.reasons.map((r) => r.code)).toContain("moved_into_business_hours");
  });

  it("counts business minutes across closing time", () => {
    const plan = planFollowUps(newLead("2026-11-26T17:50:00+08:00"), {
      store: officeStore,
      now: "2026-11-26T17:50:00+08:00",
    });
    expect(plan.tasks[0]!.dueAt).toBe("2026-11-27T09:20:00+08:00");
  });

  it("a lead arriving during the 国庆 holidays waits for the first workday, incl. a make-up Saturday", () => {
    const store = {
      ...officeStore,
      calendar: {
        holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
        extraWorkdays: ["2026-10-10"],
      },
    };
    const received = "2026-10-03T11:00:00+08:00";
    const plan = planFollowUps(newLead(received, { grade: "A" }), { store, now: received });
    expect(plan.tasks[0]!.dueAt).toBe("2026-10-08T09:30:00+08:00");
    const rest = planFollowUps(
      newLead(received, {
        grade: "A",
        firstContactAt: "2026-10-08T09:10:00+08:00",
        lastActivityAt: "2026-10-07T10:00:00+08:00",
      }),
      { store, now: received },
    );
    // From the 7th (a holiday) + 3 days = Saturday the 10th, a make-up workday: stays.
    expect(rest.tasks[0]!.dueAt).toBe("2026-10-10T10:00:00+08:00");
  });

  it("uses the store's own time zone (and its DST) for due times", () => {
    const received = "2026-11-27T19:30:00+08:00"; // 03:30 in Los Angeles
    const la = { ...officeStore, timeZone: "America/Los_Angeles" };
    expect(planFollowUps(newLead(received), { store: la, now: received }).tasks[0]!.dueAt).toBe(
      "2026-11-27T09:30:00-08:00",
    );
    const summer = "2026-07-01T19:30:00+08:00";
    expect(planFollowUps(newLead(summer), { store: la, now: summer }).tasks[0]!.dueAt).toBe(
      "2026-07-01T09:30:00-07:00",
    );
  });

  it("marks overdue tasks and escalates to the store manager", () => {
    const plan = planFollowUps(newLead("2026-11-27T09:00:00+08:00", { grade: "B" }), {
      store: officeStore,
      now: "2026-11-27T11:00:00+08:00",
    });
    expect(plan.tasks[0]).toMatchObject({ overdue: true });
    expect(plan.escalations).toEqual([
      {
        sequence: 0,
        toId: manager,
        reasons: [expect.objectContaining({ code: "escalate_to_manager" })],
      },
    ]);
  });

  it("plans nothing for closed leads and explains grades without a cadence", () => {
    const now = "2026-11-27T09:00:00+08:00";
    expect(
      planFollowUps(newLead(now, { status: "lost" }), { store: officeStore, now }).reasons[0]?.code,
    ).toBe("not_open");
    const o = planFollowUps(newLead(now, { grade: "Z" }), { store: officeStore, now });
    expect(o.tasks).toHaveLength(1);
    expect(o.reasons.at(-1)?.code).toBe("no_cadence");
  });

  it("takes a custom policy and rejects bad policy, store and lead", () => {
    const now = "2026-11-27T09:00:00+08:00";
    const policy = { firstContactMinutes: 120, cadence: { D: { everyDays: 30, times: 2 } } };
    const plan = planFollowUps(newLead(now, { grade: "D" }), { store: officeStore, now, policy });
    expect(plan.tasks.map((t) => t.dueAt)).toEqual([
      "2026-11-27T11:00:00+08:00",
      "2026-12-28T09:00:00+08:00", // 30 days on is Sunday the 27th: next opening
      "2027-01-26T11:00:00+08:00",
    ]);
    expect(() =>
      planFollowUps(newLead(now), {
        store: officeStore,
        now,
        policy: { firstContactMinute: 5 } as never,
      }),
    ).toThrow(ValidationError);
    expect(() => planFollowUps(newLead(now), { store: { timeZone: "Mars/Base" }, now })).toThrow(
      ValidationError,
    );
    expect(() =>
      planFollowUps(newLead(now), {
        store: { businessHours: [{ weekday: 1, opens: "18:00", closes: "09:00" }] },
        now,
      }),
    ).toThrow(/businessHours\.0\.closes/);
    expect(() => planFollowUps(newLead("soon"), { store: officeStore, now })).toThrow(
      ValidationError,
    );
  });

  it("a store that never opens is a ValidationError, not an endless loop", () => {
    const cal = compileBusinessCalendar(scheduleStoreSchema.parse({ businessHours: [] }));
    expect(() => addBusinessMinutes(cal, Date.now(), 30)).toThrow(ValidationError);
  });
});
