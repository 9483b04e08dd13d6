import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  joinParams,
  sortedParamPairs,
  sortedParamsSignature,
  topSignature,
} from "./param-signing.js";

const params = {
  method: "qimen.tmall.car.leads.synchronize",
  app_key: "23456789",
  timestamp: "2026-11-27 10:42:13",
  v: "2.0",
  format: "json",
  sign_method: "md5",
  sign: "ignored",
  customerId: "",
};
const body = '{"name":"张伟","mobile":"13812345678"}';
// Written out by hand: sorted by name, `sign` and the empty `customerId` left out.
const text =
  "app_key23456789formatjsonmethodqimen.tmall.car.leads.synchronizesign_methodmd5timestamp2026-11-27 10:42:13v2.0";

describe("sorted parameters", () => {
  it("sorts by name, leaves out the signature and empty values", () => {
    expect(joinParams(sortedParamPairs(params), "concat")).toBe(text);
    expect(joinParams(sortedParamPairs({ b: "2", a: "1", B: "3" }), "query")).toBe("B=3&a=1&b=2");
  });

  it("reads URLSearchParams and pairs alike", () => {
    const search = new URLSearchParams([
      ["z", "1"],
      ["a", "2"],
    ]);
    expect(sortedParamPairs(search)).toEqual([
      ["a", "2"],
      ["z", "1"],
    ]);
    expect(sortedParamPairs([["k", "v"]])).toEqual([["k", "v"]]);
  });
});

describe("topSignature (Taobao Open Platform / Qimen)", () => {
  const secret = "qimen-app-secret-0123";

  it("md5 wraps the text and body in the secret, upper-case hex", async () => {
    const expected = createHash("md5")
      .update(secret + text + body + secret)
      .digest("hex")
      .toUpperCase();
    expect(await topSignature("md5", secret, params, body)).toBe(expected);
  });

  it("hmac is HMAC-MD5 keyed by the secret", async () => {
    const expected = createHmac("md5", secret)
      .update(text + body)
      .digest("hex")
      .toUpperCase();
    expect(await topSignature("hmac", secret, params, body)).toBe(expected);
  });

  it("hmac-sha256 is HMAC-SHA256 keyed by the secret", async () => {
    const expected = createHmac("sha256", secret)
      .update(text + body)
      .digest("hex")
      .toUpperCase();
    expect(await topSignature("hmac-sha256", secret, params, body)).toBe(expected);
  });
});

describe("sortedParamsSignature (portals)", () => {
  const fields = { app_key: "ak1", timestamp: "1795000000", sign: "x" };
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");

  it.each([
    ["wrap", "concat", "S" + "app_keyak1timestamp1795000000" + "{}" + "S"],
    ["append", "query", "app_key=ak1&timestamp=1795000000" + "{}" + "S"],
    ["key_param", "query", "app_key=ak1&timestamp=1795000000" + "{}" + "&key=S"],
  ] as const)("%s with %s", (placement, format, signed) => {
    expect(
      sortedParamsSignature("S", fields, "{}", {
        format,
        secretPlacement: placement,
        letterCase: "lower",
      }),
    ).toBe(md5(signed));
  });

  it("upper-cases when asked", () => {
    const options = { format: "concat", secretPlacement: "wrap", letterCase: "upper" } as const;
    expect(sortedParamsSignature("S", fields, "", options)).toBe(
      md5("Sapp_keyak1timestamp1795000000S").toUpperCase(),
    );
  });
});
