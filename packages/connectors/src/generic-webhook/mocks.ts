import { verifyWebhookSignature } from "@forecourt/sdk/webhooks";
import { type HttpHandler, HttpResponse, http } from "msw";
import { FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import type { OrderPushPayload } from "./mapping.js";

export * from "../push-fixtures.js";

/**
 * A receiver that does what Standard Webhooks asks of one: verifies `webhook-signature` over the
 * raw body with its secret (the SDK's `verifyWebhookSignature`, timestamp within five minutes of
 * the delivery's own time), keeps the `webhook-id`s it has processed and answers a repeat with
 * 409 (or 200, `duplicates: "ok"`), and answers 401 to a bad signature. Failures can be queued —
 * 410, 429/503 with `Retry-After`, 500, a 4xx with a reason, a timeout — and a response lost
 * after the delivery was processed. Counts deliveries (processed once) and attempts.
 */

export const WEBHOOK_TEST_URL = "https://crm.dealer-group.test/hooks/forecourt/orders";
/** `whsec_` and 32 key bytes. */
export const WEBHOOK_TEST_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8Tz1sX5Xwt0=";
export const WEBHOOK_TEST_PREVIOUS_SECRET = "whsec_Cj0ZrW7V0b3rQ2lG1kQ5m9yX8pL4nT6sA2dF7hJ3kE0=";

export type ReceiverFault =
  | { kind: "gone" }
  | { kind: "throttle"; status?: 429 | 503; retryAfterSeconds?: number }
  | { kind: "server"; status?: 500 | 502 }
  | { kind: "rejected"; status?: 400 | 401 | 403 | 404 | 422; body?: string }
  | { kind: "timeout" };

export interface WebhookReceiverOptions {
  url?: string;
  /** The secrets the receiver accepts (during a rotation, it may hold only the old one). */
  secrets?: string[];
  /** What a repeated `webhook-id` gets. */
  duplicates?: "conflict" | "ok";
  /** The receiver answers 204 without a body instead of its own id. */
  emptyAnswers?: boolean;
}

export interface ReceivedDelivery {
  id: string;
  timestamp: number;
  signatures: string[];
  payload: OrderPushPayload;
  headers: Record<string, string>;
}

export function webhookReceiverMock(options: WebhookReceiverOptions = {}) {
  const url = options.url ?? WEBHOOK_TEST_URL;
  const faults = new FaultQueue<ReceiverFault>();
  const losses = new FaultQueue<LostResponse>();
  const references = new Map<string, string>();
  const mock = {
    /** Deliveries processed, one per `webhook-id`. */
    deliveries: [] as ReceivedDelivery[],
    /** Every request that reached the receiver. */
    attempts: [] as ReceivedDelivery[],
    fail(fault: ReceiverFault, times = 1) {
      faults.add(fault, { times });
    },
    /** The next delivery is processed, then the response never arrives. */
    loseResponse(how: LostResponse = "timeout") {
      losses.add(how);
    },
    handlers: [] as HttpHandler[],
  };

  mock.handlers = [
    http.post(url, async ({ request }) => {
      const raw = await request.text();
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const id = headers["webhook-id"] ?? "";
      const timestamp = Number(headers["webhook-timestamp"]);
      const attempt: ReceivedDelivery = {
        id,
        timestamp,
        signatures: (headers["webhook-signature"] ?? "").split(" ").filter(Boolean),
        payload: JSON.parse(raw) as OrderPushPayload,
        headers,
      };
      mock.attempts.push(attempt);
      const fault = faults.take("deliver");
      if (fault !== undefined) {
        switch (fault.kind) {
          case "gone":
            return HttpResponse.text("This endpoint has been removed", { status: 410 });
          case "throttle":
            return HttpResponse.text("Slow down", {
              status: fault.status ?? 429,
              headers: { "retry-after": String(fault.retryAfterSeconds ?? 30) },
            });
          case "server":
            return HttpResponse.text("Internal Server Error", { status: fault.status ?? 500 });
          case "rejected":
            return HttpResponse.text(fault.body ?? "Bad Request", { status: fault.status ?? 400 });
          case "timeout":
            return lostResponse("timeout");
        }
      }
      try {
        await verifyWebhookSignature(
          raw,
          request.headers,
          options.secrets ?? [WEBHOOK_TEST_SECRET],
          {
            now: timestamp * 1000,
          },
        );
      } catch {
        return HttpResponse.json({ error: "invalid signature" }, { status: 401 });
      }
      const seen = references.get(id);
      if (seen !== undefined) {
        return options.duplicates === "ok"
          ? HttpResponse.json({ id: seen, duplicate: true })
          : HttpResponse.json({ id: seen, error: "already received" }, { status: 409 });
      }
      const reference = `rcv_${String(mock.deliveries.length + 1).padStart(4, "0")}`;
      references.set(id, reference);
      mock.deliveries.push(attempt);
      const lost = losses.take("deliver");
      if (lost) return lostResponse(lost);
      if (options.emptyAnswers) return new HttpResponse(null, { status: 204 });
      return HttpResponse.json(
        { id: reference, url: `https://crm.dealer-group.test/orders/${reference}` },
        { status: 201 },
      );
    }),
  ];
  return mock;
}

export type WebhookReceiverMock = ReturnType<typeof webhookReceiverMock>;
