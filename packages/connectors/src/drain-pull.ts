import type { ConnectorContext, JsonObject, PullCapability, SourceEvent } from "./define.js";

export interface DrainedPull<Checkpoint> {
  items: SourceEvent[];
  /** How many `pullPage` calls it took. */
  pages: number;
  /** The checkpoint after each call, as the hub would save them. */
  checkpoints: (Checkpoint | undefined)[];
}

/**
 * Calls `pullPage` from `start` until it says done, as the hub's scheduled job does, keeping
 * every item and checkpoint: for tests of pulls here and in the hub (resume from a checkpoint,
 * nothing lost or doubled). Stops with an error after `maxPages`, so a pull that never ends
 * fails the test instead of hanging it.
 */
export async function drainPull<C, Checkpoint extends JsonObject>(
  pull: PullCapability<C, Checkpoint>,
  ctx: ConnectorContext<C>,
  start?: Checkpoint,
  maxPages = 10_000,
): Promise<DrainedPull<Checkpoint>> {
  const items: SourceEvent[] = [];
  const checkpoints: (Checkpoint | undefined)[] = [];
  let checkpoint = start;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await pull.pullPage(checkpoint, ctx);
    items.push(...page.items);
    checkpoints.push(page.nextCheckpoint);
    checkpoint = page.nextCheckpoint;
    if (page.done) return { items, pages, checkpoints };
  }
  throw new Error(`the pull did not finish within ${maxPages} pages`);
}
