import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newId } from "../primitives/ids.js";
import { readLeadInputFast } from "./leadInputFast.js";
import { leadInputSchema } from "./schema.js";

/** Same values, same own keys in the same order (zod's output order), recursively. */
function identical(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) =>
    identical((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]),
  );
}

/** Both readings of one input agree: the fast one accepts exactly what zod accepts, identically. */
function agree(input: unknown): void {
  const fast = readLeadInputFast(input);
  const slow = leadInputSchema.safeParse(input);
  if (!slow.success) {
    expect(fast).toBeUndefined();
    return;
  }
  expect(fast).toBeDefined();
  expect(identical(fast, slow.data)).toBe(true);
}

// Values near each field's edges: right and wrong types, blank and padded strings, lengths at and
// past the limits, present-but-undefined.
const text = (max: number) =>
  fc.oneof(
    fc.constantFrom("", " ", "  x  ", "\t北京\n", "BYD", "a".repeat(max), ` ${"b".repeat(max)} `),
    fc.constant("c".repeat(max + 1)),
    fc.string({ maxLength: 8 }),
  );
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, arb, arb, junk);
const money = fc.record(
  {
    amount: fc.oneof(
      fc.integer({ min: -1e9, max: 1e10 }),
      fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0, "100"),
    ),
    currency: fc.oneof(fc.constantFrom("CNY", "USD", "cny", "CN", "EURO", undefined), junk),
    extra: fc.constant(1),
  },
  { requiredKeys: ["amount"] },
);
const ids = (kind: "campaign" | "store" | "vehicle") =>
  fc.oneof(
    fc.constant(newId(kind)),
    fc.constant(`${newId(kind)} `),
    fc.constant(newId("lead")),
    fc.string({ maxLength: 4 }),
  );
const contactFields = {
  name: maybe(text(200)),
  phone: maybe(fc.oneof(text(40), fc.constantFrom("13812345678", " +86 138 1234 5678 "))),
  email: maybe(fc.oneof(text(254), fc.constant("a@b.cn"))),
  wechat: maybe(text(100)),
  preferred: maybe(fc.constantFrom("phone", "email", "wechat", "sms", "fax")),
  nickname: fc.constant("x"),
};
const contact = fc.record(contactFields, { requiredKeys: [] });
const interestFields = {
  brand: maybe(text(100)),
  series: maybe(text(100)),
  model: maybe(text(200)),
  trim: maybe(text(200)),
  year: maybe(
    fc.oneof(fc.integer({ min: 1890, max: 2110 }), fc.constantFrom(1899, 1900, 2100, 2101, 2000.5)),
  ),
  condition: maybe(fc.constantFrom("new", "used", "demo", "old")),
  vin: maybe(text(32)),
  vehicleId: maybe(ids("vehicle")),
  price: maybe(money),
  color: fc.constant("red"),
};
const interest = fc.record(interestFields, { requiredKeys: [] });
const engagementFields = {
  testDriveRequested: maybe(fc.boolean()),
  visitBooked: maybe(fc.boolean()),
  quoteRequested: maybe(fc.boolean()),
  financingAsked: maybe(fc.boolean()),
  tradeInOffered: maybe(fc.boolean()),
  called: fc.boolean(),
};
const engagement = fc.record(engagementFields, { requiredKeys: [] });
const leadFields = {
  source: maybe(text(100)),
  channel: maybe(fc.constantFrom("portal", "social", "walk_in", "email")),
  campaignId: maybe(ids("campaign")),
  externalId: maybe(fc.oneof(text(256), fc.constant("00123"))),
  occurredAt: maybe(
    fc.constantFrom("2026-11-27T09:30:00+08:00", "2026-11-27T01:30:00Z", "2026-11-27 09:30"),
  ),
  customerType: maybe(fc.constantFrom("individual", "business", "fleet", "company")),
  contact: maybe(contact),
  companyName: maybe(text(200)),
  fleetSize: maybe(fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(2.5))),
  region: maybe(fc.constantFrom("北京", "Beijing", "310000", "110105", " shanghai ", "Atlantis")),
  city: maybe(text(100)),
  storeId: maybe(ids("store")),
  interest: maybe(interest),
  budget: maybe(fc.record({ min: maybe(money), max: maybe(money) }, { requiredKeys: [] })),
  timeframe: maybe(fc.constantFrom("within_7_days", "unknown", "someday")),
  intent: maybe(fc.constantFrom("high", "medium", "low", "unknown", "keen")),
  engagement: maybe(engagement),
  message: maybe(fc.oneof(text(100), fc.constant("m".repeat(10_001)))),
  attributes: maybe(
    fc.oneof(
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })),
      fc.constant({ note: "x".repeat(4001) }),
      fc.constant({ n: 1 }),
    ),
  ),
  consent: maybe(
    fc.record({ marketing: maybe(fc.boolean()), other: fc.boolean() }, { requiredKeys: [] }),
  ),
  unexpected: fc.constant(true),
};
const leadInput = fc.record(leadFields, { requiredKeys: [] });
// Mostly-valid inputs, so that both the accepting and the declining side are exercised.
const plausibleLead = fc.record({
  source: fc.constantFrom("autohome", " dongchedi "),
  channel: fc.constantFrom("portal", "social"),
  contact: fc.record(
    {
      name: fc.constantFrom("张伟", " Li "),
      phone: fc.constantFrom("13812345678", "138 1234 5678", "+86 139 0000 1111", " "),
      email: fc.constantFrom("Buyer@Example.com", ""),
      wechat: fc.constantFrom("wx_1", "  "),
    },
    { requiredKeys: ["phone"] },
  ),
  region: fc.constantFrom("北京", "Sichuan", "310000"),
  interest: fc.record(
    {
      brand: fc.constantFrom("BYD", " Tesla "),
      price: fc.record(
        { amount: fc.integer({ min: 0, max: 1e9 }), currency: fc.constantFrom("CNY", "USD") },
        { requiredKeys: ["amount"] },
      ),
    },
    { requiredKeys: ["brand"] },
  ),
  timeframe: fc.constantFrom("within_7_days", "unknown"),
  intent: fc.constantFrom("high", "low"),
  engagement: fc.record({ testDriveRequested: fc.boolean() }, { requiredKeys: [] }),
});

