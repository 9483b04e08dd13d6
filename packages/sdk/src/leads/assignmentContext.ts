import { z } from "zod";
import { idSchema, isId } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";
import type { AssignmentStateInput } from "./assignment.js";
import type { AssignmentConfig, CompiledAssignmentRules } from "./assignmentRules.js";
import { leadGradeSchema } from "./schema.js";

/** @internal What `assignLead` accepts as its context. */
export const assignLeadContextSchema = z.strictObject({
  rules: z.custom<object>((v) => typeof v === "object" && v !== null, {
    message: "must be rules from compileAssignmentRules or an assignment config",
  }),
  state: z.unknown().optional(),
  now: timestampSchema,
  /** The salesperson who already owns this customer or lead (e.g. from `matchIdentity`). */
  existingSalespersonId: idSchema("salesperson").optional(),
  /** The lead's grade (e.g. from `rateLead`), when the lead object does not carry it. */
  grade: leadGradeSchema.optional(),
});
export interface AssignLeadContext {
  rules: AssignmentConfig | CompiledAssignmentRules;
  state?: AssignmentStateInput;
  now: string;
  existingSalespersonId?: string;
  grade?: string;
}

const CONTEXT_KEYS: ReadonlySet<string> = new Set(Object.keys(assignLeadContextSchema.shape));
/** The last `now` that passed `timestampSchema`: a pipeline passes the same instant many times. */
let lastValidNow: string | undefined;

/**
 * `assignLeadContextSchema` without zod for the common case: the context when it is plainly valid (the
 * schema transforms nothing, so its output would hold the same values), `undefined` when it may
 * not be — the schema then reports the problems. Tested against the schema with fast-check.
 */
export function readContextFast(context: unknown): AssignLeadContext | undefined {
  if (typeof context !== "object" || context === null || Array.isArray(context)) return undefined;
  for (const key in context) if (!CONTEXT_KEYS.has(key)) return undefined;
  const c = context as Record<string, unknown>;
  const rules = c.rules;
  const now = c.now;
  const existingSalespersonId = c.existingSalespersonId;
  const grade = c.grade;
  if (typeof rules !== "object" || rules === null || typeof now !== "string") return undefined;
  if (existingSalespersonId !== undefined && !isId("salesperson", existingSalespersonId)) {
    return undefined;
  }
  if (
    grade !== undefined &&
    !(typeof grade === "string" && grade.length >= 1 && grade.length <= 16)
  ) {
    return undefined;
  }
  if (now !== lastValidNow) {
    if (!timestampSchema.safeParse(now).success) return undefined;
    lastValidNow = now;
  }
  return {
    rules: rules as AssignLeadContext["rules"],
    state: c.state as AssignmentStateInput | undefined,
    now,
    existingSalespersonId: existingSalespersonId as string | undefined,
    grade: grade as string | undefined,
  };
}
