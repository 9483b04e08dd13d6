import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError, WebhookVerificationError } from "../errors.js";
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  type WebhookEvent,
  type WebhookEventOf,
} from "./index.js";

// Vectors computed independently with Python's hmac, hashlib and base64 modules.
const OLD_SECRET = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
const NEW_SECRET = "whsec_yXsKprp9FcL6jf67m1JOxVtceLKuq6ficu9xH1E5R8c=";
const OLD_SIGNATURE = "v1,bjfchvX9VjGA9B0++e+ey+XlQA+q/YV692C1L7vs6iw=";
const NEW_SIGNATURE = "v1,dvsi2vSu/amkL3wR4WYbuTGHficeSPwBUSZQObCh7xI=";
const MESSAGE_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
const SENT_AT = "2026-11-27T01:30:00Z"; // 1795743000
const BODY =
  '{"type":"order.synced","id":"evt_01JF3Q6Z8X4M2W9KX7V1B5N0TC","timestamp":"2026-11-27T09:30:00+08:00","data":{"orderId":"ord_01JF3Q6Z8X4M2W9KX7V1B5N0TD","orderNumber":"BJ01-20261127-0001","orderVersion":2,"connectionId":"conn_xero_1","destination":"xero","externalRef":"INV-0042","invoiceUrl":"https://xero.example/INV-0042"}}';

const headers = (signature = OLD_SIGNATURE) => ({
  "webhook-id": MESSAGE_ID,
  "webhook-timestamp": "1795743000",
  "webhook-signature": signature,
});
const now = "2026-11-27T01:31:00Z";

async function refusal(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error("expected a WebhookVerificationError");
}

