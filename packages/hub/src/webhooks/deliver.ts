import { signWebhook } from "@forecourt/sdk/webhooks";
import { and, eq, sql } from "drizzle-orm";
import {
  events,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from "../db/schema.js";
import { withTenant } from "../db/tenant.js";
import type { JobPayloads } from "../jobs/queue.js";
import type { HubServices } from "../services.js";
import { type AddressPolicy, destinationRefusal, type Lookup } from "./addresses.js";
import { enqueueDeliveryAttempt } from "./dispatcher.js";
import { newAttemptId, signingSecrets } from "./endpoints.js";
import {
  parseRetryAfter,
  RESPONSE_EXCERPT_CHARS,
  retryDelayMs,
  type WebhookSettings,
  webhookSettings,
} from "./settings.js";

type DeliverJob = JobPayloads["webhook.deliver"];

/** What one POST got: an HTTP answer, or an error without one (timeout, refused …). */
export interface PostResult {
  status?: number;
  body?: string;
  retryAfter?: string | null;
  error?: string;
}

const EXCERPT_BYTES = 4 * RESPONSE_EXCERPT_CHARS;

/** The first characters of an answer, printable only, for the delivery log. */
export function excerpt(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  return clean.length > RESPONSE_EXCERPT_CHARS
    ? `${clean.slice(0, RESPONSE_EXCERPT_CHARS)}…`
    : clean;
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return excerpt(new TextDecoder().decode(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES)));
}

/**
 * POSTs one delivery; never throws. Redirects are not followed (a 3xx is a failed try). The host
 * is checked first (`destinationRefusal`): an address the hub may not deliver to is a failed try
 * with the reason, and nothing is sent.
 */
