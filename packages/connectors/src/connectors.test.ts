import { describe, expect, expectTypeOf, it } from "vitest";
import { adfConnector } from "./adf/index.js";
import { type Connector, connectorManifest, secretFields } from "./define.js";
import { googleAdsConnector } from "./google-ads/index.js";
import { metaLeadAdsConnector } from "./meta-lead-ads/index.js";

/** What the hub's registry will hold: every connector as the plain `Connector` type. */
const registry: readonly Connector[] = [adfConnector, metaLeadAdsConnector, googleAdsConnector];

describe("the connectors together", () => {
  it("fit the plain Connector type the hub's registry holds", () => {
    expectTypeOf(metaLeadAdsConnector).toExtend<Connector>();
    expect(new Set(registry.map((c) => c.id)).size).toBe(registry.length);
  });

  it.each(registry.map((c) => [c.id, c] as const))(
    "%s has a manifest with its secrets marked",
    (_id, connector) => {
      const manifest = connectorManifest(connector);
      expect(manifest.configSchema).toMatchObject({ type: "object" });
      expect(manifest.secretFields.length).toBeGreaterThan(0);
      expect(JSON.stringify(manifest.configSchema)).toContain('"writeOnly":true');
      expect(manifest.capabilities.webhook).toBe(true);
    },
  );

  it("lists each connector's secret fields", () => {
    expect(secretFields(adfConnector)).toEqual(["auth.key", "auth.password"]);
    expect(secretFields(metaLeadAdsConnector)).toEqual([
      "appSecret",
      "verifyToken",
      "pageAccessToken",
    ]);
    expect(secretFields(googleAdsConnector)).toEqual(["googleKey", "previousGoogleKey"]);
  });

  it("says what each can do", () => {
    expect(connectorManifest(metaLeadAdsConnector).capabilities).toEqual({
      webhook: true,
      handshake: true,
      fetchReference: true,
      pull: true,
      testConnection: true,
      push: false,
    });
    expect(connectorManifest(googleAdsConnector).capabilities.fetchReference).toBe(false);
  });
});
