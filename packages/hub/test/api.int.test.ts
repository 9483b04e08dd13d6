import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_MEMO_MS } from "../src/auth/apiKeys.js";
import { apiKeys } from "../src/db/schema.js";
import { buildHub, type Hub } from "../src/hub.js";
import { createKey, createTenant, revokeKey } from "../src/tenants.js";
import { availableBackends } from "./support/backends.js";

describe.each(availableBackends())("hub API on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  const logs: string[] = [];
  let a: { tenantId: string; apiKey: string };
  let b: { tenantId: string; apiKey: string };

  const call = (
    method: "GET" | "POST" | "PATCH",
    url: string,
    key: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    hub.app.inject({
      method,
      url,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });

  const storeBody = (code: string) => ({ name: `Store ${code}`, code, region: "Beijing" });

  beforeAll(async () => {
    const prepared = await backend.prepare({ LOG_LEVEL: "info", FORECOURT_BODY_LIMIT: "4096" });
    cleanup = prepared.cleanup;
    const logStream = new PassThrough();
    logStream.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    hub = await buildHub(prepared.config, { logStream, warn: () => {} });
    a = await createTenant(hub.services.db, "Group A");
    b = await createTenant(hub.services.db, "Group B");
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("serves health, readiness, metrics and the docs", async () => {
    expect((await call("GET", "/healthz", undefined)).json()).toEqual({ status: "ok" });
    const ready = await call("GET", "/readyz", undefined);
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toMatchObject({ database: "ok", queue: "ok" });
    const metrics = await call("GET", "/metrics", undefined);
    expect(metrics.body).toContain("forecourt_http_request_duration_seconds");
    for (const lane of ["leads", "webhooks", "orders"]) {
      expect(metrics.body).toMatch(
        new RegExp(`^forecourt_queue_jobs\\{lane="${lane}",state="waiting"\\} \\d+$`, "m"),
      );
    }
    expect((await call("GET", "/openapi.json", undefined)).json().openapi).toBe("3.1.0");
    expect((await call("GET", "/docs/", undefined)).statusCode).toBe(200);
  });

  it("refuses requests without a valid key, in the error shape", async () => {
    for (const key of [undefined, "fc_nope", `fc_${"x".repeat(43)}`]) {
      const res = await call("GET", "/v1/stores", key);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: "unauthenticated", message: expect.any(String) },
      });
      expect(res.headers["x-request-id"]).toMatch(/^req_/);
    }
  });

  it("refuses a revoked key: at once when this process revokes it, within the memo time when another does", async () => {
    const here = await createKey(hub.services.db, a.tenantId, "revoked here", "admin");
    const elsewhere = await createKey(hub.services.db, a.tenantId, "revoked elsewhere", "admin");
    for (const key of [here, elsewhere]) {
      expect((await call("GET", "/v1/stores", key.apiKey)).statusCode).toBe(200);
    }
    expect(await revokeKey(hub.services.db, here.apiKeyId)).toBe(true);
    const refused = await call("GET", "/v1/stores", here.apiKey);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("unauthenticated");

    // What `forecourt key revoke` does from its own process: the row changes, this process is
    // not told.
    await hub.services.db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, elsewhere.apiKeyId));
    await new Promise((resolve) => setTimeout(resolve, API_KEY_MEMO_MS + 100));
    expect((await call("GET", "/v1/stores", elsewhere.apiKey)).statusCode).toBe(401);
    expect((await call("GET", "/v1/stores", a.apiKey)).statusCode).toBe(200);
  });

  it("keeps a caller's request id and sets security headers", async () => {
    const res = await call("GET", "/v1/stores", a.apiKey, undefined, { "x-request-id": "abc-123" });
    expect(res.headers["x-request-id"]).toBe("abc-123");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });

  it("creates, reads, lists and patches a store, with an audit entry for each change", async () => {
    const created = await call("POST", "/v1/stores", a.apiKey, storeBody("AP01"));
    expect(created.statusCode).toBe(201);
    const store = created.json();
    expect(store).toMatchObject({ code: "AP01", region: "110000", timeZone: "Asia/Shanghai" });
    const patched = await call("PATCH", `/v1/stores/${store.id}`, a.apiKey, { name: "Renamed" });
    expect(patched.statusCode).toBe(200);
    // Fields left out keep their values, even those that have create defaults.
    expect(patched.json()).toMatchObject({
      name: "Renamed",
      timeZone: "Asia/Shanghai",
      version: 2,
    });
    expect((await call("GET", `/v1/stores/${store.id}`, a.apiKey)).json().name).toBe("Renamed");
    const audit = await call("GET", `/v1/audit-events?entityId=${store.id}`, a.apiKey);
    expect(audit.json().data.map((e: { action: string }) => e.action)).toEqual([
      "store.created",
      "store.updated",
    ]);
    const [createdEntry, updatedEntry] = audit.json().data;
    expect(updatedEntry.beforeDigest).toBe(createdEntry.afterDigest);
    expect((await call("POST", "/v1/stores", a.apiKey, storeBody("AP01"))).json().error.code).toBe(
      "conflict",
    );
  });

  it("pages through lists with limit and cursor", async () => {
    for (const code of ["PG01", "PG02", "PG03"]) {
      await call("POST", "/v1/stores", b.apiKey, storeBody(code));
    }
    const first = (await call("GET", "/v1/stores?limit=2", b.apiKey)).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await call("GET", `/v1/stores?limit=2&cursor=${first.nextCursor}`, b.apiKey)
    ).json();
    expect(second.nextCursor).toBeNull();
    const codes = [...first.data, ...second.data].map((s: { code: string }) => s.code);
    expect(codes).toEqual(["PG01", "PG02", "PG03"]);
    const bad = await call("GET", "/v1/stores?cursor=zzz", b.apiKey);
    expect(bad.statusCode).toBe(400);
  });

  it("asks for a key on every route of the document but the public hooks and OAuth callback", async () => {
    const doc = hub.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const open: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (operation.security?.length === 0) {
          open.push(route);
          continue;
        }
        const res = await hub.app.inject({
          method: method.toUpperCase() as "GET",
          url: path.replaceAll(/\{\w+\}/g, "x"),
          ...(method === "get" || method === "delete" ? {} : { payload: {} }),
        });
        expect(res.statusCode, route).toBe(401);
        expect(res.json().error.code, route).toBe("unauthenticated");
        checked += 1;
      }
    }
    expect(open.sort()).toEqual([
      "GET /v1/hooks/{hookId}",
      "GET /v1/oauth/callback",
      "POST /v1/hooks/{hookId}",
    ]);
    expect(checked).toBeGreaterThan(60);
  });

  it("answers bad input with 400 naming each problem, and writes nothing", async () => {
    const res = await call("POST", "/v1/stores", a.apiKey, { name: 3, code: "x", extra: true });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("validation_failed");
    const paths = error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "code", "region"]));
    const notJson = await call("POST", "/v1/stores", a.apiKey, "{oops", {
      "content-type": "application/json",
    });
    expect(notJson.json().error.code).toBe("invalid_json");
    const unknownRoute = await call("GET", "/v1/nothing", a.apiKey);
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json().error.code).toBe("route_not_found");
  });

  it("refuses bodies over the limit with 413", async () => {
    const res = await call("POST", "/v1/stores", a.apiKey, {
      ...storeBody("BIG1"),
      address: "x".repeat(5000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("replays an idempotent POST and refuses a reused key with another body", async () => {
    const headers = { "idempotency-key": "create-id-1" };
    const first = await call("POST", "/v1/stores", a.apiKey, storeBody("ID01"), headers);
    const again = await call("POST", "/v1/stores", a.apiKey, storeBody("ID01"), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers["idempotent-replayed"]).toBe("true");
    const other = await call("POST", "/v1/stores", a.apiKey, storeBody("ID02"), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("idempotency_key_reused");
    // Keys belong to one API key: the same key string from another tenant is independent.
    const elsewhere = await call("POST", "/v1/stores", b.apiKey, storeBody("ID01"), headers);
    expect(elsewhere.statusCode).toBe(201);
    const list = (await call("GET", "/v1/stores?limit=200", a.apiKey)).json();
    expect(list.data.filter((s: { code: string }) => s.code === "ID01")).toHaveLength(1);
  });

  it("keeps each tenant's objects invisible to every other tenant", async () => {
    const store = (await call("POST", "/v1/stores", a.apiKey, storeBody("ISO1"))).json();
    const team = (
      await call("POST", "/v1/teams", a.apiKey, { storeId: store.id, name: "Team A" })
    ).json();
    const person = (
      await call("POST", "/v1/salespeople", a.apiKey, {
        storeId: store.id,
        teamId: team.id,
        name: "Zhao Lei",
        phone: "+8613800138000",
        shifts: [{ weekday: 1, starts: "09:00", ends: "18:00" }],
      })
    ).json();
    expect(person.phone).toBe("+8613800138000");
    const owned: Record<string, string> = {
      "/v1/stores": store.id,
      "/v1/teams": team.id,
      "/v1/salespeople": person.id,
    };
    for (const [collection, id] of Object.entries(owned)) {
      expect((await call("GET", `${collection}/${id}`, b.apiKey)).statusCode).toBe(404);
      expect((await call("PATCH", `${collection}/${id}`, b.apiKey, { name: "x" })).statusCode).toBe(
        404,
      );
      const listed = (await call("GET", `${collection}?limit=200`, b.apiKey)).json();
      expect(listed.data.map((o: { id: string }) => o.id)).not.toContain(id);
    }
    // Nor can B point its own objects at A's.
    const cross = await call("POST", "/v1/teams", b.apiKey, { storeId: store.id, name: "Sneaky" });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.details.issues[0].path).toBe("storeId");
    const auditB = (await call("GET", "/v1/audit-events?limit=200", b.apiKey)).json();
    expect(auditB.data.map((e: { entityId: string }) => e.entityId)).not.toContain(store.id);
  });

  it("enforces roles and store scope", async () => {
    const own = (await call("POST", "/v1/stores", a.apiKey, storeBody("SC01"))).json();
    const other = (await call("POST", "/v1/stores", a.apiKey, storeBody("SC02"))).json();
    const manager = await createKey(hub.services.db, a.tenantId, "manager", "manager", {
      storeId: own.id,
    });
    const sales = await createKey(hub.services.db, a.tenantId, "sales", "sales");
    // A sales key reads the organisation but changes nothing and cannot read the audit log.
    expect((await call("GET", "/v1/stores", sales.apiKey)).statusCode).toBe(200);
    const denied = await call("POST", "/v1/stores", sales.apiKey, storeBody("SC03"));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("forbidden");
    expect((await call("GET", "/v1/audit-events", sales.apiKey)).statusCode).toBe(403);
    // A store-scoped manager sees and changes only its store.
    const seen = (await call("GET", "/v1/stores", manager.apiKey)).json();
    expect(seen.data.map((s: { id: string }) => s.id)).toEqual([own.id]);
    expect((await call("GET", `/v1/stores/${other.id}`, manager.apiKey)).statusCode).toBe(404);
    expect(
      (await call("POST", "/v1/teams", manager.apiKey, { storeId: own.id, name: "Mine" }))
        .statusCode,
    ).toBe(201);
    expect(
      (await call("POST", "/v1/teams", manager.apiKey, { storeId: other.id, name: "Theirs" }))
        .statusCode,
    ).toBe(403);
    expect((await call("POST", "/v1/stores", manager.apiKey, storeBody("SC04"))).statusCode).toBe(
      403,
    );
  });

  it("never writes keys or personal data to the log", async () => {
    await call("POST", "/v1/salespeople?email=leak@example.com", a.apiKey, {
      storeId: "sto_01J00000000000000000000000",
      name: "Leak Test",
      phone: "+8613912345678",
    });
    await call("GET", "/v1/stores", a.apiKey);
    const text = logs.join("");
    expect(text).toContain("request completed");
    expect(text).not.toContain(a.apiKey);
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("leak@example.com");
  });
});
