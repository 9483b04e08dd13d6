import { describe, expect, it, vi } from "vitest";
import { TokenCache, tokenCacheKey } from "./token-cache.js";

describe("TokenCache", () => {
  it("shares one fetch, keeps the token until the margin, and renews on demand", async () => {
    const cache = new TokenCache();
    let n = 0;
    const fetchToken = vi.fn(async () => ({ token: `t${++n}`, expiresAt: 10_000 }));
    const options = { now: 0, marginMs: 1_000 };
    const [a, b] = await Promise.all([
      cache.get("k", fetchToken, options),
      cache.get("k", fetchToken, options),
    ]);
    expect([a, b]).toEqual(["t1", "t1"]);
    expect(await cache.get("k", fetchToken, { now: 8_999, marginMs: 1_000 })).toBe("t1");
    expect(await cache.get("k", fetchToken, { now: 9_000, marginMs: 1_000 })).toBe("t2");
    expect(await cache.get("k", fetchToken, { ...options, fresh: true })).toBe("t3");
    expect(fetchToken).toHaveBeenCalledTimes(3);
  });

  it("does not keep a failed fetch", async () => {
    const cache = new TokenCache();
    const failing = vi
      .fn()
      .mockRejectedValueOnce(new Error("down"))
      .mockResolvedValue({ token: "ok", expiresAt: 5_000 });
    await expect(cache.get("k", failing, { now: 0, marginMs: 0 })).rejects.toThrow("down");
    expect(await cache.get("k", failing, { now: 0, marginMs: 0 })).toBe("ok");
  });

  it("keys by the secret's hash, never the secret", async () => {
    const key = await tokenCacheKey(["https://auth.example", "app"], "s3cret-value");
    expect(key).toMatch(/^https:\/\/auth\.example\|app\|[0-9a-f]{16}$/);
    expect(key).not.toContain("s3cret-value");
    expect(await tokenCacheKey(["https://auth.example", "app"], "other")).not.toBe(key);
  });
});
