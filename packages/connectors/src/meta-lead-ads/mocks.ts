import { type HttpHandler, HttpResponse, http } from "msw";
import { appSecretProof } from "./client.js";
import { META_GRAPH_BASE_URL } from "./config.js";
import { META_TEST_PAGE_ID, META_TEST_PAGE_TOKEN } from "./fixtures.js";
import type { GraphErrorBody, GraphLead, GraphLeadsPage, GraphPage } from "./types.js";

export * from "./fixtures.js";
export * from "./notifications.js";

/**
 * msw handlers that behave like the parts of Meta's Graph API this connector calls — the lead
 * object, a form's leads edge with cursor paging, `/me` for a page token — checking the token
 * and `appsecret_proof` as Meta does and failing as Meta fails (error 190 for a bad token, 100
 * for a bad id or proof, 4/17/32/613 rate limits with usage headers, transient 5xx, malformed
 * bodies). Plus builders for signed webhook notifications. For tests here and in the hub.
 */

const graphError = (
  status: number,
  error: GraphErrorBody["error"],
  headers: Record<string, string> = {},
) =>
  HttpResponse.json<GraphErrorBody>(
    { error: { fbtrace_id: "AbCdEfGhIjK", ...error } },
    { status, headers: { "www-authenticate": 'OAuth "Facebook Platform"', ...headers } },
  );

/** Error 190/463 as Meta sends it for an expired page token. */
export const metaTokenExpiredResponse = () =>
  graphError(400, {
    message:
      "Error validating access token: Session has expired on Thursday, 26-Nov-26 23:00:00 PST. The current time is Friday, 27-Nov-26 02:43:00 PST.",
    type: "OAuthException",
    code: 190,
    error_subcode: 463,
  });

export interface MetaGraphMockOptions {
  baseUrl?: string;
  pageAccessToken?: string;
  /** When set, `appsecret_proof` must be the HMAC of the token with this secret. */
  appSecret?: string;
  page?: GraphPage;
  /** Leads readable by id. Form leads are readable by id too. */
  leads?: GraphLead[];
  /** Leads readable by id beyond `leads`, looked up when asked (`metaSeriesLookup`). */
  findLead?: (id: string) => GraphLead | undefined;
  forms?: Record<string, GraphLead[]>;
  /** The most leads one page of the leads edge returns, whatever `limit` asks. */
  maxPageSize?: number;
}

type LeadParams = { version: string; id: string };
type FormParams = { version: string; formId: string };

/** Handlers for the Graph API as a page token sees it; pass them to `setupServer`. */
export function metaGraphHandlers(options: MetaGraphMockOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? META_GRAPH_BASE_URL).replace(/\/+$/, "");
  const token = options.pageAccessToken ?? META_TEST_PAGE_TOKEN;
  const page: GraphPage = options.page ?? { id: META_TEST_PAGE_ID, name: "杭州新能源汽车体验中心" };
  const forms = options.forms ?? {};
  const byId = new Map<string, GraphLead>();
  for (const lead of [...(options.leads ?? []), ...Object.values(forms).flat()]) {
    byId.set(String(lead.id), lead);
  }

  async function authFailure(url: URL) {
    const presented = url.searchParams.get("access_token");
    if (presented === null) {
      return graphError(400, {
        message: "An active access token must be used to query information about the current user.",
        type: "OAuthException",
        code: 2500,
      });
    }
    if (presented !== token) {
      return graphError(400, {
        message: "Invalid OAuth access token - Cannot parse access token",
        type: "OAuthException",
        code: 190,
      });
    }
    if (options.appSecret !== undefined) {
      const proof = url.searchParams.get("appsecret_proof");
      if (proof !== (await appSecretProof(token, options.appSecret))) {
        return graphError(400, {
          message: "Invalid appsecret_proof provided in the API argument",
          type: "GraphMethodException",
          code: 100,
        });
      }
    }
    return undefined;
  }

  return [
    http.get<FormParams, never, GraphLeadsPage | GraphErrorBody>(
      `${base}/:version/:formId/leads`,
      async ({ request, params }) => {
        const url = new URL(request.url);
        const denied = await authFailure(url);
        if (denied) return denied;
        const leads = forms[params.formId];
        if (leads === undefined) {
          return graphError(400, {
            message: `Unsupported get request. Object with ID '${params.formId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
            type: "GraphMethodException",
            code: 100,
            error_subcode: 33,
          });
        }
        const since = readSinceFilter(url.searchParams.get("filtering"));
        const visible = leads.filter(
          (lead) =>
            since === undefined ||
            Date.parse(lead.created_time.replace(/(\d{2})(\d{2})$/, "$1:$2")) > since * 1000,
        );
        const limit = Math.min(
          Number(url.searchParams.get("limit") ?? 25) || 25,
          options.maxPageSize ?? 100,
        );
        const after = url.searchParams.get("after");
        const start = after === null ? 0 : decodeCursor(after);
        const data = visible.slice(start, start + limit);
        const end = start + data.length;
        const body: GraphLeadsPage = { data };
        if (data.length > 0) {
          body.paging = { cursors: { before: encodeCursor(start), after: encodeCursor(end) } };
          if (end < visible.length) {
            const next = new URL(url);
            next.searchParams.set("after", encodeCursor(end));
            body.paging.next = next.toString();
          }
        }
        return HttpResponse.json<GraphLeadsPage>(body);
      },
    ),
    http.get<LeadParams, never, GraphLead | GraphPage | GraphErrorBody>(
      `${base}/:version/:id`,
      async ({ request, params }) => {
        const denied = await authFailure(new URL(request.url));
        if (denied) return denied;
        if (params.id === "me" || params.id === String(page.id)) {
          return HttpResponse.json<GraphPage>(page);
        }
        const lead = byId.get(params.id) ?? options.findLead?.(params.id);
        if (lead === undefined) {
          return graphError(400, {
            message: `Unsupported get request. Object with ID '${params.id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
            type: "GraphMethodException",
            code: 100,
            error_subcode: 33,
          });
        }
        return HttpResponse.json<GraphLead>(lead);
      },
    ),
  ];
}

