import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import {
  TRANSFER_STATUS_TRANSITIONS,
  transferInputSchema,
  transferStatusSchema,
  transferStepInputSchema,
} from "./transfers.js";

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input, "transfer input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const request = {
  vehicleId: newId("vehicle"),
  vin: "LSVAU2180N2183294",
  fromStoreId: newId("store"),
  toStoreId: newId("store"),
  requestedBy: newId("salesperson"),
  requestedAt: "2026-11-27T09:00:00+08:00",
  reason: "Customer in Tianjin ordered this colour",
  orderId: newId("order"),
  neededBy: "2026-12-01",
};

describe("transferInputSchema", () => {
  it("accepts a request between two stores", () => {
    expect(parseInput(transferInputSchema, request, "transfer input").neededBy).toBe("2026-12-01");
  });

  it("rejects a transfer to the same store", () => {
    expect(issuesOf(transferInputSchema, { ...request, toStoreId: request.fromStoreId })).toEqual([
      ["toStoreId", "must be a different store from fromStoreId"],
    ]);
  });

  it("rejects ids of the wrong kind", () => {
    expect(issuesOf(transferInputSchema, { ...request, vehicleId: newId("order") })).toEqual([
      ["vehicleId", 'must be a vehicle id like "veh_01J…"'],
    ]);
  });
});

describe("transferStepInputSchema", () => {
  const step = { by: newId("salesperson"), at: "2026-11-27T11:00:00+08:00" };

  it("accepts an approval and a dispatch with the carrier", () => {
    expect(parseInput(transferStepInputSchema, { ...step, to: "approved" }, "step").to).toBe(
      "approved",
    );
    expect(
      parseInput(
        transferStepInputSchema,
        { ...step, to: "in_transit", carrier: "安吉物流" },
        "step",
      ).carrier,
    ).toBe("安吉物流");
  });

  it("requires a reason to reject or cancel", () => {
    expect(issuesOf(transferStepInputSchema, { ...step, to: "rejected" })).toEqual([
      ["reason", "is required when a transfer is rejected"],
    ]);
  });

  it("does not go back to requested", () => {
    expect(issuesOf(transferStepInputSchema, { ...step, to: "requested" })).toEqual([
      ["to", "must be approved, in_transit, received, rejected or cancelled"],
    ]);
  });
});

describe("TRANSFER_STATUS_TRANSITIONS", () => {
  it("runs request → approved → in_transit → received with final states", () => {
    expect(Object.keys(TRANSFER_STATUS_TRANSITIONS).sort()).toEqual(
      [...transferStatusSchema.options].sort(),
    );
    expect(TRANSFER_STATUS_TRANSITIONS.requested).toContain("approved");
    expect(TRANSFER_STATUS_TRANSITIONS.approved).toContain("in_transit");
    expect(TRANSFER_STATUS_TRANSITIONS.in_transit).toEqual(["received"]);
    for (const final of ["received", "rejected", "cancelled"] as const) {
      expect(TRANSFER_STATUS_TRANSITIONS[final]).toEqual([]);
    }
  });
});
