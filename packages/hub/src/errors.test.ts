import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "./errors.js";

describe("docs/errors.md", () => {
  it("lists every error code with its status", async () => {
    const doc = await readFile(new URL("../../../docs/errors.md", import.meta.url), "utf8");
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      const row = new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`);
      expect(doc, `docs/errors.md is missing ${code}`).toMatch(row);
    }
  });
});
