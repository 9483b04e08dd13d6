import { parseRetryAfter } from "@forecourt/sdk/client";
import { signWebhook } from "@forecourt/sdk/webhooks";
import type { ConnectorContext } from "../define.js";
import {
  type ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { request } from "../http.js";
import { createRedactor, type Redactor } from "../secrets.js";
import type { GenericWebhookConfig } from "./config.js";

const VENDOR = "Webhook receiver";
/** The status a receiver answers a delivery it already has with. */
export const WEBHOOK_ALREADY_RECEIVED = 409;

/**
 * A receiver's answer as a connector error, by the delivery rules of Standard Webhooks:
 * - 409 → the delivery was received before (the caller treats it as done, not as an error);
 * - 410 → the endpoint is gone: permanent, and the hub disables the connection;
 * - 429 and 503 → retry, after `Retry-After` when sent; 408, 425 and every other 5xx → retry;
 * - every other 4xx (401 and 403 included: the receiver refused our signature or key, which
 *   a retry will not change) → permanent.
 */
export function classifyReceiverAnswer(
  response: Response,
  body: string,
  now: number,
  redact: Redactor = createRedactor(),
): ConnectorError {
  const status = response.status;
  const quoted = redact(body.replace(/\s+/g, " ").trim().slice(0, 200));
  const message = `${VENDOR} answered ${status}${quoted ? `: ${quoted}` : ""}`;
  const raw = redact(body.slice(0, 2_000));
  if (status === WEBHOOK_ALREADY_RECEIVED) {
    return new PermanentConnectorError(message, { status, raw, code: "webhook_already_received" });
  }
  if (status === 410) {
    return new PermanentConnectorError(
      `${message} — the endpoint is gone; disable the connection or fix its URL`,
      {
        status,
        raw,
        code: "webhook_gone",
      },
    );
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
    return new RetryableConnectorError(message, {
      status,
      raw,
      code: status === 429 ? "webhook_rate_limited" : "webhook_unavailable",
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  return new PermanentConnectorError(message, { status, raw, code: "webhook_rejected" });
}

export interface WebhookDelivery {
  status: number;
  text: string;
}

/**
 * One signed delivery: `webhook-id` is the push's idempotency key (the same on every attempt),
 * `webhook-timestamp` this attempt's time, `webhook-signature` one `v1,` signature per secret.
 */
export async function deliverWebhook(
  ctx: ConnectorContext<GenericWebhookConfig>,
  id: string,
  body: string,
  scrub: readonly (string | undefined)[] = [],
): Promise<WebhookDelivery> {
  const { config } = ctx;
  const secrets = [config.secret, config.previousSecret, config.authorization, ...scrub];
  const redact = createRedactor(secrets);
  const signature = await signWebhook({
    id,
    body,
    secret: config.previousSecret ? [config.secret, config.previousSecret] : config.secret,
    at: ctx.now(),
  });
  const answer = await request(ctx, {
    method: "POST",
    url: config.url,
    headers: {
      ...config.headers,
      ...(config.authorization && { authorization: config.authorization }),
      ...signature,
      "content-type": "application/json",
      "user-agent": "Forecourt-Webhooks/1.0",
    },
    body,
    timeoutMs: config.timeoutMs,
    vendor: VENDOR,
    secrets,
    classifyError: (response, text) => classifyReceiverAnswer(response, text, ctx.now(), redact),
  });
  return { status: answer.status, text: answer.text };
}
