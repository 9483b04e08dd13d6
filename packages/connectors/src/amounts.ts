import { formatMoneyDecimal } from "@forecourt/sdk";

/**
 * Vendors take money in major units: a decimal string (SAP, Yonyou) or a JSON number
 * (QuickBooks, Xero, Odoo). Both come from the exact minor-unit integer through the SDK's
 * decimal formatting, so `22990000` fen is `"229900.00"` and `229900` — never a float sum.
 */

/** `"229900.00"` for 22,990,000 fen: exact, with the currency's minor-unit digits. */
export function majorUnitsText(amount: number, currency: string): string {
  return formatMoneyDecimal({ amount, currency });
}

/** `229900` for 22,990,000 fen: the nearest double, which JSON writes back as the same decimal. */
export function majorUnits(amount: number, currency: string): number {
  return Number(majorUnitsText(amount, currency));
}
