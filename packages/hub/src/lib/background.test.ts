import { describe, expect, it } from "vitest";
import { BackgroundWork, backgroundOf, TrailingWork } from "./background.js";

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error("boom")) : resolve(value)), ms),
  );

describe("BackgroundWork", () => {
  it("settles once everything added has finished, failures included", async () => {
    const work = new BackgroundWork();
    const finished: string[] = [];
    work.add(later(30, "a").then((v) => finished.push(v)));
    work.add(later(10, "b", true));
    expect(work.size).toBe(2);
    await work.settle();
    expect(finished).toEqual(["a"]);
    expect(work.size).toBe(0);
  });

  it("waits for work added while it waits", async () => {
    const work = new BackgroundWork();
    const finished: string[] = [];
    work.add(
      later(10, "first").then((v) => {
        finished.push(v);
        work.add(later(20, "second").then((w) => finished.push(w)));
      }),
    );
    await work.settle();
    expect(finished).toEqual(["first", "second"]);
  });

  it("settles at once when nothing runs, and is one per owner", async () => {
    await new BackgroundWork().settle();
    const owner = {};
    expect(backgroundOf(owner)).toBe(backgroundOf(owner));
    expect(backgroundOf(owner)).not.toBe(backgroundOf({}));
  });
});

describe("TrailingWork", () => {
  /** A step's background work that finishes when `finish` is called. */
  const pending = () => {
    let finish!: () => void;
    const promise = new Promise<void>((resolve) => {
      finish = resolve;
    });
    return { promise, finish };
  };
  const settledWithin = async (promise: Promise<unknown>, ms = 20) =>
    Promise.race([promise.then(() => true), later(ms, false)]);

  it("lets a step's work overlap the next step, and makes the step after next wait for it", async () => {
    const trailing = new TrailingWork({ overlap: true });
    const first = pending();
    const second = pending();
    // After step 1: step 2 may begin at once, step 1's work still running.
    expect(await settledWithin(trailing.next("t", first.promise))).toBe(true);
    // After step 2: step 3 waits for step 1's work.
    const third = trailing.next("t", second.promise);
    expect(await settledWithin(third)).toBe(false);
    first.finish();
    expect(await settledWithin(third)).toBe(true);
    second.finish();
    await later(0, undefined);
    expect(trailing.size).toBe(0);
  });

  it("keeps keys apart", async () => {
    const trailing = new TrailingWork({ overlap: true });
    const slow = pending();
    await trailing.next("a", slow.promise);
    expect(await settledWithin(trailing.next("b", Promise.resolve()))).toBe(true);
    expect(await settledWithin(trailing.next("b", Promise.resolve()))).toBe(true);
    expect(await settledWithin(trailing.next("a", Promise.resolve()))).toBe(false);
    slow.finish();
  });

  it("without overlap, a step's work is done before the next step begins", async () => {
    const trailing = new TrailingWork({ overlap: false });
    const work = pending();
    const next = trailing.next("t", work.promise);
    expect(await settledWithin(next)).toBe(false);
    work.finish();
    expect(await settledWithin(next)).toBe(true);
  });

  it("does not reject when the work fails", async () => {
    const trailing = new TrailingWork({ overlap: false });
    await expect(trailing.next("t", later(5, undefined, true))).resolves.toBeUndefined();
  });
});