export async function postDelivery(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  policy: AddressPolicy,
  lookup?: Lookup,
): Promise<PostResult> {
  try {
    const refused = await destinationRefusal(new URL(url), policy, lookup);
    if (refused) return { error: `refused: ${refused}` };
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: {
        ...headers,
        "content-type": "application/json",
        "user-agent": "Forecourt-Webhooks/1",
      },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await readExcerpt(response);
    return { status: response.status, body: text, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") return { error: "timeout" };
    // Only the error code: a message could repeat the URL (and whatever is in its query).
    const code = e.cause?.code ?? (e as { code?: string }).code;
    return { error: `network: ${code ?? e.name}` };
  }
}

export type AttemptOutcome =
  | { kind: "succeeded" }
  | { kind: "gone" }
  | { kind: "retry"; delayMs: number }
  | { kind: "dead" };

/** What happens after try number `attempt` (0-based) got `result`. */
export function decideOutcome(
  result: PostResult,
  attempt: number,
  settings: Pick<WebhookSettings, "retryScheduleMs">,
  random: () => number = Math.random,
): AttemptOutcome {
  const status = result.status;
  if (status !== undefined && status >= 200 && status < 300) return { kind: "succeeded" };
  if (status === 410) return { kind: "gone" };
  const scheduled = retryDelayMs(settings.retryScheduleMs, attempt + 1, random);
  if (scheduled === undefined) return { kind: "dead" };
  const asked =
    status === 429 || status === 503 ? parseRetryAfter(result.retryAfter ?? null) : undefined;
  return { kind: "retry", delayMs: Math.max(scheduled, asked ?? 0) };
}

/**
 * One try of a delivery. The try is claimed first (the attempt counter moves only if it still
 * says this try is next), so a job that runs twice sends once; then the body is signed with the
 * endpoint's secrets — both during a rotation — POSTed, and the outcome recorded before the next
 * try is enqueued.
 */
export async function processDelivery(services: HubServices, data: DeliverJob): Promise<void> {
  const settings = webhookSettings(services.config);
  const { db, crypto } = services;
  const leaseMs = settings.timeoutMs + 30_000;
  const claim = await withTenant(db, data.tenantId, async (tx) => {
    const [delivery] = await tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.tenantId, data.tenantId),
          eq(webhookDeliveries.id, data.deliveryId),
        ),
      )
      .limit(1);
    if (
      delivery?.status !== "pending" ||
      delivery.series !== data.series ||
      delivery.attemptCount !== data.attempt
    ) {
      return undefined;
    }
    const [endpoint] = await tx
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, delivery.endpointId))
      .limit(1);
    if (!endpoint || endpoint.deletedAt || endpoint.status !== "active") {
      await tx
        .update(webhookDeliveries)
        .set({
          status: "failed",
          lastError: endpoint?.deletedAt ? "endpoint deleted" : "endpoint disabled",
          nextAttemptAt: null,
          updatedAt: new Date(),
        })
        .where(eq(webhookDeliveries.id, delivery.id));
      return undefined;
    }
    const [event] = await tx.select().from(events).where(eq(events.id, delivery.eventId)).limit(1);
    if (!event) return undefined;
    const [claimed] = await tx
      .update(webhookDeliveries)
      .set({
        attemptCount: data.attempt + 1,
        nextAttemptAt: new Date(Date.now() + leaseMs),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(webhookDeliveries.id, delivery.id),
          eq(webhookDeliveries.status, "pending"),
          eq(webhookDeliveries.series, data.series),
          eq(webhookDeliveries.attemptCount, data.attempt),
        ),
      )
      .returning();
    return claimed ? { delivery: claimed, endpoint, event } : undefined;
  });
  if (!claim) return;
  const { delivery, endpoint, event } = claim;

  const body = JSON.stringify({
    type: event.type,
    id: event.id,
    timestamp: event.occurredAt.toISOString(),
    data: event.payload,
  });
  const headers = await signWebhook({
    id: delivery.id,
    body,
    secret: signingSecrets(endpoint, crypto),
  });
  const startedAt = new Date();
  const result = await postDelivery(endpoint.url, body, headers, settings.timeoutMs, settings);
  const finishedAt = new Date();
  const outcome = decideOutcome(result, data.attempt, settings);
  const nextAttemptAt =
    outcome.kind === "retry" ? new Date(finishedAt.getTime() + outcome.delayMs) : null;
  const status =
    outcome.kind === "succeeded"
      ? "succeeded"
      : outcome.kind === "gone"
        ? "failed"
        : outcome.kind === "dead"
          ? "dead"
          : "pending";

  await withTenant(db, data.tenantId, async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({
      id: newAttemptId(),
      tenantId: data.tenantId,
      deliveryId: delivery.id,
      series: data.series,
      attempt: data.attempt + 1,
      startedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      responseStatus: result.status ?? null,
      responseBody: result.body ?? null,
      error: result.error ?? null,
      outcome: outcome.kind === "gone" ? "failed" : outcome.kind,
      nextAttemptAt,
    });
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        nextAttemptAt,
        lastAttemptAt: startedAt,
        lastResponseStatus: result.status ?? null,
        lastResponseBody: result.body ?? null,
        lastError: result.error ?? (outcome.kind === "gone" ? "endpoint answered 410 Gone" : null),
        succeededAt: outcome.kind === "succeeded" ? finishedAt : null,
        updatedAt: finishedAt,
      })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.series, data.series)));
    if (outcome.kind === "gone") {
      await tx
        .update(webhookEndpoints)
        .set({
          status: "disabled",
          disabledReason: `the endpoint answered 410 Gone to delivery ${delivery.id}`,
          disabledAt: finishedAt,
          updatedAt: finishedAt,
          version: sql`${webhookEndpoints.version} + 1`,
        })
        .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.status, "active")));
    }
  });
  if (outcome.kind === "retry") {
    await enqueueDeliveryAttempt(
      services.queue,
      { ...data, attempt: data.attempt + 1 },
      outcome.delayMs,
    );
  }
}
