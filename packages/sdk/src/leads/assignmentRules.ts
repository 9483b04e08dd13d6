import { z } from "zod";
import { customerTypeSchema } from "../common.js";
import { salespersonRoleSchema, shiftSchema } from "../organization/schema.js";
import { idSchema } from "../primitives/ids.js";
import { regionInputSchema } from "../primitives/regions.js";
import { DEFAULT_TIME_ZONE, localDateSchema, timeZoneSchema } from "../primitives/time.js";
import { memoizedParser } from "./config.js";
import { leadChannelSchema, leadGradeSchema } from "./schema.js";

const words = z.array(z.string().trim().min(1).max(100)).min(1);

/** Conditions of a rule; every condition given must hold, and an empty `when` matches all leads. */
export const assignmentConditionsSchema = z.strictObject({
  /** GB/T 2260 codes or names ("Beijing", "北京", "110000"). */
  regions: z.array(regionInputSchema).min(1).optional(),
  cities: words.optional(),
  customerTypes: z.array(customerTypeSchema).min(1).optional(),
  brands: words.optional(),
  series: words.optional(),
  sources: words.optional(),
  channels: z.array(leadChannelSchema).min(1).optional(),
  grades: z.array(leadGradeSchema).min(1).optional(),
});

export const assignmentRuleSchema = z.strictObject({
  id: z.string().min(1).max(100),
  description: z.string().max(500).optional(),
  when: assignmentConditionsSchema.default({}),
  /** Who may receive the lead: a store's or team's salespeople, or a named list. */
  target: z
    .strictObject({
      storeId: idSchema("store").optional(),
      teamId: idSchema("team").optional(),
      salespersonIds: z.array(idSchema("salesperson")).min(1).optional(),
    })
    .refine((t) => t.storeId || t.teamId || t.salespersonIds, {
      message: "needs a storeId, teamId or salespersonIds",
    }),
  strategy: z.enum(["round_robin", "least_loaded"]).default("round_robin"),
  /** Only salespeople whose shift covers the moment of assignment (store time zone). */
  onShiftOnly: z.boolean().default(false),
  /** Give the lead to the salesperson who already owns this customer or lead, when eligible. */
  existingRelationshipFirst: z.boolean().default(true),
});
export type AssignmentRule = z.input<typeof assignmentRuleSchema>;

/** The fields of a salesperson that assignment reads; a stored `Salesperson` fits. */
export const assignableSalespersonSchema = z.object({
  id: idSchema("salesperson"),
  storeId: idSchema("store"),
  teamId: idSchema("team").optional(),
  role: salespersonRoleSchema.default("sales"),
  brands: z.array(z.string()).default([]),
  regions: z.array(regionInputSchema).default([]),
  customerTypes: z.array(customerTypeSchema).default([]),
  shifts: z.array(shiftSchema).default([]),
  daysOff: z.array(localDateSchema).default([]),
  active: z.boolean().default(true),
  maxOpenLeads: z.number().int().positive().optional(),
});
export type AssignableSalesperson = z.input<typeof assignableSalespersonSchema>;

export const assignmentStoreSchema = z.object({
  id: idSchema("store"),
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  managerId: idSchema("salesperson").optional(),
});

export const assignmentConfigSchema = z
  .strictObject({
    /** Tried in order; the first rule that matches and has an eligible salesperson wins. */
    rules: z.array(assignmentRuleSchema).min(1),
    salespeople: z.array(assignableSalespersonSchema),
    stores: z.array(assignmentStoreSchema),
    /** Where a lead goes when no rule yields anybody. */
    fallback: z.enum(["pool", "manager"]).default("pool"),
  })
  .superRefine((c, ctx) => {
    const issue = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const storeIds = new Set(c.stores.map((s) => s.id));
    const people = new Set<string>();
    c.salespeople.forEach((p, i) => {
      if (people.has(p.id)) issue(["salespeople", i, "id"], `salesperson ${p.id} is listed twice`);
      people.add(p.id);
      if (!storeIds.has(p.storeId)) {
        issue(["salespeople", i, "storeId"], `store ${p.storeId} is not in stores`);
      }
    });
    const ruleIds = new Set<string>();
    c.rules.forEach((r, i) => {
      if (ruleIds.has(r.id)) issue(["rules", i, "id"], `rule id "${r.id}" is used twice`);
      ruleIds.add(r.id);
      r.target.salespersonIds?.forEach((id, j) => {
        if (!people.has(id)) {
          issue(["rules", i, "target", "salespersonIds", j], `${id} is not in salespeople`);
        }
      });
      if (r.target.storeId && !storeIds.has(r.target.storeId)) {
        issue(["rules", i, "target", "storeId"], `store ${r.target.storeId} is not in stores`);
      }
    });
  });
export type AssignmentConfig = z.input<typeof assignmentConfigSchema>;

