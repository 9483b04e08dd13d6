import type { OceanClue } from "./types.js";

/** Ocean Engine test credentials and clues as the clue API returns them. People are made up. */

export const OCEAN_TEST_ACCESS_TOKEN = "0e5c1a9b7d3f4e2a8c6b0d1e2f3a4b5c6d7e8f90";
/** Above 2^53, as real advertiser ids are. */
export const OCEAN_TEST_ADVERTISER_ID = "1712345678901234567";
export const OCEAN_OTHER_ADVERTISER_ID = "1698765432109876543";

/** A form clue with every kind of field: custom form answers, a store, ids above 2^53. */
export const OCEAN_CLUE_CN: OceanClue = {
  clue_id: "7301234567890123456",
  advertiser_id: OCEAN_TEST_ADVERTISER_ID,
  advertiser_name: "杭州远景汽车销售服务有限公司",
  ad_id: "1780000000000000001",
  ad_name: "极氪 001 试驾 · 杭州",
  creative_id: "1780000000000000002",
  clue_type: 0,
  clue_source: 1,
  module_id: "7100000000000000003",
  module_name: "预约试驾表单",
  create_time_detail: "2026-11-27 10:42:13",
  create_time: "2026-11-27",
  name: "刘洋",
  telephone: "13912345678",
  gender: 1,
  age: 0,
  weixin: "liuyang_hz",
  province_name: "浙江省",
  city_name: "杭州",
  country_name: "西湖区",
  address: "文三路 90 号",
  remark: "周末可以试驾吗？",
  remark_dict: { 意向车型: "极氪 001 YOU 版", 购车预算: "30-35万", 预计购车时间: "1个月内" },
  app_name: "抖音",
  clue_state: 1,
  clue_state_name: "新线索",
  system_tags: ["高意向", "留资"],
  store: { store_id: "7200000000000000004", store_name: "极氪杭州西湖中心" },
};

/** `count` clues of one advertiser, a minute apart from `firstAt` (wall clock, Beijing). */
export function oceanClues(
  count: number,
  options: { advertiserId?: string; firstAt?: string; idBase?: bigint } = {},
): OceanClue[] {
  const first = Date.parse(`${(options.firstAt ?? "2026-11-26 08:00:00").replace(" ", "T")}+08:00`);
  const base = options.idBase ?? 7_300_000_000_000_000_001n;
  return Array.from({ length: count }, (_, n) => {
    const at = new Date(first + n * 60_000 + 8 * 3_600_000).toISOString();
    return {
      clue_id: String(base + BigInt(n)),
      advertiser_id: options.advertiserId ?? OCEAN_TEST_ADVERTISER_ID,
      clue_type: 0,
      clue_source: 1,
      create_time_detail: `${at.slice(0, 10)} ${at.slice(11, 19)}`,
      name: `客户${n + 1}`,
      telephone: `139${String(10_000_000 + n).slice(-8)}`,
      province_name: "广东",
      city_name: "深圳",
    };
  });
}
