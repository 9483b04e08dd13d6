import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import type { Money } from "../primitives/money.js";
import { parseInput } from "../validate.js";
import {
  VEHICLE_STATUS_TRANSITIONS,
  type Vehicle,
  type VehicleInput,
  vehicleInputSchema,
  vehicleSchema,
  vehicleStatusSchema,
} from "./index.js";

function issuesOf(input: unknown) {
  try {
    parseInput(vehicleInputSchema, input, "vehicle input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const storeId = newId("store");
const passat = {
  vin: "LSVAU2180N2183294",
  brand: "Volkswagen",
  series: "Passat",
  model: "Passat 380TSI",
  trim: "豪华版",
  year: 2026,
  exteriorColour: "Pearl White",
  storeId,
  location: "Yard B-12",
  costs: {
    purchase: { amount: 19_800_000 },
    transport: { amount: 150_000 },
    preparation: { amount: 80_000 },
    holdingPerDay: { amount: 6_500 },
  },
  listPrice: { amount: 22_990_000 },
  floorPrice: { amount: 21_500_000 },
  arrivedAt: "2026-10-08T14:00:00+08:00",
} satisfies VehicleInput;

describe("vehicleInputSchema", () => {
  it("accepts a new car in stock with costs and prices in CNY fen", () => {
    const parsed = parseInput(vehicleInputSchema, passat, "vehicle input");
    expect(parsed).toMatchObject({ condition: "new", status: "in_stock", mileageKm: 0 });
    expect(parsed.listPrice).toEqual({ amount: 22_990_000, currency: "CNY" });
    expect(parsed.costs.holdingPerDay).toEqual({ amount: 6_500, currency: "CNY" });
  });

  it("keeps the VIN as given (check digits are the VIN module's job)", () => {
    expect(parseInput(vehicleInputSchema, { ...passat, vin: " lsvau2180n2183294 " }, "v").vin).toBe(
      "lsvau2180n2183294",
    );
    expect(issuesOf({ ...passat, vin: "LSVAU-2180" })).toEqual([
      ["vin", "must be a VIN of letters and digits, e.g. LSVAU2180N2183294"],
    ]);
  });

  it("accepts a demo car with its demo data", () => {
    const demo = parseInput(
      vehicleInputSchema,
      {
        ...passat,
        condition: "demo",
        mileageKm: 3200,
        demo: { since: "2026-06-01", mileageKmAtStart: 12 },
      },
      "vehicle input",
    );
    expect(demo.demo).toEqual({ since: "2026-06-01", mileageKmAtStart: 12 });
  });

  it("rejects money as decimals and a floor price above the list price", () => {
    expect(issuesOf({ ...passat, listPrice: { amount: 229_900.5 } })).toContainEqual([
      "listPrice.amount",
      "must be an integer number of minor units (fen for CNY), not a decimal",
    ]);
    expect(issuesOf({ ...passat, floorPrice: { amount: 23_000_000 } })).toEqual([
      ["floorPrice", "must not be above listPrice"],
    ]);
    expect(issuesOf({ ...passat, costs: { purchase: { amount: -1 } } })).toEqual([
      ["costs.purchase.amount", "must not be negative"],
    ]);
  });

  it("rejects costs in another currency than the list price", () => {
    const usd: Money = { amount: 100_00, currency: "USD" };
    expect(issuesOf({ ...passat, costs: { ...passat.costs, transport: usd } })).toEqual([
      ["costs.transport.currency", "must be CNY, the currency of listPrice"],
    ]);
  });

  it("checks demo data against the condition", () => {
    expect(issuesOf({ ...passat, condition: "demo" })).toEqual([
      ["demo", "is required for a demo car (when it entered demo service)"],
    ]);
    expect(issuesOf({ ...passat, demo: { since: "2026-06-01" } })).toEqual([
      ["demo", "only demo cars, and used cars that were demo cars, have demo data"],
    ]);
  });

  it("checks arrival and sale times against the status", () => {
    const { arrivedAt: _, ...notArrived } = passat;
    expect(issuesOf(notArrived)).toEqual([
      ["arrivedAt", "is required for a vehicle in stock (days in stock count from it)"],
    ]);
    expect(issuesOf({ ...passat, status: "sold" })).toEqual([
      ["soldAt", "is required for a sold vehicle"],
    ]);
    expect(issuesOf({ ...passat, soldAt: "2026-11-01T10:00:00+08:00" })).toEqual([
      ["soldAt", "must be empty while the vehicle is in_stock"],
    ]);
    expect(issuesOf({ ...passat, status: "sold", soldAt: "2026-10-01T10:00:00+08:00" })).toEqual([
      ["soldAt", "must not be before arrivedAt"],
    ]);
  });

  it("rejects negative or fractional mileage and unknown fields", () => {
    expect(issuesOf({ ...passat, mileageKm: -5 })).toEqual([["mileageKm", "must not be negative"]]);
    expect(issuesOf({ ...passat, mileageKm: 12.5 })).toEqual([
      ["mileageKm", "must be a whole number of kilometres"],
    ]);
    const [issue] = issuesOf({ ...passat, color: "red" });
    expect(issue).toEqual(["", 'Unrecognized key: "color"']);
  });
});

describe("vehicle lifecycle and stored shape", () => {
  it("lists transitions for every status; sold is final", () => {
    expect(Object.keys(VEHICLE_STATUS_TRANSITIONS).sort()).toEqual(
      [...vehicleStatusSchema.options].sort(),
    );
    expect(VEHICLE_STATUS_TRANSITIONS.sold).toEqual([]);
  });

  it("parses a stored vehicle", () => {
    const parsed = parseInput(vehicleInputSchema, passat, "vehicle input");
    const stored = vehicleSchema.parse({
      ...parsed,
      id: newId("vehicle"),
      createdAt: "2026-10-08T14:00:00+08:00",
      updatedAt: "2026-10-08T14:00:00+08:00",
      version: 1,
    });
    expect(stored.storeId).toBe(storeId);
    expectTypeOf<Vehicle["listPrice"]>().toEqualTypeOf<{ amount: number; currency: string }>();
    expectTypeOf<Vehicle["status"]>().toEqualTypeOf<
      "in_transit" | "in_stock" | "reserved" | "sold"
    >();
  });
});
