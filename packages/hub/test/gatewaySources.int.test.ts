import { formatWallClock, parseConfig } from "@forecourt/connectors";
import {
  OCEAN_TEST_ACCESS_TOKEN,
  OCEAN_TEST_ADVERTISER_ID,
  oceanClues,
  oceanEngineHandlers,
} from "@forecourt/connectors/ocean-engine/mocks";
import {
  type PortalConfig,
  type PortalConfigInput,
  type PortalPresetName,
  type PortalRecord,
  portalConnector,
  portalPreset,
} from "@forecourt/connectors/portal";
import { portalHandlers, portalPush, portalRecords } from "@forecourt/connectors/portal/mocks";
import {
  TENCENT_CLUE_CN,
  TENCENT_TEST_SECRET_ID,
  TENCENT_TEST_SECRET_KEY,
  tencentClues,
  tencentWavHandlers,
} from "@forecourt/connectors/tencent-automotive/mocks";
import {
  TMALL_LEAD,
  TMALL_TEST_APP_KEY,
  TMALL_TEST_APP_SECRET,
  tmallLeadPost,
} from "@forecourt/connectors/tmall-car/mocks";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import {
  connectionOutcome,
  expectWorked,
  forgetCheckpoint,
  pulledAgain,
  settled,
  until,
} from "./support/gateway.js";
import { caller, type LeadGroup, ok, seedLeadGroup } from "./support/leadGroup.js";

/**
 * Every lead source the hub offers, end to end against its vendor's msw handlers (pulls) or its
 * signed requests (pushes): each ends with its leads stored, graded and assigned, their source
 * and external ids kept exactly as the vendor wrote them, and a redelivery or a second pull of
 * everything adding nothing.
 */

const HOUR = 3_600_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
/** A valid Chinese mobile number per source (`prefix`) and item. */
const phone = (prefix: number, n: number) => `${prefix}${String(n).padStart(8, "0")}`;

/**
 * Ocean Engine: a 40-hour look-back read in day-long windows of pages of ten. Twelve clues in
 * each window (so each is two pages), ids above 2^53 sent as bare JSON numbers, and one clue from
 * an ad preview, which Ocean Engine marks as a test.
 */
const OCEAN_START = NOW - 40 * HOUR;
const oceanAt = (n: number) =>
  n < 12 ? NOW - 38 * HOUR + n * 60_000 : NOW - 9 * HOUR + n * 60_000;
const OCEAN_CLUES = [
  ...oceanClues(24, { idBase: 7_312_345_678_901_234_001n }).map((clue, n) => ({
    ...clue,
    create_time_detail: formatWallClock(oceanAt(n), "Asia/Shanghai"),
    telephone: phone(186, n),
  })),
  {
    ...oceanClues(1, { idBase: 7_312_345_678_901_299_999n })[0]!,
    create_time_detail: formatWallClock(NOW - 5 * HOUR, "Asia/Shanghai"),
    telephone: phone(186, 99),
    clue_source: 4,
  },
];
const OCEAN_TEST_CLUE = String(OCEAN_CLUES.at(-1)!.clue_id);
const oceanQueries: URLSearchParams[] = [];

/** Tencent: 13 clues in one window, five a page, so the pull follows Tencent's cursor twice. */
const TENCENT_START = NOW - 20 * HOUR;
const TENCENT_CLUES = [
  ...tencentClues(12, Math.floor((NOW - 10 * HOUR) / 1000)).map((clue, n) => ({
    ...clue,
    Phone: phone(187, n),
  })),
  {
    ...TENCENT_CLUE_CN,
    CreateAtTime: Math.floor((NOW - 5 * HOUR) / 1000),
    EnquireTime: Math.floor((NOW - 5 * HOUR) / 1000),
  },
];
const tencentBodies: Record<string, unknown>[] = [];

/** Portal pulls: each preset against a portal mock that follows the connection's own config. */
const PULL_BASE: Record<PortalPresetName, string> = {
  autohome: "https://openapi.autohome.com.cn",
  dongchedi: "https://open.dongchedi.partner.test",
  yiche: "https://dealer.yiche.partner.test",
};
const PULL_START = NOW - 20 * HOUR;
const PULL_RECORDS = 7;

