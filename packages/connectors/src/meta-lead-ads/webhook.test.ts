import { describe, expect, it } from "vitest";
import { parseConfig, redactConfig } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { parseJsonExact } from "../json.js";
import { metaLeadAdsConnector } from "./index.js";
import {
  META_TEST_APP_SECRET,
  META_TEST_PAGE_ID,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
  metaHandshakeRequest,
  metaLeadgenNotification,
  metaNotificationPost,
  signMetaBody,
} from "./mocks.js";
import { leadgenNotificationSchema, leadgenValueSchema } from "./types.js";

const config = parseConfig(metaLeadAdsConnector, {
  appSecret: META_TEST_APP_SECRET,
  verifyToken: META_TEST_VERIFY_TOKEN,
  pageAccessToken: META_TEST_PAGE_TOKEN,
});
const webhook = metaLeadAdsConnector.webhook!;
const BIG_ID = "1234567890123456789"; // > 2^53: JSON.parse would give ...6800

async function verify(post: Awaited<ReturnType<typeof metaNotificationPost>>) {
  return webhook.verify(post.rawBody, post.headers, config, post.request);
}

async function parse(body: string, cfg = config) {
  const post = await metaNotificationPost(body);
  return webhook.parse(post.rawBody, post.headers, cfg, post.request);
}

describe("Meta config", () => {
  it("keeps the app secret, verify token and page token secret", () => {
    const shown = JSON.stringify(redactConfig(metaLeadAdsConnector, config));
    for (const value of [META_TEST_APP_SECRET, META_TEST_VERIFY_TOKEN, META_TEST_PAGE_TOKEN]) {
      expect(shown).not.toContain(value);
    }
    expect(config.apiVersion).toBe("v21.0");
  });
});

describe("Meta subscription handshake", () => {
  it("answers the challenge when the verify token matches", async () => {
    expect(await webhook.handshake!(metaHandshakeRequest(), config)).toEqual({
      status: 200,
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: "1158201444",
    });
  });

  it("refuses a wrong token with 403 and a malformed challenge with 400", async () => {
    expect((await webhook.handshake!(metaHandshakeRequest("guess"), config))?.status).toBe(403);
    const reflected = metaHandshakeRequest(META_TEST_VERIFY_TOKEN, "<script>alert(1)</script>");
    expect((await webhook.handshake!(reflected, config))?.status).toBe(400);
  });

  it("leaves requests without hub.mode to verify", async () => {
    const post = await metaNotificationPost("{}");
    expect(await webhook.handshake!({ ...post.request, headers: post.headers }, config)).toBe(
      undefined,
    );
    // A query string without hub.mode, and one whose key is percent-encoded (still hub.mode).
    const other = {
      ...post.request,
      url: `${post.request.url}?source=meta`,
      headers: post.headers,
    };
    expect(await webhook.handshake!(other, config)).toBe(undefined);
    const encoded = metaHandshakeRequest();
    const url = new URL(encoded.url);
    const params = [...url.searchParams].map(
      ([k, v]) => `${k.replace(".", "%2E")}=${encodeURIComponent(v)}`,
    );
    const withEncodedKeys = { ...encoded, url: `${url.origin}${url.pathname}?${params.join("&")}` };
    expect((await webhook.handshake!(withEncodedKeys, config))?.status).toBe(200);
  });
});

