import type { Hub } from "../../src/hub.js";
import { createKey, createTenant } from "../../src/tenants.js";

export type Response = Awaited<ReturnType<Hub["app"]["inject"]>>;
export type Call = (
  method: "GET" | "POST" | "PATCH" | "PUT",
  url: string,
  key: string | undefined,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Response>;

export function caller(hub: () => Hub): Call {
  return (method, url, key, body, headers = {}) =>
    hub().app.inject({
      method,
      url,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
}

export function ok(res: Response, status = 200) {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  }
  return res.json();
}

/** Every day 00:00–23:59: follow-up times then depend only on the clock, not on opening hours. */
export const ALWAYS_OPEN = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: "00:00",
  closes: "23:59",
}));

/**
 * A fixed-offset zone in which it is about noon now, so that a store open 00:00–23:59 there is
 * open for hours either side of this moment whenever the suite runs.
 */
export function zoneAtNoon(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // hours east of UTC, from -11 to +12
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** A Chinese mobile number, distinct per `n`, as people type it. */
export const mobile = (n: number) =>
  `139 ${String(n)
    .padStart(8, "0")
    .replace(/(\d{4})(\d{4})/, "$1 $2")}`;
export const e164 = (n: number) => `+86139${String(n).padStart(8, "0")}`;

export interface LeadGroup {
  tenantId: string;
  admin: string;
  /** stores[0] (Beijing, four sellers) and stores[1] (Shanghai, two). */
  stores: [string, string];
  /** sellers[0] are store 0's, sellers[1] store 1's. */
  sellers: [string[], string[]];
  /** An inactive seller of store 0: never assigned. */
  inactive: string;
  /** Keys bound to sellers[0][0] and sellers[0][1]. */
  salesKeys: [string, string];
  /** A key bound to store 0. */
  managerKey: string;
  integrationKey: string;
}

/** A dealer group made through the API: two stores, their sales staff and keys at each scope. */
export async function seedLeadGroup(
  hub: Hub,
  name: string,
  codes: [string, string],
  options: { sellers?: [number, number]; timeZone?: string } = {},
): Promise<LeadGroup> {
  const call = caller(() => hub);
  const tenant = await createTenant(hub.services.db, name);
  const admin = tenant.apiKey;
  const [count0, count1] = options.sellers ?? [4, 2];
  const stores: string[] = [];
  for (const [i, code] of codes.entries()) {
    const store = ok(
      await call("POST", "/v1/stores", admin, {
        name: `Store ${code}`,
        code,
        region: i === 0 ? "Beijing" : "Shanghai",
        ...(options.timeZone ? { timeZone: options.timeZone, businessHours: ALWAYS_OPEN } : {}),
      }),
      201,
    );
    stores.push(store.id);
  }
  const sellers: [string[], string[]] = [[], []];
  for (const [i, count] of [count0, count1].entries()) {
    for (let k = 0; k < count; k++) {
      const person = ok(
        await call("POST", "/v1/salespeople", admin, {
          storeId: stores[i],
          name: `Seller ${codes[i]}-${k + 1}`,
        }),
        201,
      );
      sellers[i as 0 | 1].push(person.id);
    }
  }
  const inactive = ok(
    await call("POST", "/v1/salespeople", admin, {
      storeId: stores[0],
      name: "On leave",
      active: false,
    }),
    201,
  ).id;
  const db = hub.services.db;
  const salesKeys: string[] = [];
  for (const id of sellers[0].slice(0, 2)) {
    salesKeys.push(
      (await createKey(db, tenant.tenantId, "sales", "sales", { salespersonId: id })).apiKey,
    );
  }
  return {
    tenantId: tenant.tenantId,
    admin,
    stores: stores as [string, string],
    sellers,
    inactive,
    salesKeys: salesKeys as [string, string],
    managerKey: (await createKey(db, tenant.tenantId, "manager", "manager", { storeId: stores[0] }))
      .apiKey,
    integrationKey: (await createKey(db, tenant.tenantId, "portal", "integration")).apiKey,
  };
}