function encodeCursor(index: number): string {
  return btoa(`idx:${index}`).replace(/=+$/, "");
}

function decodeCursor(cursor: string): number {
  try {
    const match = /^idx:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function readSinceFilter(filtering: string | null): number | undefined {
  if (filtering === null) return undefined;
  const filters = JSON.parse(filtering) as Array<{
    field: string;
    operator: string;
    value: number;
  }>;
  return filters.find((f) => f.field === "time_created" && f.operator === "GREATER_THAN")?.value;
}

/** Every Graph GET answers error 190 (the page token expired or was revoked). */
export function metaTokenExpired(baseUrl = META_GRAPH_BASE_URL): HttpHandler {
  return http.get(`${baseUrl}/*`, () => metaTokenExpiredResponse());
}

export interface MetaRateLimitOptions {
  /** 4 app, 17 user, 32 page, 613 custom, 80000–80014 business use case. */
  code?: 4 | 17 | 32 | 613 | 80001 | 80004;
  /** Minutes in `X-Business-Use-Case-Usage.estimated_time_to_regain_access`; none when 0. */
  regainMinutes?: number;
  baseUrl?: string;
  once?: boolean;
}

/** The Graph API's rate-limit answer: HTTP 400 (403 for BUC limits) with usage headers. */
export function metaRateLimited(options: MetaRateLimitOptions = {}): HttpHandler {
  const code = options.code ?? 32;
  const minutes = options.regainMinutes ?? 5;
  const usage = JSON.stringify({
    [META_TEST_PAGE_ID]: [
      {
        type: "pages",
        call_count: 100,
        total_cputime: 34,
        total_time: 41,
        estimated_time_to_regain_access: minutes,
      },
    ],
  });
  return http.get(
    `${options.baseUrl ?? META_GRAPH_BASE_URL}/*`,
    () =>
      graphError(
        code >= 80000 ? 403 : 400,
        {
          message:
            code === 32
              ? "(#32) Page request limit reached"
              : code === 4
                ? "(#4) Application request limit reached"
                : code === 17
                  ? "(#17) User request limit reached"
                  : `(#${code}) There have been too many calls`,
          type: "OAuthException",
          code,
          is_transient: true,
        },
        {
          "x-app-usage": JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 30 }),
          ...(minutes > 0 && { "x-business-use-case-usage": usage }),
        },
      ),
    { once: options.once ?? false },
  );
}

/** Meta's own failure: HTTP 500 with a transient Graph error, or a bare 502/503 from its edge. */
export function metaServerError(
  status: 500 | 502 | 503 = 500,
  options: { baseUrl?: string; once?: boolean } = {},
): HttpHandler {
  return http.get(
    `${options.baseUrl ?? META_GRAPH_BASE_URL}/*`,
    () =>
      status === 500
        ? graphError(500, {
            message: "An unexpected error has occurred. Please retry your request later.",
            type: "OAuthException",
            code: 2,
            is_transient: true,
          })
        : new HttpResponse("<html><body>Service Unavailable</body></html>", {
            status,
            headers: { "content-type": "text/html" },
          }),
    { once: options.once ?? false },
  );
}

/** A 200 whose body is not what Meta documents: `"html"` is a proxy page, `"shape"` a lead without `id`. */
export function metaMalformedResponse(
  kind: "html" | "shape",
  baseUrl = META_GRAPH_BASE_URL,
): HttpHandler {
  return http.get(`${baseUrl}/*`, () =>
    kind === "html"
      ? HttpResponse.html("<html><body>Please log in</body></html>")
      : HttpResponse.json({ created_time: "2026-11-27T02:42:13+0000", field_data: "oops" }),
  );
}
