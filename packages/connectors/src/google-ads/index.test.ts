import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig, redactConfig } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { googleAdsConnector, googleTimeToIso } from "./index.js";
import {
  GOOGLE_LEAD_CN,
  GOOGLE_TEST_KEY,
  GOOGLE_TEST_LEAD,
  googleLeadBody,
  googleLeadPost,
} from "./mocks.js";

const config = parseConfig(googleAdsConnector, { googleKey: GOOGLE_TEST_KEY });
const webhook = googleAdsConnector.webhook!;

const verify = (post: ReturnType<typeof googleLeadPost>, cfg = config) =>
  webhook.verify(post.rawBody, post.headers, cfg, post.request);
const parse = async (post: ReturnType<typeof googleLeadPost>, cfg = config) =>
  webhook.parse(post.rawBody, post.headers, cfg, post.request);

describe("Google config", () => {
  it("keeps both keys secret", () => {
    const withPrevious = parseConfig(googleAdsConnector, {
      googleKey: GOOGLE_TEST_KEY,
      previousGoogleKey: "gk-old-0000000000",
    });
    expect(redactConfig(googleAdsConnector, withPrevious)).toMatchObject({
      googleKey: "[redacted]",
      previousGoogleKey: "[redacted]",
    });
  });
});

describe("Google google_key", () => {
  it("accepts the form's key", async () => {
    expect(await verify(googleLeadPost(GOOGLE_LEAD_CN))).toEqual({ ok: true });
  });

  it("accepts the previous key while forms switch over, and nothing else", async () => {
    const rotating = parseConfig(googleAdsConnector, {
      googleKey: "gk-new-1111111111",
      previousGoogleKey: GOOGLE_TEST_KEY,
    });
    expect(await verify(googleLeadPost(GOOGLE_LEAD_CN), rotating)).toEqual({ ok: true });
    const other = { ...GOOGLE_LEAD_CN, google_key: "gk-guess-22222222" };
    expect(await verify(googleLeadPost(other), rotating)).toEqual({
      ok: false,
      reason: "google_key does not match",
    });
  });

  it.each([
    [
      "a wrong key",
      { ...GOOGLE_LEAD_CN, google_key: `${GOOGLE_TEST_KEY}x` },
      "google_key does not match",
    ],
    [
      "a prefix of the key",
      { ...GOOGLE_LEAD_CN, google_key: GOOGLE_TEST_KEY.slice(0, -1) },
      "google_key does not match",
    ],
    ["no key", { ...GOOGLE_LEAD_CN, google_key: undefined }, "missing google_key"],
    ["an empty key", { ...GOOGLE_LEAD_CN, google_key: "" }, "missing google_key"],
    [
      "a key that is not a string",
      googleLeadBody(GOOGLE_LEAD_CN).replace(`"${GOOGLE_TEST_KEY}"`, "12345"),
      "missing google_key",
    ],
    [
      "a body that is not JSON",
      "google_key=gk-6f1e2d3c4b5a6978",
      "body is not JSON, so its google_key cannot be read",
    ],
  ])("refuses %s", async (_what, body, reason) => {
    expect(await verify(googleLeadPost(body))).toEqual({ ok: false, reason });
  });
});

