import { majorUnitsText } from "../amounts.js";
import { type ErpLine, erpLines } from "../erp-lines.js";
import { PermanentConnectorError } from "../errors.js";
import type { PushOrder } from "../push.js";
import type { SapConfig } from "./config.js";

/** An OData string literal: single-quoted, quotes doubled. */
export function odataLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An OData V2 `Edm.DateTime` for a calendar date: `/Date(1795737600000)/` (midnight UTC). */
export function sapDate(localDate: string): string {
  return `/Date(${Date.parse(`${localDate}T00:00:00Z`)})/`;
}

/** The `$filter` that finds the order's sales order: its number as the customer's PO number. */
export function sapLookupFilter(orderNumber: string, config: SapConfig): string {
  return `PurchaseOrderByCustomer eq ${odataLiteral(orderNumber)} and SalesOrganization eq ${odataLiteral(config.salesOrganization)}`;
}

function materialFor(line: ErpLine, config: SapConfig): string {
  const byCode = line.code === undefined ? undefined : config.materialByCode[line.code];
  const material =
    byCode ??
    (line.kind === "trade_in_credit" || line.kind === "discount"
      ? undefined
      : config.materials[line.kind]) ??
    config.materials.default;
  if (material === undefined) {
    throw new PermanentConnectorError(
      `No SAP material for the ${line.kind} line "${line.description}": set materials.${line.kind}, materials.default or materialByCode`,
      { code: "sap_no_material" },
    );
  }
  return material;
}

/** The unit price without VAT, to the fen (SAP prices are net; VAT comes from tax conditions). */
function netUnitPrice(line: ErpLine, order: PushOrder): string {
  const net = order.pricesIncludeVat ? line.amount - line.taxAmount : line.amount;
  return majorUnitsText(Math.round(net / line.quantity), order.currency);
}

/**
 * The deep insert of `A_SalesOrder` with `to_Item`: the hub's order number as
 * `PurchaseOrderByCustomer`, items numbered 10, 20 … Discounts are folded into the vehicle's
 * price and trade-in credit left to its own purchase; prices go in only with a manual price
 * condition, otherwise SAP's pricing decides them.
 */
export function sapSalesOrderBody(
  order: PushOrder,
  soldToParty: string,
  config: SapConfig,
): Record<string, unknown> {
  const { lines } = erpLines(order);
  return {
    SalesOrderType: config.salesOrderType,
    SalesOrganization: config.salesOrganization,
    DistributionChannel: config.distributionChannel,
    OrganizationDivision: config.organizationDivision,
    SoldToParty: soldToParty,
    PurchaseOrderByCustomer: order.orderNumber,
    CustomerPurchaseOrderDate: sapDate(order.orderDate),
    ...(order.requestedDeliveryDate !== undefined && {
      RequestedDeliveryDate: sapDate(order.requestedDeliveryDate),
    }),
    TransactionCurrency: order.currency,
    ...config.headerFields,
    to_Item: lines.map((line, index) => ({
      SalesOrderItem: String((index + 1) * 10),
      Material: materialFor(line, config),
      RequestedQuantity: String(line.quantity),
      ...(config.quantityUnit !== undefined && { RequestedQuantityUnit: config.quantityUnit }),
      SalesOrderItemText: line.description.slice(0, 40),
      ...(config.priceConditionType !== undefined && {
        to_PricingElement: [
          {
            ConditionType: config.priceConditionType,
            ConditionRateValue: netUnitPrice(line, order),
            ConditionCurrency: order.currency,
          },
        ],
      }),
      ...config.itemFields,
    })),
  };
}
