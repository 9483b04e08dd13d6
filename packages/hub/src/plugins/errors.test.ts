import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loggableError } from "./errors.js";

describe("loggableError", () => {
  it("keeps a failed query's statement and cause but not its bound values", () => {
    const cause = Object.assign(new Error('null value in column "source" violates not-null'), {
      code: "23502",
      detail: "Failing row contains (lead_01, 李雷, +8613812345678).",
    });
    const error = new DrizzleQueryError(
      'insert into "leads" ("contact_name", "message") values ($1, $2)',
      ["李雷", "call me on 13812345678"],
      cause,
    );
    const logged = loggableError(error);
    const text = JSON.stringify(logged);
    expect(text).toContain('insert into \\"leads\\"');
    expect(text).toContain("params: [redacted]");
    expect(text).toContain("23502");
    expect(text).not.toContain("李雷");
    expect(text).not.toContain("13812345678");
    expect(logged.stack).toMatch(/\n\s+at /);
  });

  it("describes anything thrown that is not an Error by its type only", () => {
    expect(loggableError("secret 13812345678")).toEqual({ type: "string" });
  });
});
