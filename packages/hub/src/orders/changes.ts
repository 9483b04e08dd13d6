import {
  applyOrderChange,
  decideOrderChange,
  type Order,
  type OrderChange,
  type OrderChangeRequest,
  type OrderVersion,
  requestOrderChange,
} from "@forecourt/sdk";
import type { Actor } from "../auth/roles.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { assertInDealScope, type DealScope } from "../opportunities/scope.js";
import { approverRolesOf, requiredPerson } from "./access.js";
import { recordOrderEvent } from "./events.js";
import { moveOrder, mutateOrder, runOrderDomain } from "./mutate.js";
import {
  insertChange,
  insertOrderVersion,
  loadChange,
  loadOrder,
  saveChange,
  versionConflict,
} from "./rows.js";
import type { TenantOrderRules } from "./rules.js";

export interface ChangeOutcome {
  change: OrderChange;
  order: Order;
  termsVersion?: OrderVersion;
  contractOutdated: boolean;
  approvalReset: boolean;
}

/**
 * Applies a change the SDK allows to apply, inside the order's mutation: the new terms version
 * is written, and a submitted order whose change needed approval goes back to draft — the
 * approvals it collected were for the old terms (回到审核).
 */
async function applyWithin(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  order: Order,
  change: OrderChange,
  person: string,
): Promise<ChangeOutcome> {
  let applied: ReturnType<typeof applyOrderChange> | undefined;
  let approvalReset = false;
  const after = await mutateOrder(tx, actor, scope, requestId, order.id, {
    action: "order.changed",
    version: order.version,
    async change(current, at) {
      applied = applyOrderChange(current, change, { at });
      if (change.requiresApproval && applied.order.status === "submitted") {
        approvalReset = true;
        return moveOrder(applied.order, "draft", person, {
          at,
          reason: `terms changed by ${change.id}; submit again for approval`,
        });
      }
      return applied.order;
    },
  });
  const result = applied!;
  await saveChange(tx, actor.tenantId, change, result.change);
  await insertOrderVersion(tx, actor.tenantId, result.version);
  await recordOrderEvent(tx, actor.tenantId, "order.changed", after, {
    changeId: change.id,
    kind: change.kind,
    termsVersion: result.version.version,
    contractOutdated: result.contractOutdated,
  });
  return {
    change: result.change,
    order: after,
    termsVersion: result.version,
    contractOutdated: result.contractOutdated,
    approvalReset,
  };
}

/**
 * Writes a change request (变更). One that needs nobody's approval is applied at once; one that
 * does waits, pending, for `decideChange`.
 */
export async function requestChange(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  rules: TenantOrderRules,
  body: {
    kind: OrderChange["kind"];
    after: unknown;
    reason: string;
    version: number;
    by?: string | undefined;
  },
): Promise<ChangeOutcome> {
  const person = await requiredPerson(tx, actor, scope, body.by);
  let written: OrderChange | undefined;
  const order = await mutateOrder(tx, actor, scope, requestId, id, {
    action: "order.change_requested",
    version: body.version,
    async change(current, at) {
      const request = {
        kind: body.kind,
        after: body.after,
        reason: body.reason,
        requestedBy: person,
        requestedAt: at,
      } as OrderChangeRequest;
      written = requestOrderChange(current, request, rules.changes).change;
      // The order row itself is unchanged; its version moves so readers see a change is open.
      return { ...current, updatedAt: at, version: current.version + 1 };
    },
  });
  const change = written!;
  await insertChange(tx, actor.tenantId, change);
  await recordOrderEvent(tx, actor.tenantId, "order.change_requested", order, {
    changeId: change.id,
    kind: change.kind,
    requiresApproval: change.requiresApproval,
    approvers: change.approvers ?? [],
  });
  if (change.requiresApproval) {
    return { change, order, contractOutdated: false, approvalReset: false };
  }
  return applyWithin(tx, actor, scope, requestId, order, change, person);
}

export interface DecisionBody {
  version: number;
  decision: "approved" | "rejected" | "withdrawn";
  role?: string | undefined;
  note?: string | undefined;
  by?: string | undefined;
}

/**
 * Decides a pending change: an approver of a role the change needs approves or rejects it (an
 * approval applies it at once); the requester, or a manager or admin, withdraws it.
 */
export async function decideChange(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  orderId: string,
  changeId: string,
  body: DecisionBody,
): Promise<ChangeOutcome> {
  const person = await requiredPerson(tx, actor, scope, body.by);
  // Lock the order first (as every order mutation does), then the change.
  const order = await loadOrder(tx, actor.tenantId, orderId, true);
  assertInDealScope(scope, "order", order);
  const before = await loadChange(tx, actor.tenantId, orderId, changeId);
  if (body.version !== before.version) {
    throw versionConflict("order change", changeId, body.version, before.version);
  }
  if (body.decision === "withdrawn") {
    const mayWithdraw =
      before.requestedBy === person || actor.role === "admin" || actor.role === "manager";
    if (!mayWithdraw) throw new HubError("forbidden", "Only the requester withdraws a change");
  } else {
    const allowed = approverRolesOf(actor);
    const needed = before.approvers ?? [];
    const role = body.role ?? needed.find((r) => !allowed || allowed.includes(r));
    if (!role || !needed.includes(role) || (allowed && !allowed.includes(role))) {
      throw new HubError(
        "forbidden",
        `This change needs a decision by ${needed.join(" or ") || "nobody"}; a ${actor.role} key cannot give it`,
        { role: actor.role, required: needed },
      );
    }
  }
  const decided = await runOrderDomain(() =>
    decideOrderChange(before, {
      at: new Date(Math.max(Date.now(), Date.parse(before.updatedAt))).toISOString(),
      by: person,
      decision: body.decision,
      ...(body.note ? { note: body.note } : {}),
    }),
  );
  await saveChange(tx, actor.tenantId, before, decided);
  await recordAudit(tx, actor, requestId, {
    action: `order.change_${body.decision}`,
    entityType: "order_change",
    entityId: changeId,
    before,
    after: decided,
  });
  if (decided.status !== "approved") {
    return { change: decided, order, contractOutdated: false, approvalReset: false };
  }
  return applyWithin(tx, actor, scope, requestId, order, decided, person);
}
