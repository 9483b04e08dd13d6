import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors.js";
import { type LeadInput, leadInputSchema } from "../../leads/schema.js";
import { REGION_CODES } from "../../primitives/regions.js";
import { computeVinCheckDigit } from "../vin.js";
import { ADF_ATTRIBUTES as A, parseAdf, toAdf } from "./index.js";

/**
 * The ADF 1.0 content models (with the published errata), as patterns over the space-separated
 * child names. Every element the emitter writes is checked against them.
 */
const CONTENT_MODELS: Record<string, RegExp> = {
  adf: /^(prospect )+$/,
  prospect: /^(id )*requestdate (vehicle )+customer vendor (provider )?$/,
  vehicle:
    /^(id )*year make model (vin )?(stock )?(trim )?(doors )?(bodystyle )?(transmission )?(odometer )?(condition )?(colorcombination )*(imagetag )?(price )?(pricecomments )?(option )*(finance )?(comments )?$/,
  colorcombination: /^(interiorcolor (exteriorcolor )?|exteriorcolor )preference $/,
  finance: /^method (amount )+(balance )?$/,
  customer: /^contact (id )*(timeframe )?(comments )?$/,
  contact: /^(name )+(email (phone )*|(phone )+)(address )?$/,
  address: /^(street )+(apartment )?(city )?(regioncode )?(postalcode )?(country )?$/,
  timeframe: /^(description )?(earliestdate |latestdate )+$/,
  vendor: /^(id )*vendorname (url )?contact $/,
  provider: /^(id )*name (service )?(url )?(email )?(phone )?(contact )?$/,
};
const ALLOWED_ATTRIBUTES: Record<string, Record<string, readonly string[] | null>> = {
  prospect: { status: ["new", "resend"] },
  vehicle: {
    interest: ["buy", "lease", "sell", "trade-in", "test-drive"],
    status: ["new", "used"],
  },
  name: { part: ["first", "middle", "suffix", "last", "full"], type: ["individual", "business"] },
  phone: {
    type: ["voice", "fax", "cellphone", "pager"],
    time: ["morning", "afternoon", "evening", "nopreference", "day"],
    preferredcontact: ["0", "1"],
  },
  email: { preferredcontact: ["0", "1"] },
  id: { sequence: null, source: null },
  price: {
    type: ["quote", "offer", "msrp", "invoice", "call", "appraisal", "asking"],
    currency: null,
  },
  odometer: { units: ["km", "mi"] },
  address: { type: ["work", "home", "delivery"] },
  street: { line: null },
  amount: { type: ["downpayment", "monthly", "total"] },
};

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
});

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Every DTD violation in a document, as readable strings (empty when it conforms). */
function dtdViolations(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push("no declaration");
  if (!xml.includes('<?adf version="1.0"?>')) problems.push('no <?adf version="1.0"?>');
  const visit = (nodes: OrderedNode[], parent: string) => {
    const names: string[] = [];
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ":@")!;
      if (name === "#text" || name.startsWith("?")) continue;
      names.push(name);
      const attributes = node[":@"] ?? {};
      for (const [attr, value] of Object.entries(attributes)) {
        const allowed = ALLOWED_ATTRIBUTES[name];
        if (!allowed || !(attr in allowed)) problems.push(`${name}@${attr} is not in the DTD`);
        const values = allowed?.[attr];
        if (values && !values.includes(value)) problems.push(`${name}@${attr}="${value}"`);
      }
      visit(node[name] as OrderedNode[], name);
    }
    const model = CONTENT_MODELS[parent];
    const sequence = names.map((n) => `${n} `).join("");
    if (model && !model.test(sequence)) problems.push(`<${parent}> holds "${sequence}"`);
  };
  visit(orderedParser.parse(xml) as OrderedNode[], "#document");
  return problems;
}

const VENDOR = {
  name: "Beijing Star Motors",
  contact: { name: "Internet Sales", email: "leads@star-motors.example", phone: "010-6500 1234" },
};

