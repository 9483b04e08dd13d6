import { describe, expect, expectTypeOf, it } from "vitest";
import { adfConnector } from "./adf/index.js";
import { csvImportConnector } from "./csv/index.js";
import { type Connector, connectorManifest, secretFields } from "./define.js";
import { googleAdsConnector } from "./google-ads/index.js";
import { metaLeadAdsConnector } from "./meta-lead-ads/index.js";
import { oceanEngineConnector } from "./ocean-engine/index.js";
import { portalConnector } from "./portal/index.js";
import { tencentAutomotiveConnector } from "./tencent-automotive/index.js";
import { tmallCarConnector } from "./tmall-car/index.js";
import { vcardConnector } from "./vcard/index.js";

/** What the hub's registry will hold: every connector as the plain `Connector` type. */
const registry: readonly Connector[] = [
  adfConnector,
  metaLeadAdsConnector,
  googleAdsConnector,
  oceanEngineConnector,
  tencentAutomotiveConnector,
  tmallCarConnector,
  portalConnector,
  csvImportConnector,
  vcardConnector,
];

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
      expect(manifest.capabilities.webhook || manifest.capabilities.pull).toBe(true);
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
    expect(secretFields(oceanEngineConnector)).toEqual(["accessToken"]);
    expect(secretFields(tencentAutomotiveConnector)).toEqual(["secretKey"]);
    expect(secretFields(tmallCarConnector)).toEqual(["appSecret", "previousAppSecret"]);
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
    expect(connectorManifest(oceanEngineConnector).capabilities).toMatchObject({
      webhook: false,
      pull: true,
      testConnection: true,
    });
    expect(connectorManifest(portalConnector).capabilities).toMatchObject({
      webhook: true,
      pull: true,
    });
  });

  it("answers in the vendor's format only where the vendor reads one", () => {
    expect(registry.filter((c) => c.webhook?.respond).map((c) => c.id)).toEqual(["tmall_car"]);
  });
});
