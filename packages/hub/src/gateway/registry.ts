import type { Connector } from "@forecourt/connectors";
import { adfConnector } from "@forecourt/connectors/adf";
import { googleAdsConnector } from "@forecourt/connectors/google-ads";
import { metaLeadAdsConnector } from "@forecourt/connectors/meta-lead-ads";
import { oceanEngineConnector } from "@forecourt/connectors/ocean-engine";
import { portalConnector } from "@forecourt/connectors/portal";
import { tencentAutomotiveConnector } from "@forecourt/connectors/tencent-automotive";
import { tmallCarConnector } from "@forecourt/connectors/tmall-car";

/**
 * The connectors this hub offers, by id. Built-in sources are here from the start; a deployment
 * (or a test) adds its own with `registerConnector` before connections to it are made.
 */
const registry = new Map<string, Connector>();

for (const connector of [
  adfConnector,
  metaLeadAdsConnector,
  googleAdsConnector,
  oceanEngineConnector,
  tencentAutomotiveConnector,
  tmallCarConnector,
  portalConnector,
] as unknown as Connector[]) {
  registry.set(connector.id, connector);
}

export function registerConnector(connector: Connector): void {
  registry.set(connector.id, connector);
}

export function findConnector(id: string): Connector | undefined {
  return registry.get(id);
}

export function listConnectors(): Connector[] {
  return [...registry.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
