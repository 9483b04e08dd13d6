import type { Connector } from "@forecourt/connectors";
import { adfConnector } from "@forecourt/connectors/adf";
import { csvImportConnector } from "@forecourt/connectors/csv";
import { googleAdsConnector } from "@forecourt/connectors/google-ads";
import { metaLeadAdsConnector } from "@forecourt/connectors/meta-lead-ads";
import { oceanEngineConnector } from "@forecourt/connectors/ocean-engine";
import { portalConnector } from "@forecourt/connectors/portal";
import { tencentAutomotiveConnector } from "@forecourt/connectors/tencent-automotive";
import { tmallCarConnector } from "@forecourt/connectors/tmall-car";
import { vcardConnector } from "@forecourt/connectors/vcard";

/**
 * The connectors this hub offers, by id. Built-in sources are here from the start; a deployment
 * (or a test) adds its own with `registerConnector` before connections to it are made.
 */
const registry = new Map<string, Connector>();

/**
 * CSV and vCard as the hub offers them: files come through `POST /v1/connections/{id}/imports`
 * with an admin key, which streams them and answers with every row's problem. Their connectors'
 * upload-token webhooks are left out (a webhook answers with counts only and is capped at the
 * body limit), and with them the upload token fields of the config.
 */
function importOnly(connector: Connector): Connector {
  return Object.freeze({
    ...connector,
    // The API key that posts the file authenticates it; the connection holds no credential.
    auth: "none",
    config: connector.config.omit({ uploadToken: true, previousUploadToken: true }),
    webhook: undefined,
  });
}

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
for (const connector of [csvImportConnector, vcardConnector] as unknown as Connector[]) {
  registry.set(connector.id, importOnly(connector));
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
