import { verifyWebhookSignature } from "@forecourt/sdk/webhooks";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder } from "../push.js";
import { genericWebhookConnector } from "./index.js";
import {
  PUSH_TEST_ORDER,
  pushFailure,
  shownText,
  WEBHOOK_TEST_PREVIOUS_SECRET,
  WEBHOOK_TEST_SECRET,
  WEBHOOK_TEST_URL,
  type WebhookReceiverMock,
  type WebhookReceiverOptions,
  webhookReceiverMock,
} from "./mocks.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let receiver: WebhookReceiverMock;
function serve(options: WebhookReceiverOptions = {}) {
  receiver = webhookReceiverMock(options);
  server.use(...receiver.handlers);
}
beforeEach(() => serve());

const config = parseConfig(genericWebhookConnector, {
  url: WEBHOOK_TEST_URL,
  secret: WEBHOOK_TEST_SECRET,
  headers: { "X-Tenant": "bj-group" },
  timeoutMs: 250,
});
const KEY = orderIdempotencyKey(PUSH_TEST_ORDER.id, PUSH_TEST_ORDER.version);
let clock = Date.parse("2026-11-27T03:00:00Z");
const ctx = (overrides: Partial<typeof config> = {}) =>
  createPushContext(genericWebhookConnector, {
    config: { ...config, ...overrides },
    idempotencyKey: KEY,
    now: () => clock,
  });
const push = (order: PushOrder = PUSH_TEST_ORDER, context = ctx()) =>
  genericWebhookConnector.push!(order, context);

describe("generic webhook push", () => {
  it("POSTs the order signed per Standard Webhooks, webhook-id = the idempotency key", async () => {
    const result = await push();
    expect(result).toEqual({
      externalId: "rcv_0001",
      url: "https://crm.dealer-group.test/orders/rcv_0001",
      created: true,
    });
    const [delivery] = receiver.deliveries;
    expect(delivery).toMatchObject({ id: KEY, timestamp: Math.floor(clock / 1000) });
    expect(delivery!.headers).toMatchObject({
      "content-type": "application/json",
      "x-tenant": "bj-group",
    });
    expect(delivery!.payload).toEqual({
      type: "order.push",
      timestamp: "2026-11-27T03:00:00.000Z",
      idempotencyKey: KEY,
      data: JSON.parse(JSON.stringify(PUSH_TEST_ORDER)),
    });
    expect(delivery!.signatures).toHaveLength(1);
    expect(delivery!.signatures[0]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it("signs so the SDK's verifier accepts it, and a tampered body fails", async () => {
    await push();
    const { headers, payload } = receiver.attempts[0]!;
    const body = JSON.stringify(payload);
    const at = Number(headers["webhook-timestamp"]) * 1000;
    await expect(
      verifyWebhookSignature(body, headers, WEBHOOK_TEST_SECRET, { now: at }),
    ).resolves.toMatchObject({ id: KEY });
    await expect(
      verifyWebhookSignature(body.replace("王芳", "王芬"), headers, WEBHOOK_TEST_SECRET, {
        now: at,
      }),
    ).rejects.toThrow();
  });

  it("keeps webhook-id across attempts: a second push is taken as received (409), nothing doubled", async () => {
    const first = await push();
    clock += 5 * 60_000;
    const second = await push();
    expect(second).toEqual({ ...first, url: undefined, created: false });
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.attempts.map((a) => a.id)).toEqual([KEY, KEY]);
    expect(receiver.attempts[1]!.timestamp).toBeGreaterThan(receiver.attempts[0]!.timestamp);
  });

  it("falls back to the idempotency key when the receiver answers without a body", async () => {
    serve({ emptyAnswers: true });
    expect(await push()).toEqual({ externalId: KEY, created: true });
  });

  it("sends both signatures during a rotation, so a receiver holding the old secret accepts", async () => {
    serve({ secrets: [WEBHOOK_TEST_PREVIOUS_SECRET] });
    const result = await push(
      PUSH_TEST_ORDER,
      ctx({ previousSecret: WEBHOOK_TEST_PREVIOUS_SECRET }),
    );
    expect(result.created).toBe(true);
    expect(receiver.deliveries[0]!.signatures).toHaveLength(2);
  });

  it("maps 410 to a permanent error saying the endpoint is gone", async () => {
    receiver.fail({ kind: "gone" });
    const error = await pushFailure(push());
    expect(error).toBeInstanceOf(PermanentConnectorError);
    expect(error.code).toBe("webhook_gone");
  });

  it.each([429, 503] as const)(
    "maps %i with Retry-After to a retryable error with the wait",
    async (status) => {
      receiver.fail({ kind: "throttle", status, retryAfterSeconds: 120 });
      const error = await pushFailure(push());
      expect(error).toBeInstanceOf(RetryableConnectorError);
      expect((error as RetryableConnectorError).retryAfterMs).toBe(120_000);
    },
  );

  it("maps other 5xx and timeouts to retryable errors", async () => {
    receiver.fail({ kind: "server", status: 500 });
    expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
    receiver.fail({ kind: "timeout" });
    expect((await pushFailure(push())).code).toBe("vendor_timeout");
    expect(receiver.deliveries).toHaveLength(0);
  });

  it.each([400, 401, 403, 422] as const)(
    "maps %i to a permanent error with the receiver's reason",
    async (status) => {
      receiver.fail({
        kind: "rejected",
        status,
        body: `order rejected: unknown store (secret ${WEBHOOK_TEST_SECRET})`,
      });
      const error = await pushFailure(push());
      expect(error).toBeInstanceOf(PermanentConnectorError);
      expect(error.code).toBe("webhook_rejected");
      expect(error.message).toContain(`answered ${status}: order rejected: unknown store`);
      expect(shownText(error)).not.toContain(WEBHOOK_TEST_SECRET);
    },
  );

  it("is refused by a receiver with another secret, permanently", async () => {
    serve({ secrets: [WEBHOOK_TEST_PREVIOUS_SECRET] });
    const error = await pushFailure(push());
    expect(error.status).toBe(401);
    expect(error).toBeInstanceOf(PermanentConnectorError);
  });

  it.each(["reset", "timeout"] as const)(
    "is taken as received on retry when the response was lost (%s) after the receiver processed it",
    async (how) => {
      receiver.loseResponse(how);
      expect(await pushFailure(push())).toBeInstanceOf(RetryableConnectorError);
      const retry = await push();
      expect(retry).toEqual({ externalId: "rcv_0001", created: false });
      expect(receiver.deliveries).toHaveLength(1);
    },
  );

  it("only posts to https, and keeps its own headers", () => {
    expect(() =>
      parseConfig(genericWebhookConnector, {
        url: "http://crm.test/hook",
        secret: WEBHOOK_TEST_SECRET,
      }),
    ).toThrow(/https/);
    expect(() =>
      parseConfig(genericWebhookConnector, {
        url: WEBHOOK_TEST_URL,
        secret: WEBHOOK_TEST_SECRET,
        headers: { "webhook-id": "x" },
      }),
    ).toThrow(/headers.webhook-id/);
    expect(() =>
      parseConfig(genericWebhookConnector, { url: WEBHOOK_TEST_URL, secret: "not-a-secret" }),
    ).toThrow(/whsec_/);
  });
});
