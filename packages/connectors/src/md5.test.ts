import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "./crypto.js";
import { hmacMd5, md5 } from "./md5.js";

describe("md5", () => {
  // The test suite of RFC 1321, appendix A.5.
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    [
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
      "d174ab98d277d9f5a5611c2c9f419d9f",
    ],
    [
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
      "57edf4a22be3c955ac49da2e2107b67a",
    ],
  ])("md5(%j) is the RFC's digest", (input, digest) => {
    expect(toHex(md5(input))).toBe(digest);
  });

  it("agrees with node:crypto across block boundaries and multi-byte text", () => {
    for (let length = 0; length < 200; length++) {
      const text = "车".repeat(length % 7) + "x".repeat(length);
      expect(toHex(md5(text))).toBe(createHash("md5").update(text).digest("hex"));
    }
  });
});

describe("hmacMd5", () => {
  // RFC 2104 / RFC 2202 test cases 1–3 and 6 (a key longer than the block).
  it.each([
    ["0b".repeat(16), "Hi There", "9294727a3638bb1c13f48ef8158bfc9d"],
    ["Jefe", "what do ya want for nothing?", "750c783e6ab0b503eaa86e310a5db738"],
    ["aa".repeat(16), "dd".repeat(50), "56be34521d144c88dbb8c733f0e8b3f6"],
    [
      "aa".repeat(80),
      "Test Using Larger Than Block-Size Key - Hash Key First",
      "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
    ],
  ])("hmacMd5(key %s) is the RFC's digest", (keyText, dataText, digest) => {
    const key = /^[0-9a-f]+$/.test(keyText) ? fromHex(keyText)! : keyText;
    const data = /^(dd)+$/.test(dataText) ? fromHex(dataText)! : dataText;
    expect(toHex(hmacMd5(key, data))).toBe(digest);
  });

  it("agrees with node:crypto", () => {
    const key = "tmall-secret-密钥";
    const data = "app_key12345methodqimen.tmall.car.leads.synchronize";
    expect(toHex(hmacMd5(key, data))).toBe(createHmac("md5", key).update(data).digest("hex"));
  });
});
