import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../../errors.js";
import { type LeadInput, leadInputSchema, type ParsedLeadInput } from "../../leads/schema.js";
import { computeVinCheckDigit } from "../vin.js";
import { ADF_ATTRIBUTES as A, DEFAULT_ADF_MAX_BYTES, parseAdf } from "./index.js";

const body = "1FTFW1ET0DFC10312";
const VIN = body.slice(0, 8) + computeVinCheckDigit(body) + body.slice(9);

/** A feed as a US lead aggregator sends it: odd casing, extras, two vehicles, a trade-in. */
const AGGREGATOR_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<?ADF VERSION="1.0"?>
<ADF>
  <Prospect Status="Resend">
    <ID Sequence="1" Source="LeadHub">LH-000123</ID>
    <id sequence="2" source="DealerSite">98765432109876543210</id>
    <RequestDate>2026-03-02T10:15:00-05:00</RequestDate>
    <Vehicle Interest="BUY" Status="Used">
      <Year>2013</Year>
      <Make>Ford</Make>
      <Model>F-150</Model>
      <VIN>${VIN.toLowerCase()}</VIN>
      <Stock>P4471</Stock>
      <Trim>XLT SuperCrew</Trim>
      <Odometer Units="MI">84120</Odometer>
      <ColorCombination><ExteriorColor>Oxford White</ExteriorColor><Preference>1</Preference></ColorCombination>
      <Price Type="Asking" Currency="usd">$21,995.00</Price>
      <Finance><Method>finance</Method><Amount Type="Downpayment">3000</Amount></Finance>
      <DealerPromo>Spring sale</DealerPromo>
    </Vehicle>
    <vehicle interest="trade-in" status="used">
      <year>2009</year><make>Toyota</make><model>Camry</model><odometer units="mi">150000</odometer>
    </vehicle>
    <Customer>
      <Contact PrimaryContact="1">
        <Name Part="First">  Maria </Name>
        <Name Part="Last">Garcia-López</Name>
        <Email PreferredContact="1">Maria.Garcia@Example.com</Email>
        <Phone Type="fax">555-010-9999</Phone>
        <Phone Type="CellPhone" Time="Evening">(555) 010-2345</Phone>
        <Address Type="home">
          <Street Line="1">1200 Elm St</Street>
          <Street Line="2">Unit 4</Street>
          <City>Austin</City>
          <RegionCode>TX</RegionCode>
          <PostalCode>78701</PostalCode>
          <Country>US</Country>
        </Address>
      </Contact>
      <Timeframe>
        <Description>Next two weeks</Description>
        <EarliestDate>2026-03-03</EarliestDate>
        <LatestDate>2026-03-14T00:00:00-05:00</LatestDate>
      </Timeframe>
      <Comments><![CDATA[Is the truck still available? Price < $22k & towing package?]]></Comments>
    </Customer>
    <Vendor>
      <VendorName>Lone Star Ford</VendorName>
      <Contact><Name Part="full">Internet Desk</Name><Email>internet@lonestarford.example</Email></Contact>
    </Vendor>
    <Provider>
      <Name Part="full">LeadHub</Name>
      <Service>Used Vehicle Inquiry</Service>
      <URL>https://leadhub.example</URL>
    </Provider>
  </Prospect>
