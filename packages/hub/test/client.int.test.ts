/**
 * The SDK's client (`@forecourt/sdk/client`) against the real hub, listening on an ephemeral port
 * of this process: the typed resources, auto-pagination over the hub's cursors, idempotent
 * creates, and the hub's error shape arriving as the SDK's error classes.
 */
import {
  AuthenticationError,
  ConflictError,
  createClient,
  type ForecourtClient,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from "@forecourt/sdk/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey, createTenant, seedDemoTenant } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";

const RATE_LIMIT_PER_MINUTE = 60;

describe.each(availableBackends())("SDK client against the hub on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let baseUrl: string;
  let tenant: { tenantId: string; apiKey: string };
  let client: ForecourtClient;

  const storeInput = (code: string) => ({ name: `Store ${code}`, code, region: "Beijing" });

  beforeAll(async () => {
    const prepared = await backend.prepare({ FORECOURT_RATE_LIMIT: String(RATE_LIMIT_PER_MINUTE) });
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    baseUrl = await hub.app.listen({ port: 0, host: "127.0.0.1" });
    tenant = await createTenant(hub.services.db, "Client Motors");
    client = createClient({ baseUrl, apiKey: tenant.apiKey });
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("reads the demo group a first start seeds, with its admin key", async () => {
    const demo = await seedDemoTenant(hub.services.db, hub.services.crypto);
    const demoClient = createClient({ baseUrl, apiKey: demo.apiKey });
    const codes: string[] = [];
    for await (const store of demoClient.stores.listAll()) codes.push(store.code);
    expect(codes).toEqual(["BJ01", "SH01"]);
    const names: string[] = [];
    for await (const person of demoClient.salespeople.listAll({ limit: 2 }))
      names.push(person.name);
    expect(names).toHaveLength(5);
    expect(names).toContain("Wang Fang");
  });

  it("sends in a lead and sees it assigned, with follow-up tasks, and a repeat inquiry merged", async () => {
    const demo = await seedDemoTenant(hub.services.db, hub.services.crypto);
    const demoClient = createClient({ baseUrl, apiKey: demo.apiKey });
    const [beijing] = (await demoClient.stores.list()).data;
    const inquiry = {
      source: "autohome",
      channel: "portal" as const,
      storeId: beijing!.id,
      contact: { name: "Li Lei", phone: "+86 139 0000 4242" },
      interest: { brand: "Audi", series: "A6L" },
      timeframe: "within_7_days" as const,
    };
    const created = await demoClient.leads.create(inquiry);
    expect(created.merged).toBe(false);
    const lead = await demoClient.leads.get(created.leadId);
    expect(lead.storeId).toBe(beijing!.id);
    expect(lead.salespersonId).toMatch(/^sp_/);

    const tasks = [];
    for await (const task of demoClient.tasks.listAll({ leadId: lead.id })) tasks.push(task);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.leadId === lead.id)).toBe(true);

    const again = await demoClient.leads.create({ ...inquiry, source: "dongchedi" });
    expect(again).toMatchObject({ merged: true, leadId: lead.id });
    const touchpoints = [];
    for await (const t of demoClient.leads.touchpoints.listAll(lead.id)) touchpoints.push(t);
    expect(touchpoints).toHaveLength(2);
  });

  it("imports a CSV file through a csv_import connection and sees its rows become leads", async () => {
    const demo = await seedDemoTenant(hub.services.db, hub.services.crypto);
    const demoClient = createClient({ baseUrl, apiKey: demo.apiKey });
    const [beijing] = (await demoClient.stores.list()).data;
    const connection = await demoClient.connections.create({
      connectorId: "csv_import",
      name: "Show sign-ups",
      storeId: beijing!.id,
      config: {},
    });
    const csv = "姓名,手机\r\n韩梅梅,13900007001\r\n李雷,13900007002\r\n无号码,\r\n";
    const file = new Blob([csv], { type: "text/csv" });
    const report = await demoClient.connections.importFile(connection.id, file);
    expect(report).toMatchObject({ items: 3, accepted: 2, duplicates: 0, failed: 1 });
    expect(report.problems[0]).toMatchObject({ row: 4 });
    // The same file again adds nothing.
    const again = await demoClient.connections.importFile(connection.id, file);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, failed: 1 });

    const deadline = Date.now() + 30_000;
    let leads: { source: string }[] = [];
    while (Date.now() < deadline) {
      leads = [];
      for await (const lead of demoClient.leads.listAll({ source: "csv_import" })) leads.push(lead);
      if (leads.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(leads).toHaveLength(2);
  });

  it("creates a store and reads it back, typed end to end", async () => {
    const created = await client.stores.create(storeInput("CL01"));
    expect(created).toMatchObject({ code: "CL01", region: "110000", version: 1 });
    expect(created.id).toMatch(/^sto_/);
    const read = await client.stores.get(created.id);
    expect(read).toEqual(created);
    const updated = await client.stores.update(created.id, { name: "Client Chaoyang" });
    expect(updated).toMatchObject({ name: "Client Chaoyang", version: 2 });
    const history = [];
    for await (const event of client.auditEvents.listAll({ entityId: created.id })) {
      history.push(event.action);
    }
    expect(history).toEqual(["store.created", "store.updated"]);
  });

  it("replays a create sent twice with the same idempotency key", async () => {
    const key = "client-int-replay-1";
    const first = await client.stores.create(storeInput("CL02"), { idempotencyKey: key });
    const again = await client.stores.create(storeInput("CL02"), { idempotencyKey: key });
    expect(again).toEqual(first);
    // Without a key of its own the client makes a fresh one per call, so the hub sees a new
    // create and refuses the duplicate code.
    await expect(client.stores.create(storeInput("CL02"))).rejects.toBeInstanceOf(ConflictError);
  });

  it("lists every store across several pages by following nextCursor", async () => {
    const other = await createTenant(hub.services.db, "Paging Motors");
    const paging = createClient({ baseUrl, apiKey: other.apiKey });
    const codes = ["PA01", "PA02", "PA03", "PA04", "PA05", "PA06", "PA07"];
    for (const code of codes) await paging.stores.create(storeInput(code));

    const seen: string[] = [];
    for await (const store of paging.stores.listAll({ limit: 3 })) seen.push(store.code);
    expect(seen).toEqual(codes);

    const pageSizes: number[] = [];
    for await (const page of paging.stores.pages({ limit: 3 })) pageSizes.push(page.data.length);
    expect(pageSizes).toEqual([3, 3, 1]);

    const first = await paging.stores.list({ limit: 5 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await paging.stores.list({ limit: 5, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((s) => s.code)).toEqual(codes);
  });

  it("answers a missing id with NotFoundError carrying the hub's code and request id", async () => {
    const missing = "sto_01J00000000000000000000000";
    const error = await client.stores.get(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
    expect((error as NotFoundError).message).toContain(missing);
  });

  it("maps the hub's validation errors to ValidationError with issue paths", async () => {
    const error = await client.stores
      .create({ name: 3, code: "x", extra: true } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    const paths = (error as ValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "code", "region"]));

    const badQuery = await client.stores.list({ limit: 0 }).catch((e: unknown) => e);
    expect(badQuery).toBeInstanceOf(ValidationError);
    expect((badQuery as ValidationError).issues.map((i) => i.path)).toContain("limit");
  });

  it("maps a bad key to AuthenticationError and a forbidden read to PermissionError", async () => {
    const stranger = createClient({ baseUrl, apiKey: `fc_${"x".repeat(43)}` });
    const unauthenticated = await stranger.stores.list().catch((e: unknown) => e);
    expect(unauthenticated).toBeInstanceOf(AuthenticationError);
    expect(unauthenticated).toMatchObject({ status: 401, code: "unauthenticated" });
    const { message, raw } = unauthenticated as AuthenticationError;
    expect(JSON.stringify({ message, raw })).not.toContain("x".repeat(43));

    const marketing = await createKey(hub.services.db, tenant.tenantId, "marketing", "marketing");
    const limited = createClient({ baseUrl, apiKey: marketing.apiKey });
    const forbidden = await limited.auditEvents.list().catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(PermissionError);
    expect(forbidden).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("reads and replaces the order rules; a stale version and a manager's write are refused", async () => {
    const group = await createTenant(hub.services.db, "Rules Client Motors");
    const admin = createClient({ baseUrl, apiKey: group.apiKey });
    const initial = await admin.orderRules.get();
    expect(initial).toMatchObject({ version: 0, overrides: {}, tax: { vatRateBps: 1300 } });
    const limits = [{ aboveShareBps: 300, approver: "manager" }];
    const replaced = await admin.orderRules.replace({
      approval: { discount: limits },
      version: initial.version,
    });
    expect(replaced).toMatchObject({ version: 1, approval: { discount: limits } });
    expect(await admin.orderRules.get()).toEqual(replaced);

    const stale = await admin.orderRules
      .replace({ tax: { vatRateBps: 900 } }, { headers: { "if-match": '"0"' } })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ status: 409, code: "version_conflict" });
    const badRule = await admin.orderRules
      .replace({ tax: { vatRateBps: 20_000 } })
      .catch((e: unknown) => e);
    expect(badRule).toBeInstanceOf(ValidationError);
    expect((badRule as ValidationError).issues.map((i) => i.path)).toEqual(["tax.vatRateBps"]);

    const managerKey = await createKey(hub.services.db, group.tenantId, "manager", "manager");
    const manager = createClient({ baseUrl, apiKey: managerKey.apiKey });
    expect((await manager.orderRules.get()).version).toBe(1);
    const refused = await manager.orderRules.replace({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermissionError);
    expect((await admin.orderRules.get()).version).toBe(1);
  });

  it("surfaces the hub's rate limit as RateLimitError with Retry-After", async () => {
    const busy = await createKey(hub.services.db, tenant.tenantId, "busy", "admin");
    const impatient = createClient({ baseUrl, apiKey: busy.apiKey, maxRetries: 0 });
    let error: unknown;
    for (let i = 0; i <= RATE_LIMIT_PER_MINUTE && !error; i++) {
      error = await impatient.teams.list({ limit: 1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
    }
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited" });
    const retryAfterMs = (error as RateLimitError).retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});