const baseLead: LeadInput = {
  source: "autohome",
  channel: "portal",
  externalId: "AH-20261127-0042",
  occurredAt: "2026-11-27T09:30:00+08:00",
  contact: { name: "王伟", phone: "+8613812345678", email: "wang.wei@example.cn" },
  interest: { brand: "BYD", model: "Han EV", year: 2026, condition: "new" },
};

describe("toAdf", () => {
  it("writes the declaration, the ADF processing instruction and DTD order", () => {
    const xml = toAdf(
      {
        ...baseLead,
        city: "北京",
        region: "Beijing",
        timeframe: "within_15_days",
        message: "Call after 6pm <please> & ask for Mr. Wang",
        interest: { ...baseLead.interest, price: { amount: 18980000, currency: "CNY" } },
        engagement: { testDriveRequested: true, tradeInOffered: true },
      },
      { vendor: VENDOR },
    );
    expect(dtdViolations(xml)).toEqual([]);
    expect(xml.split("\n").slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?adf version="1.0"?>',
      "<adf>",
    ]);
    expect(xml).toContain('<id sequence="1" source="autohome">AH-20261127-0042</id>');
    expect(xml).toContain('<vehicle interest="test-drive" status="new">');
    expect(xml).toContain('<price currency="CNY">189800.00</price>');
    expect(xml).toContain('<vehicle interest="trade-in">');
    expect(xml).toContain("<regioncode>110000</regioncode>");
    expect(xml).toContain("<latestdate>2026-12-12T01:30:00.000Z</latestdate>");
    expect(xml).toContain(
      "<comments>Call after 6pm &lt;please&gt; &amp; ask for Mr. Wang</comments>",
    );
    expect(xml).toContain("<vendorname>Beijing Star Motors</vendorname>");
    expect(xml).toContain('<name part="full">autohome</name>');
  });

  it("escapes every attribute and keeps edge whitespace as references", () => {
    const xml = toAdf(
      {
        ...baseLead,
        source: `a"b'c<d>&e`,
        message: "  two spaces first\r\nand a tab last\t",
      },
      { vendor: VENDOR, pretty: false },
    );
    expect(xml).toContain('source="a&quot;b&apos;c&lt;d&gt;&amp;e"');
    expect(xml).toContain(
      "<comments>&#32;&#32;two spaces first&#13;\nand a tab last&#9;</comments>",
    );
    expect(xml).not.toContain("\n<");
  });

  it("writes several prospects, business names and the vendor kept in attributes", () => {
    const parsed = parseAdf(
      toAdf(
        [
          baseLead,
          {
            ...baseLead,
            customerType: "business",
            companyName: "Shunfeng Logistics",
            externalId: "AH-2",
          },
        ],
        { vendor: VENDOR },
      ),
    );
    expect(parsed.leads).toHaveLength(2);
    expect(parsed.leads[1]).toMatchObject({
      customerType: "business",
      companyName: "Shunfeng Logistics",
      attributes: { [A.vendorName]: VENDOR.name, [A.vendorContactEmail]: VENDOR.contact.email },
    });
    // Re-emitting a parsed lead needs no vendor option: the vendor travels in its attributes.
    expect(dtdViolations(toAdf(parsed.leads))).toEqual([]);
  });

  it("raises ValidationError for what ADF cannot carry or what the caller got wrong", () => {
    const wechatOnly = { ...baseLead, contact: { name: "李娜", wechat: "lina_88" } };
    expect(() => toAdf(wechatOnly, { vendor: VENDOR })).toThrow(/0\.contact: ADF needs an email/);
    expect(() => toAdf(baseLead)).toThrow(/0\.vendor: ADF requires a vendor/);
    expect(() => toAdf([], { vendor: VENDOR })).toThrow(/at least one prospect/);
    expect(() => toAdf(baseLead, { vendor: { ...VENDOR, contact: { name: "x" } } })).toThrow(
      /needs an email or a phone/,
    );
    expect(() => toAdf(baseLead, { vendor: VENDOR, indent: 4 } as never)).toThrow(/toAdf options/);
    expect(() => toAdf({ source: "x" } as LeadInput, { vendor: VENDOR })).toThrow(ValidationError);
    expect(() => toAdf("<adf/>" as never, { vendor: VENDOR })).toThrow(ValidationError);
  });

  it("refuses characters XML cannot carry unless asked to replace them", () => {
    const lead = { ...baseLead, message: "bell \u0007 here" };
    expect(() => toAdf(lead, { vendor: VENDOR })).toThrow(/0\.message: contains U\+0007/);
    const xml = toAdf(lead, { vendor: VENDOR, invalidCharacters: "replace" });
    expect(xml).toContain("<comments>bell \uFFFD here</comments>");
  });

  it("uses options.requestDate for leads without occurredAt", () => {
    const { occurredAt: _, ...lead } = baseLead;
    const xml = toAdf(lead, { vendor: VENDOR, requestDate: "2026-01-02T03:04:05Z" });
    expect(xml).toContain("<requestdate>2026-01-02T03:04:05Z</requestdate>");
  });
});

