import { defineConnector } from "../define.js";
import { ConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { deliverWebhook } from "./client.js";
import { type GenericWebhookConfig, genericWebhookConfigSchema } from "./config.js";
import { orderPushPayload, readReceiverReference } from "./mapping.js";

/**
 * A generic webhook: the order as JSON, POSTed to the connection's HTTPS endpoint and signed
 * per Standard Webhooks with the SDK's `signWebhook`. `webhook-id` is the push's idempotency
 * key, so a receiver that keeps the ids it has seen drops a repeated delivery — and answers 409,
 * which counts as delivered.
 */

export const GENERIC_WEBHOOK_CONNECTOR_ID = "generic_webhook";

function resultOf(text: string, key: string, created: boolean): PushResult {
  const reference = readReceiverReference(text);
  return {
    externalId: reference.id ?? key,
    ...(reference.number !== undefined && { externalNumber: reference.number }),
    ...(reference.url !== undefined && { url: reference.url }),
    created,
  };
}

async function pushToWebhook(
  input: PushOrder,
  ctx: PushContext<GenericWebhookConfig>,
): Promise<PushResult> {
  const order = readPushOrder(input);
  const body = JSON.stringify(orderPushPayload(order, ctx.idempotencyKey, ctx.now()));
  try {
    const answer = await deliverWebhook(ctx, ctx.idempotencyKey, body, [
      order.customer.email,
      order.customer.phone,
    ]);
    return resultOf(answer.text, ctx.idempotencyKey, true);
  } catch (error) {
    if (error instanceof ConnectorError && error.code === "webhook_already_received") {
      return resultOf(typeof error.raw === "string" ? error.raw : "", ctx.idempotencyKey, false);
    }
    throw error;
  }
}

export const genericWebhookConnector = defineConnector({
  id: GENERIC_WEBHOOK_CONNECTOR_ID,
  title: "Webhook (Standard Webhooks)",
  description:
    "Approved orders POSTed as JSON to an HTTPS endpoint, signed per Standard Webhooks; webhook-id is the idempotency key, 409 counts as delivered.",
  direction: "destination",
  auth: "hmac",
  config: genericWebhookConfigSchema,
  push: pushToWebhook,
});

export {
  classifyReceiverAnswer,
  deliverWebhook,
  WEBHOOK_ALREADY_RECEIVED,
  type WebhookDelivery,
} from "./client.js";
export { type GenericWebhookConfig, genericWebhookConfigSchema } from "./config.js";
export {
  ORDER_PUSH_EVENT,
  type OrderPushPayload,
  orderPushPayload,
  readReceiverReference,
} from "./mapping.js";
