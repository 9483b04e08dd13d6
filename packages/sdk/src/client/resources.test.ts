/**
 * The resource methods against msw: which route each calls, how ids and queries are sent, and
 * auto-pagination following `nextCursor` until it is null.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, createClient, ForecourtError, NotFoundError } from "./index.js";

const BASE = "http://hub.test";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () => createClient({ baseUrl: BASE, apiKey: "fc_test_key", maxRetries: 0 });
const team = (n: number) => ({ id: `team_${String(n).padStart(26, "0")}`, name: `Team ${n}` });

/** A list route over `total` teams, `limit` a page, with opaque cursors; records each query. */
function pagedTeams(total: number) {
  const queries: Record<string, string>[] = [];
  const teams = Array.from({ length: total }, (_, i) => team(i + 1));
  server.use(
    http.get(`${BASE}/v1/teams`, ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      const limit = Number(query.limit ?? 50);
      const start = query.cursor ? Number(atob(query.cursor)) : 0;
      const data = teams.slice(start, start + limit);
      const next = start + limit < total ? btoa(String(start + limit)) : null;
      return HttpResponse.json({ data, nextCursor: next });
    }),
  );
  return { queries, teams };
}

describe("pagination", () => {
  it("listAll yields every item across pages, passing each nextCursor back", async () => {
    const { queries, teams } = pagedTeams(7);
    const seen = [];
    for await (const t of client().teams.listAll({ limit: 3 })) seen.push(t);
    expect(seen).toEqual(teams);
    expect(queries).toEqual([
      { limit: "3" },
      { limit: "3", cursor: btoa("3") },
      { limit: "3", cursor: btoa("6") },
    ]);
  });

  it("listAll fetches the next page only when the caller gets that far", async () => {
    const { queries } = pagedTeams(10);
    for await (const t of client().teams.listAll({ limit: 2 })) {
      if (t.name === "Team 3") break;
    }
    expect(queries).toHaveLength(2);
  });

  it("pages yields whole pages; list returns one", async () => {
    pagedTeams(5);
    const sizes = [];
    for await (const page of client().teams.pages({ limit: 2 })) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
    const first = await client().teams.list({ limit: 4 });
    expect(first.data).toHaveLength(4);
    expect(first.nextCursor).toBe(btoa("4"));
    const rest = await client().teams.list({ limit: 4, cursor: first.nextCursor! });
    expect(rest).toMatchObject({ data: [team(5)], nextCursor: null });
  });

  it("an empty list yields nothing after one request", async () => {
    const { queries } = pagedTeams(0);
    const seen = [];
    for await (const t of client().teams.listAll()) seen.push(t);
    expect(seen).toEqual([]);
    expect(queries).toHaveLength(1);
  });

  it("stops with pagination_loop when the hub repeats a cursor", async () => {
    server.use(
      http.get(`${BASE}/v1/audit-events`, () =>
        HttpResponse.json({ data: [], nextCursor: "same" }),
      ),
    );
    const iterate = async () => {
      for await (const _ of client().auditEvents.listAll({ entityType: "store" })) {
        // nothing to do
      }
    };
    await expect(iterate()).rejects.toMatchObject({ code: "pagination_loop" });
    await expect(iterate()).rejects.toBeInstanceOf(ForecourtError);
  });
});

