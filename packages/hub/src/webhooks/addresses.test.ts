import { describe, expect, it } from "vitest";
import { addressKind, destinationRefusal, type Lookup } from "./addresses.js";
import { postDelivery } from "./deliver.js";
import { assertEndpointUrl } from "./endpoints.js";

const strict = { allowLocalHttp: false, allowPrivateNetworks: false };
const lookupTo =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses.map((address) => ({ address }));

describe("outbound webhook addresses", () => {
  it("sorts addresses into public, loopback, private and reserved", () => {
    const cases: [string, ReturnType<typeof addressKind>][] = [
      ["93.184.216.34", "public"],
      ["2606:4700:4700::1111", "public"],
      ["127.0.0.1", "loopback"],
      ["127.8.9.10", "loopback"],
      ["::1", "loopback"],
      ["::ffff:127.0.0.1", "loopback"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["172.32.0.1", "public"],
      ["192.168.1.20", "private"],
      ["100.64.0.1", "private"],
      ["fd12:3456:789a::1", "private"],
      ["::ffff:10.0.0.1", "private"],
      ["169.254.169.254", "reserved"],
      ["fe80::1", "reserved"],
      ["0.0.0.0", "reserved"],
      ["::", "reserved"],
      ["224.0.0.1", "reserved"],
      ["255.255.255.255", "reserved"],
      ["192.0.2.1", "reserved"],
      ["not an address", "reserved"],
    ];
    for (const [address, kind] of cases) expect(addressKind(address), address).toBe(kind);
  });

  it("refuses a name when any of its addresses is internal, and allows what the settings allow", async () => {
    const url = new URL("https://crm.dealer.example/hooks");
    expect(await destinationRefusal(url, strict, lookupTo("93.184.216.34"))).toBeUndefined();
    expect(await destinationRefusal(url, strict, lookupTo("93.184.216.34", "10.0.0.7"))).toMatch(
      /private network address .*FORECOURT_WEBHOOK_ALLOW_PRIVATE_NETWORKS=1/,
    );
    expect(
      await destinationRefusal(
        url,
        { allowLocalHttp: false, allowPrivateNetworks: true },
        lookupTo("10.0.0.7"),
      ),
    ).toBeUndefined();
    expect(await destinationRefusal(url, strict, lookupTo("127.0.0.1"))).toMatch(/loopback/);
    expect(
      await destinationRefusal(
        url,
        { allowLocalHttp: true, allowPrivateNetworks: false },
        lookupTo("::1"),
      ),
    ).toBeUndefined();
    // Link-local (the metadata services) is refused whatever the settings.
    expect(
      await destinationRefusal(
        new URL("https://[fe80::1]/"),
        { allowLocalHttp: true, allowPrivateNetworks: true },
        lookupTo(),
      ),
    ).toMatch(/reserved/);
  });

  it("refuses an internal address literal when the endpoint is saved", () => {
    expect(() => assertEndpointUrl("https://169.254.169.254/latest/meta-data", strict)).toThrow(
      /reserved address/,
    );
    expect(() => assertEndpointUrl("https://10.0.0.7/hooks", strict)).toThrow(/private network/);
    expect(() => assertEndpointUrl("https://[::ffff:127.0.0.1]/hooks", strict)).toThrow(/loopback/);
    expect(
      assertEndpointUrl("https://10.0.0.7/hooks", { ...strict, allowPrivateNetworks: true }),
    ).toBe("https://10.0.0.7/hooks");
    expect(assertEndpointUrl("https://crm.dealer.example/hooks", strict)).toBe(
      "https://crm.dealer.example/hooks",
    );
  });

  it("sends nothing to a refused address: the try fails with the reason", async () => {
    let sent = false;
    const original = globalThis.fetch;
    globalThis.fetch = async () => {
      sent = true;
      return new Response("ok");
    };
    try {
      const result = await postDelivery(
        "https://metadata.internal.example/latest",
        "{}",
        {},
        1_000,
        strict,
        lookupTo("169.254.169.254"),
      );
      expect(result).toEqual({ error: expect.stringMatching(/^refused: .*reserved address/) });
      expect(sent).toBe(false);
      const missing = await postDelivery("https://nowhere.invalid/", "{}", {}, 1_000, strict, () =>
        Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" })),
      );
      expect(missing).toEqual({ error: "network: ENOTFOUND" });
      expect(sent).toBe(false);
    } finally {
      globalThis.fetch = original;
    }
  });
});
