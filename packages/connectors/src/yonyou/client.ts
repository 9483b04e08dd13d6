import type { z } from "zod";
import { hmacSha256 } from "../crypto.js";
import type { ConnectorContext } from "../define.js";
import {
  AuthConnectorError,
  type ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { type HttpMethod, request } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { renewableSession } from "../session.js";
import { type CachedToken, TokenCache, tokenCacheKey } from "../token-cache.js";
import type { YonyouConfig } from "./config.js";
import { yonyouEnvelopeSchema, yonyouGatewaySchema, yonyouTokenSchema } from "./types.js";

const VENDOR = "YonBIP";

/** Success codes: the auth services answer `"00000"`, business APIs `"200"`. */
export const YONYOU_AUTH_OK = "00000";
export const YONYOU_OK = "200";
/** A token is renewed this long before YonBIP says it expires. */
export const YONYOU_TOKEN_MARGIN_MS = 5 * 60_000;
/** How long a tenant's gateway and token addresses are kept. */
export const YONYOU_GATEWAY_TTL_MS = 24 * 60 * 60_000;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The token request's signature: base64 of HMAC-SHA256 keyed by the app secret over
 * `"appKey" + appKey + "timestamp" + timestamp`, on Web Crypto. It travels URL-encoded once, as
 * the `signature` query parameter — which is what putting it in the query does.
 */
export async function yonyouSignature(
  appKey: string,
  appSecret: string,
  timestamp: number | string,
): Promise<string> {
  return toBase64(await hmacSha256(appSecret, `appKey${appKey}timestamp${timestamp}`));
}

/** What the connector does about an answer: the table in docs/connectors/yonyou.md. */
export type YonyouAnswerClass =
  | "ok"
  | "token_invalid"
  | "rate_limited"
  | "duplicate_submission"
  | "unavailable"
  | "rejected";

const TOKEN_INVALID = /(access_token|token).{0,12}(失效|过期|无效|非法|不存在|invalid|expired)/i;
const RATE_LIMITED = /(频率|限流|过于频繁|too many requests|rate limit)/i;
const DUPLICATE = /(重复提交|resubmitCheckKey)/i;
const UNAVAILABLE = /(系统繁忙|服务不可用|稍后重试|timeout|超时)/i;

/**
 * Classifies an answer by its `code`, message and HTTP status. YonBIP documents codes per API;
 * the ones read here are the envelope's own (`"200"`, `"00000"`), HTTP-like codes in the body
 * (401, 429, 5xx), and the message patterns above — to confirm against the tenant's API docs.
 */
export function classifyYonyouAnswer(
  code: string,
  message: string,
  status = 200,
): YonyouAnswerClass {
  if (status === 401) return "token_invalid";
  if (code === YONYOU_OK || code === YONYOU_AUTH_OK) return "ok";
  if (code === "401" || TOKEN_INVALID.test(message)) return "token_invalid";
  if (status === 429 || code === "429" || RATE_LIMITED.test(message)) return "rate_limited";
  if (DUPLICATE.test(message)) return "duplicate_submission";
  if (status >= 500 || /^5\d\d$/.test(code) || UNAVAILABLE.test(message)) return "unavailable";
  return "rejected";
}

/** The connector error for an answer that is not `ok`. */
export function yonyouError(
  kind: Exclude<YonyouAnswerClass, "ok">,
  what: string,
  code: string,
  message: string,
  options: { status?: number; retryAfterMs?: number | undefined; redact?: Redactor } = {},
): ConnectorError {
  const redact = options.redact ?? createRedactor();
  const text = redact(`${VENDOR} ${what}: ${message || "no message"} (code ${code})`);
  const base = {
    ...(options.status !== undefined && { status: options.status }),
    raw: redact({ code, message }),
  };
  switch (kind) {
    case "token_invalid":
      return new AuthConnectorError(text, { ...base, code: "yonyou_token_invalid" });
    case "rate_limited":
      return new RetryableConnectorError(text, {
        ...base,
        code: "yonyou_rate_limited",
        ...(options.retryAfterMs !== undefined && { retryAfterMs: options.retryAfterMs }),
      });
    case "unavailable":
      return new RetryableConnectorError(text, { ...base, code: "yonyou_unavailable" });
    case "duplicate_submission":
      return new PermanentConnectorError(text, { ...base, code: "yonyou_duplicate_submission" });
    default:
      return new PermanentConnectorError(text, { ...base, code: "yonyou_rejected" });
  }
}

interface Addresses {
  gatewayUrl: string;
  tokenUrl: string;
}

/*
 * The gateway address rarely changes and tokens live two hours: both are kept per process (see
 * `TokenCache`), the one state this connector holds.
 */
const gateways = new Map<string, { addresses: Promise<Addresses>; until: number }>();
const tokens = new TokenCache();

/** Forgets every cached gateway address and token (tests; a secret rotated by hand). */
export function clearYonyouCaches(): void {
  gateways.clear();
  tokens.clear();
}

function readEnvelope(text: string, what: string) {
  let json: unknown;
  try {
    json = parseJsonExact(text);
  } catch {
    throw new RetryableConnectorError(`${VENDOR} ${what} answered with a body that is not JSON`, {
      code: "vendor_invalid_response",
    });
  }
  const parsed = yonyouEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw new PermanentConnectorError(`${VENDOR} ${what} answered an unexpected shape`, {
      code: "yonyou_unexpected_response",
    });
  }
  return { code: parsed.data.code, message: parsed.data.message ?? "", data: parsed.data.data };
}

