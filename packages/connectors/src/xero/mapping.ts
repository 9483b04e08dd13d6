import { majorUnits } from "../amounts.js";
import type { PushCustomer, PushOrder, PushOrderLine } from "../push.js";
import type { XeroConfig } from "./config.js";
import type { XeroLineItem } from "./types.js";

/** Xero keeps contact names to 255 characters. */
export const XERO_NAME_MAX = 255;

/** A contact's `Name`: the company for businesses and fleets; `suffix` tells namesakes apart. */
export function xeroContactName(customer: PushCustomer, suffix?: string): string {
  const base = customer.type === "individual" ? customer.name : (customer.company ?? customer.name);
  const clean = base.replace(/\s+/g, " ").trim();
  const tail = suffix === undefined ? "" : ` (${suffix})`;
  return `${clean.slice(0, XERO_NAME_MAX - tail.length).trim()}${tail}`;
}

/** A string literal for a Xero `where` filter: `"…"` with `\` and `"` escaped. */
export function xeroWhereLiteral(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** What a push sends to create a contact. */
export interface XeroContactCreate {
  Name: string;
  ContactNumber: string;
  FirstName?: string;
  EmailAddress?: string;
  Phones?: { PhoneType: "MOBILE"; PhoneNumber: string }[];
  TaxNumber?: string;
}

/** The contact for a customer; `ContactNumber` is the hub's customer id, so it can be found again. */
export function xeroContactBody(customer: PushCustomer, name: string): XeroContactCreate {
  return {
    Name: name,
    ContactNumber: customer.id,
    ...(customer.email && { EmailAddress: customer.email }),
    ...(customer.phone && { Phones: [{ PhoneType: "MOBILE", PhoneNumber: customer.phone }] }),
    ...(customer.taxId && { TaxNumber: customer.taxId.slice(0, 50) }),
  };
}

function taxTypeFor(line: PushOrderLine, config: XeroConfig): string | undefined {
  return line.taxRateBps > 0 ? config.taxType : config.nonTaxableTaxType;
}

export function xeroLineItems(order: PushOrder, config: XeroConfig): XeroLineItem[] {
  return order.lines
    .filter((line) => !(line.kind === "trade_in_credit" && config.tradeInCredit === "omit"))
    .map((line) => {
      const taxType = taxTypeFor(line, config);
      return {
        Description: line.code ? `${line.description} (${line.code})` : line.description,
        Quantity: line.quantity,
        UnitAmount: majorUnits(line.unitAmount, order.currency),
        AccountCode: config.accountCodes[line.kind] ?? config.accountCode,
        ...(taxType !== undefined && { TaxType: taxType }),
      };
    });
}

/** An accounts-receivable invoice numbered (and referenced) with the order number. */
export function xeroInvoiceBody(
  order: PushOrder,
  contactId: string,
  config: XeroConfig,
): Record<string, unknown> {
  return {
    Type: "ACCREC",
    Contact: { ContactID: contactId },
    InvoiceNumber: order.orderNumber,
    Reference: order.orderNumber,
    Date: order.orderDate,
    DueDate: order.dueDate ?? order.orderDate,
    Status: config.status,
    LineAmountTypes: order.pricesIncludeVat ? "Inclusive" : "Exclusive",
    ...(config.sendCurrency && { CurrencyCode: order.currency }),
    ...(config.brandingThemeId !== undefined && { BrandingThemeID: config.brandingThemeId }),
    LineItems: xeroLineItems(order, config),
  };
}
