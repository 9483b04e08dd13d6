/**
 * A small harness over tinybench: each task processes a whole data set per iteration, and the
 * median of the iterations is reported as time per run and items per second.
 */
import { Bench } from "tinybench";

export interface Suite {
  name: string;
  /** Items one iteration of each task processes. */
  items: number;
  tasks: { name: string; fn: () => void; items?: number }[];
  /** Read after the run so the work cannot be optimised away. */
  sink: () => number;
}

export interface Row {
  suite: string;
  task: string;
  items: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
  perSecond: number;
}

export async function runSuite(suite: Suite, iterations: number): Promise<Row[]> {
  const bench = new Bench({ iterations, time: 0, warmupIterations: 1, warmupTime: 0 });
  for (const task of suite.tasks) bench.add(task.name, task.fn);
  await bench.run();
  suite.sink();
  return bench.tasks.map((task, i) => {
    const result = task.result;
    if (result.state !== "completed") {
      throw new Error(`${suite.name} / ${task.name} did not complete: ${result.state}`);
    }
    const items = suite.tasks[i]?.items ?? suite.items;
    const medianMs = result.latency.p50;
    return {
      suite: suite.name,
      task: task.name,
      items,
      medianMs,
      minMs: result.latency.min,
      maxMs: result.latency.max,
      samples: result.latency.samplesCount,
      perSecond: (items / medianMs) * 1000,
    };
  });
}
