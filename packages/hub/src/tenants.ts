import { newId } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import { forgetApiKey, insertApiKey } from "./auth/apiKeys.js";
import type { ApiKeyRole } from "./auth/roles.js";
import type { Db } from "./db/database.js";
import { apiKeys, salespeople, stores, teams, tenants } from "./db/schema.js";
import { withTenant } from "./db/tenant.js";
import type { FieldCrypto } from "./lib/crypto.js";
import { salespersonColumns } from "./organization/salespeople.js";

/** Creates a tenant (dealer group) with a first admin key; returns the key once. */
export async function createTenant(
  db: Db,
  name: string,
): Promise<{ tenantId: string; apiKeyId: string; apiKey: string }> {
  const tenantId = newId("tenant");
  // Runs as the database owner: creating a tenant is the one write no tenant can make for itself
  // (forecourt_app has no INSERT on tenants).
  return db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: tenantId, name });
    const { id, key } = await insertApiKey(tx, { tenantId, name: "admin", role: "admin" });
    return { tenantId, apiKeyId: id, apiKey: key };
  });
}

export interface KeyScope {
  storeId?: string | undefined;
  salespersonId?: string | undefined;
}

export async function createKey(
  db: Db,
  tenantId: string,
  name: string,
  role: ApiKeyRole,
  scope: KeyScope = {},
): Promise<{ apiKeyId: string; apiKey: string }> {
  return withTenant(db, tenantId, async (tx) => {
    const { id, key } = await insertApiKey(tx, { tenantId, name, role, ...scope });
    return { apiKeyId: id, apiKey: key };
  });
}

/**
 * Revokes a key by id; returns false when there is no such key. This process refuses it at once;
 * other running hub processes within `API_KEY_MEMO_MS`.
 */
export async function revokeKey(db: Db, apiKeyId: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(eq(apiKeys.id, apiKeyId))
    .returning({ id: apiKeys.id });
  forgetApiKey(db, apiKeyId);
  return rows.length > 0;
}

export async function tenantCount(db: Db): Promise<number> {
  return (await db.select({ id: tenants.id }).from(tenants)).length;
}

/**
 * The demo dealer group a first start creates: two stores in Beijing and Shanghai, a team each
 * and a few salespeople with shifts, so the API has something to show at once.
 */
export async function seedDemoTenant(db: Db, crypto: FieldCrypto) {
  const tenant = await createTenant(db, "Demo Motor Group");
  await withTenant(db, tenant.tenantId, async (tx) => {
    const weekdays = [1, 2, 3, 4, 5, 6, 7];
    const storeRows = [
      { code: "BJ01", name: "Demo Motors Beijing Chaoyang", region: "110000", city: "Beijing" },
      { code: "SH01", name: "Demo Motors Shanghai Pudong", region: "310000", city: "Shanghai" },
    ];
    for (const [i, s] of storeRows.entries()) {
      const storeId = newId("store");
      await tx.insert(stores).values({
        id: storeId,
        tenantId: tenant.tenantId,
        ...s,
        timeZone: "Asia/Shanghai",
        brands: ["Volkswagen", "Audi"],
        businessHours: weekdays.map((weekday) => ({ weekday, opens: "09:00", closes: "18:00" })),
        calendar: { holidays: [], extraWorkdays: [] },
      });
      const teamId = newId("team");
      await tx
        .insert(teams)
        .values({ id: teamId, tenantId: tenant.tenantId, storeId, name: "Showroom" });
      const names = i === 0 ? ["Wang Fang", "Li Wei", "Zhang Min"] : ["Chen Jing", "Liu Yang"];
      for (const [j, name] of names.entries()) {
        await tx.insert(salespeople).values({
          id: newId("salesperson"),
          tenantId: tenant.tenantId,
          ...salespersonColumns(
            {
              storeId,
              teamId,
              name,
              role: "sales",
              brands: [],
              regions: [],
              customerTypes: [],
              shifts: weekdays
                .filter((d) => (d + j) % 7 !== 0)
                .map((weekday) => ({ weekday, starts: "09:00", ends: "18:00" })),
              daysOff: [],
              active: true,
            },
            crypto,
          ),
        });
      }
    }
  });
  return tenant;
}
