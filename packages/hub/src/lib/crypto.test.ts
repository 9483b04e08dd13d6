import { describe, expect, it } from "vitest";
import { canonicalJson, createFieldCrypto } from "./crypto.js";

describe("field crypto", () => {
  const crypto = createFieldCrypto("a".repeat(32));

  it("round-trips, with a fresh IV each time", () => {
    const one = crypto.encrypt("+8613800138000");
    const two = crypto.encrypt("+8613800138000");
    expect(one).not.toBe(two);
    expect(one).not.toContain("13800138000");
    expect(crypto.decrypt(one)).toBe("+8613800138000");
  });

  it("detects tampering and the wrong key", () => {
    const sealed = crypto.encrypt("li@example.com");
    // One bit of the sealed bytes flipped. (Swapping one base64 character for a fixed one left
    // it unchanged whenever it already was that character, one run in 64.)
    const [version, iv, body] = sealed.split(".");
    const bytes = Buffer.from(body!, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    const flipped = `${version}.${iv}.${bytes.toString("base64url")}`;
    expect(flipped).not.toBe(sealed);
    expect(() => crypto.decrypt(flipped)).toThrow();
    expect(() => createFieldCrypto("b".repeat(32)).decrypt(sealed)).toThrow();
  });

  it("blind index is deterministic, keyed and separated by kind", () => {
    expect(crypto.blindIndex("phone", "+8613800138000")).toBe(
      crypto.blindIndex("phone", "+8613800138000"),
    );
    expect(crypto.blindIndex("phone", "x")).not.toBe(crypto.blindIndex("email", "x"));
    expect(createFieldCrypto("b".repeat(32)).blindIndex("phone", "x")).not.toBe(
      crypto.blindIndex("phone", "x"),
    );
  });

  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
  });
});
