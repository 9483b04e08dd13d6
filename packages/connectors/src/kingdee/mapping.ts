import { majorUnits } from "../amounts.js";
import { type ErpLine, erpLines, taxRatePercent } from "../erp-lines.js";
import { PermanentConnectorError } from "../errors.js";
import type { PushOrder } from "../push.js";
import type { KingdeeConfig } from "./config.js";

/** A value for a `FilterString`: single-quoted, quotes doubled. */
export function kingdeeFilterLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The filter that finds the order's bill: by `FBillNo`, or by the external-number field. */
export function kingdeeOrderFilter(orderNumber: string, config: KingdeeConfig): string {
  const field =
    config.billNumber === "order_number" ? "FBillNo" : (config.externalNumberField ?? "FBillNo");
  return `${field}=${kingdeeFilterLiteral(orderNumber)}`;
}

function materialFor(line: ErpLine, config: KingdeeConfig): string {
  const byCode = line.code === undefined ? undefined : config.materialByCode[line.code];
  const material =
    byCode ??
    (line.kind === "trade_in_credit" || line.kind === "discount"
      ? undefined
      : config.materials[line.kind]) ??
    config.materials.default;
  if (material === undefined) {
    throw new PermanentConnectorError(
      `No Kingdee material for the ${line.kind} line "${line.description}": set materials.${line.kind}, materials.default or materialByCode`,
      { code: "kingdee_no_material" },
    );
  }
  return material;
}

/**
 * The `Model` of a `SAL_SaleOrder` Save: header, finance and one entry per line. Discounts are
 * folded into the vehicle's price and trade-in credit left to its own purchase (both said in
 * `FNote`), since sales order entries are priced items.
 */
export function kingdeeSaleOrderModel(
  order: PushOrder,
  customerNumber: string,
  config: KingdeeConfig,
): Record<string, unknown> {
  const currency = config.currencyNumbers[order.currency];
  if (currency === undefined) {
    throw new PermanentConnectorError(
      `No Kingdee currency number for ${order.currency}: add it to currencyNumbers`,
      { code: "kingdee_no_currency" },
    );
  }
  const { lines, notes } = erpLines(order);
  const priceField = order.pricesIncludeVat ? "FTaxPrice" : "FPrice";
  return {
    FID: 0,
    FBillTypeID: { FNumber: config.billTypeNumber },
    ...(config.billNumber === "order_number" && { FBillNo: order.orderNumber }),
    ...(config.externalNumberField !== undefined && {
      [config.externalNumberField]: order.orderNumber,
    }),
    FDate: order.orderDate,
    FSaleOrgId: { FNumber: config.saleOrgNumber },
    FCustId: { FNumber: customerNumber },
    ...(config.salerNumber !== undefined && { FSalerId: { FNumber: config.salerNumber } }),
    FNote: [`Forecourt ${order.id} v${order.version}`, ...notes].join("; ").slice(0, 500),
    FSaleOrderFinance: {
      FSettleCurrId: { FNumber: currency },
      FIsPriceExcludeTax: !order.pricesIncludeVat,
    },
    FSaleOrderEntry: lines.map((line) => ({
      FMaterialId: { FNumber: materialFor(line, config) },
      FQty: line.quantity,
      [priceField]: majorUnits(line.unitAmount, order.currency),
      FEntryTaxRate: taxRatePercent(line),
      ...(order.requestedDeliveryDate !== undefined && {
        FDeliveryDate: order.requestedDeliveryDate,
      }),
      FEntryNote: (line.note ? `${line.description}; ${line.note}` : line.description).slice(
        0,
        255,
      ),
      ...config.entryFields,
    })),
    ...config.headerFields,
  };
}
