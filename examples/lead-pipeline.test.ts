import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

it("runs the lead pipeline example end to end", () => {
  const output = execFileSync(
    process.execPath,
    ["--conditions=@forecourt/source", "--import", "tsx", join(here, "lead-pipeline.ts")],
    { cwd: here, encoding: "utf8" },
  );
  const lines = output.trim().split("\n");
  expect(lines[0]).toMatch(
    /^new: autohome grade H → (李娜|张伟) \(rule beijing\); first contact due 2026-11-27T10:30:00\+08:00$/,
  );
  expect(lines[1]).toMatch(/^ {2}why H: /);
  expect(lines[2]).toMatch(/^merge: dongchedi inquiry joins lead_[0-9A-Z]{26} \(.*phone.*\)$/);
  expect(lines[3]).toMatch(/^new: meta_lead_ads grade C → 王芳 \(rule shanghai\)/);
}, 60_000);
