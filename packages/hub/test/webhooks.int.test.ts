import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { newId } from "@forecourt/sdk";
import {
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  WebhookVerificationError,
} from "@forecourt/sdk/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey, createTenant } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";
import { caller, ok, seedLeadGroup } from "./support/leadGroup.js";

/** A compressed schedule: four tries, 150 ms apart (±20 %), instead of 27 hours. */
const TEST_SCHEDULE_MS = [0, 150, 150, 150];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** Which of the path's secrets verified it; empty when none did. */
  verifiedWith: string[];
  type: string | undefined;
}

type Answer = { status: number; headers?: Record<string, string> };

/** A subscriber on 127.0.0.1 that verifies every delivery with the SDK, per path and secret. */
class Receiver {
  readonly received: Received[] = [];
  readonly answers = new Map<string, (n: number) => Answer>();
  readonly secrets = new Map<string, string[]>();
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        void (async () => {
          const path = req.url ?? "/";
          const body = Buffer.concat(chunks).toString("utf8");
          const verifiedWith: string[] = [];
          for (const secret of this.secrets.get(path) ?? []) {
            try {
              await verifyWebhookSignature(body, req.headers, secret);
              verifiedWith.push(secret);
            } catch {}
          }
          let type: string | undefined;
          try {
            type = (JSON.parse(body) as { type?: string }).type;
          } catch {}
          this.received.push({
            path,
            headers: req.headers,
            body,
            at: Date.now(),
            verifiedWith,
            type,
          });
          const n = this.received.filter((r) => r.path === path).length;
          const answer = this.answers.get(path)?.(n) ?? { status: 200 };
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.status >= 400 ? "nope" : "ok");
        })();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const server = this.server;
    if (!server) throw new Error("not started");
    this.port = (server.address() as AddressInfo).port;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }
  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(availableBackends())("outbound webhooks on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  const receiver = new Receiver();
  const call = caller(() => hub);

  beforeAll(async () => {
    await receiver.start();
    const prepared = await backend.prepare({
      FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP: "1",
      FORECOURT_WEBHOOK_RETRY_SCHEDULE_MS: TEST_SCHEDULE_MS.join(","),
      FORECOURT_WEBHOOK_TIMEOUT_MS: "3000",
      FORECOURT_WEBHOOK_SWEEP_MS: "100",
    });
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
    await receiver.stop();
  });

  /** A tenant of its own per scenario: its endpoints see only its events. */
  const tenant = async (name: string) => createTenant(hub.services.db, name);

  const createEndpoint = async (admin: string, path: string, eventTypes = ["*"]) => {
    const created = ok(
      await call("POST", "/v1/webhook-endpoints", admin, { url: receiver.url(path), eventTypes }),
      201,
    );
    receiver.secrets.set(path, [created.secret]);
    return created as { id: string; secret: string };
  };

  /** Records an event as the order and lead code do: a row in the tenant's event log. */
  const recordEvent = async (tenantId: string, type: string, payload: Record<string, unknown>) => {
    const id = newId("event");
    await withTenant(hub.services.db, tenantId, (tx) =>
      tx.insert(events).values({ id, tenantId, type, entityType: "order", payload }),
    );
    return id;
  };
  const statusChanged = (orderId = newId("order")) => ({
    orderId,
    orderNumber: "BJ01-20261127-0001",
    from: "approved",
    to: "contracted",
    at: new Date().toISOString(),
  });

  const deliveriesOf = async (admin: string, query: string) =>
    ok(await call("GET", `/v1/webhook-deliveries?${query}`, admin)).data as {
      id: string;
      status: string;
      attemptCount: number;
      series: number;
      eventId: string;
      eventType: string;
    }[];
  const settled = (admin: string, endpointId: string, status: string, count = 1) =>
    waitFor(async () => {
      const list = await deliveriesOf(admin, `endpointId=${endpointId}&status=${status}`);
      return list.length >= count ? list : undefined;
    });

  it("retries 500, 500 then 200: three signed tries with one webhook-id", async () => {
    const t = await tenant("Flaky Motors");
    receiver.answers.set("/flaky", (n) => ({ status: n <= 2 ? 500 : 200 }));
    const endpoint = await createEndpoint(t.apiKey, "/flaky", ["order.*"]);
    const eventId = await recordEvent(t.tenantId, "order.status_changed", statusChanged());

    const [delivery] = await settled(t.apiKey, endpoint.id, "succeeded");
    const got = receiver.at("/flaky");
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery?.id]));
    for (const r of got) {
      expect(r.verifiedWith).toEqual([endpoint.secret]);
      const event = await verifyWebhook(r.body, r.headers, endpoint.secret);
      expect(event.type).toBe("order.status_changed");
      expect(event.id).toBe(eventId);
    }
    expect(delivery?.attemptCount).toBe(3);
    const detail = ok(await call("GET", `/v1/webhook-deliveries/${delivery?.id}`, t.apiKey));
    expect(detail.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      "retry",
      "retry",
      "succeeded",
    ]);
    expect(detail.attempts[0].responseStatus).toBe(500);
    expect(detail.lastResponseStatus).toBe(200);
  });

  it("disables the endpoint on 410 and sends it nothing more", async () => {
    const t = await tenant("Gone Motors");
    receiver.answers.set("/gone", () => ({ status: 410 }));
    const endpoint = await createEndpoint(t.apiKey, "/gone");
    await recordEvent(t.tenantId, "order.status_changed", statusChanged());

    const [delivery] = await settled(t.apiKey, endpoint.id, "failed");
    expect(delivery?.attemptCount).toBe(1);
    const after = ok(await call("GET", `/v1/webhook-endpoints/${endpoint.id}`, t.apiKey));
    expect(after.status).toBe("disabled");
    expect(after.disabledReason).toMatch(/410/);

    await recordEvent(t.tenantId, "order.status_changed", statusChanged());
    await sleep(600);
    expect(receiver.at("/gone")).toHaveLength(1);
    expect(await deliveriesOf(t.apiKey, `endpointId=${endpoint.id}`)).toHaveLength(1);
    // A disabled endpoint's dead letters are not replayed until it is enabled again.
    const replay = await call("POST", `/v1/webhook-deliveries/${delivery?.id}/replay`, t.apiKey);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe("webhook_endpoint_disabled");
  });

  it("waits as long as Retry-After asks on 429", async () => {
    const t = await tenant("Busy Motors");
    receiver.answers.set("/busy", (n) =>
      n === 1 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 },
    );
    const endpoint = await createEndpoint(t.apiKey, "/busy");
    await recordEvent(t.tenantId, "order.status_changed", statusChanged());
    await settled(t.apiKey, endpoint.id, "succeeded");
    const [first, second] = receiver.at("/busy");
    expect(second).toBeDefined();
    // The schedule alone would retry after ~150 ms.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("dead-letters after the last try, then a replay delivers with the same webhook-id", async () => {
    const t = await tenant("Down Motors");
    let up = false;
    receiver.answers.set("/down", () => ({ status: up ? 200 : 503 }));
    const endpoint = await createEndpoint(t.apiKey, "/down");
    await recordEvent(t.tenantId, "order.status_changed", statusChanged());

    const [dead] = await settled(t.apiKey, endpoint.id, "dead");
    expect(dead?.attemptCount).toBe(TEST_SCHEDULE_MS.length);
    expect(receiver.at("/down")).toHaveLength(TEST_SCHEDULE_MS.length);
    const listed = await deliveriesOf(t.apiKey, "status=dead");
    expect(listed.map((d) => d.id)).toEqual([dead?.id]);

    const early = await call("POST", `/v1/webhook-deliveries/${dead?.id}/replay`, t.apiKey);
    expect(early.statusCode).toBe(202);
    expect(early.json().series).toBe(2);
    up = true;
    const [done] = await settled(t.apiKey, endpoint.id, "succeeded");
    expect(done?.id).toBe(dead?.id);
    const got = receiver.at("/down");
    expect(new Set(got.map((r) => r.headers["webhook-id"]))).toEqual(new Set([dead?.id]));
    expect(got.every((r) => r.verifiedWith.length === 1)).toBe(true);
    const again = await call("POST", `/v1/webhook-deliveries/${dead?.id}/replay`, t.apiKey);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("webhook_delivery_not_replayable");
  });

  it("signs with the old and the new secret for 24 h after a rotation", async () => {
    const t = await tenant("Rotating Motors");
    const endpoint = await createEndpoint(t.apiKey, "/rotate");
    const rotated = ok(
      await call("POST", `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, t.apiKey),
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const window = Date.parse(rotated.previousSecretExpiresAt) - Date.now();
    expect(window).toBeGreaterThan(23.9 * 3_600_000);
    receiver.secrets.set("/rotate", [endpoint.secret, rotated.secret]);
    await recordEvent(t.tenantId, "order.status_changed", statusChanged());
    await settled(t.apiKey, endpoint.id, "succeeded");
    const [r] = receiver.at("/rotate");
    // A receiver still on the old secret and one already on the new one both verify it.
    expect(r?.verifiedWith).toEqual([endpoint.secret, rotated.secret]);
    expect(String(r?.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    const listed = ok(await call("GET", "/v1/webhook-endpoints", t.apiKey)).data;
    expect(JSON.stringify(listed)).not.toContain("whsec_");
  });

  it("delivers only the event types an endpoint asked for (lead.* gets lead.created, not order.*)", async () => {
    const g = await seedLeadGroup(hub, "Filter Motors", ["FM01", "FM02"]);
    const leadsOnly = await createEndpoint(g.admin, "/leads", ["lead.*"]);
    const ordersOnly = await createEndpoint(g.admin, "/orders", ["order.status_changed"]);
    const lead = ok(
      await call("POST", "/v1/leads", g.integrationKey, {
        source: "autohome",
        channel: "portal",
        contact: { name: "Han Meimei", phone: "13900001234" },
        interest: { brand: "Volkswagen", series: "ID.4" },
      }),
      201,
    );
    await recordEvent(g.tenantId, "order.status_changed", statusChanged());
    await settled(g.admin, leadsOnly.id, "succeeded");
    await settled(g.admin, ordersOnly.id, "succeeded");
    await sleep(400);
    const leadTypes = receiver.at("/leads").map((r) => r.type);
    expect(leadTypes).toContain("lead.created");
    expect(leadTypes.every((type) => type?.startsWith("lead."))).toBe(true);
    expect(receiver.at("/orders").map((r) => r.type)).toEqual(["order.status_changed"]);
    const created = receiver.at("/leads").find((r) => r.type === "lead.created");
    const event = await verifyWebhook(
      created?.body ?? "",
      created?.headers ?? {},
      leadsOnly.secret,
    );
    expect(event.type === "lead.created" && event.data.leadId).toBe(lead.leadId);
  });

  it("sends webhook.test to one endpoint on request", async () => {
    const t = await tenant("Test Motors");
    const endpoint = await createEndpoint(t.apiKey, "/ping", ["order.synced"]);
    const res = ok(await call("POST", `/v1/webhook-endpoints/${endpoint.id}/test`, t.apiKey), 202);
    await settled(t.apiKey, endpoint.id, "succeeded");
    const [r] = receiver.at("/ping");
    expect(r?.type).toBe("webhook.test");
    expect(r?.headers["webhook-id"]).toBe(res.deliveryId);
    expect(r?.verifiedWith).toEqual([endpoint.secret]);
  });

  it("manages endpoints: admin only, https only, update, disable and delete", async () => {
    const t = await tenant("Admin Motors");
    const sales = await createKey(hub.services.db, t.tenantId, "floor", "manager");
    const forbidden = await call("POST", "/v1/webhook-endpoints", sales.apiKey, {
      url: "https://crm.example.com/hooks",
    });
    expect(forbidden.statusCode).toBe(403);
    for (const url of [
      "http://crm.example.com/hooks",
      "ftp://crm.example.com/hooks",
      "https://user:pass@crm.example.com/hooks",
      // Internal addresses: a cloud metadata service, a private network (not allowed here).
      "https://169.254.169.254/latest/meta-data/",
      "https://10.20.30.40/hooks",
    ]) {
      const res = await call("POST", "/v1/webhook-endpoints", t.apiKey, { url });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("webhook_url_invalid");
    }
    const bad = await call("POST", "/v1/webhook-endpoints", t.apiKey, {
      url: "https://crm.example.com/hooks",
      eventTypes: ["lead.*.x"],
    });
    expect(bad.statusCode).toBe(400);
    const created = ok(
      await call("POST", "/v1/webhook-endpoints", t.apiKey, {
        url: "https://crm.example.com/hooks",
        description: "CRM",
      }),
      201,
    );
    expect(created.eventTypes).toEqual(["*"]);
    const patched = ok(
      await call("PATCH", `/v1/webhook-endpoints/${created.id}`, t.apiKey, {
        eventTypes: ["lead.*", "order.synced"],
        status: "disabled",
        version: created.version,
      }),
    );
    expect(patched.status).toBe("disabled");
    expect(patched.disabledReason).toMatch(/API/);
    const stale = await call("PATCH", `/v1/webhook-endpoints/${created.id}`, t.apiKey, {
      status: "active",
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    const enabled = ok(
      await call("PATCH", `/v1/webhook-endpoints/${created.id}`, t.apiKey, { status: "active" }),
    );
    expect(enabled.disabledReason).toBeNull();
    const deleted = await hub.app.inject({
      method: "DELETE",
      url: `/v1/webhook-endpoints/${created.id}`,
      headers: { authorization: `Bearer ${t.apiKey}` },
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await call("GET", `/v1/webhook-endpoints/${created.id}`, t.apiKey);
    expect(gone.statusCode).toBe(404);
    // Another tenant never sees this one's endpoints.
    const other = await tenant("Other Motors");
    const foreign = await call("GET", `/v1/webhook-endpoints/${created.id}`, other.apiKey);
    expect(foreign.statusCode).toBe(404);
  });
});

describe("verifyWebhook refuses what the hub did not send", () => {
  const secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
  const body = JSON.stringify({
    type: "lead.created",
    id: "evt_01JF3Q6Z8X4M2W9KX7V1B5N0TC",
    timestamp: "2026-11-27T09:30:00+08:00",
    data: { leadId: "lead_01JF3Q6Z8X4M2W9KX7V1B5N0TD", source: "autohome" },
  });
  const reasonOf = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof WebhookVerificationError) return error.reason;
      throw error;
    }
    return "accepted";
  };

  it("accepts a genuine delivery and refuses forged, tampered and stale ones", async () => {
    const headers = await signWebhook({ id: "msg_1", body, secret });
    expect(await reasonOf(verifyWebhook(body, headers, secret))).toBe("accepted");
    const forged = await signWebhook({
      id: "msg_1",
      body,
      secret: "whsec_ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
    });
    expect(await reasonOf(verifyWebhook(body, forged, secret))).toBe("no_matching_signature");
    const tampered = body.replace("autohome", "dongchedi");
    expect(await reasonOf(verifyWebhook(tampered, headers, secret))).toBe("no_matching_signature");
    const stale = await signWebhook({ id: "msg_1", body, secret, at: Date.now() - 10 * 60_000 });
    expect(await reasonOf(verifyWebhook(body, stale, secret))).toBe("timestamp_too_old");
    const { "webhook-signature": _, ...unsigned } = headers;
    expect(await reasonOf(verifyWebhook(body, unsigned, secret))).toBe("missing_header");
  });
});
