import { defineConnector } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { type SapSalesOrderRecord, sapApi } from "./client.js";
import { SAP_PURCHASE_ORDER_MAX, type SapConfig, sapConfigSchema } from "./config.js";
import { sapSalesOrderBody } from "./mapping.js";

/**
 * SAP S/4HANA (`API_SALES_ORDER_SRV`, OData V2): an approved order becomes a sales order by deep
 * insert (`A_SalesOrder` with `to_Item`), its `PurchaseOrderByCustomer` the hub's order number.
 * The service has no idempotency key, so every push looks that number up first. Writes carry a
 * CSRF token fetched with the session's cookies, fetched again once when SAP asks for a new one.
 */

export const SAP_S4HANA_CONNECTOR_ID = "sap_s4hana";

function resultOf(order: SapSalesOrderRecord, created: boolean): PushResult {
  return {
    externalId: order.SalesOrder,
    externalNumber: order.SalesOrder,
    created,
    ...(order.SoldToParty && { externalCustomerId: order.SoldToParty }),
  };
}

async function pushToSap(input: PushOrder, ctx: PushContext<SapConfig>): Promise<PushResult> {
  const order = readPushOrder(input);
  const { config } = ctx;
  if (order.orderNumber.length > SAP_PURCHASE_ORDER_MAX) {
    throw new PermanentConnectorError(
      `Order number ${order.orderNumber} is longer than SAP's ${SAP_PURCHASE_ORDER_MAX}-character PurchaseOrderByCustomer`,
      { code: "sap_order_number_too_long" },
    );
  }
  const soldToParty = order.customer.externalIds[SAP_S4HANA_CONNECTOR_ID] ?? config.soldToParty;
  if (soldToParty === undefined) {
    throw new PermanentConnectorError(
      `No SAP sold-to party for ${order.customer.id}: the hub knows none and the connection has no soldToParty`,
      { code: "sap_no_sold_to_party" },
    );
  }
  const body = sapSalesOrderBody(order, soldToParty, config);
  const api = sapApi(ctx, [order.customer.email, order.customer.phone]);
  const existing = await api.findSalesOrder(order.orderNumber);
  if (existing !== undefined) return resultOf(existing, false);
  return resultOf(await api.createSalesOrder(body), true);
}

export const sapS4hanaConnector = defineConnector({
  id: SAP_S4HANA_CONNECTOR_ID,
  title: "SAP S/4HANA",
  description:
    "Approved orders as S/4HANA sales orders (API_SALES_ORDER_SRV deep insert with items), looked up by PurchaseOrderByCustomer first; CSRF token with cookies, basic auth or OAuth2 client credentials.",
  direction: "destination",
  auth: "shared_secret",
  config: sapConfigSchema,
  push: pushToSap,
  async testConnection(ctx) {
    await sapApi(ctx).fetchCsrfToken();
    return { ok: true, detail: `${ctx.config.servicePath} answered with a CSRF token` };
  },
});

export {
  classifySapError,
  clearSapTokenCache,
  SAP_TOKEN_MARGIN_MS,
  type SapApi,
  sapApi,
} from "./client.js";
export {
  SAP_PURCHASE_ORDER_MAX,
  SAP_SALES_ORDER_SERVICE,
  type SapConfig,
  sapConfigSchema,
} from "./config.js";
export { odataLiteral, sapDate, sapLookupFilter, sapSalesOrderBody } from "./mapping.js";
export type * from "./types.js";
