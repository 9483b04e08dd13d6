import { sha256Hex } from "./crypto.js";

/**
 * Access tokens a connector fetches itself (YonBIP's signed token, SAP's client-credentials
 * token) live an hour or two; fetching one per push would double the calls. They are kept per
 * process, keyed by where they come from, who asked and a hash of the secret (so a rotated
 * secret gets a new token), and renewed `marginMs` before they end. This is the one state such
 * connectors hold; each hub worker keeps its own, and nothing is stored.
 */

export interface CachedToken {
  token: string;
  /** Epoch ms when the token ends. */
  expiresAt: number;
}

export class TokenCache {
  readonly #entries = new Map<string, Promise<CachedToken>>();

  /**
   * The token for `key`, fetched when there is none, it ends within `marginMs` of `now`, or
   * `fresh` asks for a new one (the vendor refused the cached one). Concurrent callers share one
   * fetch; a failed fetch is not kept.
   */
  async get(
    key: string,
    fetchToken: () => Promise<CachedToken>,
    options: { now: number; marginMs: number; fresh?: boolean },
  ): Promise<string> {
    const entry = options.fresh ? undefined : this.#entries.get(key);
    if (entry !== undefined) {
      const cached = await entry.catch(() => undefined);
      if (cached !== undefined && cached.expiresAt - options.marginMs > options.now) {
        return cached.token;
      }
      // Ended or failed: share a replacement another caller started meanwhile.
      const replacement = this.#entries.get(key);
      if (replacement !== undefined && replacement !== entry) return (await replacement).token;
    }
    const pending = fetchToken();
    this.#entries.set(key, pending);
    pending.catch(() => {
      if (this.#entries.get(key) === pending) this.#entries.delete(key);
    });
    return (await pending).token;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** A cache key from where and who, with the secret only as a short hash. */
export async function tokenCacheKey(parts: readonly string[], secret: string): Promise<string> {
  return `${parts.join("|")}|${(await sha256Hex(secret)).slice(0, 16)}`;
}