</ADF>`;

describe("parseAdf on real-world feeds", () => {
  it("reads an aggregator feed with odd casing, extras, a trade-in and finance", () => {
    const { leads, warnings } = parseAdf(AGGREGATOR_FEED, { receivedAt: "2026-03-02T16:00:00Z" });
    expect(warnings).toEqual([]);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toEqual({
      source: "LeadHub",
      channel: "portal",
      externalId: "LH-000123",
      occurredAt: "2026-03-02T10:15:00-05:00",
      customerType: "individual",
      contact: {
        name: "Maria Garcia-López",
        email: "Maria.Garcia@Example.com",
        phone: "(555) 010-2345",
        preferred: "email",
      },
      city: "Austin",
      interest: {
        brand: "Ford",
        model: "F-150",
        trim: "XLT SuperCrew",
        year: 2013,
        vin: VIN,
        condition: "used",
        price: { amount: 2199500, currency: "USD" },
      },
      timeframe: "within_15_days",
      intent: "unknown",
      engagement: {
        testDriveRequested: false,
        visitBooked: false,
        quoteRequested: false,
        financingAsked: true,
        tradeInOffered: true,
      },
      message: "Is the truck still available? Price < $22k & towing package?",
      attributes: {
        [A.prospectStatus]: "resend",
        "adf.id.DealerSite": "98765432109876543210",
        [A.nameFirst]: "Maria",
        [A.nameLast]: "Garcia-López",
        [A.phoneType]: "cellphone",
        [A.phoneTime]: "evening",
        "adf.phone.2": "555-010-9999",
        "adf.phone.2.type": "fax",
        [A.addressType]: "home",
        [A.street]: "1200 Elm St\nUnit 4",
        [A.regionCode]: "TX",
        [A.postalCode]: "78701",
        [A.country]: "US",
        [A.timeframeDescription]: "Next two weeks",
        "adf.vehicle.stock": "P4471",
        "adf.vehicle.odometer": "84120",
        "adf.vehicle.odometer.units": "mi",
        "adf.vehicle.exteriorcolor": "Oxford White",
        [A.priceType]: "asking",
        [A.financeMethod]: "finance",
        [A.financeAmount]: "3000",
        [A.financeAmountType]: "downpayment",
        "adf.extra.vehicle.dealerpromo": "Spring sale",
        "adf.tradein.year": "2009",
        "adf.tradein.make": "Toyota",
        "adf.tradein.model": "Camry",
        "adf.tradein.odometer": "150000",
        "adf.tradein.odometer.units": "mi",
        [A.vendorName]: "Lone Star Ford",
        [A.vendorContactName]: "Internet Desk",
        [A.vendorContactEmail]: "internet@lonestarford.example",
        [A.providerService]: "Used Vehicle Inquiry",
        [A.providerUrl]: "https://leadhub.example",
      },
    });
  });

  it("reads the minimal sample from the ADF specification, repairing its offset", () => {
    const { leads, warnings } = parseAdf(`<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf><prospect>
  <requestdate>2000-03-30T15:30:20-08:0</requestdate>
  <vehicle><year>2008</year><make>Make</make><model>Model</model></vehicle>
  <customer><contact>
    <name part="first">First</name><name part="last">Last</name>
    <phone>323-223-3322</phone><email>emailaddress</email>
  </contact></customer>
  <vendor><contact><name part="full">Dealer Name</name></contact></vendor>
