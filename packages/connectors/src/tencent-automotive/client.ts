import type { ConnectorContext } from "../define.js";
import { type ConnectorError, PermanentConnectorError } from "../errors.js";
import { requestJsonResult } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { describeIssues } from "../shape.js";
import type { TimeWindow } from "../time-window.js";
import { matchVendorCode, type VendorCodeRule, vendorCodeError } from "../vendor-codes.js";
import { TENCENT_WAV_SERVICE, type TencentAutomotiveConfig } from "./config.js";
import { TC3_CONTENT_TYPE, tc3Sign } from "./signing.js";
import { tencentCluePageSchema, tencentEnvelopeSchema, tencentErrorSchema } from "./types.js";

const VENDOR = "Tencent Cloud WAV";
export const TENCENT_CLUE_ACTION = "QueryClueInfoList";

/** The wait after `RequestLimitExceeded` (Tencent names none; its limits are per second). */
export const TENCENT_RATE_LIMIT_WAIT_MS = 1_000;

/**
 * Tencent Cloud's common error codes (HTTP 200, `Response.Error.Code`) by what the hub should do;
 * rows ending in `*` match every code with that prefix, the longest prefix winning.
 */
export const TENCENT_ERROR_CODES: Readonly<Record<string, VendorCodeRule>> = {
  // The signature's timestamp is more than 5 minutes from Tencent's clock: the key is fine, the
  // hub's clock is not — reauthorising would not help, so the code says where to look.
  "AuthFailure.SignatureExpire": {
    kind: "auth",
    code: "tencent_clock_skew",
    meaning: "signature expired: the hub's clock is more than 5 minutes off",
  },
  "AuthFailure.UnauthorizedOperation": {
    kind: "auth",
    code: "tencent_permission_denied",
    meaning: "the key's CAM policy does not allow this action",
  },
  "AuthFailure*": {
    kind: "auth",
    code: "tencent_auth_failed",
    meaning: "SecretId unknown or disabled, or signature wrong",
  },
  "UnauthorizedOperation*": {
    kind: "auth",
    code: "tencent_permission_denied",
    meaning: "not authorised for this operation",
  },
  "RequestLimitExceeded*": {
    kind: "retryable",
    code: "tencent_rate_limited",
    meaning: "request rate limit reached",
    retryAfterMs: TENCENT_RATE_LIMIT_WAIT_MS,
  },
  "InternalError*": { kind: "retryable", code: "tencent_unavailable", meaning: "internal error" },
  "ResourceUnavailable*": {
    kind: "retryable",
    code: "tencent_unavailable",
    meaning: "resource temporarily unavailable",
  },
  "InvalidParameter*": {
    kind: "permanent",
    code: "tencent_invalid_request",
    meaning: "invalid parameter or value",
  },
  "MissingParameter*": {
    kind: "permanent",
    code: "tencent_invalid_request",
    meaning: "missing parameter",
  },
  "UnknownParameter*": {
    kind: "permanent",
    code: "tencent_invalid_request",
    meaning: "unknown parameter",
  },
  InvalidAction: { kind: "permanent", code: "tencent_invalid_request", meaning: "unknown action" },
  NoSuchVersion: { kind: "permanent", code: "tencent_invalid_request", meaning: "unknown version" },
};

const FALLBACK_RULE: VendorCodeRule = {
  kind: "permanent",
  code: "tencent_rejected",
  meaning: "request rejected",
};

/** The error for a Tencent `Response.Error`. */
export function tencentCodeError(
  body: { Error: { Code: string; Message: string }; RequestId?: string | undefined },
  options: { status?: number; redact?: Redactor } = {},
): ConnectorError {
  const redact = options.redact ?? createRedactor();
  const { Code: code, Message: message } = body.Error;
  const rule = matchVendorCode(TENCENT_ERROR_CODES, code) ?? FALLBACK_RULE;
  return vendorCodeError(rule, redact(`${VENDOR} error ${code}: ${message.slice(0, 300)}`), {
    ...(options.status !== undefined && { status: options.status }),
    ...(body.RequestId !== undefined && { requestId: body.RequestId }),
    raw: redact({ code, message }),
  });
}

function errorInBody(body: unknown, status: number, redact: Redactor): ConnectorError | undefined {
  const envelope = tencentEnvelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const error = tencentErrorSchema.safeParse(envelope.data.Response);
  return error.success ? tencentCodeError(error.data, { status, redact }) : undefined;
}

/** One signed call of a WAV action; the `Response` object when it holds no `Error`. */
export async function callWav(
  ctx: ConnectorContext<TencentAutomotiveConfig>,
  action: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const redact = createRedactor([config.secretKey]);
  const payload = JSON.stringify(params);
  const timestamp = Math.floor(ctx.now() / 1000);
  const signed = await tc3Sign({
    secretId: config.secretId,
    secretKey: config.secretKey,
    service: TENCENT_WAV_SERVICE,
    host: new URL(ctx.baseUrl).host,
    action,
    timestamp,
    payload,
  });
  const { json, status } = await requestJsonResult(ctx, {
    method: "POST",
    url: `${ctx.baseUrl}/`,
    body: payload,
    headers: {
      authorization: signed.authorization,
      "content-type": TC3_CONTENT_TYPE,
      "x-tc-action": action,
      "x-tc-timestamp": String(timestamp),
      "x-tc-version": config.version,
      ...(config.region !== undefined && { "x-tc-region": config.region }),
    },
    timeoutMs: config.timeoutMs,
    vendor: VENDOR,
    secrets: [config.secretKey],
    classifyError: (response, text) => {
      try {
        return errorInBody(parseJsonExact(text), response.status, redact);
      } catch {
        return undefined;
      }
    },
  });
  const failure = errorInBody(json, status, redact);
  if (failure) throw failure;
  const envelope = tencentEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new PermanentConnectorError(
      `${VENDOR} ${action} answered without a Response: ${describeIssues(envelope.error)}`,
      { code: "tencent_unexpected_response" },
    );
  }
  return envelope.data.Response;
}

/** One page of `QueryClueInfoList` for a window (Unix seconds), from `cursor`. */
export async function fetchCluePage(
  ctx: ConnectorContext<TencentAutomotiveConfig>,
  window: TimeWindow,
  cursor: string | null,
  limit = ctx.config.limit,
) {
  const response = await callWav(ctx, TENCENT_CLUE_ACTION, {
    ...(cursor !== null && { Cursor: cursor }),
    Limit: limit,
    BeginTime: Math.floor(window.start / 1000),
    EndTime: Math.floor(window.end / 1000),
  });
  const page = tencentCluePageSchema.safeParse(response);
  if (!page.success) {
    throw new PermanentConnectorError(
      `${VENDOR} ${TENCENT_CLUE_ACTION} answered an unexpected shape: ${describeIssues(page.error)}`,
      {
        code: "tencent_unexpected_response",
        ...(typeof response.RequestId === "string" && { requestId: response.RequestId }),
      },
    );
  }
  return page.data;
}
