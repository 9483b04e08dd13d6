import { describe, expect, it, vi } from "vitest";
import { AuthConnectorError, PermanentConnectorError } from "./errors.js";
import { oauthSession, renewableSession } from "./session.js";

const unauthorized = () => new AuthConnectorError("expired", { status: 401 });

describe("renewableSession", () => {
  it("opens once, and renews once and replays once when the credential is refused", async () => {
    const open = vi.fn(async () => "a");
    const renew = vi.fn(async () => "b");
    const session = renewableSession({ open, renew, isExpired: (e) => e === "expired" });
    const seen: string[] = [];
    const call = async (credential: string) => {
      seen.push(credential);
      if (credential === "a") throw "expired";
      return credential;
    };
    expect(await session.run(call)).toBe("b");
    expect(await session.run(call)).toBe("b");
    expect(seen).toEqual(["a", "b", "b"]);
    expect(open).toHaveBeenCalledTimes(1);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(session.renewed).toBe(true);
  });

  it("gives up after the one renewal, and never renews for other errors", async () => {
    const session = renewableSession({ open: async () => "a", isExpired: (e) => e === "expired" });
    await expect(session.run(async () => Promise.reject("expired"))).rejects.toBe("expired");
    const other = renewableSession({ open: async () => "a", isExpired: () => false });
    await expect(other.run(async () => Promise.reject(new Error("bad")))).rejects.toThrow("bad");
    expect(other.renewed).toBe(false);
  });

  it("does not keep a failed open", async () => {
    const open = vi.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValue("a");
    const session = renewableSession<string>({ open, isExpired: () => false });
    await expect(session.current()).rejects.toThrow("down");
    expect(await session.current()).toBe("a");
  });
});

describe("oauthSession", () => {
  it("refreshes through the hub on a 401 and replays", async () => {
    const refreshAccessToken = vi.fn(async () => "fresh");
    const session = oauthSession({ getAccessToken: async () => "stale", refreshAccessToken });
    const result = await session.run(async (token) => {
      if (token === "stale") throw unauthorized();
      return token;
    });
    expect(result).toBe("fresh");
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
  });

  it("lets a 403, a refused refresh or a second 401 through", async () => {
    const forbidden = oauthSession({
      getAccessToken: async () => "t",
      refreshAccessToken: async () => "u",
    });
    await expect(
      forbidden.run(async () => Promise.reject(new AuthConnectorError("no", { status: 403 }))),
    ).rejects.toMatchObject({ status: 403 });
    const revoked = oauthSession({
      getAccessToken: async () => "t",
      refreshAccessToken: async () => Promise.reject(new AuthConnectorError("invalid_grant")),
    });
    await expect(revoked.run(async () => Promise.reject(unauthorized()))).rejects.toThrow(
      "invalid_grant",
    );
    const twice = oauthSession({
      getAccessToken: async () => "t",
      refreshAccessToken: async () => "u",
    });
    await expect(twice.run(async () => Promise.reject(unauthorized()))).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      twice.run(async () => Promise.reject(new PermanentConnectorError("x"))),
    ).rejects.toBeInstanceOf(PermanentConnectorError);
  });
});