// ——— Round trip ———

const CHARS = [
  ..."abcxyzABCXYZ0189",
  ..."  \t\n\r",
  ...`<>&"';]]?!#/=`,
  ..."王伟北京汽车",
  "é",
  "🚗",
];
const text = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength });
const trimmed = (maxLength: number) =>
  text(maxLength)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
const phoneNumber = fc.stringMatching(/^\+?[0-9][0-9 -]{5,20}[0-9]$/);
const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const vin = fc
  .array(fc.constantFrom(...VIN_CHARS), { minLength: 17, maxLength: 17 })
  .map((chars) => {
    const raw = chars.join("");
    return raw.slice(0, 8) + computeVinCheckDigit(raw) + raw.slice(9);
  });
const instant = fc
  .tuple(
    fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
    fc.constantFrom("Z", "+08:00", "-05:00", "+05:45"),
  )
  .map(([ms, offset]) => {
    if (offset === "Z") return new Date(ms).toISOString();
    const minutes =
      (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
    return new Date(ms + minutes * 60_000).toISOString().replace("Z", offset);
  });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops undefined values so generated objects look like what a caller writes. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A lead input within what ADF carries, with the `adf.*` attributes toAdf writes back. */
const adfLead = fc
  .record({
    source: trimmed(40),
    externalId: opt(trimmed(40)),
    occurredAt: instant,
    business: opt(trimmed(60)),
    name: opt(trimmed(60)),
    nameParts: fc.boolean(),
    phone: opt(phoneNumber),
    email: opt(trimmed(60)),
    preferred: fc.constantFrom(undefined, "phone", "email"),
    city: opt(trimmed(30)),
    region: opt(fc.constantFrom(...REGION_CODES)),
    brand: opt(trimmed(30)),
    model: opt(trimmed(30)),
    trim: opt(trimmed(30)),
    year: opt(fc.integer({ min: 1900, max: 2100 })),
    condition: fc.constantFrom(undefined, "new", "used"),
    vin: opt(vin),
    price: opt(
      fc.record({
        amount: fc.integer({ min: 0, max: 10 ** 12 }),
        currency: fc.constantFrom("CNY", "USD", "JPY", "KWD"),
      }),
    ),
    timeframe: fc.constantFrom(
      "within_7_days",
      "within_15_days",
      "within_30_days",
      "within_3_months",
      "over_3_months",
      "unknown",
    ),
    testDrive: fc.boolean(),
    tradeIn: fc.boolean(),
    message: opt(text(200)),
    vehicleText: fc.dictionary(
      fc.constantFrom("stock", "doors", "bodystyle", "transmission", "odometer", "comments"),
      trimmed(20),
    ),
    tradeInText: fc.dictionary(fc.constantFrom("year", "make", "model", "vin"), trimmed(20)),
    // One <street> a line: lines hold no newline and are not empty.
    street: opt(
      fc.array(
        text(20).filter((l) => !l.includes("\n")),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    postalCode: opt(trimmed(10)),
    otherIds: fc.dictionary(word, trimmed(20), { maxKeys: 2 }),
    finance: opt(fc.tuple(trimmed(10), opt(trimmed(10)))),
    phoneTime: fc.constantFrom(undefined, "morning", "evening", "day"),
    extraPhone: opt(fc.tuple(phoneNumber, fc.constantFrom(undefined, "fax", "cellphone"))),
    resend: fc.boolean(),
    lease: fc.boolean(),
    timeframeNote: opt(trimmed(30)),
    vendorName: trimmed(40),
    vendorEmail: trimmed(40),
    vendorContactName: opt(trimmed(40)),
    providerService: opt(trimmed(20)),
  })
  .filter((g) => g.phone !== undefined || g.email !== undefined)
  .map((g): LeadInput => {
    const attributes: Record<string, string> = {
      [A.vendorName]: g.vendorName,
      [A.vendorContactEmail]: g.vendorEmail,
    };
    const set = (key: string, value: string | undefined) => {
      if (value !== undefined) attributes[key] = value;
    };
    set(A.vendorContactName, g.vendorContactName);
    set(A.providerService, g.providerService);
    if (g.resend) set(A.prospectStatus, "resend");
    if (g.name && g.nameParts) {
      set(A.nameFirst, g.name.split(/\s+/)[0]);
      set(A.nameLast, "Zhang");
    }
    if (g.phone) set(A.phoneTime, g.phoneTime);
    if (g.phone && g.extraPhone) {
      set(`${A.phonePrefix}2`, g.extraPhone[0]);
      set(`${A.phonePrefix}2.type`, g.extraPhone[1]);
    }
    for (const [k, v] of Object.entries(g.vehicleText)) set(`adf.vehicle.${k}`, v);
    if (g.tradeIn) for (const [k, v] of Object.entries(g.tradeInText)) set(`adf.tradein.${k}`, v);
    if (g.lease && !g.testDrive) set(A.vehicleInterest, "lease");
    if (g.street) set(A.street, g.street.join("\n"));
    set(A.postalCode, g.postalCode);
    if (g.externalId) {
      for (const [source, value] of Object.entries(g.otherIds)) {
        if (source !== "source" && source !== g.source) set(`${A.idPrefix}${source}`, value);
      }
    }
    if (g.finance) {
      set(A.financeMethod, g.finance[0]);
      set(A.financeAmount, g.finance[1]);
    }
    if (g.timeframe !== "unknown") set(A.timeframeDescription, g.timeframeNote);
    const preferred =
      (g.preferred === "phone" && g.phone) || (g.preferred === "email" && g.email)
        ? g.preferred
        : undefined;
    return compact({
      source: g.source,
      channel: "portal" as const,
      externalId: g.externalId,
      occurredAt: g.occurredAt,
      customerType: g.business ? ("business" as const) : ("individual" as const),
      companyName: g.business,
      contact: compact({ name: g.name, phone: g.phone, email: g.email, preferred }),
      city: g.city,
      region: g.region,
      interest: compact({
        brand: g.brand,
        model: g.model,
        trim: g.trim,
        year: g.year,
        condition: g.condition,
        vin: g.vin,
        price: g.price,
      }),
      timeframe: g.timeframe,
      engagement: {
        testDriveRequested: g.testDrive,
        tradeInOffered: g.tradeIn,
        financingAsked: g.finance !== undefined,
      },
      message: g.message,
      attributes,
    });
  });

describe("ADF round trip", () => {
  it("parseAdf(toAdf(leads)) gives back the leads, and the document follows the DTD", () => {
    fc.assert(
      fc.property(
        fc.array(adfLead, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (leads, pretty) => {
          const xml = toAdf(leads, { pretty });
          expect(dtdViolations(xml)).toEqual([]);
          const { leads: back, warnings } = parseAdf(xml);
          expect(back).toEqual(leads.map((lead) => leadInputSchema.parse(lead)));
          // Only generated VINs may draw remarks (a random position 10 is no model year).
          expect(warnings.filter((w) => !w.path.endsWith(".vin"))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
