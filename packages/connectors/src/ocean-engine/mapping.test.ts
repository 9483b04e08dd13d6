import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { mapOceanClue, oceanEngineConnector } from "./index.js";
import { OCEAN_CLUE_CN, OCEAN_TEST_ACCESS_TOKEN, OCEAN_TEST_ADVERTISER_ID } from "./mocks.js";
import { oceanClueSchema } from "./types.js";

const config = parseConfig(oceanEngineConnector, {
  accessToken: OCEAN_TEST_ACCESS_TOKEN,
  advertiserIds: [OCEAN_TEST_ADVERTISER_ID],
});

describe("Ocean Engine mapping", () => {
  it("maps a clue's contact, place, message, form answers and ids", () => {
    const lead = mapOceanClue(oceanClueSchema.parse(OCEAN_CLUE_CN), config);
    expect(lead).toEqual({
      source: "ocean_engine",
      channel: "ads",
      externalId: "7301234567890123456",
      occurredAt: "2026-11-27T02:42:13.000Z",
      contact: { name: "刘洋", phone: "13912345678", wechat: "liuyang_hz" },
      city: "杭州",
      region: "330000",
      interest: { model: "极氪 001 YOU 版" },
      message: "周末可以试驾吗？",
      attributes: {
        "ocean.field.购车预算": "30-35万",
        "ocean.field.预计购车时间": "1个月内",
        "ocean.clue_id": "7301234567890123456",
        "ocean.advertiser_id": "1712345678901234567",
        "ocean.advertiser_name": "杭州远景汽车销售服务有限公司",
        "ocean.ad_id": "1780000000000000001",
        "ocean.ad_name": "极氪 001 试驾 · 杭州",
        "ocean.creative_id": "1780000000000000002",
        "ocean.module_id": "7100000000000000003",
        "ocean.module_name": "预约试驾表单",
        "ocean.clue_type": "0",
        "ocean.clue_type_name": "form",
        "ocean.clue_source": "1",
        "ocean.clue_source_name": "ad_delivery",
        "ocean.clue_state": "1",
        "ocean.clue_state_name": "新线索",
        "ocean.gender": "male",
        "ocean.district": "西湖区",
        "ocean.address": "文三路 90 号",
        "ocean.app_name": "抖音",
        "ocean.system_tags": "高意向, 留资",
        "ocean.store_id": "7200000000000000004",
        "ocean.store_name": "极氪杭州西湖中心",
        "ocean.create_time_detail": "2026-11-27 10:42:13",
      },
    });
    expect(leadInputSchema.safeParse(lead).success).toBe(true);
  });

  it("sends form answers where the connection's field map says", () => {
    const mapped = parseConfig(oceanEngineConnector, {
      ...config,
      fieldMap: { 购车预算: "ignore", 意向车型: "series" },
    });
    const lead = mapOceanClue(oceanClueSchema.parse(OCEAN_CLUE_CN), mapped);
    expect(lead.interest).toEqual({ series: "极氪 001 YOU 版" });
    expect(lead.attributes).not.toHaveProperty("ocean.field.购车预算");
  });

  it("reads phone numbers sent as numbers and keeps an unknown province as an attribute", () => {
    const clue = oceanClueSchema.parse({
      clue_id: 123,
      telephone: 13800138000,
      province_name: "火星",
      remark_dict: { 兴趣: ["试驾", "金融"], 空: null },
    });
    const lead = mapOceanClue(clue, config);
    expect(lead.contact).toEqual({ phone: "13800138000" });
    expect(lead.region).toBeUndefined();
    expect(lead.attributes).toMatchObject({
      "ocean.field.province_name": "火星",
      "ocean.field.兴趣": "试驾, 金融",
    });
  });
});
