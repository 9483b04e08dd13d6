import { majorUnits } from "../amounts.js";
import type { PushCustomer, PushOrder, PushOrderLine } from "../push.js";
import type { QuickBooksConfig } from "./config.js";
import type { QboLine } from "./types.js";

/** QuickBooks keeps `DocNumber` to 21 characters. */
export const QUICKBOOKS_DOC_NUMBER_MAX = 21;
/** The longest `DisplayName` this connector writes (QuickBooks allows more; lists show less). */
export const QUICKBOOKS_DISPLAY_NAME_MAX = 100;

/**
 * A customer's `DisplayName`: the company for businesses and fleets, the person otherwise.
 * QuickBooks reserves `:` for sub-customers and refuses tabs and newlines, and names are unique
 * across customers, vendors and employees — so `suffix` (part of the hub's customer id) tells
 * two customers with the same name apart when the plain name is taken.
 */
export function quickBooksDisplayName(customer: PushCustomer, suffix?: string): string {
  const base = customer.type === "individual" ? customer.name : (customer.company ?? customer.name);
  const clean = base
    .replace(/[:\t\r\n\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const tail = suffix === undefined ? "" : ` (${suffix})`;
  return `${clean.slice(0, QUICKBOOKS_DISPLAY_NAME_MAX - tail.length).trim()}${tail}`;
}

/** Escapes a value for a `'…'` literal in the QuickBooks query language. */
export function quickBooksQueryLiteral(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** What a push sends to create a customer. */
export interface QboCustomerCreate {
  DisplayName: string;
  GivenName?: string;
  CompanyName?: string;
  PrimaryEmailAddr?: { Address: string };
  PrimaryPhone?: { FreeFormNumber: string };
}

/** The customer a push creates. */
export function quickBooksCustomerBody(
  customer: PushCustomer,
  displayName: string,
): QboCustomerCreate {
  const company = customer.company ?? (customer.type === "individual" ? undefined : customer.name);
  return {
    DisplayName: displayName,
    ...(customer.type === "individual" && { GivenName: customer.name.slice(0, 100) }),
    ...(company !== undefined && { CompanyName: company.slice(0, 100) }),
    ...(customer.email && { PrimaryEmailAddr: { Address: customer.email } }),
    ...(customer.phone && { PrimaryPhone: { FreeFormNumber: customer.phone } }),
  };
}

/**
 * The note that marks a document as this order's: `Forecourt order ord_…-v2`. A push that finds
 * a document by `DocNumber` reads it to know whose it is and which terms version it holds.
 */
export function quickBooksMarker(order: Pick<PushOrder, "id" | "version">): string {
  return `Forecourt order ${order.id} v${order.version}`;
}

export function readQuickBooksMarker(
  note: string | undefined,
): { orderId: string; version: number } | undefined {
  const match = /Forecourt order (ord_[0-9A-HJKMNP-TV-Z]{26}) v(\d{1,9})/.exec(note ?? "");
  return match ? { orderId: match[1]!, version: Number(match[2]) } : undefined;
}

function itemFor(line: PushOrderLine, config: QuickBooksConfig): string {
  return config.items[line.kind] ?? config.items.default;
}

function taxCodeFor(line: PushOrderLine, config: QuickBooksConfig): string | undefined {
  return line.taxRateBps > 0 ? config.taxCode : (config.nonTaxableTaxCode ?? undefined);
}

/** The lines as QuickBooks sales item lines; negative for discounts and trade-in credit. */
export function quickBooksLines(order: PushOrder, config: QuickBooksConfig): QboLine[] {
  return order.lines
    .filter((line) => !(line.kind === "trade_in_credit" && config.tradeInCredit === "omit"))
    .map((line) => {
      const taxCode = taxCodeFor(line, config);
      return {
        Description: line.description,
        Amount: majorUnits(line.amount, order.currency),
        DetailType: "SalesItemLineDetail",
        SalesItemLineDetail: {
          ItemRef: { value: itemFor(line, config) },
          Qty: line.quantity,
          UnitPrice: majorUnits(line.unitAmount, order.currency),
          ...(config.taxCode !== undefined &&
            taxCode !== undefined && { TaxCodeRef: { value: taxCode } }),
        },
      };
    });
}

/** The invoice or sales receipt for an order, for `customerId`. */
export function quickBooksDocumentBody(
  order: PushOrder,
  customerId: string,
  config: QuickBooksConfig,
  customer: PushCustomer = order.customer,
): Record<string, unknown> {
  return {
    DocNumber: order.orderNumber,
    TxnDate: order.orderDate,
    ...(config.document === "invoice" && order.dueDate !== undefined && { DueDate: order.dueDate }),
    CustomerRef: { value: customerId },
    PrivateNote: quickBooksMarker(order),
    CustomerMemo: { value: `订单 Order ${order.orderNumber}` },
    ...(config.taxCode !== undefined && {
      GlobalTaxCalculation: order.pricesIncludeVat ? "TaxInclusive" : "TaxExcluded",
    }),
    ...(config.sendCurrency && { CurrencyRef: { value: order.currency } }),
    ...(customer.email &&
      config.document === "invoice" && { BillEmail: { Address: customer.email } }),
    Line: quickBooksLines(order, config),
  };
}
