/**
 * How `pnpm bench:push` enters and approves orders: through the hub's HTTP API on loopback with
 * the admin key, a bounded number of requests in flight.
 */
import { computeVinCheckDigit, newId } from "@forecourt/sdk";
import type { PushHubReady } from "./pushHub.js";

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** A valid, distinct VIN for the `i`-th order (SAIC Volkswagen's WMI, model year 2022). */
export function vinFor(i: number): string {
  const draft = `LSVAU2180N2${String(i).padStart(6, "0")}`;
  return `${draft.slice(0, 8)}${computeVinCheckDigit(draft)}${draft.slice(9)}`;
}

export interface Api {
  post(url: string, body: object): Promise<{ status: number; json: Record<string, unknown> }>;
}

export function api(hubUrl: string, key: string): Api {
  return {
    async post(url, body) {
      const res = await fetch(`${hubUrl}${url}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
  };
}

/** Enters `count` draft orders: a stock car and mats, cash, customers in turn. */
export async function enterDrafts(
  client: Api,
  ready: PushHubReady,
  count: number,
  concurrency: number,
): Promise<{ id: string; version: number }[]> {
  const drafts: { id: string; version: number }[] = [];
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const res = await client.post("/v1/orders", {
        customerId: ready.customerIds[i % ready.customerIds.length],
        salespersonId: ready.salespersonId,
        vehicle: { kind: "stock", vehicleId: newId("vehicle"), vin: vinFor(i) },
        lines: [
          { kind: "vehicle", description: "Passat 380TSI", amount: { amount: 22_990_000 } },
          { kind: "accessory", description: "Mats", quantity: 2, amount: { amount: 45_000 } },
        ],
      });
      if (res.status !== 201)
        throw new Error(`order entry: ${res.status} ${JSON.stringify(res.json)}`);
      drafts.push({ id: res.json.id as string, version: res.json.version as number });
    },
  );
  return drafts;
}

/** Submits every draft (and gives any approval the rules ask for); returns when each was approved. */
export async function approveAll(
  client: Api,
  ready: PushHubReady,
  drafts: { id: string; version: number }[],
  concurrency: number,
): Promise<Map<string, number>> {
  const approvedAt = new Map<string, number>();
  await pool(drafts, concurrency, async (draft) => {
    let res = await client.post(`/v1/orders/${draft.id}/submit`, {
      version: draft.version,
      by: ready.salespersonId,
    });
    for (const role of res.json.status === "submitted"
      ? ((res.json.approvalsRequired as string[] | undefined) ?? [])
      : []) {
      res = await client.post(`/v1/orders/${draft.id}/approvals`, {
        version: res.json.version,
        role,
        decision: "approved",
      });
    }
    if (res.status !== 200 || res.json.status !== "approved") {
      throw new Error(`approval of ${draft.id}: ${res.status} ${JSON.stringify(res.json)}`);
    }
    approvedAt.set(draft.id, performance.now());
  });
  return approvedAt;
}
