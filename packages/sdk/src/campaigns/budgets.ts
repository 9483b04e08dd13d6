import { z } from "zod";
import { storedFields } from "../common.js";
import { externalIdSchema, idSchema } from "../primitives/ids.js";
import { moneySchema, nonNegativeMoneySchema } from "../primitives/money.js";
import { timestampSchema } from "../primitives/time.js";

export const expenseCategorySchema = z.enum([
  "venue",
  "media", // ads, portal placements, SMS sending
  "gifts",
  "catering",
  "printing",
  "staff",
  "transport",
  "other",
]);
export type ExpenseCategory = z.infer<typeof expenseCategorySchema>;

/** Alert when spending reaches this share of the plan, unless the budget says otherwise. */
export const DEFAULT_BUDGET_ALERT_PERCENT = 80;

export const budgetInputSchema = z
  .strictObject({
    campaignId: idSchema("campaign"),
    lines: z
      .array(z.strictObject({ category: expenseCategorySchema, planned: nonNegativeMoneySchema }))
      .min(1, { message: "a budget needs at least one category" }),
    /** Spending at this percentage of the planned total (or of a category) raises an alert. */
    alertThresholdPercent: z
      .number()
      .int({ message: "must be a whole percentage" })
      .min(1, { message: "must be between 1 and 100" })
      .max(100, { message: "must be between 1 and 100" })
      .default(DEFAULT_BUDGET_ALERT_PERCENT),
  })
  .superRefine((budget, ctx) => {
    const currency = budget.lines[0]?.planned.currency;
    const seen = new Set<string>();
    budget.lines.forEach((line, index) => {
      if (seen.has(line.category)) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", index, "category"],
          message: `${line.category} is planned twice`,
        });
      }
      seen.add(line.category);
      if (line.planned.currency !== currency) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", index, "planned", "currency"],
          message: `must be ${currency} like the first line`,
        });
      }
    });
  });
export type BudgetInput = z.input<typeof budgetInputSchema>;

export const budgetSchema = z.object({
  id: idSchema("budget"),
  campaignId: idSchema("campaign"),
  lines: z.array(z.object({ category: expenseCategorySchema, planned: moneySchema })),
  alertThresholdPercent: z.number().int().min(1).max(100),
  ...storedFields,
});
export type Budget = z.infer<typeof budgetSchema>;

export const expenseInputSchema = z.strictObject({
  campaignId: idSchema("campaign"),
  category: expenseCategorySchema,
  amount: moneySchema.refine((m) => m.amount > 0, {
    path: ["amount"],
    message: "must be more than zero (record refunds as an adjustment to the plan)",
  }),
  description: z.string().trim().min(1, { message: "must not be empty" }).max(500),
  vendor: z.string().trim().min(1).max(200).optional(),
  incurredAt: timestampSchema,
  /** Invoice (发票) number or scanned receipt key, kept exactly. */
  receiptRef: externalIdSchema.optional(),
  recordedBy: idSchema("salesperson").optional(),
});
export type ExpenseInput = z.input<typeof expenseInputSchema>;

export const expenseSchema = z.object({
  id: idSchema("expense"),
  campaignId: idSchema("campaign"),
  category: expenseCategorySchema,
  amount: moneySchema,
  description: z.string(),
  vendor: z.string().optional(),
  incurredAt: timestampSchema,
  receiptRef: externalIdSchema.optional(),
  recordedBy: idSchema("salesperson").optional(),
  ...storedFields,
});
export type Expense = z.infer<typeof expenseSchema>;
