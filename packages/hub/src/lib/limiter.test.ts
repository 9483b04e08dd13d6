import { describe, expect, it } from "vitest";
import { KeyedLimiter } from "./limiter.js";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("KeyedLimiter", () => {
  it("lets at most `limit` run per key, the rest in arrival order, other keys unaffected", async () => {
    const limiter = new KeyedLimiter(2);
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const job = (key: string, name: string) =>
      limiter.run(key, async () => {
        started.push(name);
        await new Promise<void>((resolve) => release.set(name, resolve));
        return name;
      });
    const results = [
      job("a", "a1"),
      job("a", "a2"),
      job("a", "a3"),
      job("a", "a4"),
      job("b", "b1"),
    ];
    await tick();
    expect(started).toEqual(["a1", "a2", "b1"]);
    expect(limiter.active("a")).toBe(2);
    release.get("a2")!();
    await tick();
    expect(started).toEqual(["a1", "a2", "b1", "a3"]);
    expect(limiter.active("a")).toBe(2);
    release.get("a1")!();
    release.get("a3")!();
    await tick();
    release.get("a4")!();
    release.get("b1")!();
    expect(await Promise.all(results)).toEqual(["a1", "a2", "a3", "a4", "b1"]);
    expect(limiter.active("a")).toBe(0);
    expect(limiter.active("b")).toBe(0);
  });

  it("frees the place of a holder that throws", async () => {
    const limiter = new KeyedLimiter(1);
    await expect(
      limiter.run("k", async () => {
        throw new Error("vendor down");
      }),
    ).rejects.toThrow("vendor down");
    expect(limiter.active("k")).toBe(0);
    expect(await limiter.run("k", async () => 7)).toBe(7);
  });

  it("refuses a limit below one", () => {
    expect(() => new KeyedLimiter(0)).toThrow(RangeError);
  });
});
