import { type HttpHandler, HttpResponse, http } from "msw";
import { TENCENT_CLUE_ACTION } from "./client.js";
import { TENCENT_WAV_BASE_URL, TENCENT_WAV_SERVICE, TENCENT_WAV_VERSION } from "./config.js";
import { TENCENT_TEST_SECRET_ID, TENCENT_TEST_SECRET_KEY } from "./fixtures.js";
import { tc3Sign } from "./signing.js";
import type { TencentClue, TencentCluePage, TencentEnvelope, TencentErrorBody } from "./types.js";

export * from "./fixtures.js";

/**
 * msw handlers that behave like Tencent Cloud's WAV endpoint for `QueryClueInfoList`: the
 * TC3-HMAC-SHA256 signature recomputed and checked (unknown SecretId, wrong signature, and a
 * timestamp more than 5 minutes off each fail as Tencent fails them), `Limit` and the time
 * range validated, clues paged with an opaque cursor. Every error is HTTP 200 with
 * `Response.Error`, as Tencent sends them; gateway 5xx and malformed bodies too.
 */

type PageBody = TencentEnvelope<TencentCluePage>;
type ErrorBody = TencentEnvelope<TencentErrorBody>;

let counter = 0;
const requestId = () => `4d48312c-a062-4875-a5d5-${String(++counter).padStart(12, "0")}`;

export function tencentError(code: string, message: string, status = 200) {
  return HttpResponse.json<ErrorBody>(
    { Response: { Error: { Code: code, Message: message }, RequestId: requestId() } },
    { status },
  );
}

/** Where a page starts, opaque to the client as Tencent's cursors are. */
function encodeCursor(offset: number, begin: number, end: number): string {
  return btoa(JSON.stringify({ o: offset, b: begin, e: end }));
}

function decodeCursor(cursor: string): { o: number; b: number; e: number } | undefined {
  try {
    const value = JSON.parse(atob(cursor)) as { o: unknown; b: unknown; e: unknown };
    return typeof value.o === "number" && typeof value.b === "number" && typeof value.e === "number"
      ? { o: value.o, b: value.b, e: value.e }
      : undefined;
  } catch {
    return undefined;
  }
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/;

export interface TencentWavMockOptions {
  baseUrl?: string;
  secretId?: string;
  secretKey?: string;
  clues?: TencentClue[];
  /** Tencent's clock, for the 5-minute signature window (defaults to the real clock). */
  now?: () => number;
  onRequest?(body: Record<string, unknown>): void;
}

function creationTime(clue: TencentClue): number {
  const value = clue.CreateAtTime ?? clue.EnquireTime;
  return typeof value === "number" ? value : Number(value ?? 0);
}

/** The WAV endpoint as a CAM key sees it; pass to `setupServer`. */
export function tencentWavHandlers(options: TencentWavMockOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? TENCENT_WAV_BASE_URL).replace(/\/+$/, "");
  const secretId = options.secretId ?? TENCENT_TEST_SECRET_ID;
  const secretKey = options.secretKey ?? TENCENT_TEST_SECRET_KEY;
  const clues = options.clues ?? [];
  const now = options.now ?? (() => Date.now());
  return [
    http.post<never, never, PageBody | ErrorBody>(`${base}/`, async ({ request }) => {
      const payload = await request.text();
      const action = request.headers.get("x-tc-action") ?? "";
      const timestamp = Number(request.headers.get("x-tc-timestamp"));
      const auth = AUTHORIZATION.exec(request.headers.get("authorization") ?? "");
      if (!auth) return tencentError("AuthFailure.InvalidAuthorization", "Authorization 格式错误");
      if (auth[1] !== secretId) return tencentError("AuthFailure.SecretIdNotFound", "密钥不存在");
      if (!Number.isInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > 300) {
        return tencentError(
          "AuthFailure.SignatureExpire",
          "签名过期。Timestamp 和服务器时间相差不得超过五分钟。",
        );
      }
      const expected = await tc3Sign({
        secretId,
        secretKey,
        service: TENCENT_WAV_SERVICE,
        host: new URL(request.url).host,
        action,
        timestamp,
        payload,
      });
      if (auth[3] !== TENCENT_WAV_SERVICE || auth[5] !== expected.signature) {
        return tencentError(
          "AuthFailure.SignatureFailure",
          "请求签名验证失败，请检查您的签名计算是否正确。",
        );
      }
      if (request.headers.get("x-tc-version") !== TENCENT_WAV_VERSION) {
        return tencentError("NoSuchVersion", "接口版本不存在");
      }
      if (action !== TENCENT_CLUE_ACTION) {
        return tencentError("InvalidAction", `接口 ${action} 不存在`);
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(payload) as Record<string, unknown>;
      } catch {
        return tencentError("InvalidParameter", "请求体不是合法的 JSON");
      }
      options.onRequest?.(body);
      const { Limit: limit, BeginTime: begin, EndTime: end, Cursor: cursor } = body;
      if (typeof begin !== "number" || typeof end !== "number") {
        return tencentError("MissingParameter", "缺少参数 BeginTime 或 EndTime");
      }
      if (typeof limit !== "number" || limit < 1 || limit > 1000) {
        return tencentError("InvalidParameterValue.Limit", "Limit 取值范围 1 ~ 1000");
      }
      let offset = 0;
      if (cursor !== undefined) {
        const position = typeof cursor === "string" ? decodeCursor(cursor) : undefined;
        if (!position || position.b !== begin || position.e !== end) {
          return tencentError("InvalidParameterValue.Cursor", "Cursor 无效");
        }
        offset = position.o;
      }
      const visible = clues.filter((clue) => {
        const at = creationTime(clue);
        return at >= begin && at <= end;
      });
      const data = visible.slice(offset, offset + limit);
      const more = offset + data.length < visible.length;
      return HttpResponse.json<PageBody>({
        Response: {
          PageData: data,
          NextCursor: more ? encodeCursor(offset + data.length, begin, end) : null,
          HasMore: more ? 1 : 0,
          RequestId: requestId(),
        },
      });
    }),
  ];
}

