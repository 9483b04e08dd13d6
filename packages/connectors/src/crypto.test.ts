import { describe, expect, it } from "vitest";
import {
  base64ToUtf8,
  bytesConcat,
  fromBase64,
  fromHex,
  hmacSha256,
  sha256,
  sha256Hex,
  timingSafeEqual,
  toHex,
  webHmacSha256,
  webSha256,
} from "./crypto.js";

describe("crypto helpers", () => {
  it("computes SHA-256 and HMAC-SHA256 (RFC 4231 case 2)", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(toHex(await hmacSha256("Jefe", "what do ya want for nothing?"))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("signs with the right key when keys are reused, interleaved, and given as text or bytes", async () => {
    const jefe = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    // RFC 4231 case 1: key 0x0b × 20, "Hi There".
    const case1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    const key1 = new Uint8Array(20).fill(0x0b);
    const results = await Promise.all([
      hmacSha256("Jefe", "what do ya want for nothing?"),
      hmacSha256(key1, "Hi There"),
      hmacSha256("Jefe", "what do ya want for nothing?"),
      hmacSha256(new TextDecoder("latin1").decode(key1), "Hi There"),
    ]);
    expect(results.map(toHex)).toEqual([jefe, case1, jefe, case1]);
    expect(toHex(await hmacSha256("Jefe", "what do ya want for nothing?"))).toBe(jefe);
  });

  it("gives the same bytes natively (Node) as on Web Crypto alone", async () => {
    const cases: [string | Uint8Array, string | Uint8Array][] = [
      ["Jefe", "what do ya want for nothing?"],
      [new Uint8Array(131).fill(0xaa), "Test Using Larger Than Block-Size Key - Hash Key First"],
      ["密钥", "线索 ✓"],
      [Uint8Array.from({ length: 300 }, (_, i) => (i * 31) % 256), new Uint8Array(0)],
      ["k", Uint8Array.from({ length: 70_000 }, (_, i) => i % 251)],
    ];
    for (const [key, data] of cases) {
      const mac = await hmacSha256(key, data);
      expect(Object.getPrototypeOf(mac)).toBe(Uint8Array.prototype);
      expect(toHex(mac)).toBe(toHex(await webHmacSha256(key, data)));
      expect(toHex(await sha256(data))).toBe(toHex(await webSha256(data)));
    }
  });

  it("keeps signing right past the key cache's limit (300 distinct text keys, twice over)", async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 300; i++) {
        const key = `secret-${i}`;
        expect(toHex(await hmacSha256(key, `body ${i}`))).toBe(
          toHex(await webHmacSha256(key, `body ${i}`)),
        );
      }
    }
  });

  it("compares in constant time, lengths included", () => {
    expect(timingSafeEqual("secret", "secret")).toBe(true);
    expect(timingSafeEqual("secreT", "secret")).toBe(false);
    expect(timingSafeEqual("secret-longer", "secret")).toBe(false);
    expect(timingSafeEqual("sec", "secret")).toBe(false);
    expect(timingSafeEqual("", "secret")).toBe(false);
    expect(timingSafeEqual("", "")).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
  });

  it("reads hex and base64", () => {
    expect(fromHex("00ff10")).toEqual(new Uint8Array([0, 255, 16]));
    expect(fromHex("0g")).toBeUndefined();
    expect(fromHex("AbCdEF09")).toEqual(new Uint8Array([0xab, 0xcd, 0xef, 0x09]));
    // The characters either side of each digit range, and a full-width "Ａ".
    for (const edge of ["/0", "0:", "@0", "0G", "`0", "0g", "\uff21\uff21"]) {
      expect(fromHex(edge)).toBeUndefined();
    }
    expect(fromHex("abc")).toBeUndefined();
    expect(base64ToUtf8("dXNlcjpww6Fzcw==")).toBe("user:páss");
    expect(base64ToUtf8("not base64!")).toBeUndefined();
    expect(fromBase64("AP8Q")).toEqual(new Uint8Array([0, 255, 16]));
    expect(fromBase64("A")).toBeUndefined();
  });

  it("joins bytes", () => {
    expect(bytesConcat(new Uint8Array([1]), new Uint8Array([]), new Uint8Array([2, 3]))).toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });
});
