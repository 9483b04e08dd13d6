import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import { stocktakeInputSchema, stocktakeSchema } from "./stocktakes.js";

function issuesOf(input: unknown) {
  try {
    parseInput(stocktakeInputSchema, input, "stocktake input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const storeId = newId("store");
const count = {
  storeId,
  countedBy: newId("salesperson"),
  countedAt: "2026-11-30T18:00:00+08:00",
  scans: [
    { vin: "LSVAU2180N2183294", location: "Yard B-12" },
    { vin: "LFV3A23C8M3012345", location: "Showroom", scannedAt: "2026-11-30T17:40:00+08:00" },
  ],
};

describe("stocktakeInputSchema", () => {
  it("accepts scanned VINs with locations", () => {
    expect(parseInput(stocktakeInputSchema, count, "stocktake input").scans).toHaveLength(2);
  });

  it("names the scan that is not a VIN and a count time without an offset", () => {
    const issues = issuesOf({
      ...count,
      countedAt: "2026-11-30 18:00",
      scans: [...count.scans, { vin: "" }],
    });
    expect(issues).toContainEqual([
      "scans.2.vin",
      "must be a VIN of letters and digits, e.g. LSVAU2180N2183294",
    ]);
    expect(issues).toContainEqual([
      "countedAt",
      "must be an ISO 8601 date-time with an offset, e.g. 2026-11-27T09:30:00+08:00",
    ]);
  });
});

describe("stocktakeSchema", () => {
  it("holds missing, unexpected and wrong-location results", () => {
    const stored = stocktakeSchema.parse({
      ...count,
      id: newId("stocktake"),
      matchedCount: 41,
      results: [
        {
          kind: "missing",
          vehicleId: newId("vehicle"),
          vin: "LSGKB54H8KV000001",
          expectedLocation: "Yard A-01",
        },
        {
          kind: "unexpected",
          vin: "LFV3A23C8M3012345",
          foundLocation: "Showroom",
          systemStoreId: newId("store"),
        },
        {
          kind: "wrong_location",
          vehicleId: newId("vehicle"),
          vin: "LSVAU2180N2183294",
          expectedLocation: "Yard B-10",
          foundLocation: "Yard B-12",
        },
      ],
      createdAt: "2026-11-30T18:05:00+08:00",
      updatedAt: "2026-11-30T18:05:00+08:00",
      version: 1,
    });
    expect(stored.results.map((r) => r.kind)).toEqual(["missing", "unexpected", "wrong_location"]);
  });
});