describe("Google parse", () => {
  it("maps user_column_data by column id, ids exact, VEHICLE_* and custom questions as attributes", async () => {
    const body = googleLeadBody(GOOGLE_LEAD_CN);
    expect(body).toContain('"form_id":9223372036854775001');
    const { events } = await parse(googleLeadPost(GOOGLE_LEAD_CN));
    expect(events).toHaveLength(1);
    const event = events[0]!;
    if (event.kind !== "lead") throw new Error("expected a lead");
    expect(event.externalId).toBe("Cj0KCQiA_6-NBhCqARIsAH3zH7o4lXGoogleLead001");
    expect(event.isTest).toBeUndefined();
    expect(event.occurredAt).toBe("2026-11-27T02:42:13.412Z");
    expect(event.lead).toEqual({
      source: "google_ads",
      channel: "ads",
      externalId: "Cj0KCQiA_6-NBhCqARIsAH3zH7o4lXGoogleLead001",
      occurredAt: "2026-11-27T02:42:13.412Z",
      contact: { name: "陈静", phone: "+86 186 1234 5678", email: "chen.jing@example.cn" },
      city: "深圳",
      region: "440000",
      interest: {},
      attributes: {
        "google.field.POSTAL_CODE": "518000",
        "google.field.VEHICLE_MODEL": "Xpeng G6",
        "google.field.VEHICLE_PURCHASE_TIMELINE": "1-3 个月",
        "google.field.a1b2c3d4": "周日下午",
        "google.question.a1b2c3d4": "您希望哪天到店试驾？",
        "google.lead_id": "Cj0KCQiA_6-NBhCqARIsAH3zH7o4lXGoogleLead001",
        "google.form_id": "9223372036854775001",
        "google.campaign_id": "9007199254740993",
        "google.adgroup_id": "158000000000000001",
        "google.creative_id": "680000000000000002",
        "google.gcl_id": "Cj0KCQiA_6-NBhCqARIsAH3zH7o4lX",
        "google.api_version": "1.0",
        "google.lead_submit_time": "2026-11-27 02:42:13.412345+00:00",
      },
    });
    expect(leadInputSchema.safeParse(event.lead).success).toBe(true);
    expect(JSON.stringify(event)).not.toContain(GOOGLE_TEST_KEY);
  });

  it("flags Google's test data as a test lead", async () => {
    const { events } = await parse(googleLeadPost(GOOGLE_TEST_LEAD));
    expect(events[0]).toMatchObject({ isTest: true, externalId: GOOGLE_TEST_LEAD.lead_id });
    if (events[0]!.kind !== "lead") throw new Error("expected a lead");
    expect(events[0]!.lead.attributes).toMatchObject({ "google.is_test": "true" });
  });

  it("sends columns where the connection's fieldMap says", async () => {
    const mapped = parseConfig(googleAdsConnector, {
      googleKey: GOOGLE_TEST_KEY,
      fieldMap: { VEHICLE_MODEL: "model", "您希望哪天到店试驾？": "message" },
      channel: "social",
    });
    const { events } = await parse(googleLeadPost(GOOGLE_LEAD_CN), mapped);
    if (events[0]!.kind !== "lead") throw new Error("expected a lead");
    expect(events[0]!.lead).toMatchObject({
      channel: "social",
      interest: { model: "Xpeng G6" },
      message: "周日下午",
    });
  });

  it("joins first and last names and keeps a lead_id that is a JSON number exact", async () => {
    const text = googleLeadBody({
      ...GOOGLE_LEAD_CN,
      user_column_data: [
        { column_id: "FIRST_NAME", string_value: "静" },
        { column_id: "LAST_NAME", string_value: "陈" },
        { column_id: "WORK_EMAIL", string_value: "jing@corp.example.cn" },
      ],
    }).replace(
      '"lead_id":"Cj0KCQiA_6-NBhCqARIsAH3zH7o4lXGoogleLead001"',
      '"lead_id":12345678901234567890',
    );
    const { events } = await parse(googleLeadPost(text));
    expect(events[0]!.externalId).toBe("12345678901234567890");
    if (events[0]!.kind !== "lead") throw new Error("expected a lead");
    expect(events[0]!.lead.contact).toEqual({ name: "陈静", email: "jing@corp.example.cn" });
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    [
      "no lead_id",
      JSON.stringify({ user_column_data: [], google_key: GOOGLE_TEST_KEY }),
      /lead_id/,
    ],
    [
      "user_column_data not a list",
      JSON.stringify({ lead_id: "x", user_column_data: {} }),
      /user_column_data/,
    ],
  ])("fails permanently on %s", async (_what, body, message) => {
    const error = await parse(googleLeadPost(body)).then(
      () => expect.unreachable("should have failed"),
      (e: PermanentConnectorError) => e,
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("malformed_payload");
    expect(error.message).toMatch(message);
  });
});

describe("googleTimeToIso", () => {
  it("reads Google's submit times and refuses ones without an offset", () => {
    expect(googleTimeToIso("2026-11-27 10:42:13+0800")).toBe("2026-11-27T02:42:13.000Z");
    expect(googleTimeToIso("2026-11-27T02:42:13Z")).toBe("2026-11-27T02:42:13.000Z");
    expect(googleTimeToIso("2026-11-27 02:42:13")).toBeUndefined();
    expect(googleTimeToIso(undefined)).toBeUndefined();
  });
});
