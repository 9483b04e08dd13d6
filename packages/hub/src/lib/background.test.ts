import { describe, expect, it } from "vitest";
import { BackgroundWork, backgroundOf } from "./background.js";

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
