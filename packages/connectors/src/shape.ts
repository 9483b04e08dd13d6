import type { z } from "zod";

/**
 * The first problems of a payload that does not match its schema, for an error message:
 * `data.list expected array, received string; page_info is required`. Paths and zod's messages
 * only — never the values, which may be personal data or tokens.
 */
export function describeIssues(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join(".") || "body"} ${issue.message}`)
    .join("; ");
}