describe("signWebhook", () => {
  it("signs id, timestamp and body with HMAC-SHA256, as the independent vectors", async () => {
    expect(
      await signWebhook({ id: MESSAGE_ID, body: BODY, secret: OLD_SECRET, at: SENT_AT }),
    ).toEqual(headers());
  });

  it("sends one signature per secret while rotating", async () => {
    const signed = await signWebhook({
      id: MESSAGE_ID,
      body: BODY,
      secret: [OLD_SECRET, NEW_SECRET],
      at: SENT_AT,
    });
    expect(signed["webhook-signature"]).toBe(`${OLD_SIGNATURE} ${NEW_SIGNATURE}`);
  });

  it("signs bytes exactly as the same text, and takes a secret without its prefix", async () => {
    const bytes = new TextEncoder().encode(BODY);
    const bare = OLD_SECRET.slice("whsec_".length);
    expect(await signWebhook({ id: MESSAGE_ID, body: bytes, secret: bare, at: SENT_AT })).toEqual(
      headers(),
    );
  });

  it("refuses a bad id or secret without echoing the secret", async () => {
    await expect(signWebhook({ id: "a b", body: BODY, secret: OLD_SECRET })).rejects.toThrow(
      /without spaces/,
    );
    const error = await signWebhook({ id: "x", body: BODY, secret: "whsec_not base64!" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("Invalid webhook secret: expected whsec_ followed by base64");
    expect(error.message).not.toContain("not base64");
    await expect(signWebhook({ id: "x", body: BODY, secret: [] })).rejects.toThrow(
      /at least one secret/,
    );
    await expect(
      signWebhook({ id: "x", body: BODY, secret: OLD_SECRET, at: "soon" }),
    ).rejects.toThrow(/at is not a valid instant/);
  });
});

describe("verifyWebhook", () => {
  it("returns the event, typed by its type, with unknown fields kept", async () => {
    const event = await verifyWebhook(BODY, headers(), OLD_SECRET, { now });
    expect(event.type).toBe("order.synced");
    if (event.type !== "order.synced") throw new Error("narrowing");
    expectTypeOf(event).toEqualTypeOf<WebhookEventOf<"order.synced">>();
    expect(event.data.externalRef).toBe("INV-0042");
    expect(event.data).toHaveProperty("invoiceUrl", "https://xero.example/INV-0042");
    expectTypeOf(verifyWebhook).returns.resolves.toEqualTypeOf<WebhookEvent>();
  });

  it("reads Headers objects, Node's header records and byte bodies", async () => {
    const fetchHeaders = new Headers(headers());
    expect((await verifyWebhook(BODY, fetchHeaders, OLD_SECRET, { now })).id).toBe(
      "evt_01JF3Q6Z8X4M2W9KX7V1B5N0TC",
    );
    const nodeHeaders = {
      "Webhook-Id": MESSAGE_ID,
      "webhook-timestamp": "1795743000",
      "webhook-signature": ["v1,AAAA", OLD_SIGNATURE],
    };
    const bytes = new TextEncoder().encode(BODY);
    expect(await verifyWebhookSignature(bytes, nodeHeaders, OLD_SECRET, { now })).toEqual({
      id: MESSAGE_ID,
      timestamp: 1795743000,
      body: BODY,
    });
  });

  it("accepts either secret during a rotation, and refuses a third", async () => {
    const both = headers(`${OLD_SIGNATURE} ${NEW_SIGNATURE}`);
    await expect(verifyWebhook(BODY, both, OLD_SECRET, { now })).resolves.toBeDefined();
    await expect(verifyWebhook(BODY, both, NEW_SECRET, { now })).resolves.toBeDefined();
    // A receiver that already holds both, while the sender has moved on to the new one.
    await expect(
      verifyWebhook(BODY, headers(NEW_SIGNATURE), [OLD_SECRET, NEW_SECRET], { now }),
    ).resolves.toBeDefined();
    const error = await refusal(verifyWebhook(BODY, both, generateWebhookSecret(), { now }));
    expect(error.reason).toBe("no_matching_signature");
  });

  it("refuses forged deliveries: a changed body, id or timestamp, or another secret's signature", async () => {
    for (const [body, sent] of [
      [BODY.replace("INV-0042", "INV-0043"), headers()],
      [`${BODY} `, headers()],
      [BODY, { ...headers(), "webhook-id": "msg_other" }],
      [BODY, { ...headers(), "webhook-timestamp": "1795743001" }],
      [BODY, headers(NEW_SIGNATURE)],
      [BODY, headers(`v1,${"A".repeat(44)}`)],
    ] as const) {
      const error = await refusal(verifyWebhook(body, sent, OLD_SECRET, { now }));
      expect(error.reason).toBe("no_matching_signature");
      expect(error.code).toBe("webhook_verification_failed");
      expect(error.message).toMatch(/no signature matches the secret/);
    }
  });

  it("refuses a stale or future timestamp outside the tolerance, and allows its edge", async () => {
    const old = await refusal(
      verifyWebhook(BODY, headers(), OLD_SECRET, { now: "2026-11-27T01:35:01Z" }),
    );
    expect(old.reason).toBe("timestamp_too_old");
    expect(old.message).toBe(
      "Webhook refused: timestamp is 301 s old, more than the 300 s allowed (a replay, or a clock out of sync)",
    );
    await expect(
      verifyWebhook(BODY, headers(), OLD_SECRET, { now: "2026-11-27T01:35:00Z" }),
    ).resolves.toBeDefined();
    const future = await refusal(
      verifyWebhook(BODY, headers(), OLD_SECRET, { now: "2026-11-27T01:24:59Z" }),
    );
    expect(future.reason).toBe("timestamp_in_future");
    const strict = await refusal(
      verifyWebhook(BODY, headers(), OLD_SECRET, { now, toleranceSeconds: 30 }),
    );
    expect(strict.reason).toBe("timestamp_too_old");
    await expect(
      verifyWebhook(BODY, headers(), OLD_SECRET, { toleranceSeconds: -1 }),
    ).rejects.toThrow(ValidationError);
  });

  it("names the missing headers and refuses a timestamp that is not Unix seconds", async () => {
    const missing = await refusal(
      verifyWebhook(BODY, { "webhook-id": MESSAGE_ID }, OLD_SECRET, { now }),
    );
    expect(missing.reason).toBe("missing_header");
    expect(missing.message).toBe(
      "Webhook refused: missing header webhook-timestamp, webhook-signature",
    );
    for (const stamp of ["2026-11-27T01:30:00Z", "1795743000.5", "-1", ""]) {
      const error = await refusal(
        verifyWebhook(BODY, { ...headers(), "webhook-timestamp": stamp }, OLD_SECRET, { now }),
      );
      expect(error.reason).toBe(stamp === "" ? "missing_header" : "invalid_timestamp");
    }
  });

  it("ignores signature versions it does not know, and says when no v1 is present", async () => {
    const error = await refusal(
      verifyWebhook(BODY, headers("v1a,c2lnbmF0dXJl v2,abc"), OLD_SECRET, { now }),
    );
    expect(error.message).toBe("Webhook refused: no v1 signature in webhook-signature");
    await expect(
      verifyWebhook(BODY, headers(`v1a,c2lnbmF0dXJl v1,%%% ${OLD_SIGNATURE}`), OLD_SECRET, { now }),
    ).resolves.toBeDefined();
  });

  it("refuses a verified body that is not a known event with a ValidationError", async () => {
    const sign = async (body: string) =>
      signWebhook({ id: MESSAGE_ID, body, secret: OLD_SECRET, at: SENT_AT });
    const unknown = JSON.stringify({
      type: "invoice.paid",
      id: "evt_1",
      timestamp: SENT_AT,
      data: {},
    });
    await expect(verifyWebhook(unknown, await sign(unknown), OLD_SECRET, { now })).rejects.toThrow(
      /Invalid webhook event: type/,
    );
    await expect(
      verifyWebhook("not json", await sign("not json"), OLD_SECRET, { now }),
    ).rejects.toThrow("Invalid webhook event: the body is not JSON");
    // The signature alone still verifies, for receivers that read the payload themselves.
    await expect(
      verifyWebhookSignature(unknown, await sign(unknown), OLD_SECRET, { now }),
    ).resolves.toMatchObject({
      body: unknown,
    });
  });
});

describe("generateWebhookSecret", () => {
  it("makes whsec_ secrets of 32 random bytes that sign and verify", async () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateWebhookSecret()).not.toBe(secret);
    const sent = await signWebhook({ id: "msg_1", body: "{}", secret });
    await expect(verifyWebhookSignature("{}", sent, secret)).resolves.toMatchObject({
      id: "msg_1",
    });
  });
});
