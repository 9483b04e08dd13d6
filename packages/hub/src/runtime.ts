/**
 * The Node options the hub's processes run with (docs/hub.md, "Node options"; the measurements
 * are in docs/performance.md, "Garbage collection under a burst").
 *
 * Acknowledging a webhook delivery allocates tens of kilobytes. At a few thousand deliveries a
 * second V8's default young generation (16 MB semi-spaces) is scavenged about ten times a second,
 * and whatever is in flight across two scavenges — deliveries waiting for their batch's commit —
 * moves to the old generation, which then fills every few seconds. A full collection marks the
 * heap on V8's helper threads (four by default) while the main thread goes on answering; on a
 * small machine those threads took the cores the main thread needed, and in `pnpm bench:ingest`
 * (with the larger young generation) the runs with a full collection were the runs whose p99
 * missed the target. So:
 *
 * - `--max-semi-space-size=64`: scavenges a quarter as often, so little lives through two of them
 *   and full collections are rarer;
 * - `--v8-pool-size=1`: one helper thread for V8's background work (marking, sweeping, compiling),
 *   so a full collection takes at most one core besides the main thread's.
 */
export const SEMI_SPACE_MB = 64;
export const V8_POOL_SIZE = 1;

/** What `pnpm start`, the API processes of `--api-processes` and the benchmarks pass to Node. */
export const HUB_NODE_FLAGS: readonly string[] = [
  `--max-semi-space-size=${SEMI_SPACE_MB}`,
  `--v8-pool-size=${V8_POOL_SIZE}`,
];

/** An option's name as Node and V8 read it: `--max_semi_space_size=8` → `--max-semi-space-size`. */
function optionName(option: string): string {
  return option.split("=")[0]!.replaceAll("_", "-");
}

/**
 * The hub's Node options that neither `execArgv` nor `NODE_OPTIONS` sets; an option the operator
 * gave a value of their own is theirs to keep.
 */
export function missingHubNodeFlags(
  execArgv: readonly string[],
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): string[] {
  const given = new Set(
    [...execArgv, ...(nodeOptions?.split(/\s+/).filter(Boolean) ?? [])].map(optionName),
  );
  return HUB_NODE_FLAGS.filter((flag) => !given.has(optionName(flag)));
}

/** `execArgv` with the hub's Node options it lacks added (see `missingHubNodeFlags`). */
export function withHubNodeFlags(
  execArgv: readonly string[],
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): string[] {
  return [...execArgv, ...missingHubNodeFlags(execArgv, nodeOptions)];
}