describe("Meta signature", () => {
  const body = metaLeadgenNotification([{ leadgen_id: BIG_ID }]);

  it("accepts X-Hub-Signature-256 over the exact bytes", async () => {
    expect(await verify(await metaNotificationPost(body))).toEqual({ ok: true });
  });

  it("accepts upper-case hex and a Node-style header record", async () => {
    const post = await metaNotificationPost(body);
    const upper = `sha256=${post.headers["x-hub-signature-256"]!.slice(7).toUpperCase()}`;
    expect(
      await webhook.verify(post.rawBody, { "X-Hub-Signature-256": [upper] }, config, post.request),
    ).toEqual({ ok: true });
  });

  it("refuses a body changed after signing, even only by re-serialising it", async () => {
    const post = await metaNotificationPost(body);
    const reserialised = new TextEncoder().encode(JSON.stringify(JSON.parse(body)));
    expect(await webhook.verify(reserialised, post.headers, config, post.request)).toEqual({
      ok: false,
      reason: "X-Hub-Signature-256 does not match the body",
    });
  });

  it("refuses a signature made with another secret", async () => {
    const post = await metaNotificationPost(body, { appSecret: "another-app-secret-0000" });
    expect(await verify(post)).toMatchObject({ ok: false });
  });

  it.each([
    [null, "missing X-Hub-Signature-256 header"],
    ["", "missing X-Hub-Signature-256 header"],
    ["sha1=abc", "malformed X-Hub-Signature-256 header (expected sha256=<64 hex>)"],
    [`sha256=${"z".repeat(64)}`, "malformed X-Hub-Signature-256 header (expected sha256=<64 hex>)"],
    [`sha256=${"a".repeat(63)}`, "malformed X-Hub-Signature-256 header (expected sha256=<64 hex>)"],
  ])("refuses signature %j", async (signature, reason) => {
    expect(await verify(await metaNotificationPost(body, { signature }))).toEqual({
      ok: false,
      reason,
    });
  });

  it("never puts the secret or the expected signature in a reason", async () => {
    const expected = await signMetaBody(body);
    const result = await verify(
      await metaNotificationPost(body, { signature: `sha256=${"0".repeat(64)}` }),
    );
    expect(JSON.stringify(result)).not.toContain(expected.slice(7));
    expect(JSON.stringify(result)).not.toContain(META_TEST_APP_SECRET);
  });
});

