import { majorUnits } from "../amounts.js";
import { type ErpLine, erpLines } from "../erp-lines.js";
import { PermanentConnectorError } from "../errors.js";
import type { PushCustomer, PushOrder } from "../push.js";
import type { OdooConfig } from "./config.js";
import type { XmlRpcValue } from "./xmlrpc.js";

function productFor(line: ErpLine, config: OdooConfig): number {
  const byCode = line.code === undefined ? undefined : config.productByCode[line.code];
  const product =
    byCode ??
    (line.kind === "trade_in_credit" || line.kind === "discount"
      ? undefined
      : config.products[line.kind]) ??
    config.products.default;
  if (product === undefined) {
    throw new PermanentConnectorError(
      `No Odoo product for the ${line.kind} line "${line.description}": set products.${line.kind}, products.default or productByCode`,
      { code: "odoo_no_product" },
    );
  }
  return product;
}

/** A partner for a customer; `ref` is the hub's customer id, so it can be found again. */
export function odooPartnerValues(customer: PushCustomer): Record<string, XmlRpcValue> {
  const company = customer.type !== "individual";
  return {
    name: company ? (customer.company ?? customer.name) : customer.name,
    ref: customer.id,
    is_company: company,
    ...(customer.email && { email: customer.email }),
    ...(customer.phone && { phone: customer.phone }),
    ...(!company && customer.company && { company_name: customer.company }),
    ...(customer.taxId && { vat: customer.taxId }),
  };
}

/**
 * A quotation for the order: `client_order_ref` is the hub's order number (what the lookup
 * finds), lines are `(0, 0, values)` commands. Discounts are folded into the vehicle's price
 * and trade-in credit left to its own purchase, said in `note`.
 */
export function odooSaleOrderValues(
  order: PushOrder,
  partnerId: number,
  config: OdooConfig,
): Record<string, XmlRpcValue> {
  const { lines, notes } = erpLines(order);
  return {
    partner_id: partnerId,
    client_order_ref: order.orderNumber,
    date_order: `${order.orderDate} 00:00:00`,
    ...(order.dueDate !== undefined && { validity_date: order.dueDate }),
    note: [`Forecourt ${order.id} v${order.version}`, ...notes].join("\n"),
    order_line: lines.map((line) => [
      0,
      0,
      {
        product_id: productFor(line, config),
        name: line.note ? `${line.description}\n${line.note}` : line.description,
        product_uom_qty: line.quantity,
        price_unit: majorUnits(line.unitAmount, order.currency),
        ...(config.lineValues as Record<string, XmlRpcValue>),
      },
    ]),
    ...(config.orderValues as Record<string, XmlRpcValue>),
  };
}
