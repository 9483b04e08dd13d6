import {
  type AssignmentRule,
  assignmentRuleSchema,
  compileAssignmentRules,
  customerTypeSchema,
  idSchema,
  leadChannelSchema,
  timestampSchema,
  ValidationError,
} from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { assignmentRules, teams } from "../db/schema.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { assertVersion } from "./versions.js";

const FALLBACKS = ["pool", "manager"] as const;

export const assignmentRulesBodySchema = z.strictObject({
  /** Tried in order (the SDK's rule format). An empty list goes back to the default rules. */
  rules: z.array(assignmentRuleSchema).max(100),
  /** Where a lead goes when no rule yields anybody. */
  fallback: z.enum(FALLBACKS).default("pool"),
  /** The version you read; a change made since answers 409 (or send `If-Match`). */
  version: z.number().int().min(0).optional(),
});

const words = z.array(z.string()).optional();
/** A stored rule as the API shows it: defaults filled in, regions as GB/T 2260 codes. */
const storedRuleSchema = z
  .object({
    id: z.string(),
    description: z.string().optional(),
    when: z.object({
      regions: words,
      cities: words,
      customerTypes: z.array(customerTypeSchema).optional(),
      brands: words,
      series: words,
      sources: words,
      channels: z.array(leadChannelSchema).optional(),
      grades: words,
    }),
    target: z.object({
      storeId: idSchema("store").optional(),
      teamId: idSchema("team").optional(),
      salespersonIds: z.array(idSchema("salesperson")).optional(),
    }),
    strategy: z.enum(["round_robin", "least_loaded"]),
    onShiftOnly: z.boolean(),
    existingRelationshipFirst: z.boolean(),
  })
  .meta({ id: "AssignmentRule" });

export const assignmentRulesSchema = z
  .object({
    /** False while the group uses the default: each store's sales staff take turns, then the group's. */
    configured: z.boolean(),
    rules: z.array(storedRuleSchema),
    fallback: z.enum(FALLBACKS),
    /** 0 until rules are first stored. */
    version: z.number().int().min(0),
    updatedAt: timestampSchema.optional(),
  })
  .meta({ id: "AssignmentRules" });
export type AssignmentRulesView = z.infer<typeof assignmentRulesSchema>;

type RulesRow = typeof assignmentRules.$inferSelect;

export function rulesView(row: RulesRow | undefined): AssignmentRulesView {
  if (!row) return { configured: false, rules: [], fallback: "pool", version: 0 };
  return {
    configured: row.rules.length > 0,
    rules: row.rules as AssignmentRulesView["rules"],
    fallback: row.fallback as AssignmentRulesView["fallback"],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function loadRules(c: Pick<LeadContext, "tx" | "actor">, forUpdate = false) {
  const query = c.tx
    .select()
    .from(assignmentRules)
    .where(eq(assignmentRules.tenantId, c.actor.tenantId))
    .limit(1);
  return (forUpdate ? await query.for("update") : await query)[0];
}

const badRule = (path: string, message: string) =>
  new HubError("validation_failed", `Invalid body: ${path}: ${message}`, {
    issues: [{ path, message, in: "body" }],
  });

/**
 * Every store, team and salesperson a rule names must be one of this tenant's (a foreign key
 * would accept another tenant's id), and the whole set must compile against the organisation.
 */
async function checkRules(c: LeadContext, rules: AssignmentRule[], fallback: string) {
  const setup = await loadAssignmentSetup(c.tx, c.owner, c.actor.tenantId);
  const teamRows = await c.tx
    .select({ id: teams.id })
    .from(teams)
    .where(eq(teams.tenantId, c.actor.tenantId));
  const teamIds = new Set(teamRows.map((t) => t.id));
  rules.forEach((rule, i) => {
    const at = `rules.${i}.target`;
    if (rule.target.storeId && !setup.stores.has(rule.target.storeId)) {
      throw badRule(`${at}.storeId`, "no such store");
    }
    if (rule.target.teamId && !teamIds.has(rule.target.teamId)) {
      throw badRule(`${at}.teamId`, "no such team");
    }
    rule.target.salespersonIds?.forEach((id, j) => {
      if (!setup.people.has(id)) throw badRule(`${at}.salespersonIds.${j}`, "no such salesperson");
    });
  });
  if (rules.length === 0) return;
  try {
    compileAssignmentRules({
      rules,
      salespeople: [...setup.people.values()].map(({ name: _name, ...person }) => person),
      stores: [...setup.stores.values()].map((s) => ({ id: s.id, timeZone: s.timeZone })),
      fallback: fallback as "pool" | "manager",
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new HubError("validation_failed", error.message, { issues: error.issues });
  }
}

/** `PUT /v1/assignment-rules`: replaces the tenant's rules (audited); the next lead uses them. */
export async function replaceRules(
  c: LeadContext,
  body: z.output<typeof assignmentRulesBodySchema>,
  expected: number | undefined,
): Promise<AssignmentRulesView> {
  const before = await loadRules(c, true);
  assertVersion("assignment rules", c.actor.tenantId, before?.version ?? 0, expected);
  await checkRules(c, body.rules, body.fallback);
  const values = { rules: body.rules as Record<string, unknown>[], fallback: body.fallback };
  const [row] = before
    ? await c.tx
        .update(assignmentRules)
        .set({ ...values, updatedAt: c.now, version: sql`${assignmentRules.version} + 1` })
        .where(and(eq(assignmentRules.tenantId, c.actor.tenantId)))
        .returning()
    : await c.tx
        .insert(assignmentRules)
        .values({ tenantId: c.actor.tenantId, ...values, createdAt: c.now, updatedAt: c.now })
        .returning();
  const view = rulesView(row);
  await recordAudit(c.tx, c.actor, c.requestId, {
    action: "assignment_rules.replaced",
    entityType: "assignment_rules",
    entityId: c.actor.tenantId,
    ...(before ? { before: rulesView(before) } : {}),
    after: view,
  });
  return view;
}