describe("Meta notification parse", () => {
  it("makes one reference per leadgen change across entries, ids exact", async () => {
    const body = metaLeadgenNotification([
      { leadgen_id: BIG_ID, form_id: "1357913579135791", ad_id: "23851234567890123" },
      { leadgen_id: "9007199254740993" },
      { leadgen_id: "444444444444", page_id: "555555555555" },
    ]);
    expect(body).toContain(`"leadgen_id":${BIG_ID}`);
    expect(String(JSON.parse(body).entry[0].changes[0].value.leadgen_id)).not.toBe(BIG_ID);
    const { events } = await parse(body);
    expect(events).toEqual([
      {
        kind: "reference",
        externalId: BIG_ID,
        reference: {
          type: "meta.leadgen",
          id: BIG_ID,
          data: {
            pageId: META_TEST_PAGE_ID,
            formId: "1357913579135791",
            adId: "23851234567890123",
          },
        },
        occurredAt: "2026-11-27T02:42:13.000Z",
      },
      expect.objectContaining({ externalId: "9007199254740993" }),
      expect.objectContaining({
        externalId: "444444444444",
        reference: expect.objectContaining({ data: { pageId: "555555555555" } }),
      }),
    ]);
  });

  it("accepts ids Meta sends as strings", async () => {
    const body = JSON.stringify({
      object: "page",
      entry: [{ id: "1", time: 1, changes: [{ field: "leadgen", value: { leadgen_id: BIG_ID } }] }],
    });
    expect((await parse(body)).events[0]!.externalId).toBe(BIG_ID);
  });

  it("skips changes of other fields and other pages with warnings", async () => {
    const scoped = parseConfig(metaLeadAdsConnector, {
      ...config,
      pageId: META_TEST_PAGE_ID,
    });
    const body = metaLeadgenNotification(
      [{ leadgen_id: "111" }, { leadgen_id: "222", page_id: "999" }],
      { extraChanges: [{ field: "feed", value: { item: "post" } }] },
    );
    const result = await parse(body, scoped);
    expect(result.events.map((e) => e.externalId)).toEqual(["111"]);
    expect(result.warnings).toEqual([
      'entry.0.changes.1: field "feed" is not leadgen; skipped',
      "entry.1.changes.0: lead 222 is for page 999, not this connection's page; skipped",
    ]);
  });

  it("skips a leadgen change without a leadgen_id", async () => {
    const body = JSON.stringify({
      object: "page",
      entry: [{ id: "1", changes: [{ field: "leadgen", value: { form_id: 1 } }] }],
    });
    const result = await parse(body);
    expect(result.events).toEqual([]);
    expect(result.warnings?.[0]).toMatch(/without a usable leadgen_id/);
  });

  it("reads every body as its schemas do, on the common shape and around its edges", async () => {
    const change = (value: unknown) => ({ field: "leadgen", value });
    const bodies: unknown[] = [
      { object: "page", entry: [{ id: 1, time: 2, changes: [change({ leadgen_id: 3 })] }] },
      { object: "page", entry: [{ changes: [change({ leadgen_id: "  44  ", page_id: 5 })] }] },
      { object: "page", entry: [{ id: "7" }] },
      { object: "page", entry: [], extra: { kept: true } },
      { object: "page", entry: [{ id: null, changes: [] }] },
      { object: "page", entry: [{ id: 1.5, changes: [] }] },
      { object: "page", entry: [{ id: "   ", changes: [] }] },
      { object: "page", entry: [{ id: "x".repeat(257), changes: [] }] },
      { object: "page", entry: [{ id: 1, time: "2", changes: [] }] },
      { object: "page", entry: [{ id: 1, changes: {} }] },
      { object: "page", entry: [{ id: 1, changes: [{ field: 7, value: {} }] }] },
      { object: "page", entry: [{ id: 1, changes: [null] }] },
      { object: "page", entry: ["entry"] },
      { object: 1, entry: [] },
      [],
      null,
      { object: "page", entry: [{ changes: [change(null)] }] },
      { object: "page", entry: [{ changes: [change({ leadgen_id: null })] }] },
      { object: "page", entry: [{ changes: [change({ leadgen_id: 1, form_id: 2.5 })] }] },
      { object: "page", entry: [{ changes: [change({ leadgen_id: 1, ad_id: "" })] }] },
      { object: "page", entry: [{ changes: [change({ leadgen_id: 1, created_time: "1" })] }] },
      { object: "page", entry: [{ changes: [change({ leadgen_id: 1, adgroup_id: 9, x: 1 })] }] },
    ];
    const texts = [
      ...bodies.map((body) => JSON.stringify(body)),
      '{"object":"page","entry":[{"id":1,"time":1e999,"changes":[]}]}',
      '{"object":"page","entry":[{"changes":[{"field":"leadgen","value":{"leadgen_id":9007199254740993}}]}]}',
      '{"object":"page","entry":[{"changes":[{"field":"leadgen","value":{"leadgen_id":1,"created_time":1e999}}]}]}',
    ];
    for (const text of texts) {
      // What the schemas alone make of the text: the ids of the changes they accept, or refusal.
      const json = parseJsonExact(text);
      const notification = leadgenNotificationSchema.safeParse(json);
      const expected =
        notification.success && notification.data.object === "page"
          ? notification.data.entry.flatMap((item) =>
              item.changes.flatMap((c) => {
                const value = leadgenValueSchema.safeParse(c.value);
                return c.field === "leadgen" && value.success
                  ? [[value.data.leadgen_id, value.data.page_id ?? item.id, value.data.ad_id]]
                  : [];
              }),
            )
          : "refused";
      const read = await parse(text).then(
        ({ events }) =>
          events.map((event) => {
            const data = event.kind === "reference" ? event.reference.data : undefined;
            return [event.externalId, data?.pageId, data?.adId];
          }),
        () => "refused",
      );
      expect(read, text).toEqual(expected);
    }
  });

  it.each([
    ["not JSON", "{not json", /not valid JSON/],
    ["no entry array", '{"object":"page","entry":{}}', /unexpected shape: entry/],
    ["another object", '{"object":"user","entry":[]}', /object "user"/],
    [
      "a truncated body",
      '{"object":"page","entry":[{"id":1,"changes":[{"field":"lead',
      /not valid JSON/,
    ],
  ])("fails permanently on %s", async (_what, body, message) => {
    const error = await parse(body).then(
      () => expect.unreachable("should have failed"),
      (e: PermanentConnectorError) => e,
    );
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("malformed_payload");
    expect(error.message).toMatch(message);
  });
});
