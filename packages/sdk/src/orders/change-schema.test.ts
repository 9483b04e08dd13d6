import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import { orderChangeInputSchema } from "./change-schema.js";
import { contractInputSchema, contractSignatureInputSchema } from "./contracts.js";

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input, "input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const base = {
  orderId: newId("order"),
  baseVersion: 2,
  requestedBy: newId("salesperson"),
  requestedAt: "2026-11-29T10:00:00+08:00",
  reason: "Customer wants the panoramic roof",
};
const config = { brand: "Volkswagen", series: "ID.4", model: "ID.4 Pro" };

describe("orderChangeInputSchema", () => {
  it("accepts a configuration change and defaults it to needing approval", () => {
    const parsed = parseInput(
      orderChangeInputSchema,
      {
        ...base,
        kind: "configuration",
        before: config,
        after: { ...config, optionCodes: ["PANO"] },
      },
      "order change",
    );
    expect(parsed.requiresApproval).toBe(true);
  });

  it("lets a delivery-date change through without approval by default", () => {
    const parsed = parseInput(
      orderChangeInputSchema,
      { ...base, kind: "delivery_date", before: "2026-12-20", after: "2027-01-05" },
      "order change",
    );
    expect(parsed.requiresApproval).toBe(false);
  });

  it("rejects a change that changes nothing, whatever the key order", () => {
    expect(
      issuesOf(orderChangeInputSchema, {
        ...base,
        kind: "configuration",
        before: config,
        after: { model: "ID.4 Pro", series: "ID.4", brand: "Volkswagen" },
      }),
    ).toEqual([["after", "is the same as before: the change changes nothing"]]);
  });

  it("validates price lines inside the diff", () => {
    expect(
      issuesOf(orderChangeInputSchema, {
        ...base,
        kind: "price",
        before: [{ kind: "vehicle", description: "ID.4", amount: { amount: 19_990_000 } }],
        after: [
          { kind: "vehicle", description: "ID.4", amount: { amount: 19_990_000 } },
          { kind: "discount", description: "extra", amount: { amount: 300_000 } },
        ],
      }),
    ).toEqual([
      ["after.1.amount.amount", "must be negative on a discount line (it lowers the total)"],
    ]);
  });

  it("needs a reason and a known kind", () => {
    expect(
      issuesOf(orderChangeInputSchema, {
        ...base,
        reason: " ",
        kind: "delivery_date",
        after: "2027-01-05",
      }),
    ).toEqual([["reason", "must say why the order changes"]]);
    const [issue] = issuesOf(orderChangeInputSchema, { ...base, kind: "colour" });
    expect(issue?.[0]).toBe("kind");
  });
});

describe("contractInputSchema", () => {
  const contract = {
    orderId: newId("order"),
    orderVersion: 2,
    templateId: "vw-purchase-2026",
    renderedSha256: "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
  };

  it("accepts a generated contract and stores the hash in lower case", () => {
    expect(parseInput(contractInputSchema, contract, "contract").renderedSha256).toBe(
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    );
  });

  it("rejects a hash that is not SHA-256 hex", () => {
    expect(issuesOf(contractInputSchema, { ...contract, renderedSha256: "abc123" })).toEqual([
      ["renderedSha256", "must be the SHA-256 of the rendered text as 64 hex digits"],
    ]);
  });

  it("needs signedAt with signedBy, and the customer among the signers", () => {
    const dealer = { party: "dealer", name: "刘经理", salespersonId: newId("salesperson") };
    expect(issuesOf(contractInputSchema, { ...contract, signedBy: [dealer] })).toEqual([
      ["signedBy", "must include the customer's signature"],
      ["signedAt", "is required with signedBy"],
    ]);
    const signed = parseInput(
      contractSignatureInputSchema,
      {
        signedBy: [{ party: "customer", name: "王芳" }, dealer],
        signedAt: "2026-11-28T16:00:00+08:00",
      },
      "signature",
    );
    expect(signed.signedBy).toHaveLength(2);
  });
});
