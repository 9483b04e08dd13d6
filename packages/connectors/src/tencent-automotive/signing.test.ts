import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tc3Sign } from "./signing.js";

/**
 * A worked example computed a second way: TC3 written out again here with node:crypto, step by
 * step from Tencent's description, so a mistake in the Web Crypto version cannot hide behind
 * itself. The canonical request is also spelled out literally.
 */
const example = {
  secretId: "AKIDforecourtTEST0000000000000000",
  secretKey: "forecourtTestSecretKey0000000000",
  service: "wav",
  host: "wav.tencentcloudapi.com",
  action: "QueryClueInfoList",
  timestamp: 1_795_747_333, // 2026-11-27T02:42:13Z
  payload: '{"Limit":100,"BeginTime":1795660800,"EndTime":1795747200}',
};

function independentSignature(): { canonical: string; authorization: string } {
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
  const hmac = (key: string | Buffer, text: string) =>
    createHmac("sha256", key).update(text, "utf8").digest();
  const canonical =
    "POST\n/\n\n" +
    "content-type:application/json; charset=utf-8\n" +
    "host:wav.tencentcloudapi.com\n" +
    "x-tc-action:queryclueinfolist\n" +
    "\n" +
    "content-type;host;x-tc-action\n" +
    sha256(example.payload);
  const date = "2026-11-27";
  const scope = `${date}/wav/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${example.timestamp}\n${scope}\n${sha256(canonical)}`;
  const kDate = hmac(`TC3${example.secretKey}`, date);
  const kService = hmac(kDate, "wav");
  const kSigning = hmac(kService, "tc3_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign).digest("hex");
  return {
    canonical,
    authorization: `TC3-HMAC-SHA256 Credential=${example.secretId}/${scope}, SignedHeaders=content-type;host;x-tc-action, Signature=${signature}`,
  };
}

describe("TC3-HMAC-SHA256", () => {
  it("builds the canonical request Tencent describes", async () => {
    const signed = await tc3Sign(example);
    expect(signed.canonicalRequest).toBe(independentSignature().canonical);
    expect(signed.credentialScope).toBe("2026-11-27/wav/tc3_request");
    expect(signed.stringToSign.split("\n").slice(0, 3)).toEqual([
      "TC3-HMAC-SHA256",
      "1795747333",
      "2026-11-27/wav/tc3_request",
    ]);
  });

  it("matches the example signed independently with node:crypto", async () => {
    const signed = await tc3Sign(example);
    expect(signed.authorization).toBe(independentSignature().authorization);
    expect(signed.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with every input that is signed", async () => {
    const base = (await tc3Sign(example)).signature;
    for (const change of [
      { payload: `${example.payload} ` },
      { timestamp: example.timestamp + 1 },
      { host: "wav.ap-guangzhou.tencentcloudapi.com" },
      { action: "QueryCustomerProfileList" },
      { secretKey: `${example.secretKey}x` },
    ]) {
      expect((await tc3Sign({ ...example, ...change })).signature).not.toBe(base);
    }
  });

  it("dates the scope in UTC, not in the hub's zone", async () => {
    // 00:30 in Beijing on Nov 28 is still Nov 27 in UTC.
    const signed = await tc3Sign({
      ...example,
      timestamp: Date.parse("2026-11-27T16:30:00Z") / 1000,
    });
    expect(signed.credentialScope).toBe("2026-11-27/wav/tc3_request");
  });
});
