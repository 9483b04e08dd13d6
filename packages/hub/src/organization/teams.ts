import type { Team } from "@forecourt/sdk";
import { and, eq } from "drizzle-orm";
import { stores, teams } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";

export type TeamRow = typeof teams.$inferSelect;

export function teamFromRow(row: TeamRow): Team {
  return {
    id: row.id,
    storeId: row.storeId,
    name: row.name,
    ...(row.leaderId ? { leaderId: row.leaderId } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function loadTeam(tx: Tx, tenantId: string, id: string, forUpdate = false) {
  const query = tx
    .select()
    .from(teams)
    .where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)))
    .limit(1);
  const row = (forUpdate ? await query.for("update") : await query)[0];
  if (!row) throw notFound("team", id);
  return row;
}

/**
 * A reference to a store or team in a body must name one of this tenant's. Foreign keys alone
 * would accept another tenant's id (they are checked without row-level security).
 */
export async function assertReferences(
  tx: Tx,
  tenantId: string,
  refs: { storeId?: string | undefined; teamId?: string | undefined },
): Promise<void> {
  if (refs.storeId) {
    const found = await tx
      .select({ id: stores.id })
      .from(stores)
      .where(and(eq(stores.tenantId, tenantId), eq(stores.id, refs.storeId)))
      .limit(1);
    if (found.length === 0) throw unknownReference("storeId", "store");
  }
  if (refs.teamId) {
    const found = await tx
      .select({ storeId: teams.storeId })
      .from(teams)
      .where(and(eq(teams.tenantId, tenantId), eq(teams.id, refs.teamId)))
      .limit(1);
    if (found.length === 0) throw unknownReference("teamId", "team");
    if (refs.storeId && found[0]?.storeId !== refs.storeId) {
      throw new HubError("validation_failed", "Invalid body: teamId: belongs to another store", {
        issues: [{ path: "teamId", message: "belongs to another store" }],
      });
    }
  }
}

const unknownReference = (path: string, entity: string) =>
  new HubError("validation_failed", `Invalid body: ${path}: no such ${entity}`, {
    issues: [{ path, message: `no such ${entity}` }],
  });
