import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "./base64.js";

/** The web platform's own codec, over Latin-1 strings: the independent check. */
const viaBtoa = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe("base64", () => {
  it("encodes as the platform does, and decodes back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(viaBtoa(bytes));
        expect(decodeBase64(text)).toEqual(bytes);
        expect(decodeBase64(text.replace(/=+$/, ""))).toEqual(bytes);
      }),
    );
  });

  it("refuses what is not base64", () => {
    for (const text of ["a", "ab=c", "abc==", "a b c d", "ab!d", "YQ=", "YR==", "ä"]) {
      expect(decodeBase64(text), text).toBeUndefined();
    }
    expect(decodeBase64("")).toEqual(new Uint8Array(0));
  });
});
