import { OCEAN_ENGINE_BASE_URL, OCEAN_ENGINE_CLUE_PATH } from "@forecourt/connectors/ocean-engine";
import {
  OCEAN_TEST_ACCESS_TOKEN,
  OCEAN_TEST_ADVERTISER_ID,
  oceanEngineHandlers,
  oceanEngineResponse,
} from "@forecourt/connectors/ocean-engine/mocks";
import { and, eq } from "drizzle-orm";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connections, events } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import { until } from "./support/gateway.js";
import { caller, type LeadGroup, ok, seedLeadGroup } from "./support/leadGroup.js";

/**
 * A pull whose credentials the vendor refuses: the connection needs re-authorisation and says
 * so once; but an admin's decision made while that pull was running (disabling it) stands.
 */

/** Tokens Ocean Engine does not know (it knows OCEAN_TEST_ACCESS_TOKEN). */
const REVOKED_TOKEN = "0e5c1a9b7d3f4e2a8c6b0d1e2f3a4b5c-revoked";
const RACE_TOKEN = "0e5c1a9b7d3f4e2a8c6b0d1e2f3a4b5c-disabled-meanwhile";

describe.each(availableBackends())("pull credentials refused on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  const call = caller(() => hub);
  /** Connection ids by the token they pull with, for the handler below. */
  const byToken = new Map<string, string>();
  const vendor = setupServer(
    // The admin disables the connection while its pull waits for Ocean Engine, which then
    // answers that the token expired.
    http.get(`${OCEAN_ENGINE_BASE_URL}${OCEAN_ENGINE_CLUE_PATH}`, async ({ request }) => {
      if (request.headers.get("access-token") !== RACE_TOKEN) return undefined;
      ok(await call("POST", `/v1/connections/${byToken.get(RACE_TOKEN)}/disable`, g.admin));
      return oceanEngineResponse({ code: 40102, message: "access_token已过期", data: {} });
    }),
    ...oceanEngineHandlers({ accessToken: OCEAN_TEST_ACCESS_TOKEN }),
  );
  const connection = (id: string) =>
    withTenant(hub.services.db, g.tenantId, async (tx) => {
      const [row] = await tx.select().from(connections).where(eq(connections.id, id));
      const failed = await tx
        .select()
        .from(events)
        .where(and(eq(events.type, "connection.auth_failed"), eq(events.entityId, id)));
      return { row: row!, failed };
    });
  const connect = async (token: string) => {
    const { id } = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "ocean_engine",
        name: "Douyin clues",
        storeId: g.stores[0],
        pullIntervalMs: 1_000,
        config: { accessToken: token, advertiserIds: [OCEAN_TEST_ADVERTISER_ID] },
      }),
      201,
    );
    byToken.set(token, id);
    return id as string;
  };

  beforeAll(async () => {
    vendor.listen({ onUnhandledRequest: "bypass" });
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Pull Auth Motors", ["PA01", "PA02"]);
  });
  afterAll(async () => {
    vendor.close();
    await hub?.close();
    await cleanup?.();
  });

  it("a token Ocean Engine refuses (40105): needs_reauth with the vendor's reason, connection.auth_failed once", async () => {
    const id = await connect(REVOKED_TOKEN);
    const { row, failed } = await until(
      () => connection(id),
      (c) => c.row.status === "needs_reauth",
    );
    expect(row.status).toBe("needs_reauth");
    expect(row.statusReason).toMatch(/Ocean Engine error 40105/);
    expect(row.statusReason).not.toContain(REVOKED_TOKEN);
    expect(row.pullLeaseUntil).toBeNull();
    expect(failed).toHaveLength(1);
    const view = ok(await call("GET", `/v1/connections/${id}`, g.admin));
    expect(view.updatedAt).toBe(row.updatedAt.toISOString());
    expect(Date.parse(view.updatedAt)).toBeGreaterThan(Date.parse(view.createdAt));
  });

  it("refused after an admin disabled the connection mid-pull: it stays disabled, its lease released", async () => {
    const id = await connect(RACE_TOKEN);
    const { row, failed } = await until(
      () => connection(id),
      (c) => c.row.lastPullError !== null,
    );
    expect(row.status).toBe("disabled");
    expect(row.lastPullError).toMatch(/Ocean Engine error 40102/);
    expect(row.pullLeaseUntil).toBeNull();
    expect(failed).toHaveLength(0);
  });
});
