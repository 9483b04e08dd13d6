import type { z } from "zod";
import { hmacSha256, toHex } from "../crypto.js";
import type { ConnectorContext } from "../define.js";
import {
  AuthConnectorError,
  type ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { requestJson } from "../http.js";
import { createRedactor } from "../secrets.js";
import { describeIssues } from "../shape.js";
import type { MetaLeadAdsConfig } from "./config.js";
import {
  graphErrorSchema,
  graphLeadSchema,
  graphLeadsPageSchema,
  graphPageSchema,
  type ParsedGraphLead,
} from "./types.js";

/** Lead fields asked for on every read; `fields=` adds the ad and campaign ids to `field_data`. */
export const META_LEAD_FIELDS = [
  "id",
  "created_time",
  "field_data",
  "ad_id",
  "ad_name",
  "adset_id",
  "adset_name",
  "campaign_id",
  "campaign_name",
  "form_id",
  "is_organic",
  "platform",
].join(",");

/** Leads per backfill page (the Graph API's usual ceiling for this edge is 100). */
export const META_BACKFILL_PAGE_SIZE = 100;
/** Wait after a rate limit that came without a usable hint. */
export const META_DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

const VENDOR = "Meta Graph API";

/**
 * Graph error codes, by what the hub should do about them. Meta answers most errors with HTTP
 * 400 whatever their kind, so the body's `error.code` decides, not the status.
 */
const TOKEN_INVALID = 190; // expired, revoked, password changed, app removed
const PERMISSION_CODES = new Set([10]); // and 200–299: a permission the token no longer has
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]); // app, user, page, and custom-level limits
const TRANSIENT_CODES = new Set([1, 2]); // "unknown error", "service temporarily unavailable"
const INVALID_PARAMETER = 100;

/**
 * How long Meta says to wait, from `X-Business-Use-Case-Usage` (minutes until access is
 * regained, per business and use case). `undefined` when the header is absent or says nothing.
 */
export function readBusinessUseCaseWait(headers: Headers): number | undefined {
  const header = headers.get("x-business-use-case-usage");
  if (!header) return undefined;
  let usage: unknown;
  try {
    usage = JSON.parse(header);
  } catch {
    return undefined;
  }
  if (typeof usage !== "object" || usage === null) return undefined;
  let minutes = 0;
  for (const entries of Object.values(usage)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const wait = (entry as { estimated_time_to_regain_access?: unknown })
        .estimated_time_to_regain_access;
      if (typeof wait === "number" && wait > minutes) minutes = wait;
    }
  }
  return minutes > 0 ? minutes * 60_000 : undefined;
}

/**
 * Reads a Graph error body into the connector error kinds; `undefined` (a body that is not a
 * Graph error) falls back to classification by HTTP status.
 */
export function classifyGraphError(
  response: Response,
  body: string,
  redact = createRedactor(),
): ConnectorError | undefined {
  let parsed: z.output<typeof graphErrorSchema>;
  try {
    const result = graphErrorSchema.safeParse(JSON.parse(body));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const { code, error_subcode: subcode, message, fbtrace_id: trace, is_transient } = parsed.error;
  const shown = redact(
    `${VENDOR} error ${code ?? "?"}${subcode ? `/${subcode}` : ""}: ${message.slice(0, 300)}`,
  );
  const options = {
    status: response.status,
    raw: redact(parsed.error),
    ...(trace !== undefined && { requestId: trace }),
  };
  if (code === TOKEN_INVALID) {
    return new AuthConnectorError(shown, { ...options, code: "meta_token_invalid" });
  }
  if (code !== undefined && (PERMISSION_CODES.has(code) || (code >= 200 && code <= 299))) {
    return new AuthConnectorError(shown, { ...options, code: "meta_permission_missing" });
  }
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014))) {
    const retryAfter = response.headers.get("retry-after");
    const fromHeader =
      retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
    return new RetryableConnectorError(shown, {
      ...options,
      code: "meta_rate_limited",
      retryAfterMs:
        readBusinessUseCaseWait(response.headers) ?? fromHeader ?? META_DEFAULT_RATE_LIMIT_WAIT_MS,
    });
  }
  if (
    is_transient === true ||
    (code !== undefined && TRANSIENT_CODES.has(code)) ||
    response.status >= 500
  ) {
    return new RetryableConnectorError(shown, { ...options, code: "meta_unavailable" });
  }
  if (code === INVALID_PARAMETER) {
    return new PermanentConnectorError(shown, { ...options, code: "meta_invalid_request" });
  }
  return undefined;
}

/** `appsecret_proof`: HMAC-SHA256 of the token keyed by the app secret, which Meta can require. */
export async function appSecretProof(accessToken: string, appSecret: string): Promise<string> {
  return toHex(await hmacSha256(appSecret, accessToken));
}

async function graphGet<S extends z.ZodType>(
  ctx: ConnectorContext<MetaLeadAdsConfig>,
  path: string,
  query: Record<string, string | number | undefined>,
  schema: S,
): Promise<z.output<S>> {
  const { config } = ctx;
  const secrets = [config.pageAccessToken, config.appSecret];
  const redact = createRedactor(secrets);
  const body = await requestJson(ctx, {
    url: `${ctx.baseUrl}/${config.apiVersion}/${path}`,
    searchParams: {
      ...query,
      access_token: config.pageAccessToken,
      appsecret_proof: await appSecretProof(config.pageAccessToken, config.appSecret),
    },
    timeoutMs: config.timeoutMs,
    vendor: VENDOR,
    secrets,
    classifyError: (response, text) => classifyGraphError(response, text, redact),
  });
  const result = schema.safeParse(body);
  if (!result.success) {
    // Meta answered 2xx with something else than it documents; asking again will not change it.
    throw new PermanentConnectorError(
      `${VENDOR} GET /${config.apiVersion}/${path.split("/")[0]}… answered an unexpected shape: ${describeIssues(result.error)}`,
      { code: "meta_unexpected_response" },
    );
  }
  return result.data;
}

/** `GET /v{N}/{leadgen_id}`: the lead a notification announced. */
export function fetchLead(
  ctx: ConnectorContext<MetaLeadAdsConfig>,
  leadgenId: string,
): Promise<ParsedGraphLead> {
  if (!/^\d{1,32}$/.test(leadgenId)) {
    throw new PermanentConnectorError(`"${leadgenId.slice(0, 40)}" is not a Meta lead id`, {
      code: "meta_invalid_request",
    });
  }
  return graphGet(ctx, leadgenId, { fields: META_LEAD_FIELDS }, graphLeadSchema);
}

/** One page of `GET /v{N}/{form_id}/leads`, from the `after` cursor. */
export function fetchFormLeads(
  ctx: ConnectorContext<MetaLeadAdsConfig>,
  formId: string,
  after: string | undefined,
  since: number | undefined,
) {
  return graphGet(
    ctx,
    `${encodeURIComponent(formId)}/leads`,
    {
      fields: META_LEAD_FIELDS,
      limit: META_BACKFILL_PAGE_SIZE,
      after,
      filtering:
        since === undefined
          ? undefined
          : JSON.stringify([
              { field: "time_created", operator: "GREATER_THAN", value: Math.floor(since / 1000) },
            ]),
    },
    graphLeadsPageSchema,
  );
}

/** `GET /v{N}/me`: with a page token, the page itself. */
export function fetchTokenPage(ctx: ConnectorContext<MetaLeadAdsConfig>) {
  return graphGet(ctx, "me", { fields: "id,name" }, graphPageSchema);
}
