import { and, eq } from "drizzle-orm";
import type { Actor, ApiKeyRole } from "../auth/roles.js";
import { salespeople } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError } from "../errors.js";
import type { DealScope } from "../opportunities/scope.js";

/** Roles that enter orders, submit them, request changes and record the lifecycle milestones. */
export const ORDER_WRITERS: readonly ApiKeyRole[] = ["admin", "manager", "sales", "integration"];
/** Roles that may decide approvals (which approver role each may act in: `approverRolesOf`). */
export const ORDER_APPROVERS: readonly ApiKeyRole[] = ["admin", "manager", "finance"];
/** Roles that may replace a group's contract templates. */
export const TEMPLATE_WRITERS: readonly ApiKeyRole[] = ["admin"];
/** Roles that may read the group's order rules: its writers, and managers, who approve by them. */
export const ORDER_RULE_READERS: readonly ApiKeyRole[] = ["admin", "finance", "manager"];
/** Roles that may replace the group's order rules (approval, tax, changes), with a group key. */
export const ORDER_RULE_WRITERS: readonly ApiKeyRole[] = ["admin", "finance"];

/**
 * The approver roles (the SDK's rule roles) a key may decide in: a manager's key as `manager`, a
 * finance key as `finance`, an admin key as any role the rules name (`general_manager`, or a
 * group's own such as `sales_director`). `undefined` means any.
 */
export function approverRolesOf(actor: Actor): readonly string[] | undefined {
  if (actor.role === "admin") return undefined;
  if (actor.role === "manager") return ["manager"];
  if (actor.role === "finance") return ["finance"];
  return [];
}

/** The role a decision is recorded in: the one asked for, checked against the key. */
export function approverRole(actor: Actor, asked: string | undefined): string {
  const allowed = approverRolesOf(actor);
  const role = asked ?? allowed?.[0];
  if (!role) {
    throw new HubError("validation_failed", "Name the approver role this decision is made in", {
      issues: [{ path: "role", message: "is required for an admin key", in: "body" }],
    });
  }
  if (allowed && !allowed.includes(role)) {
    throw new HubError("forbidden", `A ${actor.role} key cannot decide as ${role}`, {
      role: actor.role,
      approverRole: role,
    });
  }
  return role;
}

/**
 * The salesperson who acts: the key's own, or — for a key not bound to one — the `by` the caller
 * names, which must be a salesperson of the tenant (and of the key's store, for a store key).
 * `undefined` when neither: routes whose SDK record needs a person refuse that with 400.
 */
export async function actingPerson(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  by: string | undefined,
): Promise<string | undefined> {
  if (actor.salespersonId) {
    if (by !== undefined && by !== actor.salespersonId) {
      throw new HubError("forbidden", "This key may only act as its own salesperson", {
        salespersonId: actor.salespersonId,
      });
    }
    return actor.salespersonId;
  }
  if (by === undefined) return undefined;
  const [person] = await tx
    .select({ storeId: salespeople.storeId })
    .from(salespeople)
    .where(and(eq(salespeople.tenantId, actor.tenantId), eq(salespeople.id, by)))
    .limit(1);
  if (!person || (scope.storeId !== undefined && person.storeId !== scope.storeId)) {
    throw new HubError("validation_failed", `Invalid body: by: no salesperson ${by} here`, {
      issues: [{ path: "by", message: "is not a salesperson of this group or store", in: "body" }],
    });
  }
  return by;
}

/** `actingPerson`, where the SDK's record needs someone (an approval, a change request). */
export async function requiredPerson(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  by: string | undefined,
): Promise<string> {
  const person = await actingPerson(tx, actor, scope, by);
  if (!person) {
    throw new HubError(
      "validation_failed",
      "Invalid body: by: this key is not bound to a salesperson; name who acts",
      {
        issues: [
          { path: "by", message: "is required for a key without a salesperson", in: "body" },
        ],
      },
    );
  }
  return person;
}