/** One field of a mostly valid lead set to an edge value (one path at a time, up to three). */
type Edit = { path: string[]; value: unknown };
const editsOf = (prefix: string[], fields: Record<string, fc.Arbitrary<unknown>>) =>
  Object.entries(fields).map(([key, arb]) =>
    arb.map((value): Edit => ({ path: [...prefix, key], value })),
  );
const edit = fc.oneof(
  ...editsOf([], leadFields),
  ...editsOf(["contact"], contactFields),
  ...editsOf(["interest"], interestFields),
  ...editsOf(["interest", "price"], { amount: money.map((m) => m.amount), currency: junk }),
  ...editsOf(["engagement"], engagementFields),
  ...editsOf(["budget"], { min: money, max: money, cap: money }),
);
function applyEdits(base: Record<string, unknown>, edits: Edit[]): Record<string, unknown> {
  const lead = structuredClone(base);
  for (const { path, value } of edits) {
    let at: Record<string, unknown> = lead;
    for (const key of path.slice(0, -1)) {
      const next = at[key];
      if (typeof next !== "object" || next === null) at[key] = {};
      at = at[key] as Record<string, unknown>;
    }
    at[path[path.length - 1]!] = value;
  }
  return lead;
}
const editedLead = fc
  .tuple(plausibleLead, fc.array(edit, { maxLength: 3 }))
  .map(([base, edits]) => applyEdits(base, edits));

describe("readLeadInputFast", () => {
  it("accepts exactly what leadInputSchema accepts (valid leads with edge values edited in)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(editedLead, (input) => {
        agree(input);
        if (leadInputSchema.safeParse(input).success) accepted++;
      }),
      { numRuns: 5000 },
    );
    // Both sides of the boundary were exercised.
    expect(accepted).toBeGreaterThan(1000);
    expect(accepted).toBeLessThan(4000);
  });

  it("accepts exactly what leadInputSchema accepts, with the identical result (edge values)", () => {
    fc.assert(fc.property(leadInput, agree), { numRuns: 3000 });
  });

  it("accepts exactly what leadInputSchema accepts (mostly valid leads)", () => {
    fc.assert(fc.property(plausibleLead, agree), { numRuns: 1000 });
  });

  it("declines whatever is not a lead object, as the schema rejects it", () => {
    fc.assert(fc.property(fc.anything(), agree), { numRuns: 500 });
  });

  it("keeps present-but-undefined optional fields, fills defaults, trims", () => {
    const input = {
      source: " autohome ",
      channel: "portal",
      contact: { phone: " 13812345678 ", email: undefined },
      budget: undefined,
      interest: { price: { amount: 100 } },
    };
    agree(input);
    expect(readLeadInputFast(input)).toEqual({
      source: "autohome",
      channel: "portal",
      customerType: "individual",
      contact: { phone: "13812345678", email: undefined },
      interest: { price: { amount: 100, currency: "CNY" } },
      budget: undefined,
      timeframe: "unknown",
      intent: "unknown",
      engagement: {
        testDriveRequested: false,
        visitBooked: false,
        quoteRequested: false,
        financingAsked: false,
        tradeInOffered: false,
      },
      attributes: {},
    });
  });

  it("declines inherited and __proto__ keys the way the schema does", () => {
    const inherited = Object.create({ extra: 1 });
    Object.assign(inherited, { source: "a", channel: "portal", contact: { wechat: "w" } });
    agree(inherited);
    agree(JSON.parse('{"source":"a","channel":"portal","contact":{"wechat":"w"},"__proto__":{}}'));
  });
});
