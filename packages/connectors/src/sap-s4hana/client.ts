import type { z } from "zod";
import type { ConnectorContext } from "../define.js";
import {
  AuthConnectorError,
  ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { type HttpRequest, request } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { isUnauthorized, renewableSession } from "../session.js";
import { TokenCache, tokenCacheKey } from "../token-cache.js";
import type { SapConfig } from "./config.js";
import { sapLookupFilter } from "./mapping.js";
import { sapCollectionSchema, sapCreatedSchema, sapErrorSchema } from "./types.js";

const VENDOR = "SAP S/4HANA";
/** Client-credentials tokens are renewed this long before they end. */
export const SAP_TOKEN_MARGIN_MS = 60_000;

const tokens = new TokenCache();
/** Forgets cached OAuth2 tokens (tests; a client secret rotated by hand). */
export function clearSapTokenCache(): void {
  tokens.clear();
}

export type SapSalesOrderRecord = z.output<typeof sapCreatedSchema>["d"];

/**
 * SAP's answers the connector acts on: 403 with `x-csrf-token: Required` (fetch a token again
 * and replay), and OData errors (`error.message.value`) on a 400 → permanent with SAP's text.
 * Everything else — 401, other 403s, 429, 5xx — is classified by status.
 */
export function classifySapError(
  response: Response,
  body: string,
  redact: Redactor = createRedactor(),
): ConnectorError | undefined {
  if (
    response.status === 403 &&
    response.headers.get("x-csrf-token")?.toLowerCase() === "required"
  ) {
    return new AuthConnectorError(`${VENDOR} asks for a new CSRF token`, {
      status: 403,
      code: "sap_csrf_required",
    });
  }
  if (response.status !== 400) return undefined;
  let parsed: z.output<typeof sapErrorSchema>;
  try {
    const result = sapErrorSchema.safeParse(JSON.parse(body));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const { error } = parsed;
  const details = (error.innererror?.errordetails ?? [])
    .filter((detail) => detail.severity !== "info" && detail.message !== error.message.value)
    .map((detail) => detail.message);
  const text = [error.message.value, ...new Set(details)].slice(0, 5).join("; ");
  const transaction = error.innererror?.transactionid;
  return new PermanentConnectorError(
    redact(`${VENDOR} rejected the request: ${text}${error.code ? ` (${error.code})` : ""}`),
    {
      status: 400,
      code: "sap_rejected",
      raw: redact({ code: error.code, message: error.message.value, details }),
      ...(transaction && { requestId: transaction }),
    },
  );
}

function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function secretsOf(config: SapConfig): string[] {
  return config.auth.method === "basic" ? [config.auth.password] : [config.auth.clientSecret];
}

interface Csrf {
  token: string;
  cookie: string;
}

export interface SapApi {
  findSalesOrder(orderNumber: string): Promise<SapSalesOrderRecord | undefined>;
  createSalesOrder(body: Record<string, unknown>): Promise<SapSalesOrderRecord>;
  /** The CSRF fetch alone (the connection test). */
  fetchCsrfToken(): Promise<void>;
}

function cookiesOf(headers: Headers): string {
  const getSetCookie = (headers as Headers & { getSetCookie?: () => string[] }).getSetCookie;
  const all =
    typeof getSetCookie === "function"
      ? getSetCookie.call(headers)
      : (headers.get("set-cookie") ?? "").split(/,(?=\s*[^;,=\s]+=)/);
  return all
    .map((cookie) => cookie.split(";", 1)[0]!.trim())
    .filter((pair) => pair.includes("="))
    .join("; ");
}

export function sapApi(
  ctx: ConnectorContext<SapConfig>,
  scrub: readonly (string | undefined)[] = [],
): SapApi {
  const { config } = ctx;
  const service = `${ctx.baseUrl}${config.servicePath}`;
  const clientQuery = config.sapClient ? { "sap-client": config.sapClient } : {};

  async function clientCredentialsToken(fresh: boolean): Promise<string> {
    const auth = config.auth;
    if (auth.method !== "oauth2_client_credentials") throw new TypeError("not an OAuth2 client");
    const key = await tokenCacheKey([auth.tokenUrl, auth.clientId], auth.clientSecret);
    return tokens.get(
      key,
      async () => {
        const form = new URLSearchParams({ grant_type: "client_credentials" });
        if (auth.scope) form.set("scope", auth.scope);
        const answer = await request(ctx, {
          method: "POST",
          url: auth.tokenUrl,
          headers: {
            authorization: `Basic ${base64Utf8(`${auth.clientId}:${auth.clientSecret}`)}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: form.toString(),
          timeoutMs: config.timeoutMs,
          vendor: `${VENDOR} token endpoint`,
          secrets: [auth.clientSecret],
          classifyError: (response) =>
            response.status === 400 || response.status === 401
              ? new AuthConnectorError(
                  `${VENDOR} refused the client credentials (${response.status})`,
                  {
                    status: response.status,
                    code: "sap_token_refused",
                  },
                )
              : undefined,
        });
        const body = parseJsonExact(answer.text) as {
          access_token?: unknown;
          expires_in?: unknown;
        };
        if (typeof body.access_token !== "string" || body.access_token === "") {
          throw new PermanentConnectorError(`${VENDOR} token endpoint answered without a token`, {
            code: "sap_unexpected_response",
          });
        }
        const lifetime = typeof body.expires_in === "number" ? body.expires_in : 3_600;
        return { token: body.access_token, expiresAt: ctx.now() + lifetime * 1000 };
      },
      { now: ctx.now(), marginMs: SAP_TOKEN_MARGIN_MS, fresh },
    );
  }

  const auth = renewableSession<string>({
    open: async () =>
      config.auth.method === "basic"
        ? `Basic ${base64Utf8(`${config.auth.username}:${config.auth.password}`)}`
        : `Bearer ${await clientCredentialsToken(false)}`,
    renew: async () => `Bearer ${await clientCredentialsToken(true)}`,
    // A basic communication user's 401 is a wrong password: no renewal helps.
    isExpired: (error) => config.auth.method !== "basic" && isUnauthorized(error),
  });

  function send(
    req: Omit<HttpRequest, "vendor" | "secrets" | "timeoutMs" | "classifyError">,
    authorization: string,
  ) {
    const secrets = [...secretsOf(config), authorization.split(" ")[1], ...scrub];
    const redact = createRedactor(secrets);
    return request(ctx, {
      ...req,
      headers: { authorization, accept: "application/json", ...req.headers },
      timeoutMs: config.timeoutMs,
      vendor: VENDOR,
      secrets,
      classifyError: (response, text) => classifySapError(response, text, redact),
    });
  }

  const csrf = renewableSession<Csrf>({
    open: async () => {
      const answer = await send(
        { url: `${service}/`, searchParams: clientQuery, headers: { "x-csrf-token": "Fetch" } },
        await auth.current(),
      );
      const token = answer.headers.get("x-csrf-token");
      if (!token || token.toLowerCase() === "required") {
        throw new RetryableConnectorError(`${VENDOR} gave no CSRF token`, {
          code: "sap_no_csrf_token",
        });
      }
      return { token, cookie: cookiesOf(answer.headers) };
    },
    isExpired: (error) => error instanceof ConnectorError && error.code === "sap_csrf_required",
  });

  function parse<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
    let json: unknown;
    try {
      json = parseJsonExact(text);
    } catch {
      throw new RetryableConnectorError(`${VENDOR} ${what} answered with a body that is not JSON`, {
        code: "vendor_invalid_response",
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new PermanentConnectorError(`${VENDOR} ${what} answered an unexpected shape`, {
        code: "sap_unexpected_response",
      });
    }
    return parsed.data;
  }

  return {
    async findSalesOrder(orderNumber) {
      const answer = await auth.run((authorization) =>
        send(
          {
            url: `${service}/A_SalesOrder`,
            searchParams: {
              ...clientQuery,
              $filter: sapLookupFilter(orderNumber, config),
              $select: "SalesOrder,SoldToParty,PurchaseOrderByCustomer,SalesOrganization",
              $top: "1",
              $format: "json",
            },
          },
          authorization,
        ),
      );
      return parse(sapCollectionSchema, answer.text, "sales order lookup").d.results[0];
    },
    async createSalesOrder(body) {
      const answer = await auth.run((authorization) =>
        csrf.run(({ token, cookie }) =>
          send(
            {
              method: "POST",
              url: `${service}/A_SalesOrder`,
              searchParams: clientQuery,
              headers: {
                "x-csrf-token": token,
                ...(cookie && { cookie }),
                "content-type": "application/json",
              },
              json: body,
            },
            authorization,
          ),
        ),
      );
      return parse(sapCreatedSchema, answer.text, "sales order creation").d;
    },
    async fetchCsrfToken() {
      await auth.run(async () => {
        await csrf.current();
      });
    },
  };
}