</prospect></adf>`);
    expect(leads[0]).toMatchObject({
      source: "adf",
      occurredAt: "2000-03-30T15:30:20-08:00",
      contact: { name: "First Last", phone: "323-223-3322", email: "emailaddress" },
      interest: { brand: "Make", model: "Model", year: 2008 },
    });
    expect(warnings).toEqual([
      {
        path: "prospect.0.requestdate",
        message: '"2000-03-30T15:30:20-08:0" read as 2000-03-30T15:30:20-08:00',
      },
    ]);
  });

  it("reads several prospects and skips, with a warning, one that cannot be reached", () => {
    const { leads, warnings } = parseAdf(
      `<adf>
        <prospect><customer><contact><name>张伟</name><phone>138 1234 5678</phone></contact></customer></prospect>
        <prospect><customer><contact><name>No Way To Reach</name></contact></customer></prospect>
        <prospect><customer><contact><email>li.na@example.cn</email></contact></customer>
          <vehicle interest="test-drive"><make>BYD</make><model>Seal</model></vehicle></prospect>
      </adf>`,
      { source: "autohome", channel: "portal" },
    );
    expect(leads.map((l) => l.contact)).toEqual([
      { name: "张伟", phone: "138 1234 5678" },
      { email: "li.na@example.cn" },
    ]);
    expect(leads[1]!.engagement.testDriveRequested).toBe(true);
    expect(leads.every((l) => l.source === "autohome" && l.timeframe === "unknown")).toBe(true);
    expect(warnings).toEqual([
      { path: "prospect.1.customer.contact", message: "has no email or phone; prospect skipped" },
    ]);
  });

  it("reads a Chinese address's province and a business customer", () => {
    const { leads } = parseAdf(`<adf><prospect>
      <customer><contact>
        <name part="full">刘洋</name><name type="business">顺丰速运</name>
        <phone type="cellphone">+86 138 0013 8000</phone>
        <address><street>建国路 88 号</street><city>北京</city><regioncode>北京</regioncode><country>CN</country></address>
      </contact></customer></prospect></adf>`);
    expect(leads[0]).toMatchObject({
      customerType: "business",
      companyName: "顺丰速运",
      contact: { name: "刘洋" },
      city: "北京",
      region: "110000",
    });
  });

  it("maps timeframe dates against the request date", () => {
    const feed = (dates: string) =>
      `<adf><prospect><requestdate>2026-05-01T09:00:00+08:00</requestdate><customer>
        <contact><email>a@b.cn</email></contact><timeframe>${dates}</timeframe>
      </customer></prospect></adf>`;
    const timeframe = (dates: string) => parseAdf(feed(dates)).leads[0]!.timeframe;
    expect(timeframe("<latestdate>2026-05-05T09:00:00+08:00</latestdate>")).toBe("within_7_days");
    expect(timeframe("<latestdate>2026-05-20T00:00:00+08:00</latestdate>")).toBe("within_30_days");
    expect(timeframe("<latestdate>2026-07-15</latestdate>")).toBe("within_3_months");
    expect(timeframe("<earliestdate>2026-12-01</earliestdate>")).toBe("over_3_months");
    expect(timeframe("<description>soon</description>")).toBe("unknown");
  });

  it("warns about values it cannot read instead of failing the lead", () => {
    const { leads, warnings } = parseAdf(`<adf><prospect>
      <requestdate>last tuesday</requestdate>
      <vehicle status="demo"><year>MMXX</year><make>Tesla</make>
        <vin>5YJ3E1EA0KF000000</vin><price currency="dollars">call us</price></vehicle>
      <customer><contact><phone>010-12345678</phone></contact></customer>
    </prospect></adf>`);
    expect(leads[0]!.interest).toEqual({ brand: "Tesla", vin: "5YJ3E1EA0KF000000" });
    expect(leads[0]!.occurredAt).toBeUndefined();
    expect(warnings.map((w) => w.path)).toEqual([
      "prospect.0.requestdate",
      "prospect.0.vehicle.0.year",
      "prospect.0.vehicle.0.vin",
      "prospect.0.vehicle.0",
      "prospect.0.vehicle.0.price",
    ]);
    expect(warnings[2]!.message).toMatch(/check digit at position 9/);
  });

  it("reads dates without an offset in the configured zone", () => {
    const feed = `<adf><prospect><requestdate>2026-05-01 09:00</requestdate>
      <customer><contact><email>a@b.cn</email></contact></customer></prospect></adf>`;
    expect(parseAdf(feed).leads[0]!.occurredAt).toBe("2026-05-01T09:00:00+08:00");
    const us = parseAdf(feed.replace("2026-05-01 09:00", "05/01/2026 9:00 PM"), {
      timeZone: "America/Chicago",
    });
    expect(us.leads[0]!.occurredAt).toBe("2026-05-01T21:00:00-05:00");
    expect(us.warnings[0]!.message).toContain("US date");
  });

  it("decodes entities and character references, and reads UTF-8 bytes", () => {
    const xml = `\uFEFF<adf><prospect><customer><contact>
      <name>O&apos;Brien &amp; Sons &#x1F697; &#26481;</name><email>a@b.cn</email>
      </contact><comments>&lt;b&gt;hi&lt;/b&gt; &unknown;</comments></customer></prospect></adf>`;
    const { leads } = parseAdf(new TextEncoder().encode(xml));
    expect(leads[0]!.contact.name).toBe("O'Brien & Sons 🚗 東");
    expect(leads[0]!.message).toBe("<b>hi</b> &unknown;");
  });

  it("finds <adf> inside a wrapper", () => {
    const xml = `<envelope><body><adf><prospect><customer><contact><email>a@b.cn</email>
      </contact></customer></prospect></adf></body></envelope>`;
    expect(parseAdf(xml).leads).toHaveLength(1);
  });
});

describe("parseAdf refuses", () => {
  const refused = (xml: unknown, options?: Parameters<typeof parseAdf>[1]) => {
    try {
      parseAdf(xml as string, options);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).message;
    }
    throw new Error("expected parseAdf to refuse the input");
  };

  it("a billion-laughs DOCTYPE", () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE adf [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<adf><prospect><customer><contact><name>&lol3;</name><email>a@b.cn</email></contact></customer></prospect></adf>`;
    expect(refused(xml)).toMatch(
      /<!DOCTYPE> declaration; DOCTYPE and ENTITY declarations are refused/,
    );
  });

  it("an external entity (XXE), in any case, and a bare ENTITY", () => {
    const xxe = `<?xml version="1.0"?><!doctype adf SYSTEM "file:///etc/passwd"><adf/>`;
    expect(refused(xxe)).toContain("<!DOCTYPE>");
    expect(refused(`<adf><!ENTITY x "y"><prospect/></adf>`)).toContain("<!ENTITY>");
  });

  it("but not declarations hidden in comments or CDATA", () => {
    const xml = `<adf><!-- <!DOCTYPE x> --><prospect><customer><contact><email>a@b.cn</email></contact>
      <comments><![CDATA[<!ENTITY looks scary>]]></comments></customer></prospect></adf>`;
    expect(parseAdf(xml).leads[0]!.message).toBe("<!ENTITY looks scary>");
    expect(refused("<adf><!-- never closed <prospect/></adf>")).toContain("unterminated comment");
  });

  it("documents over the size limit", () => {
    const big = `<adf><prospect><customer><comments>${"x".repeat(DEFAULT_ADF_MAX_BYTES)}</comments></customer></prospect></adf>`;
    expect(refused(big)).toMatch(/larger than 1048576 bytes/);
    expect(refused("<adf><prospect/></adf>", { maxBytes: 10 })).toMatch(/larger than 10 bytes/);
    // Multi-byte characters count as their UTF-8 length.
    expect(refused(`<adf>${"汽".repeat(40)}</adf>`, { maxBytes: 100 })).toMatch(/larger than/);
    expect(refused(new Uint8Array(101), { maxBytes: 100 })).toMatch(/larger than/);
  });

  it("text that is not XML, and XML that is not ADF", () => {
    expect(refused("Name: Wang Wei, phone 13812345678")).toMatch(/is not XML/);
    expect(refused('{"adf": {}}')).toMatch(/is not XML/);
    expect(refused("")).toMatch(/is not XML/);
    expect(refused("<lead><name>x</name></lead>")).toMatch(/has no <adf> element/);
    expect(refused("<adf></adf>")).toMatch(/adf: has no <prospect>/);
    expect(refused("<adf><__proto__>x</__proto__></adf>")).toMatch(/not well-formed XML/);
    expect(refused(new Uint8Array([0x3c, 0xff, 0xfe]))).toMatch(/not valid UTF-8/);
  });

  it("arguments and options of the wrong kind", () => {
    expect(refused(42)).toMatch(/must be XML text/);
    expect(refused(undefined)).toMatch(/must be XML text/);
    expect(refused("<adf/>", { strict: true } as never)).toMatch(/parseAdf options/);
    expect(refused("<adf/>", { maxBytes: -1 })).toMatch(/maxBytes/);
    expect(refused("<adf/>", { channel: "fax" } as never)).toMatch(/channel/);
  });
});

