import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig, redactConfig } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { tmallCarConnector } from "./index.js";
import {
  type QimenPost,
  TMALL_LEAD,
  TMALL_TEST_APP_KEY,
  TMALL_TEST_APP_SECRET,
  TMALL_TEST_CUSTOMER_ID,
  tmallLeadPost,
} from "./mocks.js";

const config = parseConfig(tmallCarConnector, {
  appKey: TMALL_TEST_APP_KEY,
  appSecret: TMALL_TEST_APP_SECRET,
  storeMap: { "SH-PD-01": "sto_01JF3Q6Z8X4M2W9KX7V1B5N0TC" },
});
const webhook = tmallCarConnector.webhook!;
const verify = (post: QimenPost, cfg = config) =>
  webhook.verify(post.rawBody, post.headers, cfg, post.request);
const parse = async (post: QimenPost, cfg = config) =>
  webhook.parse(post.rawBody, post.headers, cfg, post.request);

describe("Tmall Car config", () => {
  it("keeps the app secrets secret", () => {
    const rotating = parseConfig(tmallCarConnector, {
      ...config,
      previousAppSecret: "previous0qimen0secret0123456789",
    });
    expect(redactConfig(tmallCarConnector, rotating)).toMatchObject({
      appSecret: "[redacted]",
      previousAppSecret: "[redacted]",
      appKey: TMALL_TEST_APP_KEY,
    });
  });
});

describe("Qimen signature", () => {
  it.each(["md5", "hmac", "hmac-sha256"] as const)("accepts sign_method=%s", async (method) => {
    expect(await verify(await tmallLeadPost(TMALL_LEAD, { signMethod: method }))).toEqual({
      ok: true,
    });
  });

  it("accepts form posts, whose fields are signed as parameters", async () => {
    expect(await verify(await tmallLeadPost(TMALL_LEAD, { form: true }))).toEqual({ ok: true });
  });

  it("accepts the previous secret while the app switches over, and only when configured", async () => {
    const post = await tmallLeadPost(TMALL_LEAD, { secret: "previous0qimen0secret0123456789" });
    expect(await verify(post)).toMatchObject({ ok: false });
    const rotating = parseConfig(tmallCarConnector, {
      ...config,
      previousAppSecret: "previous0qimen0secret0123456789",
    });
    expect(await verify(post, rotating)).toEqual({ ok: true });
  });

  it.each([
    [
      "a wrong secret",
      { secret: "wrong0qimen0secret0123456789abc" },
      "sign does not match the request",
    ],
    [
      "a body changed after signing",
      { afterSigning: (body: string) => body.replace("13612345678", "13600000000") },
      "sign does not match the request",
    ],
    [
      "a re-serialised body",
      { afterSigning: (body: string) => JSON.stringify(JSON.parse(body), null, 2) },
      "sign does not match the request",
    ],
    ["another app", { appKey: "99999999" }, "app_key is not this connection's app"],
    [
      "a replayed request from an hour ago",
      { timestamp: "2026-11-27 09:42:13" },
      "stale Qimen timestamp: 3602 s old (tolerance 600 s)",
    ],
    [
      "an unreadable timestamp",
      { timestamp: "yesterday" },
      "missing or unreadable Qimen timestamp",
    ],
  ])("refuses %s", async (_what, options, reason) => {
    expect(await verify(await tmallLeadPost(TMALL_LEAD, options))).toEqual({ ok: false, reason });
  });

  it("refuses a missing sign, a sign_method the connection does not accept, another customer", async () => {
    const post = await tmallLeadPost(TMALL_LEAD);
    const url = new URL(post.request.url);
    url.searchParams.delete("sign");
    expect(await verify({ ...post, request: { ...post.request, url: url.toString() } })).toEqual({
      ok: false,
      reason: "missing sign parameter",
    });
    const md5Only = parseConfig(tmallCarConnector, { ...config, signMethods: ["md5"] });
    expect(await verify(await tmallLeadPost(TMALL_LEAD, { signMethod: "hmac" }), md5Only)).toEqual({
      ok: false,
      reason: 'sign_method "hmac" is not accepted',
    });
    const pinned = parseConfig(tmallCarConnector, { ...config, customerId: "c7654321" });
    expect(await verify(await tmallLeadPost(TMALL_LEAD), pinned)).toEqual({
      ok: false,
      reason: "customerId is not this connection's",
    });
    expect(
      await verify(
        await tmallLeadPost(TMALL_LEAD),
        parseConfig(tmallCarConnector, { ...config, customerId: TMALL_TEST_CUSTOMER_ID }),
      ),
    ).toEqual({ ok: true });
  });
});

