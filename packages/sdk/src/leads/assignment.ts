import { z } from "zod";
import { parseInput } from "../validate.js";
import {
  type AssignableLead,
  type AssignmentLeadFields,
  assignmentLeadSchema,
  type Clock,
  type Exclusion,
  exclusion,
  mismatch,
} from "./assignmentChecks.js";
import {
  type AssignLeadContext,
  assignLeadContextSchema,
  readContextFast,
} from "./assignmentContext.js";
import {
  type AssignmentConfig,
  type CompiledAssignmentRules,
  type CompiledRule,
  type CompiledSalesperson,
  resolveAssignmentRules,
} from "./assignmentRules.js";
import { createTrustMark, isNormalized, reason } from "./config.js";
import type { Reason } from "./schema.js";

export type { AssignLeadContext } from "./assignmentContext.js";

/** Round-robin position per rule and open-lead count per salesperson; persist it between calls. */
export const assignmentStateSchema = z.strictObject({
  positions: z.record(z.string(), z.number().int().min(0)).default({}),
  openLeads: z.record(z.string(), z.number().int().min(0)).default({}),
});
export type AssignmentStateInput = z.input<typeof assignmentStateSchema>;
export type AssignmentState = z.output<typeof assignmentStateSchema>;
/** States this module produced (or already validated) are frozen and need no second validation. */
const trustedStates = createTrustMark("forecourt.assignmentState");
export const EMPTY_ASSIGNMENT_STATE: AssignmentState = trustedStates.mark({
  positions: {},
  openLeads: {},
});

export type AssignmentResult =
  | {
      outcome: "assigned";
      salespersonId: string;
      storeId: string;
      teamId: string | undefined;
      ruleId: string;
      strategy: "round_robin" | "least_loaded" | "existing_relationship";
      reasons: Reason[];
      nextState: AssignmentState;
    }
  | {
      outcome: "unassigned";
      fallback: "pool" | "manager";
      /** The manager of the first matching rule's store, when `fallback` is "manager". */
      managerId: string | undefined;
      storeId: string | undefined;
      reasons: Reason[];
      nextState: AssignmentState;
    };

function withAssignment(
  state: AssignmentState,
  ruleId: string,
  position: number | undefined,
  personId: string,
): AssignmentState {
  let positions = state.positions;
  if (position !== undefined) {
    positions = { ...positions, [ruleId]: position };
    Object.freeze(positions);
  }
  const openLeads = { ...state.openLeads, [personId]: (state.openLeads[personId] ?? 0) + 1 };
  Object.freeze(openLeads);
  // Both records are frozen already (they hold only numbers), so marking freezes just the top.
  return trustedStates.mark({ positions, openLeads });
}

function describeExclusions(counts: Map<Exclusion, number>): string {
  if (counts.size === 0) return "the rule's pool is empty";
  return [...counts].map(([why, n]) => `${n} ${why}`).join(", ");
}

/**
 * Routes a lead to a salesperson. Rules are tried in order; a rule applies when all its conditions
 * hold. Within a rule, the salesperson who already owns the customer comes first (when the rule
 * allows it and they are eligible), then the rule's strategy picks from its pool: round-robin
 * continues after the last person chosen; least-loaded takes the fewest open leads, ties broken in
 * round-robin order. When a rule's pool has nobody eligible the next rule is tried; when no rule
 * yields anybody the lead goes to the configured fallback (the pool or the store manager).
 * Pure: the caller persists `nextState` and passes it to the next call.
 */
