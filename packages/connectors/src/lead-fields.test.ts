import { describe, expect, it } from "vitest";
import { joinName, LeadFieldCollector, readVehicleCondition } from "./lead-fields.js";

describe("LeadFieldCollector", () => {
  it("fills each field from its first answer and keeps the rest as attributes", () => {
    const fields = new LeadFieldCollector("vendor.");
    fields.answer("phone", "phone_1", " 13800138000 ");
    fields.answer("phone", "phone_2", "13900139000");
    fields.answer(undefined, "favourite_colour", "红色");
    fields.answer("ignore", "internal", "x");
    fields.answer("email", "email", "   ");
    fields.attribute("form_id", "42");
    const lead = fields.toLead({ source: "vendor", channel: "ads", externalId: "L1" });
    expect(lead).toEqual({
      source: "vendor",
      channel: "ads",
      externalId: "L1",
      contact: { phone: "13800138000" },
      interest: {},
      attributes: {
        "vendor.field.phone_2": "13900139000",
        "vendor.field.favourite_colour": "红色",
        "vendor.form_id": "42",
      },
    });
  });

  it("resolves regions, years and conditions, and keeps what it cannot read", () => {
    const good = new LeadFieldCollector("v.");
    good.answer("region", "province", "广东省");
    good.answer("year", "year", "2026");
    good.answer("condition", "cond", "二手车");
    expect(good.toLead({ source: "v", channel: "ads" })).toMatchObject({
      region: "440000",
      interest: { year: 2026, condition: "used" },
      attributes: {},
    });
    const odd = new LeadFieldCollector("v.");
    odd.answer("region", "province", "Atlantis");
    odd.answer("year", "year", "1850");
    odd.answer("condition", "cond", "mint");
    const lead = odd.toLead({ source: "v", channel: "ads" });
    expect(lead.region).toBeUndefined();
    expect(lead.interest).toEqual({});
    expect(lead.attributes).toEqual({
      "v.field.province": "Atlantis",
      "v.field.year": "1850",
      "v.field.cond": "mint",
    });
  });

  it("truncates attributes to the SDK's limits", () => {
    const fields = new LeadFieldCollector("v.");
    fields.attribute("long", "x".repeat(5000));
    expect(fields.attributes["v.long"]).toHaveLength(4000);
  });
});

describe("joinName and readVehicleCondition", () => {
  it("joins names the way they are written", () => {
    expect(joinName("Wei", "Chen")).toBe("Wei Chen");
    expect(joinName("小明", "王")).toBe("王小明");
    expect(joinName(undefined, "Chen")).toBe("Chen");
    expect(joinName(undefined, undefined)).toBeUndefined();
  });

  it("reads conditions in English and Chinese", () => {
    expect(readVehicleCondition("Used")).toBe("used");
    expect(readVehicleCondition("新车")).toBe("new");
    expect(readVehicleCondition("certified")).toBeUndefined();
  });
});
