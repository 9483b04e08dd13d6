import { type HttpHandler, HttpResponse, http } from "msw";
import { hmacSha256, toHex } from "../crypto.js";
import type { HandshakeRequest, InboundRequestInfo } from "../define.js";
import { appSecretProof } from "./client.js";
import { META_GRAPH_BASE_URL } from "./config.js";
import type {
  GraphErrorBody,
  GraphLead,
  GraphLeadsPage,
  GraphPage,
  LeadgenValue,
} from "./types.js";

/**
 * msw handlers that behave like the parts of Meta's Graph API this connector calls — the lead
 * object, a form's leads edge with cursor paging, `/me` for a page token — checking the token
 * and `appsecret_proof` as Meta does and failing as Meta fails (error 190 for a bad token, 100
 * for a bad id or proof, 4/17/32/613 rate limits with usage headers, transient 5xx, malformed
 * bodies). Plus builders for signed webhook notifications. For tests here and in the hub.
 */

export const META_TEST_APP_SECRET = "3f1c9a7be2d04c5f8a6e1b2c3d4e5f60";
export const META_TEST_VERIFY_TOKEN = "forecourt-verify-7d2e";
export const META_TEST_PAGE_TOKEN = "EAAGm0PX4ZCpsBOZCtestPAGEtoken0ZBZBx7QeZC1lZB3nZBqZCkZD";
export const META_TEST_PAGE_ID = "104857600123456";
export const META_TEST_FORM_ID = "1357913579135791";

/** A Chinese lead with an id above 2^53 and three custom questions. */
export const META_LEAD_CN: GraphLead = {
  id: "1234567890123456789",
  created_time: "2026-11-27T02:42:13+0000",
  ad_id: "23851234567890123",
  ad_name: "Model Y 试驾季 · 杭州",
  adset_id: "23851234567890456",
  campaign_id: "23851234567890789",
  campaign_name: "2026 冬季试驾",
  form_id: META_TEST_FORM_ID,
  is_organic: false,
  platform: "ig",
  field_data: [
    { name: "full_name", values: ["王芳"] },
    { name: "phone_number", values: ["+8613912345678"] },
    { name: "email", values: ["wang.fang@example.cn"] },
    { name: "city", values: ["杭州"] },
    { name: "province", values: ["浙江"] },
    { name: "意向车型", values: ["Model Y 长续航"] },
    { name: "预计购车时间", values: ["1个月内"] },
    { name: "感兴趣的服务", values: ["试驾", "金融方案"] },
  ],
};

/** An English-keyed lead with first/last names and vehicle questions. */
export const META_LEAD_EN: GraphLead = {
  id: "987654321098765",
  created_time: "2026-11-26T13:05:44+0000",
  form_id: META_TEST_FORM_ID,
  ad_id: "23851234567890123",
  field_data: [
    { name: "first_name", values: ["Wei"] },
    { name: "last_name", values: ["Chen"] },
    { name: "phone_number", values: ["13800138000"] },
    { name: "vehicle_make", values: ["BYD"] },
    { name: "vehicle_model", values: ["Seal"] },
    { name: "vehicle_year", values: ["2026"] },
    { name: "vehicle_condition", values: ["new"] },
    { name: "state", values: ["Atlantis"] },
  ],
};

/** Leads of one form, enough for several pages at a small page size. */
export function metaFormLeads(count: number, formId = META_TEST_FORM_ID): GraphLead[] {
  return Array.from({ length: count }, (_, n) => ({
    id: String(9_007_199_254_740_993n + BigInt(n)),
    created_time: `2026-11-${String(1 + (n % 28)).padStart(2, "0")}T08:00:00+0000`,
    form_id: formId,
    field_data: [
      { name: "full_name", values: [`客户${n + 1}`] },
      { name: "phone_number", values: [`+86139${String(10_000_000 + n).slice(-8)}`] },
    ],
  }));
}

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
        const lead = byId.get(params.id);
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

/** A `leadgen` change's value as the notification builder takes it: ids as decimal strings. */
export type LeadgenChange = Pick<LeadgenValue, "created_time"> & {
  leadgen_id: string;
  page_id?: string;
  form_id?: string;
  ad_id?: string;
  adgroup_id?: string;
};

/**
 * A notification body as Meta writes it: ids as bare JSON numbers (so ids above 2^53 are only
 * exact in the text), one entry per page, several changes per entry.
 */
export function metaLeadgenNotification(
  changes: readonly LeadgenChange[],
  options: { entryTime?: number; extraChanges?: Array<{ field: string; value: unknown }> } = {},
): string {
  const pages = new Map<string, LeadgenChange[]>();
  for (const change of changes) {
    const page = String(change.page_id ?? META_TEST_PAGE_ID);
    pages.set(page, [...(pages.get(page) ?? []), change]);
  }
  const body = {
    object: "page",
    entry: [...pages].map(([pageId, pageChanges], index) => ({
      id: pageId,
      time: options.entryTime ?? 1_795_747_333,
      changes: [
        ...pageChanges.map((value) => ({
          field: "leadgen",
          value: { page_id: pageId, created_time: 1_795_747_333, ...value },
        })),
        ...(index === 0 ? (options.extraChanges ?? []) : []),
      ],
    })),
  };
  return JSON.stringify(body).replace(
    /"(id|leadgen_id|page_id|form_id|ad_id|adgroup_id)":"(\d+)"/g,
    '"$1":$2',
  );
}

/** `sha256=<hex>` of the exact bytes, as Meta signs. */
export async function signMetaBody(body: string | Uint8Array, appSecret = META_TEST_APP_SECRET) {
  return `sha256=${toHex(await hmacSha256(appSecret, body))}`;
}

export interface MetaPost {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

/** A signed POST of `body` to the connection's webhook, as the hub receives it. */
export async function metaNotificationPost(
  body: string,
  options: { appSecret?: string; signature?: string | null; url?: string } = {},
): Promise<MetaPost> {
  const rawBody = new TextEncoder().encode(body);
  const signature =
    options.signature === undefined
      ? await signMetaBody(rawBody, options.appSecret)
      : options.signature;
  return {
    rawBody,
    headers: {
      "content-type": "application/json",
      "user-agent": "facebookexternalua",
      ...(signature !== null && { "x-hub-signature-256": signature }),
    },
    request: {
      method: "POST",
      url: options.url ?? "https://hub.example.test/v1/hooks/conn_01META",
      receivedAt: Date.parse("2026-11-27T02:42:20Z"),
    },
  };
}

/** The subscription check Meta sends when the webhook is set up. */
export function metaHandshakeRequest(
  verifyToken: string = META_TEST_VERIFY_TOKEN,
  challenge = "1158201444",
): HandshakeRequest {
  const url = new URL("https://hub.example.test/v1/hooks/conn_01META");
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.challenge", challenge);
  url.searchParams.set("hub.verify_token", verifyToken);
  return {
    method: "GET",
    url: url.toString(),
    headers: {},
    receivedAt: Date.parse("2026-11-27T02:00:00Z"),
  };
}
