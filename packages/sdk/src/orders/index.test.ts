import { describe, expect, expectTypeOf, it } from "vitest";
import * as root from "../index.js";
import type { Money } from "../primitives/money.js";
import type {
  AppliedOrderChange,
  ApprovalResult,
  LoanSchedule,
  Order,
  OrderChange,
  OrderStatistics,
  OrderStatus,
  OrderTotals,
  RenderedContract,
  RequestedOrderChange,
} from "./index.js";
import * as orders from "./index.js";

describe("the orders API", () => {
  it("exports the functions and constants callers use, and no test helpers", () => {
    for (const name of [
      "computeOrderTotals",
      "vatContained",
      "DEFAULT_TAX_RULES",
      "nextOrderNumber",
      "parseOrderNumber",
      "orderNumberDate",
      "evaluateApproval",
      "DEFAULT_APPROVAL_RULES",
      "createOrder",
      "changeOrderStatus",
      "recordApproval",
      "ORDER_CANCELLABLE_STATUSES",
      "requestOrderChange",
      "decideOrderChange",
      "applyOrderChange",
      "renderContract",
      "signContract",
      "contractDigest",
      "amountInChineseWords",
      "loanSchedule",
      "orderLoanSchedule",
      "orderStatistics",
      "orderSchema",
      "ORDER_STATUS_TRANSITIONS",
    ]) {
      expect(orders, name).toHaveProperty(name);
      expect(root, name).toHaveProperty(name);
    }
    for (const internal of ["makeOrder", "divRound", "mulDivRound", "diffFields", "PASSAT_ORDER"]) {
      expect(orders).not.toHaveProperty(internal);
    }
  });

  it("exports the webhooks from the package root too", () => {
    for (const name of [
      "verifyWebhook",
      "signWebhook",
      "webhookEventSchema",
      "WebhookVerificationError",
    ]) {
      expect(root, name).toHaveProperty(name);
    }
  });

  it("types what the functions take and return", () => {
    expectTypeOf(orders.computeOrderTotals).returns.toEqualTypeOf<OrderTotals>();
    expectTypeOf<OrderTotals["total"]>().toEqualTypeOf<Money>();
    expectTypeOf(orders.evaluateApproval).returns.toEqualTypeOf<ApprovalResult>();
    expectTypeOf(orders.changeOrderStatus).returns.toEqualTypeOf<Order>();
    expectTypeOf(orders.changeOrderStatus).parameter(1).toEqualTypeOf<OrderStatus>();
    expectTypeOf(orders.requestOrderChange).returns.toEqualTypeOf<RequestedOrderChange>();
    expectTypeOf(orders.applyOrderChange).returns.toEqualTypeOf<AppliedOrderChange>();
    expectTypeOf(orders.decideOrderChange).returns.toEqualTypeOf<OrderChange>();
    expectTypeOf(orders.renderContract).returns.resolves.toEqualTypeOf<RenderedContract>();
    expectTypeOf(orders.signContract).returns.resolves.toEqualTypeOf<orders.Contract>();
    expectTypeOf(orders.loanSchedule).returns.toEqualTypeOf<LoanSchedule>();
    expectTypeOf(orders.orderStatistics).returns.toEqualTypeOf<OrderStatistics>();
    expectTypeOf(orders.nextOrderNumber).returns.toEqualTypeOf<string>();
  });
});
