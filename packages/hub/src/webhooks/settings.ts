import type { HubConfig } from "../config.js";

/**
 * The delay before each try of a delivery, in milliseconds: immediately, 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h (eight tries, about 27.5 hours in all). Each delay but the first gets
 * ±20 % jitter. After the last try fails the delivery is dead (listed, and replayable).
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = Object.freeze([
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
]);
/** ±20 % on every delay of the schedule. */
export const WEBHOOK_RETRY_JITTER = 0.2;
/** One try waits this long for the endpoint's answer (headers and body) before it counts as failed. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 15_000;
/** How often the sweeper looks for events not fanned out yet and deliveries whose job was lost. */
export const DEFAULT_WEBHOOK_SWEEP_INTERVAL_MS = 1_000;
/** A rotated-out secret keeps signing (beside the new one) this long. */
export const WEBHOOK_SECRET_ROTATION_GRACE_MS = 24 * 3_600_000;
/** `Retry-After` is honoured up to this long; a longer one is cut to it. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;
/** Events older than this are not picked up by the sweeper (they were recorded before an outage this long). */
export const WEBHOOK_SWEEP_LOOKBACK_HOURS = 72;
/** How much of an endpoint's answer is kept in the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 512;

export interface WebhookSettings {
  retryScheduleMs: readonly number[];
  timeoutMs: number;
  sweepIntervalMs: number;
  /**
   * Accept `http://` endpoints on 127.0.0.1, ::1 and localhost, and deliver to loopback addresses
   * at all (tests and local development).
   */
  allowLocalHttp: boolean;
  /** Deliver to private network addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). */
  allowPrivateNetworks: boolean;
}

export function webhookSettings(config: HubConfig): WebhookSettings {
  const given = config.webhooks ?? {};
  const schedule = given.retryScheduleMs?.length
    ? given.retryScheduleMs
    : DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS;
  return {
    retryScheduleMs: schedule,
    timeoutMs: given.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    sweepIntervalMs: given.sweepIntervalMs ?? DEFAULT_WEBHOOK_SWEEP_INTERVAL_MS,
    allowLocalHttp: given.allowLocalHttp ?? false,
    allowPrivateNetworks: given.allowPrivateNetworks ?? false,
  };
}

/** The delay before try number `attempt` (0-based), with jitter; undefined past the last try. */
export function retryDelayMs(
  schedule: readonly number[],
  attempt: number,
  random: () => number = Math.random,
): number | undefined {
  const base = schedule[attempt];
  if (base === undefined) return undefined;
  const factor = 1 - WEBHOOK_RETRY_JITTER + 2 * WEBHOOK_RETRY_JITTER * random();
  return Math.round(base * factor);
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or
 * unreadable; capped at `MAX_RETRY_AFTER_MS`.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}
