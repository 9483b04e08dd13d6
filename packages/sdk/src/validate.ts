import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "./errors.js";

/** Turns zod's issue path into the dotted form used in messages: `lines.2.amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "symbol" ? p.toString() : String(p))).join(".");
}

export function issuesFromZod(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws the SDK's
 * `ValidationError` naming every problem with its path. `what` names the input in the message
 * ("lead input", "assignment state") so the caller knows which argument was wrong.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  const shown = issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  throw new ValidationError(`Invalid ${what}: ${shown}${more}`, issues);
}

/** Throws a `ValidationError` with a single issue. */
export function invalid(what: string, path: string, message: string): never {
  throw new ValidationError(`Invalid ${what}: ${path ? `${path}: ` : ""}${message}`, [
    { path, message },
  ]);
}
