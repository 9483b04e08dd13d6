import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type PortalConfig, portalConnector, portalPreset } from "./index.js";
import { type PortalPost, portalPush } from "./mocks.js";

const DCD_SECRET = "dcd-webhook-secret-0123";
const dongchedi = parseConfig(
  portalConnector,
  portalPreset("dongchedi", { signing: { secret: DCD_SECRET } }),
);
const yiche = parseConfig(
  portalConnector,
  portalPreset("yiche", { signing: { appKey: "yc-app-88", appSecret: "yiche-secret-01" } }),
);
const bearer = parseConfig(portalConnector, {
  source: "che168_partner",
  mode: "push",
  signing: { scheme: "bearer", token: "partner-token-0123456789" },
  recordsPath: "data.leads",
  fieldMap: { "lead.id": "externalId", "lead.phone": "contact.phone", "lead.name": "contact.name" },
});
const webhook = portalConnector.webhook!;
const verify = (post: PortalPost, cfg: PortalConfig) =>
  webhook.verify(post.rawBody, post.headers, cfg, post.request);
const parse = async (post: PortalPost, cfg: PortalConfig) =>
  webhook.parse(post.rawBody, post.headers, cfg, post.request);

const DCD_LEAD = {
  clue_id: "7300000000000000123",
  name: "孙丽",
  telephone: "13512345678",
  series_name: "海豹",
  car_name: "海豹 06 DM-i",
  province_name: "江苏",
  city_name: "南京",
  create_time: "2026-11-27 10:40:00",
  remark: "想要置换",
  dealer_id: "D-42",
  intention_level: "高",
};

describe("portal push signatures", () => {
  it("accepts each scheme signed as the connection says", async () => {
    expect(await verify(await portalPush(dongchedi, DCD_LEAD), dongchedi)).toEqual({ ok: true });
    expect(await verify(await portalPush(yiche, { id: 1, mobile: "1" }), yiche)).toEqual({
      ok: true,
    });
    expect(
      await verify(await portalPush(yiche, { id: "1", mobile: "1" }, { form: true }), yiche),
    ).toEqual({
      ok: true,
    });
    expect(await verify(await portalPush(bearer, {}), bearer)).toEqual({ ok: true });
  });

  it("accepts base64 signatures with a prefix, when configured so", async () => {
    const custom = parseConfig(portalConnector, {
      mode: "push",
      signing: { scheme: "hmac_sha256", secret: DCD_SECRET, encoding: "base64", prefix: "sha256=" },
    });
    const post = await portalPush(custom, DCD_LEAD);
    expect(post.headers["x-signature"]).toMatch(/^sha256=[A-Za-z0-9+/]+=*$/);
    expect(await verify(post, custom)).toEqual({ ok: true });
  });

  it.each([
    [
      "a wrong secret",
      dongchedi,
      { secret: "another-secret-000000" },
      "x-signature does not match the body",
    ],
    [
      "a body changed after signing",
      dongchedi,
      { afterSigning: (b: string) => b.replace("13512345678", "13500000000") },
      "x-signature does not match the body",
    ],
    [
      "a replay ten minutes later",
      dongchedi,
      { signedAt: Date.parse("2026-11-27T02:32:15Z") },
      "stale timestamp: 600 s old (tolerance 300 s)",
    ],
    ["a wrong app secret", yiche, { secret: "other-secret-99" }, "sign does not match the request"],
    [
      "an old yiche request",
      yiche,
      { signedAt: Date.parse("2026-11-27T01:42:15Z") },
      "stale timestamp: 3600 s old (tolerance 300 s)",
    ],
    [
      "a wrong token",
      bearer,
      { secret: "partner-token-9999999999" },
      "bearer token does not match",
    ],
  ] as const)("refuses %s", async (_what, cfg, options, reason) => {
    expect(await verify(await portalPush(cfg, DCD_LEAD, options), cfg)).toEqual({
      ok: false,
      reason,
    });
  });

  it("names what is missing", async () => {
    const post = await portalPush(dongchedi, DCD_LEAD);
    expect(
      await verify({ ...post, headers: { "content-type": "application/json" } }, dongchedi),
    ).toEqual({
      ok: false,
      reason: "missing x-signature header",
    });
    const { "x-timestamp": _, ...noTime } = post.headers;
    expect(await verify({ ...post, headers: noTime }, dongchedi)).toEqual({
      ok: false,
      reason: "missing x-timestamp header",
    });
    expect(
      await verify({ ...post, headers: { ...post.headers, "x-signature": "zz" } }, dongchedi),
    ).toEqual({ ok: false, reason: "malformed x-signature header" });
  });

  it("refuses pushes on a pull-mode connection", async () => {
    const pull = parseConfig(
      portalConnector,
      portalPreset("autohome", {
        signing: { token: "autohome-oauth-token-0123456789" },
        pull: { path: "/x" },
      }),
    );
    expect(await verify(await portalPush(pull, {}), pull)).toEqual({
      ok: false,
      reason: "this connection pulls from the portal; it accepts no pushes",
    });
  });
});

describe("portal push records", () => {
  it("maps fields to lead paths and keeps the rest as attributes", async () => {
    const { events } = await parse(await portalPush(dongchedi, DCD_LEAD), dongchedi);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event).toMatchObject({
      kind: "lead",
      externalId: "7300000000000000123",
      occurredAt: "2026-11-27T02:40:00.000Z",
      lead: {
        source: "dongchedi",
        channel: "portal",
        contact: { name: "孙丽", phone: "13512345678" },
        region: "320000",
        city: "南京",
        interest: { series: "海豹", model: "海豹 06 DM-i" },
        message: "想要置换",
        attributes: { "dongchedi.dealer_id": "D-42", "dongchedi.field.intention_level": "高" },
      },
    });
    expect(leadInputSchema.safeParse(event.kind === "lead" && event.lead).success).toBe(true);
  });

  it("reads a list at recordsPath and nested fields", async () => {
    const body = {
      data: {
        leads: [
          { lead: { id: "A1", phone: "13500000001", name: "甲" } },
          { lead: { id: "A2", phone: "13500000002", name: "乙" } },
        ],
      },
    };
    const { events } = await parse(await portalPush(bearer, body), bearer);
    expect(events.map((e) => e.externalId)).toEqual(["A1", "A2"]);
  });

  it("hashes the record when no field is its id, the same for the same lead however it is sent", async () => {
    const noId = parseConfig(portalConnector, {
      ...yiche,
      fieldMap: { ...yiche.fieldMap, id: "ignore" },
    });
    const lead = { name: "周", mobile: "13500000003", city: "苏州" };
    const json = await parse(await portalPush(noId, lead), noId);
    const form = await parse(
      await portalPush(noId, lead, { form: true, signedAt: Date.parse("2026-11-27T02:43:00Z") }),
      noId,
    );
    expect(json.events[0]!.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(form.events[0]!.externalId).toBe(json.events[0]!.externalId);
  });

  it.each([
    ["a body that is not JSON", "{oops"],
    ["an empty list", "[]"],
    ["a list of numbers", "[1,2]"],
  ])("makes %s a dead letter", async (_what, body) => {
    await expect(parse(await portalPush(dongchedi, body), dongchedi)).rejects.toBeInstanceOf(
      PermanentConnectorError,
    );
  });
});
