import { evaluateApproval, missingApprovals, type Order, recordApproval } from "@forecourt/sdk";
import type { Actor } from "../auth/roles.js";
import { orderApprovals } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import type { DealScope } from "../opportunities/scope.js";
import { actingPerson, approverRole, requiredPerson } from "./access.js";
import { moveOrder, mutateOrder } from "./mutate.js";
import type { TenantOrderRules } from "./rules.js";

/**
 * Submits a draft for approval (审核). The rules are evaluated on the spot: an order no rule
 * stops goes straight on to `approved` (two history entries, two status events).
 */
export async function submitOrder(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  rules: TenantOrderRules,
  body: { version: number; note?: string | undefined; by?: string | undefined },
): Promise<Order> {
  const person = await actingPerson(tx, actor, scope, body.by);
  return mutateOrder(tx, actor, scope, requestId, id, {
    action: "order.submitted",
    version: body.version,
    async change(current, at) {
      const submitted = moveOrder(current, "submitted", person, {
        at,
        ...(body.note ? { reason: body.note } : {}),
      });
      if (evaluateApproval(submitted, rules.approval).required) return submitted;
      return moveOrder(submitted, "approved", person, { at, approval: rules.approval });
    },
  });
}

export interface ApprovalBody {
  version: number;
  decision: "approved" | "rejected";
  role?: string | undefined;
  note?: string | undefined;
  by?: string | undefined;
}

/**
 * Records an approver's decision on a submitted order. The role must be one the rules require
 * for this order and one the key may decide in. A rejection sends the order back to draft with
 * the note; the last approval the rules require moves it to `approved`.
 */
export async function decideApproval(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  rules: TenantOrderRules,
  body: ApprovalBody,
): Promise<Order> {
  const role = approverRole(actor, body.role);
  const approver = await requiredPerson(tx, actor, scope, body.by);
  const approval = rules.approval;
  let seq = 0;
  const order = await mutateOrder(tx, actor, scope, requestId, id, {
    action: body.decision === "approved" ? "order.approval_given" : "order.approval_refused",
    version: body.version,
    async change(current, at) {
      if (current.status !== "submitted") {
        throw new HubError(
          "order_not_submitted",
          `Order ${current.orderNumber} is ${current.status}; only a submitted order takes approvals`,
          { status: current.status },
        );
      }
      const verdict = evaluateApproval(current, approval);
      if (!verdict.approvers.includes(role)) {
        throw new HubError(
          "approval_not_required",
          `The rules do not ask ${role} to approve order ${current.orderNumber}`,
          { role, required: verdict.approvers, reasons: verdict.reasons },
        );
      }
      seq = current.approvals.length;
      const decided = recordApproval(current, {
        at,
        by: approver,
        role,
        decision: body.decision,
        approval,
        ...(body.note ? { note: body.note } : {}),
      });
      if (body.decision === "rejected") {
        return moveOrder(decided, "draft", approver, {
          at,
          reason: `rejected by ${role}: ${body.note}`,
        });
      }
      if (missingApprovals(decided, verdict).length > 0) return decided;
      return moveOrder(decided, "approved", approver, { at, approval });
    },
  });
  const entry = order.approvals[seq]!;
  await tx.insert(orderApprovals).values({
    tenantId: actor.tenantId,
    orderId: id,
    seq,
    approverId: approver,
    role,
    decision: entry.decision,
    rules: entry.rules,
    note: entry.note ?? null,
    apiKeyId: actor.apiKeyId,
    decidedAt: new Date(entry.at),
  });
  return order;
}
