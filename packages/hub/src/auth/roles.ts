import { z } from "zod";

export const API_KEY_ROLES = [
  "admin",
  "manager",
  "sales",
  "finance",
  "marketing",
  "integration",
] as const;
export const apiKeyRoleSchema = z.enum(API_KEY_ROLES);
export type ApiKeyRole = z.infer<typeof apiKeyRoleSchema>;

/** Who is calling: resolved from the API key on every request. */
export interface Actor {
  tenantId: string;
  apiKeyId: string;
  role: ApiKeyRole;
  /** Set for keys confined to one store (a manager's, usually). */
  storeId: string | undefined;
  /** Set for keys that act as one salesperson (a sales key): they see their own leads. */
  salespersonId: string | undefined;
}

/** Roles that may change the organisation (stores, teams, salespeople). */
export const ORGANISATION_WRITERS: readonly ApiKeyRole[] = ["admin", "manager"];
/** Roles that may read the audit log. */
export const AUDIT_READERS: readonly ApiKeyRole[] = ["admin"];
