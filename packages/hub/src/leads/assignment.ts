import {
  type AssignableLead,
  type AssignmentResult,
  assignLead,
  type CompiledAssignmentRules,
  OPEN_LEAD_STATUSES,
} from "@forecourt/sdk";
import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { assignmentState, leads } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import type { AssignmentSetup } from "./assignmentSetup.js";

/**
 * One round-robin state per tenant. Positions are kept per rule id inside it; workload (open
 * leads per salesperson) is not stored but counted from the leads themselves under the same
 * lock, so it can never drift from the truth when leads close or change hands.
 */
const POOL_KEY = "leads";

interface StoredState {
  positions?: Record<string, number>;
}

/**
 * Takes the tenant's assignment lock and reads the round-robin positions in one statement: the
 * upsert creates the row the first time and otherwise row-locks it exactly like
 * `SELECT … FOR UPDATE`, and its RETURNING shows the latest committed positions even after
 * waiting for another transaction. The lock holds until this transaction ends, so parallel
 * intakes take their turns one after another and every turn is used exactly once.
 */
async function lockPositions(tx: Tx, tenantId: string): Promise<Record<string, number>> {
  const [row] = await tx
    .insert(assignmentState)
    .values({ tenantId, poolKey: POOL_KEY, state: { positions: {} } })
    .onConflictDoUpdate({
      target: [assignmentState.tenantId, assignmentState.poolKey],
      set: { updatedAt: sql`${assignmentState.updatedAt}` },
    })
    .returning({ state: assignmentState.state });
  return { ...((row?.state as StoredState | undefined)?.positions ?? {}) };
}

async function openLeadCounts(tx: Tx, tenantId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ salespersonId: leads.salespersonId, open: sql<number>`count(*)::int` })
    .from(leads)
    .where(
      and(
        eq(leads.tenantId, tenantId),
        inArray(leads.status, [...OPEN_LEAD_STATUSES]),
        isNotNull(leads.salespersonId),
      ),
    )
    .groupBy(leads.salespersonId);
  return Object.fromEntries(rows.map((r) => [r.salespersonId!, r.open]));
}

export interface AssignOptions {
  rules: CompiledAssignmentRules | undefined;
  grade: string | undefined;
  /** The salesperson who already knows this customer (the customer's owner, or the creator). */
  existingSalespersonId: string | undefined;
  now: Date;
}

/**
 * Runs the SDK's `assignLead` under the tenant's assignment lock and stores the positions it
 * moved. Without rules (a group with no sales staff) the lead stays in the pool.
 */
export async function assignUnderLock(
  tx: Tx,
  tenantId: string,
  setup: AssignmentSetup,
  lead: AssignableLead,
  options: AssignOptions,
): Promise<AssignmentResult> {
  const { result, savePositions } = await assignLocked(tx, tenantId, setup, lead, options);
  if (savePositions) await tx.execute(savePositions);
  return result;
}

/**
 * Like `assignUnderLock`, but the statement that stores the moved positions is handed back
 * instead of run, so the caller can send it with its other writes in one round trip. The lock
 * is held from here until the transaction ends either way; the caller must run `savePositions`
 * (when there is one) in the same transaction before it commits.
 */
export async function assignLocked(
  tx: Tx,
  tenantId: string,
  setup: AssignmentSetup,
  lead: AssignableLead,
  options: AssignOptions,
): Promise<{ result: AssignmentResult; savePositions: SQL | undefined }> {
  const { results, savePositions } = await assignManyLocked(tx, tenantId, setup, [
    { lead, options },
  ]);
  return { result: results[0]!, savePositions };
}

/** What a group without rules (no sales staff) answers: the lead stays in the pool. */
const UNASSIGNED: AssignmentResult = {
  outcome: "unassigned",
  fallback: "pool",
  managerId: undefined,
  storeId: undefined,
  reasons: [
    { code: "no_sales_staff", message: "the group has no active sales staff to assign to" },
    { code: "fallback_pool", message: "left in the unassigned pool" },
  ],
  nextState: { positions: {}, openLeads: {} },
};

/**
 * `assignLocked` for several leads in one turn of the lock: the positions and workload are read
 * once, each lead is assigned in order from the state the one before it left (exactly as if
 * they had come one after another), and one statement stores where the positions ended.
 */
export async function assignManyLocked(
  tx: Tx,
  tenantId: string,
  setup: AssignmentSetup,
  requests: { lead: AssignableLead; options: AssignOptions }[],
): Promise<{ results: AssignmentResult[]; savePositions: SQL | undefined }> {
  if (requests.every((r) => !r.options.rules)) {
    return { results: requests.map(() => UNASSIGNED), savePositions: undefined };
  }
  const start = await lockPositions(tx, tenantId);
  let positions = start;
  let openLeads = setup.needsWorkload ? await openLeadCounts(tx, tenantId) : {};
  const results: AssignmentResult[] = [];
  let now: Date | undefined;
  for (const { lead, options } of requests) {
    if (!options.rules) {
      results.push(UNASSIGNED);
      continue;
    }
    const result = assignLead(lead, {
      rules: options.rules,
      state: { positions, openLeads },
      now: options.now.toISOString(),
      ...(options.grade === undefined ? {} : { grade: options.grade }),
      ...(options.existingSalespersonId === undefined
        ? {}
        : { existingSalespersonId: options.existingSalespersonId }),
    });
    positions = result.nextState.positions;
    openLeads = result.nextState.openLeads;
    now = options.now;
    results.push(result);
  }
  const moved = Object.keys(positions).some((rule) => positions[rule] !== start[rule]);
  const savePositions =
    moved && now
      ? tx
          .update(assignmentState)
          .set({
            state: { positions: { ...positions } },
            updatedAt: now,
            version: sql`${assignmentState.version} + 1`,
          })
          .where(and(eq(assignmentState.tenantId, tenantId), eq(assignmentState.poolKey, POOL_KEY)))
          .getSQL()
      : undefined;
  return { results, savePositions };
}
