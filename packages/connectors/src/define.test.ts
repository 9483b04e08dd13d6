import { ValidationError } from "@forecourt/sdk";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  baseUrlSchema,
  type ConnectorContext,
  connectorManifest,
  createContext,
  defineConnector,
  parseConfig,
  redactConfig,
  resolveBaseUrl,
  secretFields,
} from "./define.js";
import { PermanentConnectorError } from "./errors.js";
import { secret } from "./secrets.js";

const config = z.strictObject({
  baseUrl: baseUrlSchema,
  apiKey: secret(z.string().min(8)),
  optionalToken: secret(z.string()).optional(),
  nested: z
    .object({ password: secret(z.string()).default("changeme"), user: z.string() })
    .optional(),
  storeCode: z.string(),
});

const example = defineConnector({
  id: "example_portal",
  title: "Example portal",
  direction: "source",
  auth: "api_key",
  config,
  defaultBaseUrl: "https://api.example.test/",
  webhook: {
    verify: () => ({ ok: true }),
    parse: () => ({ events: [] }),
  },
});

describe("defineConnector", () => {
  it("freezes the definition and keeps its literal id", () => {
    expect(Object.isFrozen(example)).toBe(true);
    expectTypeOf(example.id).toEqualTypeOf<"example_portal">();
  });

  it("types the config every capability receives from the schema", () => {
    defineConnector({
      id: "typed",
      title: "Typed",
      direction: "source",
      auth: "none",
      config: z.object({ storeCode: z.string() }),
      pull: {
        async pullPage(_checkpoint, ctx) {
          expectTypeOf(ctx).toEqualTypeOf<ConnectorContext<{ storeCode: string }>>();
          return { items: [], nextCheckpoint: undefined, done: true };
        },
      },
    });
  });

  it.each([
    [{ id: "Bad-Id" }, /snake_case/],
    [{ title: " " }, /title/],
    [{ direction: "sideways" }, /direction/],
    [{ auth: "magic" }, /auth must be one of/],
    [{ webhook: undefined }, /webhook or a pull/],
    [{ defaultBaseUrl: "ftp://example.test" }, /absolute http/],
    [{ config: z.object({ apiKey: secret(z.string()) }) }, /accept baseUrl/],
    [{ config: z.object({ baseUrl: baseUrlSchema }) }, /secret\(\)/],
  ])("refuses a definition with %o", (change, message) => {
    expect(() =>
      defineConnector({
        ...(example as Parameters<typeof defineConnector>[0]),
        ...(change as object),
      }),
    ).toThrow(message);
  });
});

describe("config", () => {
  it("validates with the SDK's ValidationError naming the field", () => {
    expect(() => parseConfig(example, { storeCode: "S1", apiKey: "short" })).toThrow(
      ValidationError,
    );
    expect(() => parseConfig(example, { storeCode: "S1", apiKey: "short" })).toThrow(/apiKey/);
    expect(() =>
      parseConfig(example, { storeCode: "S1", apiKey: "long-enough", baseUrl: "file:///etc" }),
    ).toThrow(/baseUrl/);
  });

  it("lists secret fields through optional, default and nested objects", () => {
    expect(secretFields(example)).toEqual(["apiKey", "optionalToken", "nested.password"]);
  });

  it("redacts secrets that hold a value and leaves the rest", () => {
    const parsed = parseConfig(example, {
      storeCode: "S1",
      apiKey: "key-12345678",
      nested: { user: "u" },
    });
    const redacted = redactConfig(example, parsed);
    expect(redacted).toEqual({
      storeCode: "S1",
      apiKey: "[redacted]",
      nested: { user: "u", password: "[redacted]" },
    });
    expect(parsed.apiKey).toBe("key-12345678");
    expect(JSON.stringify(redacted)).not.toContain("12345678");
  });

  it("resolves the base URL: the connection's, else the default, without a trailing slash", () => {
    expect(resolveBaseUrl(example, {})).toBe("https://api.example.test");
    expect(resolveBaseUrl(example, { baseUrl: "http://localhost:9999/sandbox/" })).toBe(
      "http://localhost:9999/sandbox",
    );
    expect(() => resolveBaseUrl({ id: "x" }, {})).toThrow(/no baseUrl/);
    // Not retried: only a corrected config helps.
    expect(() => resolveBaseUrl({ id: "x" }, {})).toThrow(PermanentConnectorError);
  });

  it("creates a context with defaults", () => {
    const ctx = createContext(example, {
      config: { storeCode: "S1", apiKey: "key-12345678" },
      now: () => 42,
    });
    expect(ctx.baseUrl).toBe("https://api.example.test");
    expect(ctx.now()).toBe(42);
    expect(typeof ctx.fetch).toBe("function");
  });
});

describe("connectorManifest", () => {
  it("describes capabilities and marks secrets in the JSON Schema", () => {
    const manifest = connectorManifest(example);
    expect(manifest.capabilities).toEqual({
      webhook: true,
      handshake: false,
      fetchReference: false,
      pull: false,
      testConnection: false,
      push: false,
    });
    const properties = manifest.configSchema.properties as Record<string, Record<string, unknown>>;
    expect(properties.apiKey).toMatchObject({ writeOnly: true, "x-forecourt-secret": true });
    expect(properties.storeCode).not.toHaveProperty("writeOnly");
    expect(manifest.secretFields).toContain("apiKey");
  });
});
