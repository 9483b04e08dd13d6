import type { ConnectorContext } from "../define.js";
import {
  AuthConnectorError,
  ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { request } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor } from "../secrets.js";
import type { OdooConfig } from "./config.js";
import { odooJson2ErrorSchema } from "./types.js";
import {
  decodeXmlRpcResponse,
  encodeXmlRpcCall,
  XmlRpcFault,
  XmlRpcParseError,
  type XmlRpcValue,
} from "./xmlrpc.js";

const VENDOR = "Odoo";

/** Odoo's XML-RPC fault codes (`odoo/service/wsgi_server.py`). */
export const ODOO_FAULT_APPLICATION_ERROR = 1;
export const ODOO_FAULT_WARNING = 2;
export const ODOO_FAULT_ACCESS_DENIED = 3;
export const ODOO_FAULT_ACCESS_ERROR = 4;

export type OdooProtocol = "json2" | "xmlrpc";

/** The calls a push makes, the same over JSON-2 and XML-RPC. */
export interface OdooTransport {
  readonly protocol: OdooProtocol | "auto";
  searchRead(model: string, domain: unknown[], fields: string[], limit: number): Promise<unknown[]>;
  create(model: string, values: Record<string, XmlRpcValue>): Promise<number>;
  /** A method on records (`action_confirm`). */
  callOn(model: string, method: string, ids: number[]): Promise<unknown>;
}

/** The exception's class name without its module: `odoo.exceptions.ValidationError` → `ValidationError`. */
function shortName(name: string): string {
  return name.split(".").at(-1) ?? name;
}

/**
 * Reads a JSON-2 error body (`{ name, message, … }`): access problems → `AuthConnectorError`,
 * user and validation errors → `PermanentConnectorError` with Odoo's message, server errors →
 * retryable. The `debug` traceback is never shown. `undefined` (not a JSON-2 error — an older
 * server's HTML 404, a proxy page) falls back to the HTTP status.
 */