describe("Tmall Car leads", () => {
  it("maps the lead, picks the store, and makes a stable id from the content", async () => {
    const { events, warnings } = await parse(await tmallLeadPost(TMALL_LEAD));
    expect(warnings).toBeUndefined();
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(event).toMatchObject({
      kind: "lead",
      lead: {
        source: "tmall_car",
        channel: "portal",
        externalId: event.externalId,
        storeId: "sto_01JF3Q6Z8X4M2W9KX7V1B5N0TC",
        contact: { name: "赵敏", phone: "13612345678" },
        region: "310000",
        interest: { brand: "比亚迪", series: "汉", model: "汉 EV 荣耀版 605km", year: 2026 },
        attributes: {
          "tmall.district_id": "310115",
          "tmall.price": "209800",
          "tmall.price_memo": "含置换补贴 8000 元",
          "tmall.store_id": "5001234",
          "tmall.store_code": "SH-PD-01",
        },
      },
    });
    expect(leadInputSchema.safeParse(event.kind === "lead" && event.lead).success).toBe(true);
    // Redelivered later (new timestamp and sign), as a form post: the same lead, the same id.
    const again = await parse(
      await tmallLeadPost(TMALL_LEAD, { form: true, timestamp: "2026-11-27 10:50:00" }),
    );
    expect(again.events[0]!.externalId).toBe(event.externalId);
  });

  it("uses Tmall's lead id when it sends one, and unwraps a wrapped body", async () => {
    const wrapped = JSON.stringify({ request: { ...TMALL_LEAD, lead_id: 88001234 } });
    const { events } = await parse(await tmallLeadPost(wrapped));
    expect(events[0]!.externalId).toBe("88001234");
  });

  it("warns about a missing name or store but keeps the lead", async () => {
    const { events, warnings } = await parse(
      await tmallLeadPost({ mobile: "13612345678", attr: '{"store_id":"5001234"}' }),
    );
    expect(events).toHaveLength(1);
    expect(warnings).toEqual([
      "name is missing (required by Tmall's spec)",
      "attr.store_code is missing (required)",
    ]);
  });

  it.each([
    ["no mobile", JSON.stringify({ ...TMALL_LEAD, mobile: "" }), {}, "malformed_payload"],
    ["a body that is not JSON", "name=赵敏&mobile=1", {}, "malformed_payload"],
    [
      "attr that is not an object",
      JSON.stringify({ ...TMALL_LEAD, attr: "[" }),
      {},
      "malformed_payload",
    ],
    [
      "XML",
      "<request><mobile>1</mobile></request>",
      { format: "xml" as const },
      "malformed_payload",
    ],
    [
      "another Qimen method",
      JSON.stringify(TMALL_LEAD),
      { method: "qimen.taobao.other" },
      "unsupported_method",
    ],
  ])("makes %s a dead letter", async (_what, body, options, code) => {
    const error = await parse(await tmallLeadPost(body, options)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error).toMatchObject({ code });
  });
});

describe("the answer Qimen reads", () => {
  const respond = webhook.respond!;

  it("says success for stored leads and why not otherwise, keeping the hub's status", () => {
    expect(respond({ kind: "accepted", status: 200, events: 1, duplicates: 0 }, config)).toEqual({
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"success":true,"msgCode":"200","msgDesc":"success"}',
    });
    expect(
      JSON.parse(
        respond(
          { kind: "unauthorized", status: 401, reason: "sign does not match the request" },
          config,
        ).body,
      ),
    ).toEqual({
      success: false,
      msgCode: "INVALID_SIGNATURE",
      msgDesc: "sign does not match the request",
    });
    const dead = respond(
      { kind: "dead_letter", status: 200, code: "malformed_payload", message: "no mobile" },
      config,
    );
    expect(dead.status).toBe(200);
    expect(JSON.parse(dead.body)).toMatchObject({ success: false, msgCode: "INVALID_DATA" });
    expect(respond({ kind: "failed", status: 503, message: "inbox down" }, config).status).toBe(
      503,
    );
  });
});
