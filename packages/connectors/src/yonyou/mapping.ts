import { majorUnitsText } from "../amounts.js";
import { type ErpLine, erpLines, taxRatePercent } from "../erp-lines.js";
import { PermanentConnectorError } from "../errors.js";
import type { PushOrder } from "../push.js";
import type { YonyouConfig } from "./config.js";

/** The sales-order API paths on the tenant's gateway. */
export const YONYOU_SINGLE_SAVE_PATH = "/yonbip/sd/voucherorder/singleSave";
export const YONYOU_ORDER_LIST_PATH = "/yonbip/sd/voucherorder/list";

function productFor(line: ErpLine, config: YonyouConfig): string {
  const byCode = line.code === undefined ? undefined : config.productByCode[line.code];
  const product =
    byCode ??
    (line.kind === "trade_in_credit" || line.kind === "discount"
      ? undefined
      : config.products[line.kind]) ??
    config.products.default;
  if (product === undefined) {
    throw new PermanentConnectorError(
      `No YonBIP product for the ${line.kind} line "${line.description}": set products.${line.kind}, products.default or productByCode`,
      { code: "yonyou_no_product" },
    );
  }
  return product;
}

/** The list query that finds the order's sales order by the hub's order number. */
export function yonyouLookupBody(orderNumber: string, config: YonyouConfig) {
  return {
    pageIndex: 1,
    pageSize: 10,
    isSum: false,
    simpleVOs: [{ field: config.orderNumberField, op: "eq", value1: orderNumber }],
  };
}

/**
 * The `singleSave` body: a new sales order (`_status: "Insert"`) whose `resubmitCheckKey` is the
 * push's idempotency key. Discounts are folded into the vehicle's price and trade-in credit left
 * to its own purchase, both said in `memo`.
 */
export function yonyouOrderBody(
  order: PushOrder,
  agentId: string,
  idempotencyKey: string,
  config: YonyouConfig,
): { data: Record<string, unknown> } {
  const { lines, notes } = erpLines(order);
  const money = (amount: number) => majorUnitsText(amount, order.currency);
  return {
    data: {
      _status: "Insert",
      resubmitCheckKey: idempotencyKey,
      [config.orderNumberField]: order.orderNumber,
      salesOrgId: config.salesOrgId,
      transactionTypeId: config.transactionTypeId,
      vouchdate: order.orderDate,
      agentId,
      "orderPrices!currency": config.currencies[order.currency] ?? order.currency,
      memo: [`Forecourt ${order.id} v${order.version}`, ...notes].join("; ").slice(0, 500),
      orderDetails: lines.map((line) => ({
        _status: "Insert",
        productId: productFor(line, config),
        masterUnitId: config.masterUnitId,
        qty: line.quantity,
        [order.pricesIncludeVat ? "oriTaxUnitPrice" : "oriUnitPrice"]: money(line.unitAmount),
        [order.pricesIncludeVat ? "oriSum" : "oriMoney"]: money(line.amount),
        taxRate: taxRatePercent(line),
        memo: (line.note ? `${line.description}; ${line.note}` : line.description).slice(0, 200),
        ...config.detailFields,
      })),
      ...config.headerFields,
    },
  };
}
