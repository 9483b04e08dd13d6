import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContext, parseConfig, type SourceEvent } from "../define.js";
import { AuthConnectorError, RetryableConnectorError } from "../errors.js";
import { type MetaBackfillCheckpoint, metaLeadAdsConnector } from "./index.js";
import {
  META_TEST_APP_SECRET,
  META_TEST_PAGE_TOKEN,
  META_TEST_VERIFY_TOKEN,
  metaFormLeads,
  metaGraphHandlers,
  metaRateLimited,
  metaTokenExpired,
} from "./mocks.js";

const FORM_A = "1357913579135791";
const FORM_B = "2468024680246802";
const formA = metaFormLeads(5, FORM_A);
const formB = metaFormLeads(3, FORM_B).map((lead, n) => ({ ...lead, id: `77777777777777${n}` }));
const server = setupServer(
  ...metaGraphHandlers({ forms: { [FORM_A]: formA, [FORM_B]: formB }, maxPageSize: 2 }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const config = parseConfig(metaLeadAdsConnector, {
  appSecret: META_TEST_APP_SECRET,
  verifyToken: META_TEST_VERIFY_TOKEN,
  pageAccessToken: META_TEST_PAGE_TOKEN,
  formIds: [FORM_A, FORM_B],
});
const pull = metaLeadAdsConnector.pull!;

async function pullAll(
  cfg = config,
  onPage?: (n: number) => void,
  start?: MetaBackfillCheckpoint,
): Promise<{
  items: SourceEvent[];
  pages: number;
  checkpoints: (MetaBackfillCheckpoint | undefined)[];
}> {
  const ctx = createContext(metaLeadAdsConnector, { config: cfg });
  const items: SourceEvent[] = [];
  const checkpoints: (MetaBackfillCheckpoint | undefined)[] = [];
  let checkpoint = start;
  for (let pages = 1; pages < 50; pages++) {
    onPage?.(pages);
    const page = await pull.pullPage(checkpoint, ctx);
    items.push(...page.items);
    checkpoints.push(page.nextCheckpoint);
    if (page.done) return { items, pages, checkpoints };
    checkpoint = page.nextCheckpoint;
  }
  throw new Error("pull did not finish");
}

describe("Meta backfill pull", () => {
  it("pages through every form with Graph cursors, ids exact", async () => {
    const { items, pages, checkpoints } = await pullAll();
    expect(pages).toBe(5); // 2 + 2 + 1 for form A, 2 + 1 for form B
    expect(items.map((i) => i.externalId)).toEqual([
      ...formA.map((l) => String(l.id)),
      ...formB.map((l) => String(l.id)),
    ]);
    expect(items[0]!.externalId).toBe("9007199254740993");
    expect(items.every((i) => i.kind === "lead")).toBe(true);
    expect(items[0]).toMatchObject({ occurredAt: "2026-11-01T08:00:00.000Z" });
    expect(checkpoints[2]).toEqual({ form: 1, after: null });
    expect(checkpoints.at(-1)).toBeUndefined();
  });

  it("is done at once without forms", async () => {
    const none = parseConfig(metaLeadAdsConnector, { ...config, formIds: [] });
    expect(await pullAll(none)).toMatchObject({ items: [], pages: 1 });
  });

  it("filters by backfillSince", async () => {
    const since = parseConfig(metaLeadAdsConnector, {
      ...config,
      formIds: [FORM_A],
      backfillSince: "2026-11-03T00:00:00+00:00",
    });
    const { items } = await pullAll(since);
    expect(items.map((i) => i.occurredAt)).toEqual([
      "2026-11-03T08:00:00.000Z",
      "2026-11-04T08:00:00.000Z",
      "2026-11-05T08:00:00.000Z",
    ]);
  });

  it("resumes from the saved checkpoint after a rate limit, with nothing lost or doubled", async () => {
    const ctx = createContext(metaLeadAdsConnector, { config });
    const first = await pull.pullPage(undefined, ctx);
    server.use(metaRateLimited({ code: 32, regainMinutes: 2, once: true }));
    const limited = await pull.pullPage(first.nextCheckpoint, ctx).then(
      () => expect.unreachable("should have been rate limited"),
      (e: RetryableConnectorError) => e,
    );
    expect(limited).toBeInstanceOf(RetryableConnectorError);
    expect(limited.retryAfterMs).toBe(120_000);
    const rest = await pullAll(config, undefined, first.nextCheckpoint);
    const ids = [...first.items, ...rest.items].map((i) => i.externalId);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });

  it("stops with AuthConnectorError when the token expired", async () => {
    server.use(metaTokenExpired());
    await expect(
      pull.pullPage(undefined, createContext(metaLeadAdsConnector, { config })),
    ).rejects.toBeInstanceOf(AuthConnectorError);
  });
});
