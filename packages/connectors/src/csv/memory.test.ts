import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { readCsvLeads } from "./index.js";
import { generatedCsv } from "./mocks.js";

// A full collection before each sample, so the samples count what is kept, not garbage.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

const FILE_BYTES = 100 * 1024 * 1024;
/** What the reader may hold at once: the current chunk, row and result — not the file. */
const HEAP_BOUND_BYTES = 16 * 1024 * 1024;
const SAMPLE_EVERY_ROWS = 100_000;

async function* counted(source: AsyncIterable<Uint8Array>, total: { bytes: number }) {
  for await (const chunk of source) {
    total.bytes += chunk.length;
    yield chunk;
  }
}

describe("CSV streaming", () => {
  it("reads a 100 MB file row by row with the heap growing by less than 16 MB", async () => {
    collect();
    const before = process.memoryUsage().heapUsed;
    const total = { bytes: 0 };
    let good = 0;
    let bad = 0;
    let growth = 0;
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    for await (const result of readCsvLeads(counted(generatedCsv(FILE_BYTES), total), {
      fileId: "generated-100mb",
    })) {
      if (result.ok) good++;
      else bad++;
      if ((good + bad) % SAMPLE_EVERY_ROWS === 0) {
        collect();
        growth = Math.max(growth, process.memoryUsage().heapUsed - before);
      }
    }
    collect();
    growth = Math.max(growth, process.memoryUsage().heapUsed - before);
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    console.info(
      `CSV streaming: ${(total.bytes / 1048576).toFixed(1)} MiB, ${good} rows in ${seconds.toFixed(1)} s ` +
        `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU), ` +
        `largest heap growth ${(growth / 1048576).toFixed(2)} MiB`,
    );
    expect(total.bytes).toBeGreaterThanOrEqual(FILE_BYTES);
    expect(bad).toBe(0);
    expect(good).toBeGreaterThan(1_000_000);
    expect(growth).toBeLessThan(HEAP_BOUND_BYTES);
  }, 60_000);
});
