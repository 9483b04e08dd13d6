import type { AddressInfo } from "node:net";
import { generateWebhookSecret, signWebhook, type WebhookEvent } from "@forecourt/sdk/webhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createWebhookReceiver } from "./webhook-receiver.js";

const secret = generateWebhookSecret();
const received: WebhookEvent[] = [];
const server = createWebhookReceiver(secret, (event) => {
  received.push(event);
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const event = {
  type: "lead.created",
  id: "evt_01JF3Q6Z8X4M2W9KX7V1B5N0TC",
  timestamp: "2026-11-27T10:00:00+08:00",
  data: { leadId: "lead_01JF3Q6Z8X4M2W9KX7V1B5N0TD", source: "autohome", grade: "H" },
};

async function deliver(body: string, headers: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

it("accepts a signed delivery once, however often it is retried", async () => {
  const body = JSON.stringify(event);
  const headers = await signWebhook({ id: "msg_1", body, secret });
  expect((await deliver(body, { ...headers })).status).toBe(204);
  expect((await deliver(body, { ...headers })).status).toBe(204);
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ type: "lead.created", data: { source: "autohome" } });
});

it("refuses a forged, tampered or stale delivery", async () => {
  const body = JSON.stringify(event);
  const forged = await signWebhook({ id: "msg_2", body, secret: generateWebhookSecret() });
  const forgedResponse = await deliver(body, { ...forged });
  expect(forgedResponse.status).toBe(400);
  expect(await forgedResponse.text()).not.toContain(secret);

  const signed = await signWebhook({ id: "msg_3", body, secret });
  expect((await deliver(body.replace("autohome", "dongchedi"), { ...signed })).status).toBe(400);

  const stale = await signWebhook({ id: "msg_4", body, secret, at: Date.now() - 3_600_000 });
  expect((await deliver(body, { ...stale })).status).toBe(400);
  expect(received).toHaveLength(1);
});
