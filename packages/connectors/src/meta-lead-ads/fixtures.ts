import type { GraphLead } from "./types.js";

/** Meta test credentials and leads as the Graph API returns them. Names and numbers are made up. */

export const META_TEST_APP_SECRET = "3f1c9a7be2d04c5f8a6e1b2c3d4e5f60";
export const META_TEST_VERIFY_TOKEN = "forecourt-verify-7d2e";
export const META_TEST_PAGE_TOKEN = "EAAGm0PX4ZCpsBOZCtestPAGEtoken0ZBZBx7QeZC1lZB3nZBqZCkZD";
export const META_TEST_PAGE_ID = "104857600123456";
export const META_TEST_FORM_ID = "1357913579135791";

/** A Chinese lead with an id above 2^53 and three custom questions. */
export const META_LEAD_CN: GraphLead = {
  id: "1234567890123456789",
  created_time: "2026-11-27T02:42:13+0000",
  ad_id: "23851234567890123",
  ad_name: "Model Y 试驾季 · 杭州",
  adset_id: "23851234567890456",
  campaign_id: "23851234567890789",
  campaign_name: "2026 冬季试驾",
  form_id: META_TEST_FORM_ID,
  is_organic: false,
  platform: "ig",
  field_data: [
    { name: "full_name", values: ["王芳"] },
    { name: "phone_number", values: ["+8613912345678"] },
    { name: "email", values: ["wang.fang@example.cn"] },
    { name: "city", values: ["杭州"] },
    { name: "province", values: ["浙江"] },
    { name: "意向车型", values: ["Model Y 长续航"] },
    { name: "预计购车时间", values: ["1个月内"] },
    { name: "感兴趣的服务", values: ["试驾", "金融方案"] },
  ],
};

/** An English-keyed lead with first/last names and vehicle questions. */
export const META_LEAD_EN: GraphLead = {
  id: "987654321098765",
  created_time: "2026-11-26T13:05:44+0000",
  form_id: META_TEST_FORM_ID,
  ad_id: "23851234567890123",
  field_data: [
    { name: "first_name", values: ["Wei"] },
    { name: "last_name", values: ["Chen"] },
    { name: "phone_number", values: ["13800138000"] },
    { name: "vehicle_make", values: ["BYD"] },
    { name: "vehicle_model", values: ["Seal"] },
    { name: "vehicle_year", values: ["2026"] },
    { name: "vehicle_condition", values: ["new"] },
    { name: "state", values: ["Atlantis"] },
  ],
};

/** The first id of the numbered series below: above 2^53, so it is exact only as a string. */
export const META_FIRST_SERIES_LEAD_ID = 9_007_199_254_740_993n;

/** The `n`th lead (from 0) of the numbered series `metaFormLeads` returns. */
export function metaFormLead(n: number, formId = META_TEST_FORM_ID): GraphLead {
  return {
    id: String(META_FIRST_SERIES_LEAD_ID + BigInt(n)),
    created_time: `2026-11-${String(1 + (n % 28)).padStart(2, "0")}T08:00:00+0000`,
    form_id: formId,
    field_data: [
      { name: "full_name", values: [`客户${n + 1}`] },
      { name: "phone_number", values: [`+86139${String(10_000_000 + n).slice(-8)}`] },
    ],
  };
}

/** Leads of one form, enough for several pages at a small page size. */
export function metaFormLeads(count: number, formId = META_TEST_FORM_ID): GraphLead[] {
  return Array.from({ length: count }, (_, n) => metaFormLead(n, formId));
}

/**
 * A lookup of the series' first `count` leads by id, made on demand: for `metaGraphHandlers`'
 * `findLead` when a run needs more leads than are worth holding in memory.
 */
export function metaSeriesLookup(count: number, formId = META_TEST_FORM_ID) {
  return (id: string): GraphLead | undefined => {
    if (!/^\d+$/.test(id)) return undefined;
    const n = BigInt(id) - META_FIRST_SERIES_LEAD_ID;
    return n >= 0n && n < BigInt(count) ? metaFormLead(Number(n), formId) : undefined;
  };
}
