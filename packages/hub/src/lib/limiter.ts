/**
 * At most `limit` holders per key at once; the rest wait their turn in arrival order. A finished
 * holder hands its place straight to the next waiter, so a key never has more than `limit`.
 */
export class KeyedLimiter {
  readonly limit: number;
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be at least 1");
    this.limit = limit;
  }

  /** Holders of `key` now (for tests and metrics). */
  active(key: string): number {
    return this.#active.get(key) ?? 0;
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const active = this.#active.get(key) ?? 0;
    if (active < this.limit) {
      this.#active.set(key, active + 1);
    } else {
      await new Promise<void>((resolve) => {
        const queue = this.#waiting.get(key);
        if (queue) queue.push(resolve);
        else this.#waiting.set(key, [resolve]);
      });
    }
    try {
      return await work();
    } finally {
      const queue = this.#waiting.get(key);
      const next = queue?.shift();
      if (queue && queue.length === 0) this.#waiting.delete(key);
      if (next) next();
      else {
        const left = (this.#active.get(key) ?? 1) - 1;
        if (left > 0) this.#active.set(key, left);
        else this.#active.delete(key);
      }
    }
  }
}