function pullConfig(preset: PortalPresetName): PortalConfigInput {
  const pull = { path: `/${preset}/dealer/leads`, pageSize: 3, startFrom: iso(PULL_START) };
  if (preset === "autohome") {
    return portalPreset("autohome", {
      signing: { token: "autohome-oauth-token-0123456789" },
      pull,
    });
  }
  // Dongchedi's preset pushes with HMAC; a pull is signed with MD5 of sorted parameters instead.
  return portalPreset(preset, {
    mode: "pull",
    baseUrl: PULL_BASE[preset],
    signing:
      preset === "dongchedi"
        ? { scheme: "md5_sorted", appKey: "dcd-app-7", appSecret: "dongchedi-secret-01" }
        : { appKey: "yc-app-88", appSecret: "yiche-secret-01" },
    pull,
  });
}

/** Records shaped by the preset's field map, with this test's ids and phone numbers. */
function records(
  config: Pick<PortalConfig, "fieldMap" | "timeZone">,
  count: number,
  firstAt: number,
  ids: (n: number) => string,
  phones: (n: number) => string,
): PortalRecord[] {
  const field = (target: string) =>
    Object.entries(config.fieldMap).find(([, path]) => path === target)![0];
  return portalRecords(config, count, firstAt).map((record, n) => ({
    ...record,
    [field("externalId")]: ids(n),
    [field("contact.phone")]: phones(n),
  }));
}

const PRESETS = ["autohome", "dongchedi", "yiche"] as const;
const pullMocks = Object.fromEntries(
  PRESETS.map((preset, p) => {
    const config = parseConfig(portalConnector, pullConfig(preset)) as PortalConfig;
    const list = records(
      config,
      PULL_RECORDS,
      NOW - 10 * HOUR,
      (n) => `${preset.toUpperCase()}-PULL-${1000 + n}`,
      (n) => phone(180 + p, n),
    );
    return [preset, { config, records: list, queries: [] as URLSearchParams[] }];
  }),
) as Record<
  PortalPresetName,
  { config: PortalConfig; records: PortalRecord[]; queries: URLSearchParams[] }
>;

const vendors = setupServer(
  ...oceanEngineHandlers({ clues: OCEAN_CLUES, onRequest: (query) => oceanQueries.push(query) }),
  ...tencentWavHandlers({ clues: TENCENT_CLUES, onRequest: (body) => tencentBodies.push(body) }),
  ...PRESETS.flatMap((preset) =>
    portalHandlers(pullMocks[preset].config, pullMocks[preset].records, {
      onRequest: (query) => pullMocks[preset].queries.push(query),
    }),
  ),
);

/** Qimen's `timestamp`: Beijing wall clock. */
const beijingNow = () => formatWallClock(Date.now(), "Asia/Shanghai");