export function classifyOdooJson2Error(
  response: Response,
  body: string,
  redact: Redactor = createRedactor(),
): ConnectorError | undefined {
  let parsed: { name: string; message: string };
  try {
    const result = odooJson2ErrorSchema.safeParse(JSON.parse(body));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const kind = shortName(parsed.name);
  const message = redact(`${VENDOR} ${kind}: ${parsed.message.slice(0, 500)}`);
  const options = {
    status: response.status,
    raw: redact({ name: parsed.name, message: parsed.message }),
  };
  if (response.status === 401 || kind === "AccessDenied" || kind === "Unauthorized") {
    return new AuthConnectorError(message, { ...options, code: "odoo_access_denied" });
  }
  if (response.status === 403 || kind === "AccessError" || kind === "Forbidden") {
    return new AuthConnectorError(message, { ...options, code: "odoo_access_error" });
  }
  if (response.status === 429) return undefined;
  if (response.status >= 500 && !/UserError|ValidationError|MissingError/.test(kind)) {
    return new RetryableConnectorError(message, { ...options, code: "odoo_server_error" });
  }
  return new PermanentConnectorError(message, { ...options, code: "odoo_rejected" });
}

/** Whether an error says the server has no JSON-2 API (Odoo before 19 answers `/json/2` with 404). */
export function isJson2Missing(error: unknown): boolean {
  return (
    error instanceof ConnectorError && error.status === 404 && error.code === "vendor_rejected"
  );
}

function secretsOf(config: OdooConfig, scrub: readonly (string | undefined)[]) {
  return [config.apiKey, ...scrub];
}

/** Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with named arguments. */
export function json2Transport(
  ctx: ConnectorContext<OdooConfig>,
  scrub: readonly (string | undefined)[] = [],
): OdooTransport {
  const { config } = ctx;
  const secrets = secretsOf(config, scrub);
  const redact = createRedactor(secrets);
  async function call(
    model: string,
    method: string,
    body: Record<string, unknown>,
  ): Promise<unknown> {
    const answer = await request(ctx, {
      method: "POST",
      url: `${ctx.baseUrl}/json/2/${model}/${method}`,
      headers: {
        authorization: `bearer ${config.apiKey}`,
        "x-odoo-database": config.database,
        accept: "application/json",
      },
      json: body,
      timeoutMs: config.timeoutMs,
      vendor: VENDOR,
      secrets,
      classifyError: (response, text) => classifyOdooJson2Error(response, text, redact),
    });
    try {
      return parseJsonExact(answer.text);
    } catch {
      throw new RetryableConnectorError(
        `${VENDOR} ${model}.${method} answered with a body that is not JSON`,
        {
          code: "vendor_invalid_response",
        },
      );
    }
  }
  return {
    protocol: "json2",
    async searchRead(model, domain, fields, limit) {
      const rows = await call(model, "search_read", { domain, fields, limit });
      return Array.isArray(rows) ? rows : [];
    },
    async create(model, values) {
      const ids = await call(model, "create", { vals_list: [values] });
      const id = Array.isArray(ids) ? ids[0] : ids;
      if (typeof id !== "number") {
        throw new PermanentConnectorError(`${VENDOR} ${model}.create answered without an id`, {
          code: "odoo_unexpected_response",
        });
      }
      return id;
    },
    callOn: (model, method, ids) => call(model, method, { ids }),
  };
}

/** The message of an XML-RPC fault: the last line of a traceback, or the whole user message. */
function faultMessage(fault: XmlRpcFault): string {
  if (fault.faultCode !== ODOO_FAULT_APPLICATION_ERROR) return fault.faultString;
  const lines = fault.faultString
    .trim()
    .split("\n")
    .filter((line) => line.trim() !== "");
  return lines.at(-1)?.trim() ?? fault.faultString;
}

/** An XML-RPC fault as a connector error (see the fault codes above). */
export function classifyOdooFault(
  fault: XmlRpcFault,
  what: string,
  redact: Redactor = createRedactor(),
): ConnectorError {
  const message = redact(
    `${VENDOR} ${what}: ${faultMessage(fault).slice(0, 500)} (fault ${fault.faultCode})`,
  );
  const raw = redact({ faultCode: fault.faultCode, message: faultMessage(fault).slice(0, 500) });
  if (fault.faultCode === ODOO_FAULT_ACCESS_DENIED || /AccessDenied/.test(fault.faultString)) {
    return new AuthConnectorError(message, { raw, code: "odoo_access_denied" });
  }
  if (fault.faultCode === ODOO_FAULT_ACCESS_ERROR) {
    return new AuthConnectorError(message, { raw, code: "odoo_access_error" });
  }
  return new PermanentConnectorError(message, { raw, code: "odoo_rejected" });
}

/** Odoo's XML-RPC API (before 19; deprecated in 19): `authenticate`, then `execute_kw`. */
export function xmlRpcTransport(
  ctx: ConnectorContext<OdooConfig>,
  scrub: readonly (string | undefined)[] = [],
): OdooTransport {
  const { config } = ctx;
  const secrets = secretsOf(config, scrub);
  const redact = createRedactor(secrets);
  async function call(
    path: "common" | "object",
    method: string,
    params: XmlRpcValue[],
    what: string,
  ) {
    const answer = await request(ctx, {
      method: "POST",
      url: `${ctx.baseUrl}/xmlrpc/2/${path}`,
      headers: { "content-type": "text/xml; charset=utf-8", accept: "text/xml" },
      body: encodeXmlRpcCall(method, params),
      timeoutMs: config.timeoutMs,
      vendor: VENDOR,
      secrets,
    });
    try {
      return decodeXmlRpcResponse(answer.text);
    } catch (error) {
      if (error instanceof XmlRpcFault) throw classifyOdooFault(error, what, redact);
      if (error instanceof XmlRpcParseError) {
        throw new RetryableConnectorError(
          `${VENDOR} ${what} answered with a body that is not XML-RPC`,
          {
            code: "vendor_invalid_response",
          },
        );
      }
      throw error;
    }
  }
  let uid: Promise<number> | undefined;
  const user = () => {
    uid ??= (async () => {
      if (config.login === undefined) {
        throw new AuthConnectorError(`${VENDOR} XML-RPC needs the user's login in the connection`, {
          code: "odoo_login_missing",
        });
      }
      const result = await call(
        "common",
        "authenticate",
        [config.database, config.login, config.apiKey, {}],
        "authenticate",
      );
      if (typeof result !== "number") {
        throw new AuthConnectorError(
          `${VENDOR} refused the login or API key for database ${config.database}`,
          {
            code: "odoo_access_denied",
          },
        );
      }
      return result;
    })();
    uid.catch(() => {
      uid = undefined;
    });
    return uid;
  };
  const execute = async (
    model: string,
    method: string,
    args: XmlRpcValue[],
    kwargs: Record<string, XmlRpcValue> = {},
  ) =>
    call(
      "object",
      "execute_kw",
      [config.database, await user(), config.apiKey, model, method, args, kwargs],
      `${model}.${method}`,
    );
  return {
    protocol: "xmlrpc",
    async searchRead(model, domain, fields, limit) {
      const rows = await execute(model, "search_read", [domain as XmlRpcValue[]], {
        fields,
        limit,
      });
      return Array.isArray(rows) ? rows : [];
    },
    async create(model, values) {
      const id = await execute(model, "create", [values]);
      if (typeof id !== "number") {
        throw new PermanentConnectorError(`${VENDOR} ${model}.create answered without an id`, {
          code: "odoo_unexpected_response",
        });
      }
      return id;
    },
    callOn: (model, method, ids) => execute(model, method, [ids]),
  };
}

/**
 * The transport by config: JSON-2, XML-RPC, or `auto` — JSON-2 until the server answers 404 on
 * `/json/2` (no JSON-2 before Odoo 19), then XML-RPC for the rest of the push.
 */
export function odooTransport(
  ctx: ConnectorContext<OdooConfig>,
  scrub: readonly (string | undefined)[] = [],
): OdooTransport {
  if (ctx.config.protocol === "json2") return json2Transport(ctx, scrub);
  if (ctx.config.protocol === "xmlrpc") return xmlRpcTransport(ctx, scrub);
  const json2 = json2Transport(ctx, scrub);
  let chosen: OdooTransport | undefined;
  const either = async <T>(use: (transport: OdooTransport) => Promise<T>): Promise<T> => {
    if (chosen !== undefined) return use(chosen);
    try {
      const result = await use(json2);
      chosen = json2;
      return result;
    } catch (error) {
      if (!isJson2Missing(error)) throw error;
      chosen = xmlRpcTransport(ctx, scrub);
      return use(chosen);
    }
  };
  return {
    get protocol() {
      return chosen?.protocol ?? "auto";
    },
    searchRead: (model, domain, fields, limit) =>
      either((t) => t.searchRead(model, domain, fields, limit)),
    create: (model, values) => either((t) => t.create(model, values)),
    callOn: (model, method, ids) => either((t) => t.callOn(model, method, ids)),
  };
}
