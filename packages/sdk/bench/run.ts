/**
 * `pnpm bench`: builds the package, then runs the SDK benchmarks against the built code — what
 * users import (tsx's on-the-fly transform keeps function names with wrappers the build does not
 * have) — and writes the figures into docs/performance.md between the `bench:sdk` markers.
 * Options: `--only leads,opportunities,adf`, `--leads N`, `--opportunities N`, `--iterations N`,
 * `--no-write`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { adfSuite } from "./adf.js";
import { type Row, runSuite, type Suite } from "./harness.js";
import { leadSuite } from "./leads.js";
import { opportunitySuite } from "./opportunities.js";

const { values } = parseArgs({
  options: {
    only: { type: "string", default: "leads,opportunities,adf" },
    leads: { type: "string", default: "1000000" },
    opportunities: { type: "string", default: "1000000" },
    iterations: { type: "string", default: "5" },
    "no-write": { type: "boolean", default: false },
  },
});

const only = new Set(values.only.split(","));
const iterations = Number(values.iterations);
const suites: (() => Suite)[] = [];
if (only.has("leads")) suites.push(() => leadSuite(Number(values.leads)));
if (only.has("opportunities")) suites.push(() => opportunitySuite(Number(values.opportunities)));
if (only.has("adf")) suites.push(() => adfSuite());

const rows: Row[] = [];
for (const makeSuite of suites) {
  const started = Date.now();
  const suite = makeSuite();
  console.error(`${suite.name}: data ready in ${Date.now() - started} ms, running…`);
  const suiteRows = await runSuite(suite, iterations);
  for (const row of suiteRows) {
    console.error(
      `  ${row.task.padEnd(36)} median ${row.medianMs.toFixed(1).padStart(9)} ms  ${Math.round(row.perSecond).toLocaleString("en-US").padStart(12)} /s`,
    );
  }
  rows.push(...suiteRows);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const table = [
  "| suite | task | items per run | median ms (min – max) | items/s (median) | µs per item |",
  "| --- | --- | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.suite} | ${r.task} | ${fmt(r.items)} | ${r.medianMs.toFixed(1)} (${r.minMs.toFixed(1)} – ${r.maxMs.toFixed(1)}) | ${fmt(r.perSecond)} | ${((r.medianMs * 1000) / r.items).toFixed(2)} |`,
  ),
].join("\n");
const header = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${iterations} iterations after one warm-up, one core (the benchmark is single-threaded).`;
const block = `<!-- bench:sdk:start -->\n${header}\n\n${table}\n<!-- bench:sdk:end -->`;
console.log(block);

if (!values["no-write"]) {
  const file = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/performance.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("<!-- bench:sdk:start -->");
  const end = text.indexOf("<!-- bench:sdk:end -->");
  if (start < 0 || end < 0) throw new Error("docs/performance.md lacks the bench:sdk markers");
  writeFileSync(
    file,
    text.slice(0, start) + block + text.slice(end + "<!-- bench:sdk:end -->".length),
  );
  console.error(`wrote ${file}`);
}
