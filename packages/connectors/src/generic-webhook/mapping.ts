import type { PushOrder } from "../push.js";

/** The event type of a delivery. */
export const ORDER_PUSH_EVENT = "order.push";

/** What a receiver gets: a Standard Webhooks payload with the order as `data`. */
export interface OrderPushPayload {
  type: typeof ORDER_PUSH_EVENT;
  /** When this attempt was sent (the same as `webhook-timestamp`). */
  timestamp: string;
  /** The push's idempotency key, also `webhook-id`: the same on every attempt. */
  idempotencyKey: string;
  data: PushOrder;
}

export function orderPushPayload(
  order: PushOrder,
  idempotencyKey: string,
  at: number,
): OrderPushPayload {
  return {
    type: ORDER_PUSH_EVENT,
    timestamp: new Date(at).toISOString(),
    idempotencyKey,
    data: order,
  };
}

/**
 * The receiver's reference, when its answer has one: `{ "id" }` or `{ "externalId" }`, with
 * `number`/`externalNumber` and `url`. Anything else (an empty 204, plain text) gives nothing.
 */
export function readReceiverReference(text: string): {
  id?: string;
  number?: string;
  url?: string;
} {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = record[key];
      if (typeof value === "string" && value.trim() !== "" && value.length <= 200) return value;
      if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
    }
    return undefined;
  };
  const id = pick("externalId", "id");
  const number = pick("externalNumber", "number");
  const url = pick("url");
  return {
    ...(id !== undefined && { id }),
    ...(number !== undefined && { number }),
    ...(url !== undefined && /^https?:\/\//.test(url) && { url }),
  };
}
