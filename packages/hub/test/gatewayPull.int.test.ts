import {
  baseUrlSchema,
  defineConnector,
  PermanentConnectorError,
  RetryableConnectorError,
  secret,
} from "@forecourt/connectors";
import { sql } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { HubConfig } from "../src/config.js";
import { connections, inbox, leads, touchpoints } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { registerConnector } from "../src/gateway/registry.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createTenant } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, mobile, ok } from "./support/leadGroup.js";

/**
 * A pull across many pages with a 429 in the middle and a restart part-way: every item becomes
 * exactly one lead. 10,000 items in 100 pages, as the issue asks (each item runs the whole intake
 * pipeline; alone on this two-core machine that took 194 s on the embedded server and 47 s on
 * PostgreSQL + Redis). `PULL_ITEMS=1000` runs a smaller one while working on the gateway.
 */
const ITEMS = Number(process.env.PULL_ITEMS ?? 10_000);
const PAGES = 100;
const PER_PAGE = Math.ceil(ITEMS / PAGES);
const BASE = "https://pull.vendor.test";
const API_KEY = "pull-api-key-0123456789";

const testPullConnector = defineConnector({
  id: "test_pull",
  title: "Test pull source",
  direction: "source",
  auth: "api_key",
  config: z.strictObject({ baseUrl: baseUrlSchema, apiKey: secret(z.string().min(16)) }),
  defaultBaseUrl: BASE,
  pull: {
    defaultIntervalMs: 1_000,
    async pullPage(checkpoint: { page: number } | undefined, ctx) {
      const page = checkpoint?.page ?? 0;
      const res = await ctx.fetch(`${ctx.baseUrl}/items?page=${page}`, {
        headers: { "x-api-key": ctx.config.apiKey },
      });
      if (res.status === 429) {
        throw new RetryableConnectorError("rate limited", {
          retryAfterMs: Number(res.headers.get("retry-after")) * 1000,
        });
      }
      if (!res.ok) throw new PermanentConnectorError(`status ${res.status}`);
      const body = (await res.json()) as { items: { id: string; n: number }[]; more: boolean };
      return {
        items: body.items.map((item) => ({
          kind: "lead" as const,
          externalId: item.id,
          lead: {
            source: "test_pull",
            channel: "portal" as const,
            contact: { name: `Buyer ${item.n}`, phone: mobile(item.n) },
          },
        })),
        nextCheckpoint: body.more ? { page: page + 1 } : undefined,
        done: !body.more,
      };
    },
  },
});
registerConnector(testPullConnector);

describe.each(availableBackends())("pulls on $name", (backend) => {
  let hub: Hub;
  let config: HubConfig;
  let cleanup: () => Promise<void>;
  let tenantId: string;
  let admin: string;
  let rateLimited = false;
  let restartAt: (() => void) | undefined;
  const served: number[] = [];

  const vendor = setupServer(
    http.get(`${BASE}/items`, ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      if (request.headers.get("x-api-key") !== API_KEY) {
        return HttpResponse.json({ error: "bad key" }, { status: 401 });
      }
      if (page === 60 && !rateLimited) {
        rateLimited = true;
        return HttpResponse.json(
          { error: "slow down" },
          { status: 429, headers: { "retry-after": "1" } },
        );
      }
      if (page === 41 && restartAt) {
        const restart = restartAt;
        restartAt = undefined;
        restart();
      }
      served.push(page);
      const start = page * PER_PAGE;
      const items = Array.from(
        { length: Math.max(0, Math.min(PER_PAGE, ITEMS - start)) },
        (_, k) => ({
          // Ids above 2^53, as strings.
          id: String(9_007_199_254_740_993n + BigInt(start + k)),
          n: 50_000_000 + start + k,
        }),
      );
      return HttpResponse.json({ items, more: page < PAGES - 1 });
    }),
  );

  beforeAll(async () => {
    vendor.listen({ onUnhandledRequest: "bypass" });
    const prepared = await backend.prepare();
    config = prepared.config;
    cleanup = prepared.cleanup;
    hub = await buildHub(config, { warn: () => {} });
    const tenant = await createTenant(hub.services.db, "Pull Motors");
    tenantId = tenant.tenantId;
    admin = tenant.apiKey;
    const call = caller(() => hub);
    ok(
      await call("POST", "/v1/stores", admin, {
        name: "Pull store",
        code: "PL01",
        region: "Beijing",
      }),
      201,
    );
  });
  afterAll(async () => {
    vendor.close();
    await hub?.close();
    await cleanup?.();
  });

  it(
    `pulls ${ITEMS} items in ${PAGES} pages through a 429 and a restart: ${ITEMS} leads, no duplicates`,
    async () => {
      const started = Date.now();
      let restarted: Promise<void> | undefined;
      restartAt = () => {
        restarted = (async () => {
          await hub.close();
          hub = await buildHub(config, { warn: () => {} });
        })();
      };
      const call = caller(() => hub);
      ok(
        await call("POST", "/v1/connections", admin, {
          connectorId: "test_pull",
          name: "Pull feed",
          pullIntervalMs: 1_000,
          config: { apiKey: API_KEY },
        }),
        201,
      );
      const count = async () =>
        withTenant(hub.services.db, tenantId, async (tx) => {
          const one = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
          return {
            leads: await one(tx.select({ n: sql<number>`count(*)::int` }).from(leads)),
            touchpoints: await one(tx.select({ n: sql<number>`count(*)::int` }).from(touchpoints)),
            distinctExternal: await one(
              tx.select({ n: sql<number>`count(DISTINCT external_id)::int` }).from(touchpoints),
            ),
            inbox: await one(tx.select({ n: sql<number>`count(*)::int` }).from(inbox)),
            processed: await one(
              tx
                .select({ n: sql<number>`count(*)::int` })
                .from(inbox)
                .where(sql`status = 'processed'`),
            ),
          };
        }).catch(() => undefined);
      const deadline = Date.now() + Math.max(170_000, ITEMS * 100);
      let seen = await count();
      while (Date.now() < deadline) {
        if (restarted) await restarted;
        seen = await count();
        if (seen && seen.processed >= ITEMS) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      await restarted;
      await new Promise((r) => setTimeout(r, 1_000));
      seen = await count();
      console.info(
        `[gateway pull ${backend.name}] ${ITEMS} items, ${PAGES} pages: ${Date.now() - started} ms`,
      );
      expect(rateLimited).toBe(true);
      expect(seen).toEqual({
        leads: ITEMS,
        touchpoints: ITEMS,
        distinctExternal: ITEMS,
        inbox: ITEMS,
        processed: ITEMS,
      });
      const [conn] = await withTenant(hub.services.db, tenantId, (tx) =>
        tx.select().from(connections),
      );
      expect(conn!.lastPullError === null || /rate limited/.test(conn!.lastPullError)).toBe(true);
    },
    Math.max(200_000, ITEMS * 110),
  );
});
