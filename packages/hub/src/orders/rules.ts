import {
  type ApprovalContext,
  approvalRulesSchema,
  type OrderChangeRulesInput,
  orderChangeRulesSchema,
  type TaxRulesInput,
  taxRulesSchema,
  timestampSchema,
} from "@forecourt/sdk";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/roles.js";
import { orderRules } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { assertVersion } from "../leads/versions.js";
import { recordAudit } from "../lib/audit.js";

/** A group's order rules; what it has not set is the SDK's default (the SDK fills it in). */
export interface TenantOrderRules {
  approval: ApprovalContext;
  tax: TaxRulesInput | undefined;
  changes: OrderChangeRulesInput;
}

type OrderRulesRow = typeof orderRules.$inferSelect;

async function loadRow(tx: Tx, tenantId: string): Promise<OrderRulesRow | undefined> {
  const [row] = await tx
    .select()
    .from(orderRules)
    .where(eq(orderRules.tenantId, tenantId))
    .limit(1);
  return row;
}

export async function loadOrderRules(tx: Tx, tenantId: string): Promise<TenantOrderRules> {
  const row = await loadRow(tx, tenantId);
  const approval: ApprovalContext = row?.approval ? { rules: row.approval } : {};
  return {
    approval,
    tax: (row?.tax as TaxRulesInput | null) ?? undefined,
    changes: { ...((row?.changes as OrderChangeRulesInput | null) ?? {}), approval },
  };
}

/*
 * What a group sets is stored as sent, checked field by field by the SDK's own schemas but with
 * their defaults taken off: a field the group leaves out is not frozen at today's default and
 * follows the SDK's default, now and in later releases. The approval facts of a change
 * (`approval` in the SDK's change rules) are the approval rules above, so they are not set twice.
 */
type SetFields<Shape extends z.ZodRawShape> = {
  [K in keyof Shape]: z.ZodOptional<Shape[K] extends z.ZodDefault<infer Inner> ? Inner : Shape[K]>;
};

function setFieldsOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, hint = "") {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    shape[key] = (inner as z.ZodType).optional();
  }
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape as SetFields<Shape>, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}; the fields are ${known}${hint}`
        : undefined,
  });
}

const changeRulesSchema = orderChangeRulesSchema.omit({ approval: true });

const setRulesShape = {
  approval: setFieldsOf(approvalRulesSchema)
    .optional()
    .describe(
      "The SDK's approval rules (approvalRulesSchema): minimum down payment, discount limits, floor price, configuration; `null` switches a rule off",
    ),
  tax: setFieldsOf(taxRulesSchema)
    .optional()
    .describe(
      "The SDK's tax rules (taxRulesSchema): VAT rate and base, purchase tax, new-energy relief, rounding",
    ),
  changes: setFieldsOf(changeRulesSchema, " (approval rules go in the approval section)")
    .optional()
    .describe(
      "The SDK's change rules (orderChangeRulesSchema) without `approval`: a price or configuration change runs the approval rules above",
    ),
};

export const orderRulesBodySchema = z
  .strictObject(
    {
      ...setRulesShape,
      version: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("The version you read (0 before any rules are set); a change since answers 409"),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}; the sections are approval, tax and changes`
          : undefined,
    },
  )
  .meta({ id: "OrderRulesBody" });
export type OrderRulesBody = z.output<typeof orderRulesBodySchema>;

export const orderRulesSchema = z
  .object({
    approval: approvalRulesSchema.describe("The approval rules in force, every field filled in"),
    tax: taxRulesSchema.describe("The tax rules in force, every field filled in"),
    changes: changeRulesSchema.describe("The change rules in force, every field filled in"),
    overrides: z
      .strictObject(setRulesShape)
      .describe(
        "Exactly what the group set; a section or field missing here is the SDK's default and follows it in later releases",
      ),
    version: z.number().int().min(0).describe("0 until rules are first set"),
    updatedAt: timestampSchema.optional(),
  })
  .meta({ id: "OrderRules" });
export type OrderRulesView = z.output<typeof orderRulesSchema>;

type Overrides = OrderRulesView["overrides"];

/** The effective rules and the overrides they come from; the SDK's defaults when `row` is absent. */
export function orderRulesView(row: OrderRulesRow | undefined): OrderRulesView {
  const overrides: Overrides = {
    ...(row?.approval ? { approval: row.approval as Overrides["approval"] } : {}),
    ...(row?.tax ? { tax: row.tax as Overrides["tax"] } : {}),
    ...(row?.changes ? { changes: row.changes as Overrides["changes"] } : {}),
  };
  return {
    approval: approvalRulesSchema.parse(overrides.approval ?? {}),
    tax: taxRulesSchema.parse(overrides.tax ?? {}),
    changes: changeRulesSchema.parse(overrides.changes ?? {}),
    overrides,
    version: row?.version ?? 0,
    ...(row ? { updatedAt: row.updatedAt.toISOString() } : {}),
  };
}

export async function getOrderRules(tx: Tx, tenantId: string): Promise<OrderRulesView> {
  return orderRulesView(await loadRow(tx, tenantId));
}

/**
 * `PUT /v1/order-rules`: replaces the group's order rules as a whole (a section left out goes back
 * to the SDK's defaults), audited; the next submission, approval, change and read of totals use
 * them. Writers of one group queue on a transaction lock, so the version check and the write are
 * one step even before the group has a row.
 */
export async function replaceOrderRules(
  tx: Tx,
  actor: Actor,
  requestId: string,
  body: OrderRulesBody,
  expected: number | undefined,
): Promise<OrderRulesView> {
  const { tenantId } = actor;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`forecourt:order_rules:${tenantId}`}, 0))`,
  );
  const before = await loadRow(tx, tenantId);
  assertVersion("order rules", tenantId, before?.version ?? 0, expected);
  const now = new Date();
  const values = {
    approval: body.approval ?? null,
    tax: body.tax ?? null,
    changes: body.changes ?? null,
    updatedAt: now,
  };
  const [row] = before
    ? await tx
        .update(orderRules)
        .set({ ...values, version: sql`${orderRules.version} + 1` })
        .where(eq(orderRules.tenantId, tenantId))
        .returning()
    : await tx
        .insert(orderRules)
        .values({ tenantId, ...values, createdAt: now })
        .returning();
  const view = orderRulesView(row);
  await recordAudit(tx, actor, requestId, {
    action: "order_rules.replaced",
    entityType: "order_rules",
    entityId: tenantId,
    ...(before ? { before: orderRulesView(before) } : {}),
    after: view,
  });
  return view;
}
