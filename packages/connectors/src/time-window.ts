import { z } from "zod";
import type { SourceEvent } from "./define.js";

/**
 * Pulls that read a vendor by creation time (Ocean Engine, Tencent, portals) walk the clock in
 * windows and page (or follow a cursor) inside each. The checkpoint holds the window as it was
 * opened, so a crash resumes on the same page of the same window — re-opening it later would
 * move its end, and page 3 of a different window is a different set of leads.
 *
 * - A window is opened from `windowStart` (the first run: `startFrom` or a look-back) to
 *   `min(start + maxWindowMs, now − settleMs)`; `settleMs` leaves the newest leads to the next
 *   run, because vendors index them late.
 * - When a window is read to its end, the next starts `overlapMs` before it ended (late-indexed
 *   leads are caught; the inbox drops what it already has), its end still open (`null`).
 * - A run is done after a window that the clock cut short, or when there is nothing to open.
 */

export const windowTimingSchema = z
  .strictObject({
    /** Where the first run starts, when the connection does not say `startFrom`. */
    initialLookbackMs: z
      .number()
      .int()
      .min(60_000)
      .max(90 * 86_400_000)
      .default(7 * 86_400_000),
    /** Longest stretch of time one window covers. */
    maxWindowMs: z
      .number()
      .int()
      .min(60_000)
      .max(31 * 86_400_000)
      .default(86_400_000),
    /** Leads younger than this are left for the next run. */
    settleMs: z.number().int().min(0).max(3_600_000).default(120_000),
    /** How far each window reaches back into the one before. */
    overlapMs: z.number().int().min(0).max(86_400_000).default(600_000),
  })
  .refine((timing) => timing.overlapMs * 2 <= timing.maxWindowMs, {
    message: "overlapMs must be at most half of maxWindowMs",
    path: ["overlapMs"],
  });
export type WindowTiming = z.output<typeof windowTimingSchema>;

/** The window part of a checkpoint: ISO instants; `windowEnd` null until the window is opened. */
export interface WindowCheckpoint {
  windowStart: string;
  windowEnd: string | null;
}

export interface TimeWindow {
  /** Epoch ms, whole seconds. */
  start: number;
  end: number;
}

const SECOND = 1000;
const floorSecond = (ms: number) => Math.floor(ms / SECOND) * SECOND;

/**
 * The window to read: the checkpoint's when it was opened already (resuming mid-window), else a
 * new one from the checkpoint's start (or the first run's start). `undefined` when the clock has
 * not moved far enough past the start to open one.
 */
export function openWindow(
  checkpoint: WindowCheckpoint | undefined,
  now: number,
  timing: WindowTiming,
  startFrom?: number,
): TimeWindow | undefined {
  if (checkpoint?.windowEnd) {
    const start = Date.parse(checkpoint.windowStart);
    const end = Date.parse(checkpoint.windowEnd);
    if (!Number.isNaN(start) && !Number.isNaN(end) && end > start) return { start, end };
  }
  const saved = checkpoint ? Date.parse(checkpoint.windowStart) : Number.NaN;
  const start = floorSecond(
    Number.isNaN(saved) ? (startFrom ?? now - timing.initialLookbackMs) : saved,
  );
  const end = floorSecond(Math.min(start + timing.maxWindowMs, now - timing.settleMs));
  return end > start ? { start, end } : undefined;
}

/** The checkpoint of a window being read. */
export function windowCheckpoint(window: TimeWindow): WindowCheckpoint {
  return {
    windowStart: new Date(window.start).toISOString(),
    windowEnd: new Date(window.end).toISOString(),
  };
}

/**
 * Where to go after a window was read to its end: the next window's start (its end chosen when
 * it opens), and whether this run is done — the clock cut this window short, so it reached the
 * present.
 */
export function afterWindow(
  window: TimeWindow,
  timing: WindowTiming,
): { next: WindowCheckpoint; done: boolean } {
  const nextStart = Math.max(window.end - timing.overlapMs, window.start);
  return {
    next: { windowStart: new Date(nextStart).toISOString(), windowEnd: null },
    done: window.end - window.start < timing.maxWindowMs,
  };
}

/** One page of a windowed pull: what was read, and where the next call starts. */
export interface WindowedPage<Position> {
  items: SourceEvent[];
  checkpoint: WindowCheckpoint;
  /** The page or cursor the next call reads from (`initial` when a new window starts). */
  position: Position;
  done: boolean;
}

export interface WindowedPullOptions<Position> {
  checkpoint: WindowCheckpoint | undefined;
  /** The page or cursor the checkpoint saved; read only while its window is open. */
  position: Position | undefined;
  /** Where a window starts: page 1, or no cursor. */
  initial: Position;
  now: number;
  timing: WindowTiming;
  /** Where the first run starts (epoch ms), when the connection fixes it. */
  startFrom?: number | undefined;
  /** Reads one page of `window` from `position`; `next` is undefined when the window is read. */
  read(
    window: TimeWindow,
    position: Position,
  ): Promise<{ items: SourceEvent[]; next: Position | undefined }>;
}

/**
 * The driver every windowed pull shares: opens (or resumes) the window, reads one page, and says
 * where the next call starts — the next page of this window, or the start of the next window.
 */
export async function pullWindowed<Position>(
  options: WindowedPullOptions<Position>,
): Promise<WindowedPage<Position>> {
  const { checkpoint, timing, now, startFrom, initial } = options;
  const window = openWindow(checkpoint, now, timing, startFrom);
  if (window === undefined) {
    const start = checkpoint?.windowStart ?? new Date(startFrom ?? now - timing.initialLookbackMs);
    return {
      items: [],
      checkpoint: {
        windowStart: typeof start === "string" ? start : start.toISOString(),
        windowEnd: null,
      },
      position: initial,
      done: true,
    };
  }
  // The saved position belongs to the saved window only.
  const resuming =
    options.position !== undefined &&
    checkpoint?.windowEnd != null &&
    Date.parse(checkpoint.windowEnd) === window.end &&
    Date.parse(checkpoint.windowStart) === window.start;
  const position = resuming ? (options.position as Position) : initial;
  const page = await options.read(window, position);
  if (page.next !== undefined) {
    return {
      items: page.items,
      checkpoint: windowCheckpoint(window),
      position: page.next,
      done: false,
    };
  }
  const after = afterWindow(window, timing);
  return { items: page.items, checkpoint: after.next, position: initial, done: after.done };
}