function dataOf<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new PermanentConnectorError(`${VENDOR} ${what} answered without the expected data`, {
      code: "yonyou_unexpected_response",
    });
  }
  return parsed.data;
}

export interface YonyouApi {
  /** POSTs to a business API on the tenant's gateway; the answer's `data` when `code` is 200. */
  post(path: string, what: string, body: unknown): Promise<unknown>;
}

export function yonyouApi(
  ctx: ConnectorContext<YonyouConfig>,
  scrub: readonly (string | undefined)[] = [],
): YonyouApi {
  const { config } = ctx;
  const secrets: (string | undefined)[] = [config.appSecret, ...scrub];
  const redact = createRedactor(secrets);

  async function call(
    method: HttpMethod,
    url: string,
    what: string,
    options: {
      query?: Record<string, string>;
      json?: unknown;
      extraSecrets?: string[];
    },
  ) {
    const answer = await request(ctx, {
      method,
      url,
      ...(options.query && { searchParams: options.query }),
      ...(options.json !== undefined && { json: options.json }),
      timeoutMs: config.timeoutMs,
      vendor: VENDOR,
      secrets: [...secrets, ...(options.extraSecrets ?? [])],
      classifyError: (response, text) => {
        if (response.status !== 401) return undefined;
        return yonyouError("token_invalid", what, "401", text.slice(0, 200), {
          status: 401,
          redact,
        });
      },
    });
    const envelope = readEnvelope(answer.text, what);
    const kind = classifyYonyouAnswer(envelope.code, envelope.message, answer.status);
    if (kind !== "ok") {
      const wait = Number(answer.headers.get("retry-after"));
      throw yonyouError(kind, what, envelope.code, envelope.message, {
        status: answer.status,
        retryAfterMs: Number.isFinite(wait) && wait > 0 ? wait * 1000 : undefined,
        redact: createRedactor([...secrets, ...(options.extraSecrets ?? [])]),
      });
    }
    return envelope.data;
  }

  async function addresses(): Promise<Addresses> {
    if (config.gatewayUrl && config.tokenUrl) {
      return { gatewayUrl: config.gatewayUrl, tokenUrl: config.tokenUrl };
    }
    const key = `${ctx.baseUrl}|${config.tenantId}`;
    const cached = gateways.get(key);
    if (cached && cached.until > ctx.now()) return cached.addresses;
    const pending = call(
      "GET",
      `${ctx.baseUrl}/open-auth/dataCenter/getGatewayAddress`,
      "gateway lookup",
      {
        query: { tenantId: config.tenantId },
      },
    )
      .catch((error: ConnectorError) => {
        // An unknown tenant is the connection's setup, not the order: the hub asks for it.
        if (error instanceof PermanentConnectorError) {
          throw new AuthConnectorError(error.message, {
            code: "yonyou_gateway_lookup_failed",
            raw: error.raw,
          });
        }
        throw error;
      })
      .then((data) => dataOf(yonyouGatewaySchema, data, "gateway lookup"))
      .then((found) => ({
        gatewayUrl: config.gatewayUrl ?? found.gatewayUrl.replace(/\/+$/, ""),
        tokenUrl: config.tokenUrl ?? found.tokenUrl.replace(/\/+$/, ""),
      }));
    gateways.set(key, { addresses: pending, until: ctx.now() + YONYOU_GATEWAY_TTL_MS });
    pending.catch(() => gateways.delete(key));
    return pending;
  }

  async function fetchToken(tokenUrl: string): Promise<CachedToken> {
    const timestamp = String(ctx.now());
    const data = await call(
      "GET",
      `${tokenUrl}/open-auth/selfAppAuth/getAccessToken`,
      "token request",
      {
        query: {
          appKey: config.appKey,
          timestamp,
          signature: await yonyouSignature(config.appKey, config.appSecret, timestamp),
        },
      },
    ).catch((error: ConnectorError) => {
      // A refused token request means the app key or secret is wrong, not a bad order.
      if (error instanceof PermanentConnectorError) {
        throw new AuthConnectorError(error.message, {
          code: "yonyou_token_refused",
          raw: error.raw,
        });
      }
      throw error;
    });
    const token = dataOf(yonyouTokenSchema, data, "token request");
    return { token: token.access_token, expiresAt: ctx.now() + token.expire * 1000 };
  }

  async function accessToken(fresh: boolean): Promise<string> {
    const { tokenUrl } = await addresses();
    const key = await tokenCacheKey([tokenUrl, config.appKey], config.appSecret);
    return tokens.get(key, () => fetchToken(tokenUrl), {
      now: ctx.now(),
      marginMs: YONYOU_TOKEN_MARGIN_MS,
      fresh,
    });
  }

  const session = renewableSession<string>({
    open: () => accessToken(false),
    renew: () => accessToken(true),
    isExpired: (error) =>
      error instanceof AuthConnectorError && error.code === "yonyou_token_invalid",
  });

  return {
    async post(path, what, body) {
      const { gatewayUrl } = await addresses();
      return session.run((token) =>
        call("POST", `${gatewayUrl}${path}`, what, {
          query: { access_token: token },
          json: body,
          extraSecrets: [token],
        }),
      );
    },
  };
}
