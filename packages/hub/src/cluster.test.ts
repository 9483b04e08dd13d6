import { describe, expect, it, vi } from "vitest";
import { ClusterRateLimitStore, isApiProcess, RateCounts } from "./cluster.js";

describe("RateCounts (the primary's rate-limit counts)", () => {
  it("counts a key's requests in a window that starts with its first", () => {
    const counts = new RateCounts();
    expect(counts.increment("k", 60_000, 1_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(counts.increment("k", 60_000, 31_000)).toEqual({ current: 2, ttl: 30_000 });
    expect(counts.increment("other", 60_000, 31_000)).toEqual({ current: 1, ttl: 60_000 });
    // The window ends 60 s after the first request: the next one opens a new window.
    expect(counts.increment("k", 60_000, 61_000)).toEqual({ current: 1, ttl: 60_000 });
  });

  it("sweeps ended windows and, when full of live ones, drops the oldest", () => {
    const counts = new RateCounts(3);
    counts.increment("a", 10, 0);
    counts.increment("b", 1_000, 0);
    counts.increment("c", 1_000, 0);
    // "a" has ended: the sweep makes room without dropping a live window.
    counts.increment("d", 1_000, 20);
    expect(counts.size).toBe(3);
    expect(counts.increment("b", 1_000, 30).current).toBe(2);
    counts.increment("e", 1_000, 40);
    expect(counts.size).toBe(3);
    // "b" was the window opened first, so it went; "c" kept its count, "b" starts over.
    expect(counts.increment("c", 1_000, 50).current).toBe(2);
    expect(counts.increment("b", 1_000, 60).current).toBe(1);
  });

  it("is not an API process in a process that was not forked as one", () => {
    expect(isApiProcess()).toBe(false);
  });
});

describe("ClusterRateLimitStore", () => {
  it("tells the rate-limit plugin when the primary does not answer within 3 s", async () => {
    vi.useFakeTimers();
    try {
      const answers: (Error | null)[] = [];
      new ClusterRateLimitStore().incr("k", (error) => answers.push(error), 60_000);
      await vi.advanceTimersByTimeAsync(2_999);
      expect(answers).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(answers).toHaveLength(1);
      expect(answers[0]?.message).toBe("the primary process did not answer within 3000 ms");
    } finally {
      vi.useRealTimers();
    }
  });
});
