import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { HUB_NODE_FLAGS, missingHubNodeFlags, withHubNodeFlags } from "./runtime.js";

describe("the hub's Node options", () => {
  it("are added to a process started without them", () => {
    expect(withHubNodeFlags(["--import", "tsx"], undefined)).toEqual([
      "--import",
      "tsx",
      "--max-semi-space-size=64",
      "--v8-pool-size=1",
    ]);
    expect(withHubNodeFlags([], "--enable-source-maps")).toEqual([...HUB_NODE_FLAGS]);
  });

  it("leave the operator's own values, however they were written", () => {
    expect(withHubNodeFlags(["--max-semi-space-size=32"], undefined)).toEqual([
      "--max-semi-space-size=32",
      "--v8-pool-size=1",
    ]);
    expect(withHubNodeFlags(["--max_semi_space_size=128", "--v8-pool-size=4"], undefined)).toEqual([
      "--max_semi_space_size=128",
      "--v8-pool-size=4",
    ]);
    // In NODE_OPTIONS: not repeated in execArgv (a child inherits the environment).
    expect(withHubNodeFlags(["--import", "tsx"], "--v8-pool-size=2  --trace-warnings")).toEqual([
      "--import",
      "tsx",
      "--max-semi-space-size=64",
    ]);
  });

  it("are told apart from options that merely look like them", () => {
    expect(
      missingHubNodeFlags(["--min-semi-space-size=8", "--max-old-space-size=4096"], undefined),
    ).toEqual([...HUB_NODE_FLAGS]);
    expect(missingHubNodeFlags(["--max-semi-space-sizes=8"], "--v8-pool-sizes=1")).toEqual([
      ...HUB_NODE_FLAGS,
    ]);
    expect(missingHubNodeFlags([...HUB_NODE_FLAGS], undefined)).toEqual([]);
  });

  it("are what the README's pnpm start passes to Node", async () => {
    const root = JSON.parse(
      await readFile(new URL("../../../package.json", import.meta.url), "utf8"),
    ) as { scripts: { start: string } };
    const node = /\bnode ((?:--\S+ )*)packages\/hub\/dist\/cli\.js start$/.exec(root.scripts.start);
    expect(node, root.scripts.start).not.toBeNull();
    expect(node![1]!.trim().split(" ")).toEqual([...HUB_NODE_FLAGS]);
  });
});