describe("parseAdf on damaged input", () => {
  it("either refuses with ValidationError or returns leads that pass leadInputSchema", () => {
    // Cut, repeat and splice a real feed: truncated uploads and mangled mail bodies.
    const damaged = fc
      .tuple(
        fc.nat(AGGREGATOR_FEED.length),
        fc.nat(AGGREGATOR_FEED.length),
        fc.string({ unit: fc.constantFrom(..."<>/&;\"'=! abcADF-?[]"), maxLength: 12 }),
      )
      .map(([a, b, junk]) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        return AGGREGATOR_FEED.slice(0, from) + junk + AGGREGATOR_FEED.slice(to);
      });
    fc.assert(
      fc.property(fc.oneof(damaged, fc.string()), (xml) => {
        let result: ReturnType<typeof parseAdf>;
        try {
          result = parseAdf(xml, { receivedAt: "2026-03-02T16:00:00Z" });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        for (const lead of result.leads) expect(leadInputSchema.parse(lead)).toEqual(lead);
      }),
      { numRuns: 500 },
    );
  });
});

describe("public types", () => {
  it("returns leads that are lead inputs", () => {
    expectTypeOf(parseAdf).returns.toEqualTypeOf<{
      leads: ParsedLeadInput[];
      warnings: { path: string; message: string }[];
    }>();
    expectTypeOf<ParsedLeadInput>().toExtend<LeadInput>();
    expectTypeOf(parseAdf).parameter(0).toEqualTypeOf<string | Uint8Array>();
  });
});
