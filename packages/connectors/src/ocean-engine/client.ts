import type { ConnectorContext } from "../define.js";
import { type ConnectorError, PermanentConnectorError } from "../errors.js";
import { requestJsonResult } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { describeIssues } from "../shape.js";
import type { TimeWindow } from "../time-window.js";
import { type VendorCodeRule, vendorCodeError } from "../vendor-codes.js";
import { formatWallClock } from "../vendor-time.js";
import type { OceanEngineConfig } from "./config.js";
import { oceanCluePageSchema, oceanEnvelopeSchema } from "./types.js";

const VENDOR = "Ocean Engine";
export const OCEAN_ENGINE_CLUE_PATH = "/open_api/2/tools/clue/get/";

/** The wait after "too many requests" (Ocean Engine names none; its limits are per second). */
export const OCEAN_ENGINE_RATE_LIMIT_WAIT_MS = 5_000;
/** The wait after the platform-wide limit, which clears more slowly. */
export const OCEAN_ENGINE_OVERALL_LIMIT_WAIT_MS = 60_000;

/**
 * Ocean Engine answers HTTP 200 with a `code` in the body; this table says what each means for
 * the hub. Codes from Ocean Engine's published return-code list; the rate-limit waits are ours.
 * To confirm with the partner: that the clue endpoint uses these codes unchanged, and whether
 * 40100 carries a `Retry-After` (it is honoured when present).
 */
export const OCEAN_ENGINE_ERROR_CODES: Readonly<Record<number, VendorCodeRule>> = {
  40001: {
    kind: "permanent",
    code: "ocean_engine_invalid_request",
    meaning: "参数错误 (bad parameter)",
  },
  40002: {
    kind: "auth",
    code: "ocean_engine_permission_denied",
    meaning: "没有权限 (no permission for the advertiser)",
  },
  40100: {
    kind: "retryable",
    code: "ocean_engine_rate_limited",
    meaning: "请求过于频繁 (too many requests)",
    retryAfterMs: OCEAN_ENGINE_RATE_LIMIT_WAIT_MS,
  },
  40101: {
    kind: "auth",
    code: "ocean_engine_auth_failed",
    meaning: "不合法的接入用户 (unknown app or user)",
  },
  40102: {
    kind: "auth",
    code: "ocean_engine_token_expired",
    meaning: "access token 过期 (expired)",
  },
  40103: {
    kind: "auth",
    code: "ocean_engine_token_expired",
    meaning: "refresh token 过期 (expired)",
  },
  40104: {
    kind: "auth",
    code: "ocean_engine_token_missing",
    meaning: "access token 为空 (missing)",
  },
  40105: { kind: "auth", code: "ocean_engine_token_invalid", meaning: "access token 错误 (wrong)" },
  40106: {
    kind: "auth",
    code: "ocean_engine_auth_failed",
    meaning: "账户登录异常 (account login problem)",
  },
  40107: {
    kind: "auth",
    code: "ocean_engine_token_invalid",
    meaning: "refresh token 错误 (wrong)",
  },
  40110: {
    kind: "retryable",
    code: "ocean_engine_rate_limited",
    meaning: "请求超过服务整体频控 (platform-wide limit)",
    retryAfterMs: OCEAN_ENGINE_OVERALL_LIMIT_WAIT_MS,
  },
  50000: {
    kind: "retryable",
    code: "ocean_engine_unavailable",
    meaning: "系统错误 (system error)",
  },
};

/** Codes not in the table: 5xxxx are Ocean Engine's trouble, everything else our request's. */
function ruleFor(code: number): VendorCodeRule {
  return (
    OCEAN_ENGINE_ERROR_CODES[code] ??
    (code >= 50000
      ? { kind: "retryable", code: "ocean_engine_unavailable", meaning: "server error" }
      : { kind: "permanent", code: "ocean_engine_rejected", meaning: "request rejected" })
  );
}

function retryAfterOf(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

/** The error for an Ocean Engine envelope whose `code` is not 0. */
export function oceanEngineCodeError(
  envelope: { code: number; message: string; request_id?: string | undefined },
  options: { status?: number; headers?: Headers; redact?: Redactor } = {},
): ConnectorError {
  const redact = options.redact ?? createRedactor();
  const rule = ruleFor(envelope.code);
  const retryAfterMs = options.headers ? retryAfterOf(options.headers) : undefined;
  return vendorCodeError(
    rule,
    redact(`${VENDOR} error ${envelope.code}: ${envelope.message.slice(0, 300) || rule.meaning}`),
    {
      ...(options.status !== undefined && { status: options.status }),
      ...(envelope.request_id !== undefined && { requestId: envelope.request_id }),
      raw: redact({ code: envelope.code, message: envelope.message }),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    },
  );
}

/** A non-2xx answer that still carries an envelope (some gateways do); else classify by status. */
function classifyOceanResponse(
  response: Response,
  body: string,
  redact: Redactor,
): ConnectorError | undefined {
  try {
    const envelope = oceanEnvelopeSchema.safeParse(parseJsonExact(body));
    if (!envelope.success || envelope.data.code === 0) return undefined;
    return oceanEngineCodeError(envelope.data, {
      status: response.status,
      headers: response.headers,
      redact,
    });
  } catch {
    return undefined;
  }
}

/**
 * One page of `GET /open_api/2/tools/clue/get/` for the connection's advertisers and a time
 * window (wall-clock times in the connection's zone, both ends included).
 */
export async function fetchCluePage(
  ctx: ConnectorContext<OceanEngineConfig>,
  window: TimeWindow,
  page: number,
  pageSize = ctx.config.pageSize,
) {
  const { config } = ctx;
  const redact = createRedactor([config.accessToken]);
  const { json: body, headers } = await requestJsonResult(ctx, {
    url: `${ctx.baseUrl}${OCEAN_ENGINE_CLUE_PATH}`,
    searchParams: {
      // A JSON array of bare numbers: the ids are 64-bit, so they are written, not serialised.
      advertiser_ids: `[${config.advertiserIds.join(",")}]`,
      start_time: formatWallClock(window.start, config.timeZone),
      end_time: formatWallClock(window.end, config.timeZone),
      page,
      page_size: pageSize,
    },
    headers: { "Access-Token": config.accessToken },
    timeoutMs: config.timeoutMs,
    vendor: VENDOR,
    secrets: [config.accessToken],
    classifyError: (response, text) => classifyOceanResponse(response, text, redact),
  });
  const envelope = oceanEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new PermanentConnectorError(
      `${VENDOR} GET ${OCEAN_ENGINE_CLUE_PATH} answered without an envelope: ${describeIssues(envelope.error)}`,
      { code: "ocean_engine_unexpected_response" },
    );
  }
  if (envelope.data.code !== 0) {
    throw oceanEngineCodeError(envelope.data, { status: 200, headers, redact });
  }
  const data = oceanCluePageSchema.safeParse(envelope.data.data);
  if (!data.success) {
    throw new PermanentConnectorError(
      `${VENDOR} GET ${OCEAN_ENGINE_CLUE_PATH} answered an unexpected shape: ${describeIssues(data.error)}`,
      {
        code: "ocean_engine_unexpected_response",
        ...(envelope.data.request_id !== undefined && { requestId: envelope.data.request_id }),
      },
    );
  }
  return { ...data.data, requestId: envelope.data.request_id };
}
