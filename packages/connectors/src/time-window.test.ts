import { describe, expect, it } from "vitest";
import type { SourceEvent } from "./define.js";
import {
  afterWindow,
  openWindow,
  pullWindowed,
  type TimeWindow,
  windowTimingSchema,
} from "./time-window.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse("2026-11-27T02:42:13.456Z");
const timing = windowTimingSchema.parse({});
const iso = (ms: number) => new Date(ms).toISOString();

describe("time windows", () => {
  it("opens the first window a look-back before now, a day long, on whole seconds", () => {
    const window = openWindow(undefined, NOW, timing)!;
    expect(iso(window.start)).toBe("2026-11-20T02:42:13.000Z");
    expect(window.end - window.start).toBe(DAY);
  });

  it("stops a window short of the present by settleMs", () => {
    const window = openWindow({ windowStart: iso(NOW - HOUR), windowEnd: null }, NOW, timing)!;
    expect(window.end).toBe(Math.floor((NOW - timing.settleMs) / 1000) * 1000);
    expect(afterWindow(window, timing).done).toBe(true);
  });

  it("resumes the saved window as it was opened", () => {
    const saved = {
      windowStart: "2026-11-01T00:00:00.000Z",
      windowEnd: "2026-11-01T06:00:00.000Z",
    };
    expect(openWindow(saved, NOW, timing)).toEqual({
      start: Date.parse(saved.windowStart),
      end: Date.parse(saved.windowEnd),
    });
  });

  it("starts the next window overlapMs before the last one ended", () => {
    const window: TimeWindow = { start: NOW - 3 * DAY, end: NOW - 2 * DAY };
    expect(afterWindow(window, timing)).toEqual({
      next: { windowStart: iso(NOW - 2 * DAY - timing.overlapMs), windowEnd: null },
      done: false,
    });
  });

  it("refuses an overlap that would keep a run from moving on", () => {
    expect(() => windowTimingSchema.parse({ maxWindowMs: HOUR, overlapMs: HOUR })).toThrow(
      /overlapMs/,
    );
  });
});

describe("pullWindowed", () => {
  const event = (id: string): SourceEvent => ({
    kind: "lead",
    externalId: id,
    lead: { source: "t", channel: "ads", contact: { phone: "13800138000" } },
  });

  it("walks pages, then windows, until it reaches the present; a saved page resumes", async () => {
    const reads: string[] = [];
    let checkpoint = { windowStart: iso(NOW - 2 * DAY - HOUR), windowEnd: null as string | null };
    let position: number | undefined;
    let calls = 0;
    for (;;) {
      calls++;
      const page = await pullWindowed<number>({
        checkpoint,
        position,
        initial: 1,
        now: NOW,
        timing,
        read: async (window, page) => {
          reads.push(`${iso(window.start).slice(5, 16)}#${page}`);
          return {
            items: [event(`${window.start}-${page}`)],
            next: page < 2 ? page + 1 : undefined,
          };
        },
      });
      checkpoint = page.checkpoint;
      position = page.position;
      if (page.done) break;
    }
    expect(calls).toBe(6); // three windows (2 full days and the rest) × two pages
    expect(reads).toEqual([
      "11-25T01:42#1",
      "11-25T01:42#2",
      "11-26T01:32#1",
      "11-26T01:32#2",
      "11-27T01:22#1",
      "11-27T01:22#2",
    ]);
    expect(checkpoint.windowEnd).toBeNull();
  });

  it("is done with nothing to read when the clock has not moved past the start", async () => {
    const page = await pullWindowed<number>({
      checkpoint: { windowStart: iso(NOW - 60_000), windowEnd: null },
      position: 1,
      initial: 1,
      now: NOW,
      timing,
      read: () => expect.unreachable("nothing to read"),
    });
    expect(page).toEqual({
      items: [],
      checkpoint: { windowStart: iso(NOW - 60_000), windowEnd: null },
      position: 1,
      done: true,
    });
  });
});
