import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createRedactor,
  isSecretSchema,
  REDACTED,
  redactConfigWith,
  secret,
  secretPaths,
  secretValues,
} from "./secrets.js";

describe("secret", () => {
  it("marks a field through refinements and wrappers", () => {
    expect(isSecretSchema(secret(z.string()))).toBe(true);
    expect(isSecretSchema(secret(z.string()).min(8))).toBe(true);
    expect(isSecretSchema(secret(z.string()).optional())).toBe(true);
    expect(isSecretSchema(secret(z.string()).default("x").nullable())).toBe(true);
    expect(isSecretSchema(z.string())).toBe(false);
  });

  it("leaves the schema's validation as it was", () => {
    const schema = secret(z.string().min(3));
    expect(schema.safeParse("ab").success).toBe(false);
    expect(schema.parse("abc")).toBe("abc");
  });

  it("finds secret paths and values", () => {
    const schema = z.object({
      token: secret(z.string()),
      auth: z.object({ user: z.string(), password: secret(z.string()) }),
      name: z.string(),
    });
    expect(secretPaths(schema)).toEqual(["token", "auth.password"]);
    expect(
      secretValues(schema, { token: "t-1234", auth: { user: "u", password: "p-5678" }, name: "n" }),
    ).toEqual(["t-1234", "p-5678"]);
    expect(
      redactConfigWith(schema, { token: "t", auth: { user: "u", password: "p" }, name: "n" }),
    ).toEqual({ token: REDACTED, auth: { user: "u", password: REDACTED }, name: "n" });
  });
});

describe("createRedactor", () => {
  it("removes given secrets, their URL-encoded form, bearer and basic credentials", () => {
    const redact = createRedactor(["s3cret/+value"]);
    const text = redact(
      "a s3cret/+value b s3cret%2F%2Bvalue Authorization: Bearer abc.def Basic dXNlcjpwYXNz",
    );
    expect(text).toBe(
      "a [redacted] b [redacted] Authorization: Bearer [redacted] Basic [redacted]",
    );
  });

  it("removes credential-looking query and JSON values, and leaves other words", () => {
    const redact = createRedactor();
    expect(redact("GET /x?access_token=EAAB123&fields=id&hub.verify_token=vt")).toBe(
      "GET /x?access_token=[redacted]&fields=id&hub.verify_token=[redacted]",
    );
    expect(redact('{"google_key":"gk-1","design":"sedan"}')).toBe(
      '{"google_key":"[redacted]","design":"sedan"}',
    );
    expect(redact({ nested: { access_token: "abc", list: ["Bearer x"] }, note: "fine" })).toEqual({
      nested: { access_token: REDACTED, list: [`Bearer ${REDACTED}`] },
      note: "fine",
    });
  });

  it("ignores secrets too short to be worth replacing everywhere", () => {
    expect(createRedactor(["ab"])("abc")).toBe("abc");
  });
});
