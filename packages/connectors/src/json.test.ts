import { describe, expect, it } from "vitest";
import { PermanentConnectorError } from "./errors.js";
import {
  canonicalJson,
  exactIdOf,
  exactIdSchema,
  parseJsonExact,
  quoteLargeIntegers,
  readJsonBody,
} from "./json.js";

describe("parseJsonExact", () => {
  it("keeps integers above 2^53 exact as strings", () => {
    const text = '{"leadgen_id": 9223372036854775807, "neg": -1234567890123456789}';
    expect(String(JSON.parse(text).leadgen_id)).not.toBe("9223372036854775807");
    expect(parseJsonExact(text)).toEqual({
      leadgen_id: "9223372036854775807",
      neg: "-1234567890123456789",
    });
  });

  it("leaves small numbers, fractions, exponents and strings alone", () => {
    const text =
      '{"a": 12, "b": 1.23456789012345678, "c": 1e21, "d": "12345678901234567890", "e": [0, -5]}';
    expect(quoteLargeIntegers(text)).toBe(text);
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
  });

  it("does not touch digits inside strings, escaped quotes included", () => {
    const text = '{"s": "say \\"12345678901234567890\\" ok", "n": 12345678901234567890}';
    expect(parseJsonExact(text)).toEqual({
      s: 'say "12345678901234567890" ok',
      n: "12345678901234567890",
    });
  });

  it("still throws on invalid JSON", () => {
    expect(() => parseJsonExact("{nope")).toThrow(SyntaxError);
  });
});

describe("readJsonBody", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("reads UTF-8 JSON with a BOM", () => {
    expect(readJsonBody(bytes('\ufeff{"id": 12345678901234567}'), "body")).toEqual({
      id: "12345678901234567",
    });
  });

  it("throws PermanentConnectorError for bad JSON or bad UTF-8", () => {
    expect(() => readJsonBody(bytes('{"a":'), "Meta notification")).toThrow(
      PermanentConnectorError,
    );
    expect(() => readJsonBody(new Uint8Array([0x7b, 0xff, 0x7d]), "body")).toThrow(/UTF-8/);
    expect(() => readJsonBody(bytes('{"google_key":"gk-123456789" oops'), "body")).not.toThrow(
      /gk-123456789/,
    );
  });
});

describe("exactIdSchema", () => {
  it("accepts strings and safe integers, as strings", () => {
    expect(exactIdSchema.parse("1234567890123456789")).toBe("1234567890123456789");
    expect(exactIdSchema.parse(42)).toBe("42");
    expect(exactIdSchema.safeParse(2 ** 60).success).toBe(false);
    expect(exactIdSchema.safeParse("").success).toBe(false);
  });
});

describe("exactIdOf", () => {
  it("gives what exactIdSchema gives, and undefined where the schema refuses", () => {
    const values: unknown[] = [
      "1234567890123456789",
      "  77  ",
      "",
      "   ",
      "x".repeat(256),
      ` ${"x".repeat(256)} `,
      "x".repeat(257),
      0,
      -5,
      42,
      2 ** 53 - 1,
      2 ** 53,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      undefined,
      true,
      {},
      [],
      123n,
    ];
    for (const value of values) {
      const parsed = exactIdSchema.safeParse(value);
      expect(exactIdOf(value), String(value)).toBe(parsed.success ? parsed.data : undefined);
    }
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "x" }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});
