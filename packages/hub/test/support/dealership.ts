import { newId } from "@forecourt/sdk";
import { customers, leads } from "../../src/db/schema.js";
import { withTenant } from "../../src/db/tenant.js";
import type { Hub } from "../../src/hub.js";
import { createKey, createTenant } from "../../src/tenants.js";

/**
 * A small dealer group for the opportunity and analytics suites: two stores, a team each, three
 * salespeople and keys at every scope. The organisation is made through the API; leads and
 * customers — whose routes are not under test here — are inserted through the db layer.
 */
export interface Dealership {
  tenantId: string;
  admin: string;
  stores: [string, string];
  teams: [string, string];
  /** sp[0], sp[1] in store 0; sp[2] in store 1. */
  sp: [string, string, string];
  /** Keys bound to sp[0], sp[1], sp[2]. */
  salesKeys: [string, string, string];
  /** Keys bound to store 0 and store 1. */
  managerKeys: [string, string];
  customer: string;
}

export type Call = (
  method: "GET" | "POST" | "PATCH",
  url: string,
  key: string | undefined,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Awaited<ReturnType<Hub["app"]["inject"]>>>;

export function caller(hub: () => Hub): Call {
  return (method, url, key, body, headers = {}) =>
    hub().app.inject({
      method,
      url,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
}

async function created(res: Awaited<ReturnType<Call>>): Promise<string> {
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function seedDealership(hub: Hub, name: string, codes: [string, string]) {
  const call = caller(() => hub);
  const tenant = await createTenant(hub.services.db, name);
  const admin = tenant.apiKey;
  const stores: string[] = [];
  const teams: string[] = [];
  for (const code of codes) {
    const storeId = await created(
      await call("POST", "/v1/stores", admin, { name: `Store ${code}`, code, region: "Beijing" }),
    );
    stores.push(storeId);
    teams.push(await created(await call("POST", "/v1/teams", admin, { storeId, name: "Floor" })));
  }
  const people = [
    ["Wang Fang", 0],
    ["Li Wei", 0],
    ["Chen Jing", 1],
  ] as const;
  const sp: string[] = [];
  for (const [person, i] of people) {
    sp.push(
      await created(
        await call("POST", "/v1/salespeople", admin, {
          storeId: stores[i],
          teamId: teams[i],
          name: person,
        }),
      ),
    );
  }
  const db = hub.services.db;
  const salesKeys: string[] = [];
  for (const id of sp) {
    salesKeys.push(
      (await createKey(db, tenant.tenantId, "sales", "sales", { salespersonId: id })).apiKey,
    );
  }
  const managerKeys: string[] = [];
  for (const storeId of stores) {
    managerKeys.push(
      (await createKey(db, tenant.tenantId, "manager", "manager", { storeId })).apiKey,
    );
  }
  const customer = newId("customer");
  await withTenant(db, tenant.tenantId, (tx) =>
    tx.insert(customers).values({
      id: customer,
      tenantId: tenant.tenantId,
      type: "individual",
      name: "Zhao Min",
      attributes: {},
    }),
  );
  return {
    tenantId: tenant.tenantId,
    admin,
    stores,
    teams,
    sp,
    salesKeys,
    managerKeys,
    customer,
  } as Dealership;
}

export interface LeadSeed {
  salespersonId: string;
  storeId: string;
  teamId?: string;
  source?: string;
  channel?: string;
  customerType?: string;
  campaignId?: string;
  customerId?: string;
  status?: string;
  receivedAt?: Date;
  firstContactAt?: Date;
}

/** Inserts an assigned lead as the lead pipeline would have stored it; returns its id. */
export async function insertLead(hub: Hub, tenantId: string, seed: LeadSeed): Promise<string> {
  const id = newId("lead");
  await withTenant(hub.services.db, tenantId, (tx) =>
    tx.insert(leads).values({
      id,
      tenantId,
      status: seed.status ?? "contacted",
      source: seed.source ?? "autohome",
      channel: seed.channel ?? "portal",
      customerType: seed.customerType ?? "individual",
      campaignId: seed.campaignId ?? null,
      customerId: seed.customerId ?? null,
      contactName: "Zhao Min",
      storeId: seed.storeId,
      teamId: seed.teamId ?? null,
      salespersonId: seed.salespersonId,
      interest: { brand: "BYD", series: "Han" },
      timeframe: "within_30_days",
      intent: "high",
      engagement: {},
      attributes: {},
      gradeReasons: [],
      assignmentReasons: [],
      receivedAt: seed.receivedAt ?? new Date(),
      firstContactAt: seed.firstContactAt ?? null,
    }),
  );
  return id;
}

/**
 * Enters a plain order (a stock car and mats, cash) for the dealership's customer, submits it and
 * gives every approval the rules ask for, so it ends `approved` — the point where pushes to
 * finance and ERP destinations start.
 */
export async function approvedOrder(
  call: Call,
  d: Dealership,
): Promise<{ id: string; orderNumber: string }> {
  const created = await call("POST", "/v1/orders", d.admin, {
    customerId: d.customer,
    salespersonId: d.sp[0],
    vehicle: { kind: "stock", vehicleId: newId("vehicle"), vin: "LSVAU2180N2183294" },
    lines: [
      { kind: "vehicle", description: "Passat 380TSI", amount: { amount: 22_990_000 } },
      { kind: "accessory", description: "Mats", quantity: 2, amount: { amount: 45_000 } },
    ],
  });
  if (created.statusCode !== 201) throw new Error(`order entry failed: ${created.body}`);
  const order = created.json();
  const submitted = await call("POST", `/v1/orders/${order.id}/submit`, d.admin, {
    version: order.version,
    by: d.sp[0],
  });
  if (submitted.statusCode !== 200) throw new Error(`submission failed: ${submitted.body}`);
  let result = submitted.json();
  for (const role of result.status === "submitted" ? result.pendingApproval.waitingFor : []) {
    result = (
      await call("POST", `/v1/orders/${order.id}/approvals`, d.admin, {
        version: result.version,
        role,
        decision: "approved",
      })
    ).json();
  }
  if (result.status !== "approved") throw new Error(`order not approved: ${result.status}`);
  return order;
}
