/**
 * A receiver for the hub's outbound events: verifies each delivery with @forecourt/sdk/webhooks
 * over the RAW body (never re-serialised JSON), drops duplicates by `webhook-id` (a retry of a
 * delivery you already handled), and answers 2xx only once the event is handled.
 *
 *   FORECOURT_WEBHOOK_SECRET=whsec_… PORT=4000 pnpm --filter @forecourt/examples webhook-receiver
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import {
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@forecourt/sdk/webhooks";

const MAX_BODY_BYTES = 1024 * 1024;

async function readRawBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Starts a receiver; `onEvent` runs once per event id, however often the hub retries it. */
export function createWebhookReceiver(
  secret: string | string[],
  onEvent: (event: WebhookEvent) => void | Promise<void>,
): Server {
  const seen = new Set<string>();
  return createServer(async (request, response) => {
    if (request.method !== "POST") {
      response.writeHead(405).end();
      return;
    }
    try {
      const body = await readRawBody(request);
      const event = await verifyWebhook(body, request.headers, secret);
      const deliveryId = String(request.headers["webhook-id"]);
      if (!seen.has(deliveryId)) {
        await onEvent(event);
        seen.add(deliveryId);
      }
      response.writeHead(204).end();
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        // Forged, stale or unsigned: refuse, and say why (the reason holds no secret).
        response.writeHead(400, { "content-type": "text/plain" }).end(error.message);
        return;
      }
      if (error instanceof RangeError) {
        response.writeHead(413).end();
        return;
      }
      // Anything else is ours to fix: a 5xx makes the hub retry later.
      response.writeHead(500).end();
    }
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1]);
if (isMain) {
  const secret = process.env.FORECOURT_WEBHOOK_SECRET;
  if (!secret) {
    console.error("Set FORECOURT_WEBHOOK_SECRET to the endpoint's whsec_… secret.");
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4000);
  createWebhookReceiver(secret, (event) => {
    switch (event.type) {
      case "lead.created":
        console.log(
          `lead ${event.data.leadId} from ${event.data.source}, grade ${event.data.grade}`,
        );
        break;
      case "order.status_changed":
        console.log(`order ${event.data.orderNumber}: ${event.data.from} → ${event.data.to}`);
        break;
      default:
        console.log(`${event.type} ${event.id}`);
    }
  }).listen(port, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${port}`));
}
