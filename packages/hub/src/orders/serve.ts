import {
  computeOrderTotals,
  type LoanSchedule,
  type Order,
  type OrderTotals,
  orderLoanSchedule,
  type TaxRulesInput,
} from "@forecourt/sdk";

export type ServedOrder = Order & { totals: OrderTotals; loanSchedule?: LoanSchedule };

/** The order as served: with the SDK's totals, and the loan schedule when it is financed. */
export function servedOrder(order: Order, taxRules: TaxRulesInput | undefined): ServedOrder {
  const options = taxRules ? { taxRules } : {};
  const totals = computeOrderTotals(order, options);
  const financed = order.financing !== undefined && totals.amountFinanced.amount > 0;
  return {
    ...order,
    totals,
    ...(financed ? { loanSchedule: orderLoanSchedule(order, options) } : {}),
  };
}
