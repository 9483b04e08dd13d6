import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { metaLeadAdsConnector } from "./index.js";
import { mapMetaLead, metaTimeToIso } from "./mapping.js";
import {
  META_LEAD_CN,
  META_LEAD_EN,
  META_TEST_APP_SECRET,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
} from "./mocks.js";
import { type GraphLead, graphLeadSchema } from "./types.js";

const config = parseConfig(metaLeadAdsConnector, {
  appSecret: META_TEST_APP_SECRET,
  verifyToken: META_TEST_VERIFY_TOKEN,
  pageAccessToken: META_TEST_PAGE_TOKEN,
});
const map = (lead: GraphLead, cfg = config) => mapMetaLead(graphLeadSchema.parse(lead), cfg);

describe("mapMetaLead", () => {
  it("maps standard answers, keeps custom questions and Meta's ids as attributes", () => {
    const lead = map(META_LEAD_CN);
    expect(lead).toEqual({
      source: "meta_lead_ads",
      channel: "social",
      externalId: "1234567890123456789",
      occurredAt: "2026-11-27T02:42:13.000Z",
      contact: { name: "王芳", phone: "+8613912345678", email: "wang.fang@example.cn" },
      city: "杭州",
      region: "330000",
      interest: {},
      attributes: {
        "meta.field.意向车型": "Model Y 长续航",
        "meta.field.预计购车时间": "1个月内",
        "meta.field.感兴趣的服务": "试驾, 金融方案",
        "meta.lead_id": "1234567890123456789",
        "meta.form_id": "1357913579135791",
        "meta.ad_id": "23851234567890123",
        "meta.ad_name": "Model Y 试驾季 · 杭州",
        "meta.adset_id": "23851234567890456",
        "meta.campaign_id": "23851234567890789",
        "meta.campaign_name": "2026 冬季试驾",
        "meta.platform": "ig",
        "meta.is_organic": "false",
      },
    });
    expect(leadInputSchema.safeParse(lead).success).toBe(true);
  });

  it("joins first and last names, maps vehicle answers, keeps an unknown province", () => {
    const lead = map(META_LEAD_EN);
    expect(lead.contact).toEqual({ name: "Wei Chen", phone: "13800138000" });
    expect(lead.interest).toEqual({ brand: "BYD", model: "Seal", year: 2026, condition: "new" });
    expect(lead.region).toBeUndefined();
    expect(lead.attributes?.["meta.field.state"]).toBe("Atlantis");
    expect(leadInputSchema.safeParse(lead).success).toBe(true);
  });

  it("writes Chinese names family name first", () => {
    const lead = map({
      id: "1",
      created_time: "2026-11-27T02:42:13+0000",
      field_data: [
        { name: "first_name", values: ["小明"] },
        { name: "last_name", values: ["李"] },
        { name: "email", values: ["li@example.cn"] },
      ],
    });
    expect(lead.contact.name).toBe("李小明");
  });

  it("sends custom questions where the connection's fieldMap says", () => {
    const mapped = parseConfig(metaLeadAdsConnector, {
      ...config,
      fieldMap: { 意向车型: "model", 微信号: "wechat", 预计购车时间: "ignore" },
      channel: "ads",
    });
    const lead = map(
      {
        ...META_LEAD_CN,
        field_data: [
          ...(META_LEAD_CN.field_data ?? []),
          { name: "微信号", values: ["wangfang_88"] },
        ],
      },
      mapped,
    );
    expect(lead.channel).toBe("ads");
    expect(lead.interest).toEqual({ model: "Model Y 长续航" });
    expect(lead.contact.wechat).toBe("wangfang_88");
    expect(lead.attributes).not.toHaveProperty("meta.field.预计购车时间");
    expect(lead.attributes).not.toHaveProperty("meta.field.意向车型");
  });

  it("keeps a second answer for the same field, and odd years and conditions, as attributes", () => {
    const lead = map({
      id: "2",
      created_time: "2026-11-27T02:42:13+0000",
      field_data: [
        { name: "phone_number", values: ["13800138000"] },
        { name: "work_phone_number", values: ["02188886666"] },
        { name: "vehicle_year", values: ["明年"] },
        { name: "vehicle_condition", values: ["二手车"] },
        { name: "empty", values: [] },
      ],
    });
    expect(lead.contact.phone).toBe("13800138000");
    expect(lead.interest).toEqual({ condition: "used" });
    expect(lead.attributes).toMatchObject({
      "meta.field.work_phone_number": "02188886666",
      "meta.field.vehicle_year": "明年",
    });
    expect(lead.attributes).not.toHaveProperty("meta.field.empty");
  });

  it("leaves a lead without a way to reach anyone for the pipeline to refuse", () => {
    const lead = map({
      id: "3",
      created_time: "2026-11-27T02:42:13+0000",
      field_data: [{ name: "full_name", values: ["无联系方式"] }],
    });
    expect(leadInputSchema.safeParse(lead).success).toBe(false);
  });

  it("is the connector's mapToLead", () => {
    expect(metaLeadAdsConnector.mapToLead!(graphLeadSchema.parse(META_LEAD_EN), config)).toEqual(
      map(META_LEAD_EN),
    );
  });
});

describe("metaTimeToIso", () => {
  it("reads Meta's offset without a colon and Unix seconds", () => {
    expect(metaTimeToIso("2026-11-27T10:42:13+0800")).toBe("2026-11-27T02:42:13.000Z");
    expect(metaTimeToIso(1_795_747_333)).toBe("2026-11-27T02:42:13.000Z");
    expect(metaTimeToIso("yesterday")).toBeUndefined();
    expect(metaTimeToIso(undefined)).toBeUndefined();
  });
});