describe.each(availableBackends())("every lead source through the hub on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  const call = caller(() => hub);
  const outcome = (connectionId: string) => connectionOutcome(hub, g.tenantId, connectionId);
  const post = (url: string, body: Uint8Array, headers: Record<string, string>) =>
    hub.app.inject({ method: "POST", url, payload: Buffer.from(body), headers });
  const connect = async (connectorId: string, config: unknown, extra: object = {}) =>
    ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId,
        name: `${connectorId} feed`,
        storeId: g.stores[0],
        config,
        ...extra,
      }),
      201,
    ) as { id: string; hookPath: string | null };

  /**
   * A pull connection worked to the end, then pulled again from its start (`startReads` counts
   * the vendor's answers to the first page of the first window): nothing doubles.
   */
  async function pullTwice(connectionId: string, events: number, startReads: () => number) {
    const first = await until(
      () => outcome(connectionId),
      (o) => settled(o, events),
    );
    expect(startReads()).toBe(1);
    await forgetCheckpoint(hub, g.tenantId, connectionId);
    await pulledAgain(hub, g.tenantId, connectionId);
    expect(startReads()).toBe(2);
    const second = await outcome(connectionId);
    expect(second.rows).toHaveLength(first.rows.length);
    expect(second.leads.map((l) => l.id).sort()).toEqual(first.leads.map((l) => l.id).sort());
    expect(second.touchpoints).toHaveLength(first.touchpoints.length);
    return second;
  }

  beforeAll(async () => {
    vendors.listen({ onUnhandledRequest: "bypass" });
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Sources Motors", ["SR01", "SR02"]);
  });
  afterAll(async () => {
    vendors.close();
    await hub?.close();
    await cleanup?.();
  });

  it("Ocean Engine: pulls a 40-hour look-back window by window and page; a second pull of it all adds nothing", async () => {
    oceanQueries.length = 0;
    const conn = await connect(
      "ocean_engine",
      {
        accessToken: OCEAN_TEST_ACCESS_TOKEN,
        advertiserIds: [OCEAN_TEST_ADVERTISER_ID],
        pageSize: 10,
        startFrom: iso(OCEAN_START),
      },
      { pullIntervalMs: 1_000 },
    );
    const real = OCEAN_CLUES.filter((clue) => clue.clue_source !== 4);
    const start = formatWallClock(OCEAN_START, "Asia/Shanghai");
    const done = await pullTwice(
      conn.id,
      real.length,
      () =>
        oceanQueries.filter((q) => q.get("start_time") === start && q.get("page") === "1").length,
    );
    expectWorked(done, {
      externalIds: real.map((clue) => String(clue.clue_id)),
      source: "ocean_engine",
      sellers: g.sellers[0],
    });
    // The preview clue is kept apart as a test, never a lead.
    const preview = done.rows.find((row) => row.eventKey === OCEAN_TEST_CLUE);
    expect(preview?.status).toBe("ignored_test");
    expect(preview?.leadId ?? null).toBeNull();
    // Two windows, each read in two pages of ten; the second window starts where the first ended.
    const windows = new Set(oceanQueries.map((q) => q.get("start_time")));
    expect(windows.size).toBeGreaterThanOrEqual(2);
    expect(oceanQueries.some((q) => q.get("page") === "2")).toBe(true);
    expect(oceanQueries[0]!.get("start_time")).toBe(formatWallClock(OCEAN_START, "Asia/Shanghai"));
    expect(oceanQueries.every((q) => q.get("page_size") === "10")).toBe(true);
  });

  it("Tencent automotive: follows QueryClueInfoList's cursor, maps a shop to its store; a second pull adds nothing", async () => {
    tencentBodies.length = 0;
    const conn = await connect(
      "tencent_automotive",
      {
        secretId: TENCENT_TEST_SECRET_ID,
        secretKey: TENCENT_TEST_SECRET_KEY,
        limit: 5,
        startFrom: iso(TENCENT_START),
        storeMap: { [String(TENCENT_CLUE_CN.CorpShopId)]: g.stores[1] },
      },
      { pullIntervalMs: 1_000 },
    );
    const begin = Math.floor(TENCENT_START / 1000);
    const done = await pullTwice(
      conn.id,
      TENCENT_CLUES.length,
      () => tencentBodies.filter((b) => b.BeginTime === begin && b.Cursor === undefined).length,
    );
    expectWorked(done, {
      externalIds: TENCENT_CLUES.map((clue) => String(clue.ClueId)),
      source: "tencent_automotive",
      sellers: (id) => (id === TENCENT_CLUE_CN.ClueId ? g.sellers[1] : g.sellers[0]),
    });
    const cursors = tencentBodies.filter((body) => typeof body.Cursor === "string");
    expect(cursors.length).toBeGreaterThanOrEqual(2);
    expect(tencentBodies.every((body) => body.Limit === 5)).toBe(true);
  });

  it("Tmall Car: signed Qimen pushes (MD5 and HMAC) become leads; Qimen's redeliveries add nothing", async () => {
    const conn = await connect("tmall_car", {
      appKey: TMALL_TEST_APP_KEY,
      appSecret: TMALL_TEST_APP_SECRET,
      storeMap: { [(TMALL_LEAD.attr as { store_code: string }).store_code]: g.stores[1] },
    });
    // A second lead with Tmall's own id, a 64-bit number written bare in the JSON.
    const second = JSON.stringify({ ...TMALL_LEAD, name: "钱进", mobile: "13698765432" }).replace(
      /^\{/,
      '{"lead_id":9007199254740993123,',
    );
    const send = async () => {
      const signed = [
        await tmallLeadPost(TMALL_LEAD, { timestamp: beijingNow() }),
        await tmallLeadPost(second, { signMethod: "hmac", timestamp: beijingNow() }),
      ];
      const answers = [];
      for (const request of signed) {
        const query = new URL(request.request.url).search;
        answers.push(await post(`${conn.hookPath}${query}`, request.rawBody, request.headers));
      }
      return answers;
    };
    for (const res of await send()) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ success: true, msgCode: "200" });
    }
    const first = await until(
      () => outcome(conn.id),
      (o) => settled(o, 2),
    );
    const keys = first.rows.map((row) => row.eventKey);
    expect(keys).toContain("9007199254740993123");
    expectWorked(first, { externalIds: keys, source: "tmall_car", sellers: g.sellers[1] });

    for (const res of await send()) expect(res.statusCode).toBe(200);
    const again = await outcome(conn.id);
    expect(again.rows).toHaveLength(2);
    expect(again.touchpoints).toHaveLength(2);
    // A post signed with another secret is refused in Qimen's own answer shape.
    const forged = await tmallLeadPost(TMALL_LEAD, {
      timestamp: beijingNow(),
      secret: "not-the-qimen-secret-0123456789",
    });
    const refused = await post(
      `${conn.hookPath}${new URL(forged.request.url).search}`,
      forged.rawBody,
      forged.headers,
    );
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ success: false });
  });

  describe.each(PRESETS)("portal preset %s", (preset) => {
    it("push: signed by the preset's scheme, each record a lead; the same push again adds nothing", async () => {
      const p = PRESETS.indexOf(preset);
      // Autohome's preset pulls; a partner that pushes keeps its bearer token and envelope.
      const input =
        preset === "autohome"
          ? (({ pull: _, ...rest }) => ({ ...rest, mode: "push" as const }))(
              portalPreset("autohome", { signing: { token: "autohome-push-token-0123456789" } }),
            )
          : preset === "dongchedi"
            ? portalPreset("dongchedi", { signing: { secret: "dongchedi-push-secret-0123" } })
            : portalPreset("yiche", {
                signing: { appKey: "yc-app-88", appSecret: "yiche-secret-01" },
              });
      const config = parseConfig(portalConnector, input) as PortalConfig;
      const conn = await connect("portal", input);
      const list = records(
        config,
        3,
        NOW - HOUR,
        (n) => `${preset.toUpperCase()}-PUSH-${n}`,
        (n) => phone(150 + p, n),
      );
      const idField = Object.entries(config.fieldMap).find(([, t]) => t === "externalId")![0];
      // The first record's id is a 64-bit number written bare, as ByteDance systems send them.
      const body = JSON.stringify(preset === "autohome" ? { result: { list } } : list).replace(
        `"${idField}":"${list[0]![idField]}"`,
        `"${idField}":7300000000000000${123 + p}`,
      );
      const sent = async () => {
        const signed = await portalPush(config, body, { receivedAt: Date.now() });
        const query = new URL(signed.request.url).search;
        return post(`${conn.hookPath}${query}`, signed.rawBody, signed.headers);
      };
      const res = await sent();
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ kind: "accepted", events: 3, duplicates: 0 });
      const ids = [`7300000000000000${123 + p}`, list[1]![idField], list[2]![idField]] as string[];
      const first = await until(
        () => outcome(conn.id),
        (o) => settled(o, 3),
      );
      expectWorked(first, { externalIds: ids, source: preset, sellers: g.sellers[0] });

      const again = await sent();
      expect(again.json()).toMatchObject({ kind: "accepted", events: 3, duplicates: 3 });
      const after = await outcome(conn.id);
      expect(after.rows).toHaveLength(3);
      expect(after.touchpoints).toHaveLength(3);
      // The same body signed with another secret is refused before anything is stored.
      const forged = await portalPush(config, body, {
        receivedAt: Date.now(),
        secret: "another-secret-0123456789abc",
      });
      const refused = await post(
        `${conn.hookPath}${new URL(forged.request.url).search}`,
        forged.rawBody,
        forged.headers,
      );
      expect(refused.statusCode).toBe(401);
      expect((await outcome(conn.id)).rows).toHaveLength(3);
    });

    it("pull: pages the portal's list by window, signed by the preset's scheme; a second pull adds nothing", async () => {
      const mock = pullMocks[preset];
      mock.queries.length = 0;
      const conn = await connect("portal", pullConfig(preset), { pullIntervalMs: 1_000 });
      const pull = mock.config.pull!;
      const start = formatWallClock(PULL_START, mock.config.timeZone);
      const done = await pullTwice(
        conn.id,
        PULL_RECORDS,
        () =>
          mock.queries.filter(
            (q) => q.get(pull.startParam) === start && q.get(pull.pageParam) === "1",
          ).length,
      );
      const idField = Object.entries(mock.config.fieldMap).find(([, t]) => t === "externalId")![0];
      expectWorked(done, {
        externalIds: mock.records.map((record) => String(record[idField])),
        source: preset,
        sellers: g.sellers[0],
      });
      const pages = new Set(mock.queries.map((q) => q.get(pull.pageParam)));
      expect(pages).toEqual(new Set(["1", "2", "3"]));
    });
  });
});
