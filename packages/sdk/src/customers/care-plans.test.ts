import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import { carePlanEntryInputSchema, HOLIDAYS } from "./care-plans.js";

function issuesOf(input: unknown) {
  try {
    parseInput(carePlanEntryInputSchema, input, "care plan entry");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const customerId = newId("customer");

describe("carePlanEntryInputSchema", () => {
  it("accepts birthday, lunar holiday and maintenance entries", () => {
    const birthday = parseInput(
      carePlanEntryInputSchema,
      { kind: "birthday", customerId, channel: "wechat" },
      "care plan entry",
    );
    expect(birthday).toMatchObject({ kind: "birthday", daysBefore: 0 });
    const midAutumn = parseInput(
      carePlanEntryInputSchema,
      { kind: "holiday", customerId, holiday: "mid_autumn", daysBefore: 2 },
      "care plan entry",
    );
    expect(midAutumn.kind === "holiday" && HOLIDAYS[midAutumn.holiday]).toMatchObject({
      calendar: "lunar",
      month: 8,
      day: 15,
    });
    const service = parseInput(
      carePlanEntryInputSchema,
      {
        kind: "maintenance",
        customerId,
        vin: "LSVAU2180N2183294",
        everyMonths: 6,
        everyKm: 7500,
        lastServiceOn: "2026-05-10",
        lastServiceMileageKm: 37_500,
        daysBefore: 7,
      },
      "care plan entry",
    );
    expect(service.channel).toBe("sms");
  });

  it("rejects a holiday it does not know", () => {
    const [issue] = issuesOf({ kind: "holiday", customerId, holiday: "valentines" });
    expect(issue?.[0]).toBe("holiday");
    expect(issue?.[1]).toContain("spring_festival");
  });

  it("needs a time or mileage interval, the vehicle, and the service mileage for km reminders", () => {
    expect(issuesOf({ kind: "maintenance", customerId, lastServiceOn: "2026-05-10" })).toEqual([
      ["everyMonths", "set everyMonths, everyKm or both (whichever comes first)"],
      ["vin", "name the vehicle by vin or vehicleId"],
    ]);
    expect(
      issuesOf({
        kind: "maintenance",
        customerId,
        vehicleId: newId("vehicle"),
        everyKm: 10_000,
        lastServiceOn: "2026-05-10",
      }),
    ).toEqual([["lastServiceMileageKm", "is required when reminding by everyKm"]]);
  });

  it("rejects an unknown kind", () => {
    const [issue] = issuesOf({ kind: "anniversary", customerId });
    expect(issue?.[0]).toBe("kind");
  });
});
