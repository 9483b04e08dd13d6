import { majorUnitsText } from "./amounts.js";
import { PermanentConnectorError } from "./errors.js";
import type { PushOrder, PushOrderLine } from "./push.js";

/**
 * Order lines as ERP sales orders take them. ERPs price items and rarely accept negative lines,
 * so the order's discounts are folded into the vehicle line's price, and trade-in credit — a
 * separate purchase of the customer's old car in China (二手车收购), not part of the new car's
 * sale — is left out by default. What was folded or left out is said in a note.
 */

export interface ErpLine {
  kind: PushOrderLine["kind"];
  description: string;
  code?: string;
  quantity: number;
  /** Per unit, net of folded discounts, VAT as in the order. */
  unitAmount: number;
  amount: number;
  taxRateBps: number;
  taxAmount: number;
  /** The discounts folded into this line (a positive amount off it), minor units. */
  discount: number;
  /** What the ERP user should know about the line (a folded discount). */
  note?: string;
}

export interface ErpLineOptions {
  /** `line` keeps trade-in credit as a negative line (for ERPs that take one). */
  tradeInCredit?: "omit" | "line";
}

export interface ErpLines {
  lines: ErpLine[];
  /** Header remarks: the trade-in left out, the discounts folded. */
  notes: string[];
}

export function erpLines(order: PushOrder, options: ErpLineOptions = {}): ErpLines {
  const money = (amount: number) => `${majorUnitsText(amount, order.currency)} ${order.currency}`;
  const notes: string[] = [];
  const discounts = order.lines.filter((line) => line.kind === "discount");
  const kept = order.lines.filter(
    (line) =>
      line.kind !== "discount" &&
      (line.kind !== "trade_in_credit" || options.tradeInCredit === "line"),
  );
  const lines: ErpLine[] = kept.map((line) => ({
    kind: line.kind,
    description: line.description,
    ...(line.code !== undefined && { code: line.code }),
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    amount: line.amount,
    taxRateBps: line.taxRateBps,
    taxAmount: line.taxAmount,
    discount: 0,
  }));
  if (discounts.length > 0) {
    const vehicle = lines.find((line) => line.kind === "vehicle");
    const off = -discounts.reduce((sum, line) => sum + line.amount, 0);
    const net = (vehicle?.amount ?? 0) - off;
    if (vehicle === undefined || net < 0 || net % vehicle.quantity !== 0) {
      throw new PermanentConnectorError(
        `The order's discounts (${money(off)}) cannot be folded into its vehicle line's price`,
        { code: "discount_not_foldable" },
      );
    }
    vehicle.amount = net;
    vehicle.unitAmount = net / vehicle.quantity;
    vehicle.taxAmount += discounts.reduce((sum, line) => sum + line.taxAmount, 0);
    vehicle.discount = off;
    vehicle.note = `含优惠 incl. discount ${money(off)}: ${discounts.map((d) => d.description).join(", ")}`;
    notes.push(vehicle.note);
  }
  const tradeIn = order.lines.filter((line) => line.kind === "trade_in_credit");
  if (tradeIn.length > 0 && options.tradeInCredit !== "line") {
    const credit = -tradeIn.reduce((sum, line) => sum + line.amount, 0);
    notes.push(`置换抵扣 trade-in credit ${money(credit)} not on this order (a separate purchase)`);
  }
  return { lines, notes };
}

/** VAT rate as a percentage number: 1300 basis points → 13. */
export function taxRatePercent(line: { taxRateBps: number }): number {
  return line.taxRateBps / 100;
}
