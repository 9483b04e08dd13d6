import type { InboundRequestInfo } from "../define.js";
import type { GoogleLeadWebhook } from "./types.js";

/**
 * Google Ads lead form webhook bodies as Google sends them — int64 ids as bare JSON numbers, the
 * form's `google_key` in the body — for tests here and in the hub. Google only calls us (there
 * is no Google API to fetch a lead from), so there are no msw handlers here: these builders are
 * the vendor side.
 */

export const GOOGLE_TEST_KEY = "gk-6f1e2d3c4b5a6978";

/** What "Send test data" in the lead form's webhook settings posts. */
export const GOOGLE_TEST_LEAD: GoogleLeadWebhook = {
  lead_id: "TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe",
  user_column_data: [
    { column_name: "Full Name", string_value: "FirstName LastName", column_id: "FULL_NAME" },
    { column_name: "User Phone", string_value: "+16505550123", column_id: "PHONE_NUMBER" },
    { column_name: "User Email", string_value: "test@example.com", column_id: "EMAIL" },
  ],
  api_version: "1.0",
  form_id: "40000000000",
  campaign_id: "20000000000",
  google_key: GOOGLE_TEST_KEY,
  is_test: true,
  gcl_id: "TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe",
  adgroup_id: "20000000000",
  creative_id: "30000000000",
};

/** A real-looking Chinese lead with ids above 2^53, vehicle and custom questions. */
export const GOOGLE_LEAD_CN: GoogleLeadWebhook = {
  lead_id: "Cj0KCQiA_6-NBhCqARIsAH3zH7o4lXGoogleLead001",
  user_column_data: [
    { column_name: "姓名", string_value: "陈静", column_id: "FULL_NAME" },
    { column_name: "电话号码", string_value: "+86 186 1234 5678", column_id: "PHONE_NUMBER" },
    { column_name: "电子邮件", string_value: "chen.jing@example.cn", column_id: "EMAIL" },
    { column_name: "城市", string_value: "深圳", column_id: "CITY" },
    { column_name: "省份", string_value: "广东省", column_id: "REGION" },
    { column_name: "邮编", string_value: "518000", column_id: "POSTAL_CODE" },
    { column_name: "车型", string_value: "Xpeng G6", column_id: "VEHICLE_MODEL" },
    { column_name: "购车时间", string_value: "1-3 个月", column_id: "VEHICLE_PURCHASE_TIMELINE" },
    { column_name: "您希望哪天到店试驾？", string_value: "周日下午", column_id: "a1b2c3d4" },
  ],
  api_version: "1.0",
  form_id: "9223372036854775001",
  campaign_id: "9007199254740993",
  adgroup_id: "158000000000000001",
  creative_id: "680000000000000002",
  google_key: GOOGLE_TEST_KEY,
  is_test: false,
  gcl_id: "Cj0KCQiA_6-NBhCqARIsAH3zH7o4lX",
  lead_submit_time: "2026-11-27 02:42:13.412345+00:00",
};

const INT64_FIELDS = /"(form_id|campaign_id|adgroup_id|creative_id|asset_group_id)":"(\d+)"/g;

/** The body text as Google writes it: int64 ids as bare numbers (exact only in the text). */
export function googleLeadBody(lead: GoogleLeadWebhook): string {
  return JSON.stringify(lead).replace(INT64_FIELDS, '"$1":$2');
}

export interface GooglePost {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

/** A POST of `lead` (or of raw text) to the connection's webhook, as the hub receives it. */
export function googleLeadPost(lead: GoogleLeadWebhook | string): GooglePost {
  const text = typeof lead === "string" ? lead : googleLeadBody(lead);
  return {
    rawBody: new TextEncoder().encode(text),
    headers: { "content-type": "application/json", "user-agent": "Google-Ads-Lead-Form-Webhook" },
    request: {
      method: "POST",
      url: "https://hub.example.test/v1/hooks/conn_01GOOGLE",
      receivedAt: Date.parse("2026-11-27T02:42:15Z"),
    },
  };
}
