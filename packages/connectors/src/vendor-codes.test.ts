import { describe, expect, it } from "vitest";
import { verifyBearerToken } from "./bearer.js";
import { AuthConnectorError, PermanentConnectorError, RetryableConnectorError } from "./errors.js";
import { matchVendorCode, type VendorCodeRule, vendorCodeError } from "./vendor-codes.js";

const rows: Record<string, VendorCodeRule> = {
  "AuthFailure.SignatureExpire": { kind: "auth", code: "clock", meaning: "clock skew" },
  "AuthFailure.*": { kind: "auth", code: "auth", meaning: "credentials" },
  "RequestLimitExceeded*": {
    kind: "retryable",
    code: "limit",
    meaning: "rate",
    retryAfterMs: 2000,
  },
  "InvalidParameter*": { kind: "permanent", code: "bad", meaning: "parameter" },
};

describe("vendor code tables", () => {
  it("matches exact codes first, then the longest prefix", () => {
    expect(matchVendorCode(rows, "AuthFailure.SignatureExpire")?.code).toBe("clock");
    expect(matchVendorCode(rows, "AuthFailure.SignatureFailure")?.code).toBe("auth");
    expect(matchVendorCode(rows, "RequestLimitExceeded.UinLimitExceeded")?.code).toBe("limit");
    expect(matchVendorCode(rows, "InvalidParameterValue.Limit")?.code).toBe("bad");
    expect(matchVendorCode(rows, "FailedOperation")).toBeUndefined();
  });

  it("builds the error class of the rule, with the rule's wait unless the vendor gave one", () => {
    const limit = vendorCodeError(rows["RequestLimitExceeded*"]!, "slow down", { requestId: "r1" });
    expect(limit).toBeInstanceOf(RetryableConnectorError);
    expect(limit).toMatchObject({ code: "limit", retryAfterMs: 2000, requestId: "r1" });
    expect(
      vendorCodeError(rows["RequestLimitExceeded*"]!, "x", { retryAfterMs: 9000 }),
    ).toMatchObject({ retryAfterMs: 9000 });
    expect(vendorCodeError(rows["AuthFailure.*"]!, "x")).toBeInstanceOf(AuthConnectorError);
    expect(vendorCodeError(rows["InvalidParameter*"]!, "x")).toBeInstanceOf(
      PermanentConnectorError,
    );
  });
});

describe("verifyBearerToken", () => {
  const token = "portal-token-0123456789";

  it("accepts the token and the previous one, in any header casing", () => {
    expect(verifyBearerToken({ authorization: `Bearer ${token}` }, token)).toEqual({ ok: true });
    expect(
      verifyBearerToken(
        new Headers({ Authorization: "bearer old-token-0000" }),
        token,
        "old-token-0000",
      ),
    ).toEqual({ ok: true });
  });

  it.each([
    [{}, "missing bearer token (Authorization: Bearer …)"],
    [{ authorization: `Basic ${token}` }, "missing bearer token (Authorization: Bearer …)"],
    [{ authorization: `Bearer ${token}x` }, "bearer token does not match"],
  ])("refuses %j", (headers, reason) => {
    expect(verifyBearerToken(headers, token)).toEqual({ ok: false, reason });
  });
});