export function assignLead(lead: AssignableLead, context: AssignLeadContext): AssignmentResult {
  const ctx =
    readContextFast(context) ?? parseInput(assignLeadContextSchema, context, "assignLead context");
  const compiled = resolveAssignmentRules(ctx.rules as AssignmentConfig | CompiledAssignmentRules);
  let state: AssignmentState;
  if (ctx.state === undefined) state = EMPTY_ASSIGNMENT_STATE;
  else if (trustedStates.has(ctx.state)) {
    state = ctx.state as AssignmentState;
  } else {
    state = parseInput(assignmentStateSchema, ctx.state, "assignment state");
    trustedStates.mark(state);
  }
  const l = isNormalized(lead)
    ? (lead as AssignmentLeadFields)
    : parseInput(assignmentLeadSchema, lead, "lead for assignment");
  const grade = ctx.grade ?? l.grade;
  const clock: Clock = { at: Date.parse(ctx.now), zones: new Map() };
  const existingId = ctx.existingSalespersonId ?? l.salespersonId;
  const reasons: Reason[] = [];
  let firstMatch: CompiledRule | undefined;

  for (const rule of compiled.rules) {
    if (mismatch(rule, l, grade) !== undefined) continue;
    firstMatch ??= rule;
    reasons.push(reason("rule_matched", `rule "${rule.id}" matches the lead`));

    if (rule.existingRelationshipFirst && existingId !== undefined) {
      const known = compiled.people.get(existingId);
      const why = known
        ? exclusion(known, l, rule.onShiftOnly, state.openLeads, clock)
        : "not in this rule set";
      if (why === undefined && known) {
        reasons.push(reason("existing_relationship", `${known.id} already owns this customer`));
        return assigned(rule, known, "existing_relationship", undefined, state, reasons);
      }
      reasons.push(
        reason("existing_relationship_skipped", `${existingId} owns this customer but is ${why}`),
      );
    }

    const pool = rule.pool;
    const n = pool.length;
    const start = (state.positions[rule.id] ?? 0) % Math.max(n, 1);
    const excluded = new Map<Exclusion, number>();
    let chosen = -1;
    let chosenLoad = Infinity;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const person = pool[i]!;
      const why = exclusion(person, l, rule.onShiftOnly, state.openLeads, clock);
      if (why !== undefined) {
        excluded.set(why, (excluded.get(why) ?? 0) + 1);
        continue;
      }
      if (rule.strategy === "round_robin") {
        chosen = i;
        break;
      }
      const load = state.openLeads[person.id] ?? 0;
      if (load < chosenLoad) {
        chosen = i;
        chosenLoad = load;
      }
    }
    if (chosen >= 0) {
      const person = pool[chosen]!;
      reasons.push(
        rule.strategy === "round_robin"
          ? reason("round_robin", `${person.id} is next in turn (${chosen + 1} of ${n})`)
          : reason("least_loaded", `${person.id} has the fewest open leads (${chosenLoad})`),
      );
      if (rule.onShiftOnly) reasons.push(reason("on_shift", `${person.id} is on shift now`));
      return assigned(rule, person, rule.strategy, (chosen + 1) % n, state, reasons);
    }
    reasons.push(
      reason(
        "nobody_eligible",
        `rule "${rule.id}": nobody eligible (${describeExclusions(excluded)})`,
      ),
    );
  }

  if (!firstMatch) reasons.push(reason("no_rule_matched", "no assignment rule matches the lead"));
  const storeId = firstMatch?.storeId;
  const managerId = storeId === undefined ? undefined : compiled.managers.get(storeId);
  if (compiled.fallback === "manager") {
    reasons.push(
      reason(
        "fallback_manager",
        managerId
          ? `left for the store manager ${managerId} to assign`
          : "left for a manager to assign (the store has no manager on record)",
      ),
    );
  } else {
    reasons.push(reason("fallback_pool", "left in the unassigned pool"));
  }
  return {
    outcome: "unassigned",
    fallback: compiled.fallback,
    managerId,
    storeId,
    reasons,
    nextState: state,
  };
}

function assigned(
  rule: CompiledRule,
  person: CompiledSalesperson,
  strategy: "round_robin" | "least_loaded" | "existing_relationship",
  position: number | undefined,
  state: AssignmentState,
  reasons: Reason[],
): AssignmentResult {
  return {
    outcome: "assigned",
    salespersonId: person.id,
    storeId: person.storeId,
    teamId: person.teamId,
    ruleId: rule.id,
    strategy,
    reasons,
    nextState: withAssignment(state, rule.id, position, person.id),
  };
}
