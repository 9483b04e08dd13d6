import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import {
  type Customer,
  type CustomerInput,
  customerInputSchema,
  customerSchema,
  type FleetCustomer,
} from "./index.js";

function issuesOf(input: unknown): Array<[string, string]> {
  try {
    parseInput(customerInputSchema, input, "customer input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const individual = {
  type: "individual",
  name: "王芳",
  contact: { phones: ["138 1234 5678", "+86 139-0000-0000"], emails: [" Wang.Fang@Example.COM "] },
  idDocuments: [{ kind: "resident_id", number: "11010519491231002X" }],
  region: "北京",
  city: "北京",
  birthday: "1988-09-14",
  vehiclesOwned: [
    {
      vin: "LSVAU2180N2183294",
      brand: "Volkswagen",
      series: "Passat",
      year: 2022,
      purchasedOn: "2022-03-01",
      purchasedFromUs: true,
      mileageKm: 42_000,
      lastServiceOn: "2026-05-10",
      lastServiceMileageKm: 37_500,
    },
  ],
  consent: {
    marketing: true,
    channels: ["sms", "wechat"],
    recordedAt: "2026-11-01T10:00:00+08:00",
  },
} as const;

describe("customerInputSchema", () => {
  it("accepts an individual and normalises phones, emails and region", () => {
    const parsed = parseInput(customerInputSchema, individual, "customer input");
    expect(parsed.type).toBe("individual");
    expect(parsed.contact.phones).toEqual(["+8613812345678", "+8613900000000"]);
    expect(parsed.contact.emails).toEqual(["wang.fang@example.com"]);
    expect(parsed.region).toBe("110000");
    // ID numbers are kept exactly, trailing X included.
    expect(parsed.idDocuments[0]?.number).toBe("11010519491231002X");
    expect(parsed.tags).toEqual([]);
  });

  it("defaults to no marketing consent", () => {
    const parsed = parseInput(
      customerInputSchema,
      { type: "individual", name: "李雷", contact: { wechat: "lilei_88" } },
      "customer input",
    );
    expect(parsed.consent).toEqual({ marketing: false, channels: [] });
  });

  it("accepts a fleet with company name and fleet size", () => {
    const parsed = parseInput(
      customerInputSchema,
      {
        type: "fleet",
        name: "赵经理",
        companyName: "首汽租车",
        fleetSize: 1200,
        contact: { phones: ["010-6500 1234"] },
        idDocuments: [{ kind: "unified_social_credit_code", number: "91110000100011743X" }],
      },
      "customer input",
    );
    expect(parsed.type === "fleet" && parsed.fleetSize).toBe(1200);
    expect(parsed.contact.phones).toEqual(["+861065001234"]);
  });

  it("requires a company name for business and fleet customers", () => {
    expect(
      issuesOf({ type: "business", name: "Zhang", contact: { phones: ["13812345678"] } }),
    ).toEqual([["companyName", "is required for business and fleet customers"]]);
  });

  it("requires a fleet size for fleet customers", () => {
    expect(
      issuesOf({
        type: "fleet",
        name: "Zhang",
        companyName: "ACME Logistics",
        contact: { phones: ["13812345678"] },
      }),
    ).toEqual([["fleetSize", "is required for fleet customers (number of vehicles run)"]]);
    expect(
      issuesOf({
        type: "fleet",
        name: "Zhang",
        companyName: "ACME Logistics",
        fleetSize: 2.5,
        contact: { phones: ["13812345678"] },
      }),
    ).toEqual([["fleetSize", "must be a whole number of vehicles"]]);
  });

  it("rejects an unknown customer type", () => {
    const [issue] = issuesOf({ ...individual, type: "vip" });
    expect(issue?.[0]).toBe("type");
  });

  it("rejects fields that do not belong to the type", () => {
    const [issue] = issuesOf({ ...individual, fleetSize: 3 });
    expect(issue?.[0]).toBe("");
    expect(issue?.[1]).toContain("fleetSize");
  });

  it("rejects a bad phone with its index, and a duplicate after normalisation", () => {
    expect(issuesOf({ ...individual, contact: { phones: ["13812345678", "12345"] } })).toEqual([
      [
        "contact.phones.1",
        "not a valid phone number for its region (write it like 13812345678 or +8613812345678)",
      ],
    ]);
    expect(
      issuesOf({ ...individual, contact: { phones: ["13812345678", "+86 138 1234 5678"] } }),
    ).toEqual([["contact.phones.1", "phone +8613812345678 is listed twice"]]);
  });

  it("rejects a bad email and a contact with no way to reach the customer", () => {
    expect(issuesOf({ ...individual, contact: { emails: ["wang at example"] } })).toEqual([
      ["contact.emails.0", '"wang at example" is not an email address'],
    ]);
    expect(issuesOf({ ...individual, contact: {} })).toEqual([
      ["contact", "needs at least one way to reach the customer: a phone, an email or a WeChat id"],
    ]);
  });

  it("rejects an unknown region and a bad birthday", () => {
    const issues = issuesOf({ ...individual, region: "Atlantis", birthday: "14/09/1988" });
    expect(issues).toContainEqual([
      "region",
      'unknown region "Atlantis" (use a name such as Beijing / 北京 or a GB/T 2260 code)',
    ]);
    expect(issues).toContainEqual(["birthday", "must be a date like 2026-11-27"]);
  });

  it("rejects consent channels without marketing consent", () => {
    expect(issuesOf({ ...individual, consent: { marketing: false, channels: ["sms"] } })).toEqual([
      ["consent.channels", "channels can only be listed when marketing consent is given"],
    ]);
  });

  it("rejects a service mileage above the vehicle's mileage", () => {
    expect(
      issuesOf({
        ...individual,
        vehiclesOwned: [{ brand: "BYD", mileageKm: 1000, lastServiceMileageKm: 5000 }],
      }),
    ).toEqual([
      [
        "vehiclesOwned.0.lastServiceMileageKm",
        "must not be more than the vehicle's current mileageKm",
      ],
    ]);
  });
});

describe("customerSchema", () => {
  it("accepts a stored fleet customer", () => {
    const stored = customerSchema.parse({
      id: newId("customer"),
      type: "fleet",
      name: "赵经理",
      companyName: "首汽租车",
      fleetSize: 1200,
      contact: { phones: ["+861065001234"], emails: [] },
      idDocuments: [],
      vehiclesOwned: [],
      consent: { marketing: false, channels: [] },
      tags: ["fleet"],
      attributes: {},
      createdAt: "2026-11-27T09:30:00+08:00",
      updatedAt: "2026-11-27T09:30:00+08:00",
      version: 1,
    });
    expect(stored.type).toBe("fleet");
  });

  it("rejects an id with another kind's prefix", () => {
    const result = customerSchema.safeParse({ id: newId("lead"), type: "individual" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "id")?.message).toBe(
      'must be a customer id like "cus_01J…"',
    );
  });
});

describe("customer types", () => {
  it("narrows by type", () => {
    expectTypeOf<FleetCustomer["fleetSize"]>().toEqualTypeOf<number>();
    expectTypeOf<Extract<Customer, { type: "individual" }>>().not.toHaveProperty("companyName");
    expectTypeOf<Customer["id"]>().toEqualTypeOf<string>();
    // Input: defaults make these optional for the caller.
    expectTypeOf<Extract<CustomerInput, { type: "individual" }>["tags"]>().toEqualTypeOf<
      string[] | undefined
    >();
  });
});
