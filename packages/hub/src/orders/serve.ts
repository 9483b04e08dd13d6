import {
  type ApprovalReason,
  computeOrderTotals,
  currentApprovals,
  evaluateApproval,
  type LoanSchedule,
  type Order,
  type OrderTotals,
  orderLoanSchedule,
} from "@forecourt/sdk";
import type { TenantOrderRules } from "./rules.js";

/** Who must still approve a submitted order, and why (the group's rules as they stand). */
export interface PendingApproval {
  /** Every role the rules ask for, in the order the rules fired. */
  approvers: string[];
  /** Those of them that have not approved since the order was submitted. */
  waitingFor: string[];
  reasons: ApprovalReason[];
}

export type ServedOrder = Order & {
  totals: OrderTotals;
  loanSchedule?: LoanSchedule;
  pendingApproval?: PendingApproval;
};

/**
 * The order as served: with the SDK's totals, the loan schedule when it is financed, and — while
 * it is submitted — who must still approve it and why.
 */
export function servedOrder(
  order: Order,
  rules: Pick<TenantOrderRules, "tax" | "approval">,
): ServedOrder {
  const options = rules.tax ? { taxRules: rules.tax } : {};
  const totals = computeOrderTotals(order, options);
  const financed = order.financing !== undefined && totals.amountFinanced.amount > 0;
  return {
    ...order,
    totals,
    ...(financed ? { loanSchedule: orderLoanSchedule(order, options) } : {}),
    ...(order.status === "submitted" ? { pendingApproval: pendingApproval(order, rules) } : {}),
  };
}

function pendingApproval(order: Order, rules: Pick<TenantOrderRules, "approval">): PendingApproval {
  const verdict = evaluateApproval(order, rules.approval);
  const approved = new Set(
    currentApprovals(order)
      .filter((a) => a.decision === "approved")
      .map((a) => a.role),
  );
  return {
    approvers: verdict.approvers,
    waitingFor: verdict.approvers.filter((role) => !approved.has(role)),
    reasons: verdict.reasons,
  };
}