/** @internal A salesperson prepared for per-lead checks. */
export interface CompiledSalesperson {
  id: string;
  storeId: string;
  teamId: string | undefined;
  timeZone: string;
  active: boolean;
  maxOpenLeads: number;
  brands: Set<string> | undefined;
  regions: Set<string> | undefined;
  customerTypes: Set<string> | undefined;
  /** Minute-of-week intervals [start, end); `end` may pass 10080 when a shift crosses Sunday. */
  shifts: [number, number][];
  daysOff: Set<string>;
}

/** @internal A rule prepared for per-lead checks. */
export interface CompiledRule {
  id: string;
  regions: Set<string> | undefined;
  cities: Set<string> | undefined;
  customerTypes: Set<string> | undefined;
  brands: Set<string> | undefined;
  series: Set<string> | undefined;
  sources: Set<string> | undefined;
  channels: Set<string> | undefined;
  grades: Set<string> | undefined;
  pool: CompiledSalesperson[];
  strategy: "round_robin" | "least_loaded";
  onShiftOnly: boolean;
  existingRelationshipFirst: boolean;
  /** The store whose manager takes the lead when nobody is eligible. */
  storeId: string | undefined;
}

export interface CompiledAssignmentRules {
  readonly rules: readonly CompiledRule[];
  readonly people: ReadonlyMap<string, CompiledSalesperson>;
  readonly managers: ReadonlyMap<string, string | undefined>;
  readonly fallback: "pool" | "manager";
}

/** Case- and space-insensitive key for names typed by people ("BYD", "byd "). */
export const nameKey = (text: string) => text.trim().toLowerCase();
/** City key: "北京市" and "北京", "Beijing" and "beijing" are the same city. */
export const cityKey = (text: string) => nameKey(text).replace(/市$/, "");

const toSet = (list: readonly string[] | undefined, key: (s: string) => string = (s) => s) =>
  list && list.length > 0 ? new Set(list.map(key)) : undefined;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const compiledRules = new WeakSet<object>();
const parseConfig = memoizedParser(assignmentConfigSchema, "assignment rules");

/** Validates the rules, salespeople and stores once, and prepares them for `assignLead`. */
export function compileAssignmentRules(config: AssignmentConfig): CompiledAssignmentRules {
  const c = parseConfig(config);
  const zones = new Map(c.stores.map((s) => [s.id, s.timeZone]));
  const people = new Map<string, CompiledSalesperson>();
  for (const p of c.salespeople) {
    people.set(p.id, {
      id: p.id,
      storeId: p.storeId,
      teamId: p.teamId,
      timeZone: zones.get(p.storeId) ?? DEFAULT_TIME_ZONE,
      active: p.active,
      maxOpenLeads: p.maxOpenLeads ?? Infinity,
      brands: toSet(p.brands, nameKey),
      regions: toSet(p.regions),
      customerTypes: toSet(p.customerTypes),
      shifts: p.shifts.map((s) => {
        const start = (s.weekday - 1) * 1440 + minutes(s.starts);
        let end = (s.weekday - 1) * 1440 + minutes(s.ends);
        if (end <= start) end += 1440; // crosses midnight
        return [start, end];
      }),
      daysOff: new Set(p.daysOff),
    });
  }
  const sellers = c.salespeople.filter((p) => p.role === "sales");
  const rules = c.rules.map((r): CompiledRule => {
    const { storeId, teamId, salespersonIds } = r.target;
    const pool = salespersonIds
      ? salespersonIds.map((id) => people.get(id)!)
      : sellers
          .filter((p) => (!storeId || p.storeId === storeId) && (!teamId || p.teamId === teamId))
          .map((p) => people.get(p.id)!);
    const w = r.when;
    return {
      id: r.id,
      regions: toSet(w.regions),
      cities: toSet(w.cities, cityKey),
      customerTypes: toSet(w.customerTypes),
      brands: toSet(w.brands, nameKey),
      series: toSet(w.series, nameKey),
      sources: toSet(w.sources, nameKey),
      channels: toSet(w.channels),
      grades: toSet(w.grades),
      pool,
      strategy: r.strategy,
      onShiftOnly: r.onShiftOnly,
      existingRelationshipFirst: r.existingRelationshipFirst,
      storeId: storeId ?? pool[0]?.storeId,
    };
  });
  const compiled: CompiledAssignmentRules = {
    rules,
    people,
    managers: new Map(c.stores.map((s) => [s.id, s.managerId])),
    fallback: c.fallback,
  };
  compiledRules.add(compiled);
  return compiled;
}

/** @internal Compiled rules as given, or compiled from config (once per config object). */
export function resolveAssignmentRules(
  rules: AssignmentConfig | CompiledAssignmentRules,
): CompiledAssignmentRules {
  if (typeof rules === "object" && rules !== null && compiledRules.has(rules)) {
    return rules as CompiledAssignmentRules;
  }
  return compileFromConfig(rules as AssignmentConfig);
}

const fromConfig = new WeakMap<object, CompiledAssignmentRules>();
function compileFromConfig(config: AssignmentConfig): CompiledAssignmentRules {
  if (typeof config !== "object" || config === null) return compileAssignmentRules(config);
  let hit = fromConfig.get(config);
  if (!hit) {
    hit = compileAssignmentRules(config);
    fromConfig.set(config, hit);
  }
  return hit;
}
