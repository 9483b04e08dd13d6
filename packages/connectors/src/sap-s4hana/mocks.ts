import { type HttpHandler, HttpResponse, http } from "msw";
import { FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import { SAP_SALES_ORDER_SERVICE } from "./config.js";
import type { SapErrorBody, SapSalesOrder, SapTokenBody } from "./types.js";

export * from "../push-fixtures.js";

/**
 * An S/4HANA system in memory behind msw handlers for `API_SALES_ORDER_SRV`: the service root
 * hands out a CSRF token bound to a session cookie (`x-csrf-token: Fetch`), writes without a
 * valid token and cookie get 403 with `x-csrf-token: Required`, `A_SalesOrder` is filtered by
 * `PurchaseOrderByCustomer` and created by deep insert (sales area, sold-to party and materials
 * checked; OData V2 errors with `error.message.value`). Basic auth and an OAuth2
 * client-credentials token endpoint are both served. Failures can be queued, a creation's
 * response lost, tokens expired; creations and CSRF fetches are counted.
 */

export const SAP_TEST_BASE_URL = "https://my300000-api.s4hana.test";
export const SAP_TEST_USERNAME = "FORECOURT_COMM";
export const SAP_TEST_PASSWORD = "Sap-Comm-Pass-4e91c2";
export const SAP_TEST_TOKEN_URL = "https://forecourt.authentication.s4hana.test/oauth/token";
export const SAP_TEST_CLIENT_ID = "sb-forecourt-orders!b1234";
export const SAP_TEST_CLIENT_SECRET = "sap-client-secret-77a1c0e9d4";

export type SapOperation = "csrf" | "query" | "create" | "token";
export type SapFault =
  | { kind: "throttle"; retryAfterSeconds?: number }
  | { kind: "server"; status?: 500 | 502 | 503 }
  | { kind: "rejected"; code?: string; message: string }
  | { kind: "timeout" };

export interface SapMockOptions {
  baseUrl?: string;
  servicePath?: string;
  soldToParties?: string[];
  materials?: string[];
  salesAreas?: [organization: string, channel: string, division: string][];
}

interface Item {
  SalesOrderItem?: string;
  Material?: string;
  RequestedQuantity?: string;
}

function odataError(status: number, code: string, message: string, details: string[] = []) {
  return HttpResponse.json<SapErrorBody>(
    {
      error: {
        code,
        message: { lang: "en", value: message },
        innererror: {
          transactionid: "0A1B2C3D4E5F4A5B8C7D6E5F4A3B2C1D",
          errordetails: [message, ...details].map((text) => ({
            code,
            message: text,
            severity: "error" as const,
          })),
        },
      },
    },
    { status },
  );
}

const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

export function sapMock(options: SapMockOptions = {}) {
  const service = `${(options.baseUrl ?? SAP_TEST_BASE_URL).replace(/\/+$/, "")}${options.servicePath ?? SAP_SALES_ORDER_SERVICE}`;
  const soldTo = new Set(options.soldToParties ?? ["17100001", "17100099"]);
  const materials = new Set(options.materials ?? ["TG-PASSAT-380", "TG-ACC-MAT", "TG-SVC-PLATE"]);
  const areas = options.salesAreas ?? [["1710", "10", "00"]];
  const faults = new FaultQueue<SapFault>();
  const losses = new FaultQueue<LostResponse>();
  const csrfTokens = new Map<string, string>();
  const bearers = new Set<string>();
  const orders = new Map<string, SapSalesOrder & Record<string, unknown>>();
  let nextNumber = 1_000_001;
  const mock = {
    orders,
    created: 0,
    csrfFetches: 0,
    tokenRequests: 0,
    /** Every CSRF token stops working (the session timed out on SAP's side). */
    expireCsrfTokens() {
      csrfTokens.clear();
    },
    expireBearerTokens() {
      bearers.clear();
    },
    fail(fault: SapFault, on: { on?: SapOperation; times?: number } = {}) {
      faults.add(fault, on);
    },
    loseResponse(how: LostResponse = "timeout") {
      losses.add(how, { on: "create" });
    },
    handlers: [] as HttpHandler[],
  };

  async function injected(operation: SapOperation): Promise<Response | undefined> {
    const next = faults.take(operation);
    if (next === undefined) return undefined;
    switch (next.kind) {
      case "throttle":
        return HttpResponse.text("Too Many Requests", {
          status: 429,
          headers: { "retry-after": String(next.retryAfterSeconds ?? 30) },
        });
      case "server":
        return next.status === 500
          ? odataError(
              500,
              "/IWBEP/CM_MGW_RT/020",
              "In the context of Data Services an unknown internal server error occurred",
            )
          : HttpResponse.html("<html><body>Service Unavailable</body></html>", {
              status: next.status ?? 503,
            });
      case "rejected":
        return odataError(400, next.code ?? "V1/000", next.message);
      case "timeout":
        return lostResponse("timeout");
    }
  }

  function unauthenticated(request: Request): Response | undefined {
    const header = request.headers.get("authorization") ?? "";
    const bearer = /^Bearer (.+)$/.exec(header)?.[1];
    if (header === basic(SAP_TEST_USERNAME, SAP_TEST_PASSWORD) || (bearer && bearers.has(bearer)))
      return undefined;
    return HttpResponse.html("<html><head><title>Logon Error Message</title></head></html>", {
      status: 401,
      headers: { "www-authenticate": 'Basic realm="SAP NetWeaver Application Server [S4H/100]"' },
    });
  }

  function sessionOf(request: Request): string | undefined {
    return /(?:^|;\s*)SAP_SESSIONID_S4H_100=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  }

  function create(body: Record<string, unknown>): Response {
    const area = [body.SalesOrganization, body.DistributionChannel, body.OrganizationDivision];
    if (!areas.some((a) => a.every((part, i) => part === area[i]))) {
      return odataError(400, "V1/382", `Sales area ${area.join("/")} is not defined`);
    }
    if (!soldTo.has(String(body.SoldToParty))) {
      return odataError(
        400,
        "V1/302",
        `Sold-to party ${String(body.SoldToParty)} not maintained for sales area ${area.join("/")}`,
      );
    }
    const items = (body.to_Item as Item[] | undefined) ?? [];
    const unknown = items.filter((item) => !materials.has(item.Material ?? ""));
    if (items.length === 0 || unknown.length > 0) {
      return odataError(
        400,
        "V1/392",
        items.length === 0
          ? "Enter at least one item"
          : `Material ${unknown[0]!.Material} is not defined for sales org. ${area[0]}, distr. chan. ${area[1]}`,
        unknown.slice(1).map((item) => `Material ${item.Material} is not defined`),
      );
    }
    const number = String(nextNumber++);
    const record = {
      ...body,
      SalesOrder: number,
      to_Item: { results: items.map((item) => ({ ...item, SalesOrder: number })) },
    } as SapSalesOrder & Record<string, unknown>;
    orders.set(number, record);
    mock.created += 1;
    return HttpResponse.json(
      {
        d: {
          __metadata: {
            uri: `${service}/A_SalesOrder('${number}')`,
            type: "API_SALES_ORDER_SRV.A_SalesOrderType",
          },
          ...record,
        },
      },
      { status: 201, headers: { location: `${service}/A_SalesOrder('${number}')` } },
    );
  }

  mock.handlers = [
    http.post(SAP_TEST_TOKEN_URL, async ({ request }) => {
      const failure = await injected("token");
      if (failure) return failure;
      mock.tokenRequests += 1;
      const form = new URLSearchParams(await request.text());
      if (
        request.headers.get("authorization") !== basic(SAP_TEST_CLIENT_ID, SAP_TEST_CLIENT_SECRET)
      ) {
        return HttpResponse.json(
          { error: "unauthorized", error_description: "Bad credentials" },
          { status: 401 },
        );
      }
      if (form.get("grant_type") !== "client_credentials")
        return HttpResponse.json({ error: "unsupported_grant_type" }, { status: 400 });
      const token = `eyJhbGciOiJSUzI1NiJ9.${crypto.randomUUID()}`;
      bearers.add(token);
      return HttpResponse.json<SapTokenBody>({
        access_token: token,
        token_type: "bearer",
        expires_in: 43_199,
        scope: "uaa.resource",
      });
    }),
    http.get(`${service}/`, async ({ request }) => {
      const failure = await injected("csrf");
      if (failure) return failure;
      const denied = unauthenticated(request);
      if (denied) return denied;
      if (request.headers.get("x-csrf-token")?.toLowerCase() !== "fetch")
        return HttpResponse.json({ d: { EntitySets: ["A_SalesOrder", "A_SalesOrderItem"] } });
      mock.csrfFetches += 1;
      const token = btoa(crypto.randomUUID()).slice(0, 24);
      const session = crypto.randomUUID().replace(/-/g, "").toUpperCase();
      csrfTokens.set(token, session);
      return HttpResponse.json(
        { d: { EntitySets: ["A_SalesOrder", "A_SalesOrderItem", "A_SalesOrderItemPrElement"] } },
        {
          headers: [
            ["x-csrf-token", token],
            ["Set-Cookie", `SAP_SESSIONID_S4H_100=${session}; path=/; secure; HttpOnly`],
            ["Set-Cookie", "sap-usercontext=sap-client=100; path=/"],
          ],
        },
      );
    }),
    http.get(`${service}/A_SalesOrder`, async ({ request }) => {
      const failure = await injected("query");
      if (failure) return failure;
      const denied = unauthenticated(request);
      if (denied) return denied;
      const filter = new URL(request.url).searchParams.get("$filter") ?? "";
      const match =
        /^PurchaseOrderByCustomer eq '((?:[^']|'')*)'(?: and SalesOrganization eq '((?:[^']|'')*)')?$/.exec(
          filter,
        );
      if (!match)
        return odataError(
          400,
          "/IWBEP/CM_MGW_RT/004",
          `Invalid filter expression: '${filter.slice(0, 60)}'`,
        );
      const po = match[1]!.replace(/''/g, "'");
      const results = [...orders.values()].filter(
        (order) =>
          order.PurchaseOrderByCustomer === po &&
          (match[2] === undefined || order.SalesOrganization === match[2]),
      );
      return HttpResponse.json({ d: { results } });
    }),
    http.post(`${service}/A_SalesOrder`, async ({ request }) => {
      const denied = unauthenticated(request);
      if (denied) return denied;
      const token = request.headers.get("x-csrf-token") ?? "";
      const session = sessionOf(request);
      if (!csrfTokens.has(token) || csrfTokens.get(token) !== session) {
        return HttpResponse.text("CSRF token validation failed", {
          status: 403,
          headers: { "x-csrf-token": "Required" },
        });
      }
      const failure = await injected("create");
      if (failure) return failure;
      const response = create((await request.json()) as Record<string, unknown>);
      const lost = response.status === 201 ? losses.take("create") : undefined;
      return lost ? lostResponse(lost) : response;
    }),
  ];
  return mock;
}

export type SapMock = ReturnType<typeof sapMock>;
