import { and, eq } from "drizzle-orm";
import { followUpTasks, leads, salespeople } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import type { LeadRow, TaskRow } from "./rows.js";
import { assertInScope, type LeadScope } from "./scope.js";

/** A lead of this tenant inside the key's scope (404 otherwise), row-locked when `forUpdate`. */
export async function loadLead(
  tx: Tx,
  tenantId: string,
  scope: LeadScope,
  id: string,
  forUpdate = false,
): Promise<LeadRow> {
  const query = tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, id)))
    .limit(1);
  const row = (forUpdate ? await query.for("update") : await query)[0];
  if (!row) throw notFound("lead", id);
  assertInScope(scope, "lead", row);
  return row;
}

/**
 * A follow-up task and its lead, both inside the key's scope: a sales key's own tasks, a store
 * key's store's, or the group's. Outside it: 404.
 */
export async function loadTask(
  tx: Tx,
  tenantId: string,
  scope: LeadScope,
  id: string,
  forUpdate = false,
): Promise<{ task: TaskRow; lead: LeadRow }> {
  const query = tx
    .select()
    .from(followUpTasks)
    .where(and(eq(followUpTasks.tenantId, tenantId), eq(followUpTasks.id, id)))
    .limit(1);
  const task = (forUpdate ? await query.for("update") : await query)[0];
  if (!task) throw notFound("task", id);
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, task.leadId)))
    .limit(1);
  if (!lead) throw notFound("task", id);
  const visible =
    (scope.salespersonId === undefined || task.salespersonId === scope.salespersonId) &&
    (scope.storeId === undefined || lead.storeId === scope.storeId);
  if (!visible) throw notFound("task", id);
  return { task, lead };
}

/** A salesperson of this tenant named in a body; unknown or inactive ones are a 400. */
export async function loadAssignee(tx: Tx, tenantId: string, id: string, path = "salespersonId") {
  const [person] = await tx
    .select()
    .from(salespeople)
    .where(and(eq(salespeople.tenantId, tenantId), eq(salespeople.id, id)))
    .limit(1);
  if (!person) throw invalidBody(path, "no such salesperson");
  if (!person.active) throw invalidBody(path, "this salesperson is not active");
  return person;
}

export const invalidBody = (path: string, message: string) =>
  new HubError("validation_failed", `Invalid body: ${path}: ${message}`, {
    issues: [{ path, message, in: "body" }],
  });