describe("resource methods", () => {
  it("get and update address the object by id, encoded", async () => {
    const calls: string[] = [];
    server.use(
      http.get(`${BASE}/v1/salespeople/:id`, ({ request, params }) => {
        calls.push(`GET ${new URL(request.url).pathname}`);
        return params.id === "sp_known"
          ? HttpResponse.json({ id: "sp_known" })
          : HttpResponse.json(
              { error: { code: "not_found", message: "Salesperson not found" } },
              { status: 404 },
            );
      }),
      http.patch(`${BASE}/v1/salespeople/:id`, async ({ request }) => {
        calls.push(
          `PATCH ${new URL(request.url).pathname} ${JSON.stringify(await request.json())}`,
        );
        return HttpResponse.json({ id: "sp_known", name: "Li Wei" });
      }),
    );
    const hub = client();
    await expect(hub.salespeople.get("sp_known")).resolves.toEqual({ id: "sp_known" });
    await expect(hub.salespeople.get("a/b")).rejects.toBeInstanceOf(NotFoundError);
    await hub.salespeople.update("sp_known", { name: "Li Wei" });
    expect(calls).toEqual([
      "GET /v1/salespeople/sp_known",
      "GET /v1/salespeople/a%2Fb",
      'PATCH /v1/salespeople/sp_known {"name":"Li Wei"}',
    ]);
  });

  it("request reaches any route by its template, with params and query", async () => {
    let url = "";
    server.use(
      http.get(`${BASE}/v1/audit-events`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ data: [], nextCursor: null });
      }),
    );
    const page = await client().request("GET", "/v1/audit-events", {
      query: { entityId: "sto_1", limit: 10 },
    });
    expect(page).toEqual({ data: [], nextCursor: null });
    expect(new URL(url).search).toBe("?entityId=sto_1&limit=10");
  });

  it("an action posts to the object's route with its body and an idempotency key", async () => {
    const seen: { path: string; key: string | null; body: unknown }[] = [];
    server.use(
      http.post(`${BASE}/v1/opportunities/:id/stage`, async ({ request }) => {
        seen.push({
          path: new URL(request.url).pathname,
          key: request.headers.get("idempotency-key"),
          body: await request.json(),
        });
        return HttpResponse.json({ id: "opp_1", stage: "quote" });
      }),
    );
    const result = await client().opportunities.changeStage(
      "opp_1",
      { stage: "quote", version: 3 },
      { idempotencyKey: "stage-opp_1-3" },
    );
    expect(result).toEqual({ id: "opp_1", stage: "quote" });
    expect(seen).toEqual([
      {
        path: "/v1/opportunities/opp_1/stage",
        key: "stage-opp_1-3",
        body: { stage: "quote", version: 3 },
      },
    ]);
  });

  it("a child list pages through one object's children", async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${BASE}/v1/opportunities/:id/activities`, ({ request, params }) => {
        const url = new URL(request.url);
        queries.push(`${params.id}${url.search}`);
        const cursor = url.searchParams.get("cursor");
        return HttpResponse.json(
          cursor
            ? { data: [{ id: "act_2" }], nextCursor: null }
            : { data: [{ id: "act_1" }], nextCursor: "c2" },
        );
      }),
    );
    const ids = [];
    for await (const activity of client().opportunities.activities.listAll("opp_9", { limit: 1 })) {
      ids.push(activity.id);
    }
    expect(ids).toEqual(["act_1", "act_2"]);
    expect(queries).toEqual(["opp_9?limit=1", "opp_9?limit=1&cursor=c2"]);
  });

  it("a lookup sends its query and returns the report", async () => {
    let search = "";
    server.use(
      http.get(`${BASE}/v1/analytics/funnel`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json({ stages: [] });
      }),
    );
    await expect(
      client().analytics.funnel({ storeId: "sto_1", closedOnly: "true" }),
    ).resolves.toEqual({ stages: [] });
    expect(search).toBe("?storeId=sto_1&closedOnly=true");
  });

  it("a replace sends a PUT without an idempotency key (PUT repeats safely by itself)", async () => {
    const seen: { method: string; key: string | null; body: unknown }[] = [];
    server.use(
      http.put(`${BASE}/v1/assignment-rules`, async ({ request }) => {
        seen.push({
          method: request.method,
          key: request.headers.get("idempotency-key"),
          body: await request.json(),
        });
        return HttpResponse.json({ configured: false, rules: [] });
      }),
    );
    await client().assignmentRules.replace({ rules: [] });
    expect(seen).toEqual([{ method: "PUT", key: null, body: { rules: [] } }]);
  });

  it("orderRules reads the rules in force and replaces them with a PUT, If-Match as given", async () => {
    const view = {
      approval: { downPayment: null, discount: [], floorPrice: null, configuration: null },
      tax: { vatRateBps: 900 },
      changes: { deliveryDateToleranceDays: 14 },
      overrides: { tax: { vatRateBps: 900 } },
      version: 4,
    };
    const seen: { method: string; ifMatch: string | null; key: string | null; body: unknown }[] =
      [];
    server.use(
      http.get(`${BASE}/v1/order-rules`, () => HttpResponse.json(view)),
      http.put(`${BASE}/v1/order-rules`, async ({ request }) => {
        seen.push({
          method: request.method,
          ifMatch: request.headers.get("if-match"),
          key: request.headers.get("idempotency-key"),
          body: await request.json(),
        });
        return seen.length === 1
          ? HttpResponse.json({ ...view, version: 5 })
          : HttpResponse.json(
              {
                error: {
                  code: "version_conflict",
                  message: "order rules are at version 5, not 4",
                  details: { currentVersion: 5, expectedVersion: 4 },
                },
              },
              { status: 409 },
            );
      }),
    );
    const rules = await client().orderRules.get();
    expect(rules).toEqual(view);
    const body = { tax: { vatRateBps: 900 } };
    const options = { headers: { "if-match": `"${rules.version}"` } };
    await expect(client().orderRules.replace(body, options)).resolves.toMatchObject({
      version: 5,
    });
    const stale = await client()
      .orderRules.replace(body, options)
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ status: 409, code: "version_conflict" });
    // A stale version is not retried: one request each.
    expect(seen).toEqual([
      { method: "PUT", ifMatch: '"4"', key: null, body },
      { method: "PUT", ifMatch: '"4"', key: null, body },
    ]);
  });

  it("an action without a body posts nothing but still carries an idempotency key", async () => {
    const seen: { type: string | null; key: string | null; length: number }[] = [];
    server.use(
      http.post(`${BASE}/v1/webhook-endpoints/:id/rotate-secret`, async ({ request }) => {
        seen.push({
          type: request.headers.get("content-type"),
          key: request.headers.get("idempotency-key"),
          length: (await request.text()).length,
        });
        return HttpResponse.json({ id: "whe_1", secret: "whsec_new" });
      }),
    );
    await client().webhookEndpoints.rotateSecret("whe_1");
    expect(seen).toEqual([{ type: null, key: expect.any(String), length: 0 }]);
  });

  it("delete answers 204 with undefined", async () => {
    server.use(
      http.delete(
        `${BASE}/v1/webhook-endpoints/:id`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(client().webhookEndpoints.delete("whe_1")).resolves.toBeUndefined();
  });

  it("decideChange fills both path parameters", async () => {
    let path = "";
    server.use(
      http.post(`${BASE}/v1/orders/:id/changes/:changeId/decision`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({ change: {}, order: {} });
      }),
    );
    await client().orders.decideChange("ord_1", "chg_2", { decision: "approved", version: 1 });
    expect(path).toBe("/v1/orders/ord_1/changes/chg_2/decision");
  });

  it("a lookup without a query takes no arguments", async () => {
    server.use(http.get(`${BASE}/v1/connectors`, () => HttpResponse.json({ data: [] })));
    await expect(client().connectors.list()).resolves.toEqual({ data: [] });
  });

  it("startOAuth asks for the authorize URL as JSON", async () => {
    let url = "";
    server.use(
      http.get(`${BASE}/v1/connections/:id/oauth/start`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({
          authorizeUrl: "https://login.xero.com/…",
          state: "s",
          expiresAt: "t",
        });
      }),
    );
    const started = await client().connections.startOAuth("conn_1", { clientId: "web" });
    expect(started.authorizeUrl).toMatch(/^https:/);
    expect(new URL(url).pathname + new URL(url).search).toBe(
      "/v1/connections/conn_1/oauth/start?clientId=web",
    );
  });
});

describe("file imports", () => {
  it("importFile sends the file's bytes with its type and fileId, and types the 202 report", async () => {
    const seen: { type: string | null; body: string; search: string }[] = [];
    server.use(
      http.post(`${BASE}/v1/connections/:id/imports`, async ({ request, params }) => {
        seen.push({
          type: request.headers.get("content-type"),
          body: await request.text(),
          search: new URL(request.url).search,
        });
        return HttpResponse.json(
          {
            connectionId: params.id,
            fileId: "upload-7",
            bytes: 64,
            items: 2,
            accepted: 2,
            duplicates: 0,
            failed: 0,
            problems: [],
            problemsOmitted: 0,
          },
          { status: 202 },
        );
      }),
    );
    const csv = "姓名,手机\n张三,13912345678\n李四,13987654321\n";
    const report = await client().connections.importFile("conn_1", csv, {
      contentType: "text/csv",
      fileId: "upload-7",
    });
    expect(report).toMatchObject({ items: 2, accepted: 2, duplicates: 0 });
    expect(seen[0]).toEqual({ type: "text/csv", body: csv, search: "?fileId=upload-7" });

    // A Blob's own type is used; bytes without a type go as application/octet-stream.
    await client().connections.importFile(
      "conn_1",
      new Blob(["BEGIN:VCARD\nEND:VCARD\n"], { type: "text/vcard" }),
    );
    await client().connections.importFile("conn_1", new TextEncoder().encode(csv));
    expect(seen.slice(1).map((s) => [s.type, s.search])).toEqual([
      ["text/vcard", ""],
      ["application/octet-stream", ""],
    ]);
    expect(seen[2]!.body).toBe(csv);
  });

  it("sends the same bytes again on a retry, and refuses what it could not resend", async () => {
    const bodies: string[] = [];
    server.use(
      http.post(`${BASE}/v1/connections/:id/imports`, async ({ request }) => {
        bodies.push(await request.text());
        if (bodies.length === 1) {
          return HttpResponse.json(
            { error: { code: "service_unavailable", message: "busy" } },
            { status: 503, headers: { "retry-after": "0" } },
          );
        }
        return HttpResponse.json(
          {
            connectionId: "c",
            fileId: "f",
            bytes: 28,
            items: 1,
            accepted: 1,
            duplicates: 0,
            failed: 0,
            problems: [],
            problemsOmitted: 0,
          },
          { status: 202 },
        );
      }),
    );
    const retrying = createClient({ baseUrl: BASE, apiKey: "fc_test_key", maxRetries: 2 });
    const file = new Blob(["name,phone\nWang,13900001111\n"], { type: "text/csv" });
    await expect(retrying.connections.importFile("conn_1", file)).resolves.toMatchObject({
      accepted: 1,
    });
    expect(bodies).toEqual(["name,phone\nWang,13900001111\n", "name,phone\nWang,13900001111\n"]);

    const stream = new ReadableStream();
    await expect(client().connections.importFile("conn_1", stream as never)).rejects.toThrow(
      /must be a string, a Uint8Array, an ArrayBuffer or a Blob/,
    );
    await expect(
      client().connections.importFile("conn_1", "x", { contentType: "text/plain" as never }),
    ).rejects.toThrow(/contentType: must be one of text\/csv/);
  });
});
