import { describe, expect, expectTypeOf, it } from "vitest";
import { type Connector, connectorManifest } from "./define.js";
import { genericWebhookConnector } from "./generic-webhook/index.js";
import { kingdeeConnector } from "./kingdee/index.js";
import { odooConnector } from "./odoo/index.js";
import { quickBooksConnector } from "./quickbooks/index.js";
import { sapS4hanaConnector } from "./sap-s4hana/index.js";
import { xeroConnector } from "./xero/index.js";
import { yonyouConnector } from "./yonyou/index.js";

/** The destination connectors as the hub's registry holds them. */
const destinations: readonly Connector[] = [
  quickBooksConnector,
  xeroConnector,
  kingdeeConnector,
  yonyouConnector,
  sapS4hanaConnector,
  odooConnector,
  genericWebhookConnector,
];

describe("the destination connectors", () => {
  it("fit the plain Connector type and have distinct ids", () => {
    expectTypeOf(quickBooksConnector).toExtend<Connector>();
    expect(new Set(destinations.map((c) => c.id)).size).toBe(destinations.length);
  });

  it.each(destinations.map((c) => [c.id, c] as const))(
    "%s pushes, and has a manifest with its secrets marked",
    (_id, connector) => {
      const manifest = connectorManifest(connector);
      expect(manifest.direction).toBe("destination");
      expect(manifest.capabilities).toMatchObject({ push: true, webhook: false, pull: false });
      expect(manifest.secretFields.length).toBeGreaterThan(0);
      expect(JSON.stringify(manifest.configSchema)).toContain('"writeOnly":true');
    },
  );
});
