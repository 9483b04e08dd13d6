import {
  type AssignableSalesperson,
  type AssignmentRule,
  type CompiledAssignmentRules,
  compileAssignmentRules,
  type ScheduleStore,
} from "@forecourt/sdk";
import { eq, sql } from "drizzle-orm";
import { assignmentRules, salespeople, stores } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";

export type Fallback = "pool" | "manager";

/** A store as scheduling and assignment read it (a stored store fits the SDK's schemas). */
export type StoreSetup = ScheduleStore & { id: string; timeZone: string };

/**
 * What assignment and follow-up planning need of a tenant: its stores, its salespeople and its
 * rules, compiled. Loaded once and reused while the tenant's organisation and rules stay the same
 * (checked by one cheap fingerprint query per use), so a lead intake does not reload and
 * recompile the whole organisation.
 */
export interface AssignmentSetup {
  fingerprint: string;
  stores: Map<string, StoreSetup>;
  people: Map<string, AssignableSalesperson & { name: string }>;
  /** The tenant's own rules, or undefined when it uses the defaults. */
  configuredRules: AssignmentRule[] | undefined;
  fallback: Fallback;
  rulesVersion: number;
  /** Open-lead counts are read only when some rule or person depends on them. */
  needsWorkload: boolean;
  compiled: Map<string, CompiledAssignmentRules | undefined>;
}

const cache = new WeakMap<object, Map<string, AssignmentSetup>>();

/**
 * The tenant's assignment setup, from the per-process cache when the fingerprint (row counts,
 * version sums and last changes of stores and salespeople, and the rules' version) still matches.
 * `owner` scopes the cache to one hub (tests run several in one process).
 */
export async function loadAssignmentSetup(
  tx: Tx,
  owner: object,
  tenantId: string,
): Promise<AssignmentSetup> {
  const result = await tx.execute<{ fingerprint: string }>(sql`
    SELECT concat_ws('|',
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM salespeople WHERE tenant_id = ${tenantId}),
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM stores WHERE tenant_id = ${tenantId}),
      (SELECT concat_ws(':', version, updated_at) FROM assignment_rules WHERE tenant_id = ${tenantId})
    ) AS fingerprint`);
  const fingerprint = result.rows[0]?.fingerprint ?? "";
  let perTenant = cache.get(owner);
  if (!perTenant) {
    perTenant = new Map();
    cache.set(owner, perTenant);
  }
  const hit = perTenant.get(tenantId);
  if (hit && hit.fingerprint === fingerprint) return hit;
  const setup = await buildSetup(tx, tenantId, fingerprint);
  perTenant.set(tenantId, setup);
  return setup;
}

async function buildSetup(tx: Tx, tenantId: string, fingerprint: string) {
  const storeRows = await tx.select().from(stores).where(eq(stores.tenantId, tenantId));
  const personRows = await tx.select().from(salespeople).where(eq(salespeople.tenantId, tenantId));
  const ruleRows = await tx
    .select()
    .from(assignmentRules)
    .where(eq(assignmentRules.tenantId, tenantId));
  const storeMap = new Map<string, StoreSetup>();
  for (const s of storeRows) {
    storeMap.set(s.id, {
      id: s.id,
      timeZone: s.timeZone,
      businessHours: s.businessHours,
      calendar: s.calendar,
      ...(s.managerId ? { managerId: s.managerId } : {}),
    });
  }
  const people = new Map<string, AssignableSalesperson & { name: string }>();
  for (const p of personRows) {
    people.set(p.id, {
      id: p.id,
      name: p.name,
      storeId: p.storeId,
      ...(p.teamId ? { teamId: p.teamId } : {}),
      role: p.role as AssignableSalesperson["role"],
      brands: p.brands,
      regions: p.regions,
      customerTypes: p.customerTypes as AssignableSalesperson["customerTypes"],
      shifts: p.shifts,
      daysOff: p.daysOff,
      active: p.active,
      ...(p.maxOpenLeads ? { maxOpenLeads: p.maxOpenLeads } : {}),
    });
  }
  const ruleRow = ruleRows[0];
  const configuredRules =
    ruleRow && ruleRow.rules.length > 0 ? (ruleRow.rules as AssignmentRule[]) : undefined;
  const needsWorkload =
    [...people.values()].some((p) => p.maxOpenLeads !== undefined) ||
    (configuredRules ?? []).some((r) => r.strategy === "least_loaded");
  return {
    fingerprint,
    stores: storeMap,
    people,
    configuredRules,
    fallback: (ruleRow?.fallback ?? "pool") as Fallback,
    rulesVersion: ruleRow?.version ?? 0,
    needsWorkload,
    compiled: new Map(),
  } satisfies AssignmentSetup;
}

/** Rule ids of the defaults; round-robin positions are kept per rule id. */
export const storeRuleId = (storeId: string) => `store:${storeId}`;
export const GROUP_RULE_ID = "group";

/**
 * The default when a tenant has configured no rules: the active sales staff of the lead's store
 * take turns; a lead without a store (or a store nobody can take) goes round the whole group.
 */
export function defaultRules(
  setup: AssignmentSetup,
  storeId: string | undefined,
): AssignmentRule[] {
  const rules: AssignmentRule[] = [];
  if (storeId) {
    rules.push({
      id: storeRuleId(storeId),
      description: "default: the store's sales staff take turns",
      target: { storeId },
    });
  }
  const sellers = [...setup.people.values()]
    .filter((p) => p.active !== false && (p.role ?? "sales") === "sales")
    .map((p) => p.id);
  if (sellers.length > 0) {
    rules.push({
      id: GROUP_RULE_ID,
      description: "default: the group's sales staff take turns",
      target: { salespersonIds: sellers },
    });
  }
  return rules;
}

/** Compiles (once per setup) the rules named by `key`; undefined when there are none. */
export function compiledRules(
  setup: AssignmentSetup,
  key: string,
  rules: () => AssignmentRule[],
  fallback: Fallback = setup.fallback,
): CompiledAssignmentRules | undefined {
  if (setup.compiled.has(key)) return setup.compiled.get(key);
  const list = rules();
  const compiled =
    list.length === 0
      ? undefined
      : compileAssignmentRules({
          rules: list,
          salespeople: [...setup.people.values()].map(({ name: _name, ...person }) => person),
          stores: [...setup.stores.values()].map((s) => ({
            id: s.id,
            timeZone: s.timeZone,
            ...(s.managerId ? { managerId: s.managerId } : {}),
          })),
          fallback,
        });
  setup.compiled.set(key, compiled);
  return compiled;
}

/** The rules that route a new lead: the tenant's own, or the defaults for the lead's store. */
export function intakeRules(setup: AssignmentSetup, storeId: string | undefined) {
  if (setup.configuredRules) {
    const configured = setup.configuredRules;
    return compiledRules(setup, "configured", () => configured);
  }
  return compiledRules(
    setup,
    `default:${storeId ?? ""}`,
    () => defaultRules(setup, storeId),
    "pool",
  );
}
