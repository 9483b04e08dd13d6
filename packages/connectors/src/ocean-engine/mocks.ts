import { type HttpHandler, HttpResponse, http } from "msw";
import { parseVendorTime } from "../vendor-time.js";
import { OCEAN_ENGINE_CLUE_PATH } from "./client.js";
import { OCEAN_ENGINE_BASE_URL } from "./config.js";
import { OCEAN_TEST_ACCESS_TOKEN } from "./fixtures.js";
import type { OceanClue, OceanCluePage, OceanEnvelope } from "./types.js";

export * from "./fixtures.js";

/**
 * msw handlers that behave like Ocean Engine's clue API: the `Access-Token` header checked,
 * advertisers and the time window filtered, pages counted as Ocean Engine counts them, and the
 * 64-bit ids written as bare JSON numbers. Errors come as Ocean Engine sends them — HTTP 200
 * with a `code` (40102 expired token, 40105 wrong token, 40100/40110 rate limits, 50000 system
 * error) — plus gateway 5xx pages and malformed bodies. For tests here and in the hub.
 */

type Envelope = OceanEnvelope<OceanCluePage | Record<string, never>>;

const ID_FIELDS =
  /"(clue_id|advertiser_id|ad_id|creative_id|promotion_id|site_id|module_id|store_id|store_pack_id)":"(\d+)"/g;

let requestCounter = 0;
const requestId = () => `20261127104213${String(++requestCounter).padStart(6, "0")}ABCDEF`;

/** An Ocean Engine answer, ids written as bare numbers as Ocean Engine writes them. */
export function oceanEngineResponse(
  body: Omit<Envelope, "request_id">,
  init: { status?: number; headers?: Record<string, string> } = {},
): HttpResponse<string> {
  const text = JSON.stringify({ ...body, request_id: requestId() }).replace(ID_FIELDS, '"$1":$2');
  return new HttpResponse(text, {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...init.headers },
  });
}

const failure = (code: number, message: string) => oceanEngineResponse({ code, message, data: {} });

export interface OceanEngineMockOptions {
  baseUrl?: string;
  accessToken?: string;
  clues?: OceanClue[];
  /** Zone of `create_time_detail` and the query's times. */
  timeZone?: string;
  /** Called with each request's query, for tests that check what was asked. */
  onRequest?(query: URLSearchParams): void;
}

/** The clue endpoint as an account with `accessToken` sees it; pass to `setupServer`. */
export function oceanEngineHandlers(options: OceanEngineMockOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? OCEAN_ENGINE_BASE_URL).replace(/\/+$/, "");
  const token = options.accessToken ?? OCEAN_TEST_ACCESS_TOKEN;
  const clues = options.clues ?? [];
  const zone = options.timeZone ?? "Asia/Shanghai";
  return [
    http.get(`${base}${OCEAN_ENGINE_CLUE_PATH}`, ({ request }) => {
      const presented = request.headers.get("access-token");
      if (!presented) return failure(40104, "access_token为空");
      if (presented !== token) return failure(40105, "access_token错误");
      const query = new URL(request.url).searchParams;
      options.onRequest?.(query);
      const ids = /^\[(\d+(?:,\d+)*)\]$/.exec(query.get("advertiser_ids") ?? "");
      if (!ids) return failure(40001, "advertiser_ids: 参数格式错误");
      const start = parseVendorTime(query.get("start_time"), zone);
      const end = parseVendorTime(query.get("end_time"), zone);
      if (start === undefined || end === undefined || end < start) {
        return failure(40001, "start_time/end_time: 时间格式错误");
      }
      const page = Number(query.get("page") ?? 1);
      const pageSize = Number(query.get("page_size") ?? 10);
      if (!Number.isInteger(page) || page < 1) return failure(40001, "page: 必须大于0");
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
        return failure(40001, "page_size: 取值范围为1-100");
      }
      const advertisers = new Set(ids[1]!.split(","));
      const visible = clues.filter((clue) => {
        const at = parseVendorTime(clue.create_time_detail, zone);
        return (
          advertisers.has(String(clue.advertiser_id)) &&
          at !== undefined &&
          at >= start &&
          at <= end
        );
      });
      const list = visible.slice((page - 1) * pageSize, page * pageSize);
      return oceanEngineResponse({
        code: 0,
        message: "OK",
        data: {
          list,
          page_info: {
            page,
            page_size: pageSize,
            total_number: visible.length,
            total_page: Math.ceil(visible.length / pageSize),
          },
        },
      });
    }),
  ];
}

const clueUrl = (baseUrl = OCEAN_ENGINE_BASE_URL) => `${baseUrl}${OCEAN_ENGINE_CLUE_PATH}`;

/** Every call answers 40102: the access token expired (they last about a day). */
export function oceanEngineTokenExpired(baseUrl?: string): HttpHandler {
  return http.get(clueUrl(baseUrl), () => failure(40102, "access_token已过期"));
}

/** 40100 "too many requests" (or 40110, the platform-wide limit), optionally with Retry-After. */
export function oceanEngineRateLimited(
  options: {
    code?: 40100 | 40110;
    retryAfterSeconds?: number;
    once?: boolean;
    baseUrl?: string;
  } = {},
): HttpHandler {
  const code = options.code ?? 40100;
  return http.get(
    clueUrl(options.baseUrl),
    () =>
      oceanEngineResponse(
        { code, message: code === 40100 ? "请求过于频繁" : "请求超过服务整体频控", data: {} },
        options.retryAfterSeconds === undefined
          ? {}
          : { headers: { "retry-after": String(options.retryAfterSeconds) } },
      ),
    { once: options.once ?? false },
  );
}

/** Ocean Engine's own failure: 50000 in a 200, an HTTP 500 envelope, or a bare 502/503 page. */
export function oceanEngineServerError(
  kind: 200 | 500 | 502 | 503 = 500,
  options: { once?: boolean; baseUrl?: string } = {},
): HttpHandler {
  return http.get(
    clueUrl(options.baseUrl),
    () =>
      kind === 200 || kind === 500
        ? oceanEngineResponse({ code: 50000, message: "系统错误" }, { status: kind })
        : new HttpResponse("<html><body>502 Bad Gateway</body></html>", {
            status: kind,
            headers: { "content-type": "text/html" },
          }),
    { once: options.once ?? false },
  );
}

/** A 200 that is not what Ocean Engine documents: a proxy page, or a page without `page_info`. */
export function oceanEngineMalformed(kind: "html" | "shape", baseUrl?: string): HttpHandler {
  return http.get(clueUrl(baseUrl), () =>
    kind === "html"
      ? HttpResponse.html("<html><body>请登录</body></html>")
      : HttpResponse.json({ code: 0, message: "OK", data: { list: "oops" } }),
  );
}