const once = (value: boolean | undefined) => ({ once: value ?? false });

/** `RequestLimitExceeded`: more than the action's per-second limit. */
export function tencentRateLimited(
  options: { once?: boolean; baseUrl?: string } = {},
): HttpHandler {
  return http.post(
    `${options.baseUrl ?? TENCENT_WAV_BASE_URL}/`,
    () => tencentError("RequestLimitExceeded", "请求的次数超过了频率限制。"),
    once(options.once),
  );
}

/** `InternalError` in a 200, or a gateway's bare 502/503. */
export function tencentServerError(
  kind: 200 | 502 | 503 = 200,
  options: { once?: boolean; baseUrl?: string } = {},
): HttpHandler {
  return http.post(
    `${options.baseUrl ?? TENCENT_WAV_BASE_URL}/`,
    () =>
      kind === 200
        ? tencentError("InternalError", "内部错误。")
        : new HttpResponse("<html><body>Bad Gateway</body></html>", {
            status: kind,
            headers: { "content-type": "text/html" },
          }),
    once(options.once),
  );
}

/** An `AuthFailure.*` (or `UnauthorizedOperation`) whatever the request. */
export function tencentAuthFailure(
  code = "AuthFailure.SecretIdNotFound",
  baseUrl = TENCENT_WAV_BASE_URL,
): HttpHandler {
  return http.post(`${baseUrl}/`, () => tencentError(code, "鉴权失败"));
}

/** A 200 that is not what Tencent documents: a proxy page, or `PageData` that is not a list. */
export function tencentMalformed(kind: "html" | "shape", baseUrl = TENCENT_WAV_BASE_URL) {
  return http.post(`${baseUrl}/`, () =>
    kind === "html"
      ? HttpResponse.html("<html><body>请稍后再试</body></html>")
      : HttpResponse.json({ Response: { PageData: "oops", RequestId: requestId() } }),
  );
}
