import {
  baseUrlSchema,
  defineConnector,
  headerValue,
  RetryableConnectorError,
  secret,
} from "@forecourt/connectors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_ATTEMPTS, MAX_RATE_LIMIT_WAITS } from "../src/gateway/process.js";
import { registerConnector } from "../src/gateway/registry.js";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import { connectionOutcome, until } from "./support/gateway.js";
import { caller, type LeadGroup, mobile, ok, seedLeadGroup } from "./support/leadGroup.js";

/**
 * A vendor that rate-limits the lead fetch more times than a row has tries for failures, each
 * time saying how long to wait: the row waits as asked, does not go dead, and becomes one lead.
 */
const LIMITED_FETCHES = MAX_ATTEMPTS + 3;
const fetches = new Map<string, number>();

const rateLimitedSource = defineConnector({
  id: "test_rate_limited",
  title: "Test source behind a rate limit",
  direction: "source",
  auth: "shared_secret",
  config: z.strictObject({ baseUrl: baseUrlSchema, token: secret(z.string().min(16)) }),
  defaultBaseUrl: "https://limited.vendor.test",
  webhook: {
    verify: (_body, headers, config) =>
      headerValue(headers, "x-token") === config.token
        ? { ok: true }
        : { ok: false, reason: "bad token" },
    parse: (body) => {
      const { id } = JSON.parse(new TextDecoder().decode(body)) as { id: string };
      return { events: [{ kind: "reference", externalId: id, reference: { type: "test", id } }] };
    },
  },
  async fetchReference(reference) {
    const seen = (fetches.get(reference.id) ?? 0) + 1;
    fetches.set(reference.id, seen);
    if (seen <= LIMITED_FETCHES || reference.id.startsWith("forever")) {
      throw new RetryableConnectorError("rate limited: try again shortly", {
        code: "rate_limited",
        retryAfterMs: 25,
      });
    }
    return {
      source: "test_rate_limited",
      channel: "ads",
      contact: { name: "Buyer", phone: mobile(77_000_001) },
    };
  },
});
registerConnector(rateLimitedSource);

describe.each(availableBackends())("a rate-limited source on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  const call = caller(() => hub);

  beforeAll(async () => {
    fetches.clear();
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Limit Motors", ["RL01", "RL02"]);
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  /** Connects the source for a store, delivers one event and waits until its row is final. */
  const deliverAndSettle = async (name: string, storeId: string, eventId: string) => {
    const token = `rate-limit-token-${eventId}-0123456789`;
    const connection = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "test_rate_limited",
        name,
        storeId,
        config: { token },
      }),
      201,
    );
    const answer = await hub.app.inject({
      method: "POST",
      url: connection.hookPath,
      payload: JSON.stringify({ id: eventId }),
      headers: { "content-type": "application/json", "x-token": token },
    });
    expect(answer.statusCode).toBe(200);
    const done = await until(
      () => connectionOutcome(hub, g.tenantId, connection.id),
      (o) => o.rows[0]?.status === "processed" || o.rows[0]?.status === "dead",
      45_000,
    );
    return { connection, done };
  };

  it(`waits out ${LIMITED_FETCHES} rate limits (more than the ${MAX_ATTEMPTS} tries for failures) and stores the lead once`, async () => {
    const { connection, done } = await deliverAndSettle("Limited", g.stores[0], "ref-1");
    expect(done.rows).toHaveLength(1);
    expect(done.rows[0]).toMatchObject({
      status: "processed",
      attempts: LIMITED_FETCHES,
      waits: LIMITED_FETCHES,
    });
    expect(done.leads).toHaveLength(1);
    expect(fetches.get("ref-1")).toBe(LIMITED_FETCHES + 1);
    const listed = ok(await call("GET", `/v1/inbox?connectionId=${connection.id}`, g.admin)).data;
    expect(listed[0]).toMatchObject({ attempts: LIMITED_FETCHES, waits: LIMITED_FETCHES });
  });

  it(`gives up after ${MAX_RATE_LIMIT_WAITS} rate limits: a dead letter that says so`, async () => {
    const { done } = await deliverAndSettle("Never lifts", g.stores[1], "forever-1");
    expect(done.rows[0]).toMatchObject({
      status: "dead",
      attempts: MAX_RATE_LIMIT_WAITS,
      waits: MAX_RATE_LIMIT_WAITS,
      errorCode: "rate_limited_too_long",
    });
    expect(done.leads).toHaveLength(0);
    expect(fetches.get("forever-1")).toBe(MAX_RATE_LIMIT_WAITS);
  });
});
