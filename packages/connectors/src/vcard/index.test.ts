import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { readVcardLeads, vcardConnector } from "./index.js";
import {
  VCARD_21,
  VCARD_21_GB2312,
  VCARD_30,
  VCARD_40,
  VCARD_CUT_OFF,
  VCARD_FILE,
  VCARD_NO_CONTACT,
  VCARD_TEST_UPLOAD_TOKEN,
  vcardUploadPost,
} from "./mocks.js";

/** Lines of the file where each BEGIN:VCARD stands, counted here independently of the parser. */
const beginLines = (file: string) =>
  file.split("\r\n").flatMap((line, i) => (line === "BEGIN:VCARD" ? [i + 1] : []));

async function leadOf(file: string) {
  const [result] = await readVcardLeads(file);
  if (!result?.ok) throw new Error(`not a lead: ${JSON.stringify(result)}`);
  expect(leadInputSchema.safeParse(result.event.lead).success).toBe(true);
  return result.event;
}

describe("vCard leads", () => {
  it("maps a 2.1 business card: the mobile as the phone, the company as a business lead", async () => {
    const event = await leadOf(VCARD_21);
    expect(event.externalId).toMatch(/^vcard:sha256:[0-9a-f]{64}$/);
    expect(event.lead).toEqual({
      source: "vcard",
      channel: "event",
      customerType: "business",
      externalId: event.externalId,
      contact: { name: "王芳", phone: "139 1234 5678", email: "wang.fang@example.cn" },
      companyName: "杭州远景汽车销售服务有限公司",
      region: "330000",
      city: "杭州",
      interest: {},
      message: "车展 A 馆交换的名片，公司需要采购 12 台新能源商务车，下个月到店看车。",
      attributes: {
        "vcard.tel.work": "+86-571-8888-8888",
        "vcard.tel.work_fax": "+86-571-8888-8889",
        "vcard.org_unit": "大客户部",
        "vcard.title": "采购经理",
        "vcard.street": "文三路 90 号",
        "vcard.postal_code": "310012",
        "vcard.country": "中国",
      },
    });
  });

  it("maps a 3.0 card: English name order, escapes, WeChat", async () => {
    const { lead } = await leadOf(VCARD_30);
    expect(lead).toMatchObject({
      customerType: "business",
      contact: {
        name: "Wei Chen",
        phone: "+86 186 1234 5678",
        email: "wei.chen@example.com",
        wechat: "chenwei_sz",
      },
      companyName: "Shenzhen Fleet Partners, Ltd.",
      region: "440000",
      city: "Shenzhen",
      message: "Met at the Shenzhen auto show.\nWants a quote for 30 vans; call after 2 pm.",
    });
  });

  it("maps a 4.0 card: a tel: URI, the UID as the id, an individual without a company", async () => {
    const event = await leadOf(VCARD_40);
    expect(event.externalId).toBe("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
    expect(event.lead.customerType).toBeUndefined();
    expect(event.lead.contact).toEqual({
      name: "刘洋",
      phone: "+86-139-8765-4321",
      email: "liu.yang@example.cn",
      wechat: "liuyang_hz",
    });
  });

  it("reads GB2312 values of old phones", async () => {
    const { lead } = await leadOf(VCARD_21_GB2312);
    expect(lead).toMatchObject({ contact: { name: "李强" }, region: "440000", city: "广州" });
  });

  it("gives the same card the same id when exported again (REV and PRODID aside)", async () => {
    const a = await leadOf(VCARD_30);
    const b = await leadOf(
      VCARD_30.replace("REV:2026-11-27T02:42:13Z", "REV:2026-12-01T00:00:00Z"),
    );
    expect(b.externalId).toBe(a.externalId);
  });

  it("reports the cards that cannot become leads, and reads the others", async () => {
    const results = await readVcardLeads(VCARD_FILE + VCARD_CUT_OFF);
    expect(results.map((r) => [r.card, r.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
      [5, true],
      [6, false],
    ]);
    const lines = beginLines(VCARD_FILE + VCARD_CUT_OFF);
    expect(results.filter((r) => !r.ok).flatMap((r) => (r.ok ? [] : r.errors))).toEqual([
      { card: 3, line: lines[2], message: "has no usable phone, email or WeChat" },
      { card: 6, line: lines[5], message: "has no END:VCARD" },
    ]);
    expect((await readVcardLeads(VCARD_NO_CONTACT))[0]).toMatchObject({ ok: false });
  });
});

describe("vCard upload webhook", () => {
  const config = parseConfig(vcardConnector, {
    uploadToken: VCARD_TEST_UPLOAD_TOKEN,
    source: "camcard",
  });
  const webhook = vcardConnector.webhook!;

  it("takes the upload token and reports unusable cards as warnings", async () => {
    const post = vcardUploadPost(VCARD_FILE);
    expect(await webhook.verify(post.rawBody, post.headers, config, post.request)).toEqual({
      ok: true,
    });
    const { events, warnings } = await webhook.parse(
      post.rawBody,
      post.headers,
      config,
      post.request,
    );
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.kind === "lead" && e.lead.source === "camcard")).toBe(true);
    expect(warnings).toEqual([
      `card 3 (line ${beginLines(VCARD_FILE)[2]}): has no usable phone, email or WeChat`,
    ]);
  });

  it("refuses another token, and makes a file without a usable card a dead letter", async () => {
    const wrong = vcardUploadPost(VCARD_40, "y".repeat(32));
    expect(await webhook.verify(wrong.rawBody, wrong.headers, config, wrong.request)).toMatchObject(
      {
        ok: false,
      },
    );
    const none = vcardUploadPost("hello");
    await expect(
      (async () => webhook.parse(none.rawBody, none.headers, config, none.request))(),
    ).rejects.toMatchObject({ code: "vcard_no_usable_card" });
  });
});
