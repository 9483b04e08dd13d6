import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { mapTencentClue, tencentAutomotiveConnector } from "./index.js";
import { TENCENT_CLUE_CN, TENCENT_TEST_SECRET_ID, TENCENT_TEST_SECRET_KEY } from "./mocks.js";
import { tencentClueSchema } from "./types.js";

const config = parseConfig(tencentAutomotiveConnector, {
  secretId: TENCENT_TEST_SECRET_ID,
  secretKey: TENCENT_TEST_SECRET_KEY,
  storeMap: { "1234567890": "sto_01JF3Q6Z8X4M2W9KX7V1B5N0TC" },
});

describe("Tencent automotive mapping", () => {
  it("maps the customer, vehicle codes, province, grade, shop and timeline", () => {
    const lead = mapTencentClue(tencentClueSchema.parse(TENCENT_CLUE_CN), config);
    expect(lead).toEqual({
      source: "tencent_automotive",
      channel: "social",
      externalId: "1348080105398452226",
      occurredAt: "2026-11-27T02:42:13.000Z",
      storeId: "sto_01JF3Q6Z8X4M2W9KX7V1B5N0TC",
      contact: { name: "陈杰", phone: "13712345678", wechat: "chenjie_gz" },
      region: "440000",
      interest: { brand: "GAC-AION", series: "AION-S", model: "AION-S-MAX-2026" },
      message: "想了解置换补贴",
      attributes: {
        "tencent.clue_id": "1348080105398452226",
        "tencent.wechat_nickname": "阿杰",
        "tencent.union_id": "wmpqy2CAAATGwpQTxuU1IUfoiOFH2cXA",
        "tencent.city_code": "440100",
        "tencent.dealer_id": "1,3,5",
        "tencent.dealer_name": "广州宏达汽车销售服务有限公司",
        "tencent.shop_id": "1234567890",
        "tencent.corp_shop_id": "S1234",
        "tencent.shop_name": "埃安广州天河店",
        "tencent.channel_id": "12",
        "tencent.channel_name": "抖音直播",
        "tencent.source_channel_name": "抖音",
        "tencent.level_code": "H",
        "tencent.lead_status": "101",
        "tencent.lead_type": "1",
        "tencent.lead_user_type": "0",
        "tencent.gender": "1",
        "tencent.sales_name": "李顾问",
        "tencent.tags": "置换, 高意向",
        "tencent.follow_time": "2026-11-27T03:26:40.000Z",
        "tencent.next_follow_time": "2026-11-28T03:26:40.000Z",
      },
    });
    expect(leadInputSchema.safeParse(lead).success).toBe(true);
  });

  it("keeps a masked phone out of the contact, and invalid clues marked", () => {
    const lead = mapTencentClue(
      tencentClueSchema.parse({
        ClueId: "1",
        Phone: "134xxxx1234",
        IsInvalid: 1,
        InvalidType: "1",
        InvalidTypeName: "空错号",
      }),
      config,
    );
    expect(lead.contact).toEqual({});
    expect(lead.attributes).toMatchObject({
      "tencent.phone_masked": "134xxxx1234",
      "tencent.invalid": "true",
      "tencent.invalid_type_name": "空错号",
    });
  });
});
