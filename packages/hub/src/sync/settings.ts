import type { HubConfig } from "../config.js";

/**
 * How pushes to destinations are retried and how OAuth2 tokens are kept fresh. Tests compress
 * the schedule through `HubConfig.sync`.
 */
export interface SyncSettings {
  /** The first retry's delay; each further retry doubles it (±20 % jitter), up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Tries of one push before it is dead-lettered (auth waits are not counted). */
  maxAttempts: number;
  /** How often the sweeper enqueues pending rows that are not on the queue. */
  sweepIntervalMs: number;
  /** A token that expires within this margin is refreshed before use. */
  refreshMarginMs: number;
  /** One push (all its vendor calls) is abandoned after this long and retried. */
  pushTimeoutMs: number;
  /** How long an OAuth2 `state` stays valid. */
  stateTtlMs: number;
}

export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = Object.freeze({
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 10,
  sweepIntervalMs: 1_000,
  refreshMarginMs: 5 * 60_000,
  pushTimeoutMs: 120_000,
  stateTtlMs: 10 * 60_000,
});

export const SYNC_RETRY_JITTER = 0.2;

export function syncSettings(config: HubConfig): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, ...(config.sync ?? {}) };
}

/**
 * The delay before retry number `attempt` (1 = the first retry): exponential with ±20 % jitter,
 * and never shorter than the vendor's `Retry-After`.
 */
export function pushRetryDelayMs(
  settings: SyncSettings,
  attempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(
    settings.maxDelayMs,
    settings.baseDelayMs * 2 ** Math.max(0, attempt - 1),
  );
  const jittered = Math.round(
    exponential * (1 - SYNC_RETRY_JITTER + 2 * SYNC_RETRY_JITTER * random()),
  );
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, 24 * 3_600_000));
}
