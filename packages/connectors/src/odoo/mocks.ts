import { type HttpHandler, HttpResponse, http } from "msw";
import { FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import type { OdooJson2ErrorBody } from "./types.js";
import {
  decodeXmlRpcCall,
  encodeXmlRpcFault,
  encodeXmlRpcResponse,
  type XmlRpcValue,
} from "./xmlrpc.js";

export * from "../push-fixtures.js";

/**
 * An Odoo database in memory behind msw handlers for both external APIs: JSON-2
 * (`POST /json/2/<model>/<method>`, bearer API key, `X-Odoo-Database`; errors as
 * `{ name, message, arguments, context, debug }`) on `version: 19`, and XML-RPC
 * (`/xmlrpc/2/common` `authenticate`, `/xmlrpc/2/object` `execute_kw`; faults with Odoo's codes)
 * on every version — an Odoo 17 answers `/json/2` with an HTML 404, as servers without JSON-2 do.
 * `res.partner`, `product.product` and `sale.order` (`search_read`, `create` with `(0, 0, vals)`
 * line commands, `action_confirm`) are kept; failures can be queued and a creation's response lost.
 */

export const ODOO_TEST_BASE_URL = "https://dealer.odoo.test";
export const ODOO_TEST_DATABASE = "forecourt-dealer";
export const ODOO_TEST_LOGIN = "integration@forecourt-dealer.test";
export const ODOO_TEST_API_KEY = "7d1e0c5b9a8f4e3d2c1b0a9f8e7d6c5b4a3f2e1d";
export const ODOO_TEST_UID = 6;
/** Products of the test database: the Passat, floor mats, the plate service. */
export const ODOO_TEST_PRODUCTS = Object.freeze({ vehicle: 31, accessory: 32, fee: 33 });

export type OdooOperation = "search_read" | "create" | "action_confirm" | "authenticate";
export type OdooFault =
  | { kind: "throttle"; retryAfterSeconds?: number }
  | { kind: "server"; status?: 500 | 502 | 503 }
  | { kind: "rejected"; message: string }
  | { kind: "timeout" };

export interface OdooMockOptions {
  baseUrl?: string;
  /** 19 serves JSON-2 and XML-RPC; older versions XML-RPC only. */
  version?: number;
}

type Row = Record<string, XmlRpcValue> & { id: number };
type Domain = [string, string, XmlRpcValue][];

class OdooError extends Error {
  constructor(
    readonly odooName: string,
    message: string,
    readonly status: number,
    readonly faultCode: number,
  ) {
    super(message);
  }
}

const userError = (message: string) =>
  new OdooError("odoo.exceptions.ValidationError", message, 422, 2);
const accessDenied = () => new OdooError("odoo.exceptions.AccessDenied", "Access Denied", 401, 3);

function matches(row: Row, domain: Domain): boolean {
  return domain.every(([field, operator, value]) => {
    const actual = row[field];
    const own = Array.isArray(actual) ? actual[0] : actual;
    if (operator === "=") return own === value;
    if (operator === "=ilike")
      return (
        typeof own === "string" &&
        typeof value === "string" &&
        own.toLowerCase() === value.toLowerCase()
      );
    if (operator === "in") return Array.isArray(value) && value.includes(own as XmlRpcValue);
    throw userError(`Invalid domain operator ${operator}`);
  });
}

export function odooMock(options: OdooMockOptions = {}) {
  const base = (options.baseUrl ?? ODOO_TEST_BASE_URL).replace(/\/+$/, "");
  const version = options.version ?? 19;
  const faults = new FaultQueue<OdooFault>();
  const losses = new FaultQueue<LostResponse>();
  const models: Record<string, Map<number, Row>> = {
    "res.partner": new Map([[3, { id: 3, name: "散客", email: false, phone: false, ref: false }]]),
    "product.product": new Map(
      Object.entries(ODOO_TEST_PRODUCTS).map(
        ([kind, id]) => [id, { id, name: kind, default_code: kind }] as [number, Row],
      ),
    ),
    "sale.order": new Map(),
  };
  let nextId = 100;
  const mock = {
    partners: models["res.partner"]!,
    orders: models["sale.order"]!,
    created: { "res.partner": 0, "sale.order": 0 } as Record<string, number>,
    confirmations: 0,
    /** Calls by protocol, to see which API a push used. */
    calls: { json2: 0, xmlrpc: 0 },
    fail(fault: OdooFault, on: { on?: OdooOperation; times?: number } = {}) {
      faults.add(fault, on);
    },
    /** The next `create` of `model` is stored, then its response never arrives. */
    loseResponse(how: LostResponse = "timeout", model = "sale.order") {
      losses.add(how, { on: model });
    },
    handlers: [] as HttpHandler[],
  };

  function table(model: string): Map<number, Row> {
    const found = models[model];
    if (found === undefined)
      throw new OdooError("werkzeug.exceptions.NotFound", `Object ${model} doesn't exist`, 404, 1);
    return found;
  }

  function searchRead(model: string, domain: Domain, fields: string[], limit: number): Row[] {
    return [...table(model).values()]
      .filter((row) => matches(row, domain))
      .slice(0, limit || undefined)
      .map(
        (row) =>
          Object.fromEntries([["id", row.id], ...fields.map((f) => [f, row[f] ?? false])]) as Row,
      );
  }

  function create(model: string, values: Record<string, XmlRpcValue>): number {
    const rows = table(model);
    if (model === "res.partner" && !values.name) throw userError("Contacts require a name");
    const row: Row = { ...values, id: nextId++ };
    if (model === "sale.order") {
      const partner = models["res.partner"]!.get(values.partner_id as number);
      if (partner === undefined)
        throw new OdooError(
          "odoo.exceptions.MissingError",
          `Record does not exist or has been deleted.\n(Record: res.partner(${String(values.partner_id)},), User: ${ODOO_TEST_UID})`,
          404,
          2,
        );
      for (const command of (values.order_line as
        | [number, number, Record<string, XmlRpcValue>][]
        | undefined) ?? []) {
        const product = command[2]?.product_id as number;
        if (!models["product.product"]!.has(product))
          throw userError(`The product ${product} does not exist or is archived.`);
      }
      row.name = `S${String(row.id).padStart(5, "0")}`;
      row.state = "draft";
      row.partner_id = [partner.id, String(partner.name)];
    }
    if (model === "res.partner") {
      for (const field of ["email", "phone", "ref"]) row[field] ??= false;
    }
    rows.set(row.id, row);
    mock.created[model] = (mock.created[model] ?? 0) + 1;
    return row.id;
  }

  function actionConfirm(ids: number[]): boolean {
    for (const id of ids) {
      const order = models["sale.order"]!.get(id);
      if (order === undefined)
        throw new OdooError(
          "odoo.exceptions.MissingError",
          "Record does not exist or has been deleted.",
          404,
          2,
        );
      if (order.state !== "draft" && order.state !== "sent")
        throw userError("Some orders are not in a state requiring confirmation.");
      order.state = "sale";
      mock.confirmations += 1;
    }
    return true;
  }

  function dispatch(
    model: string,
    method: string,
    named: Record<string, XmlRpcValue>,
  ): XmlRpcValue {
    switch (method) {
      case "search_read":
        return searchRead(
          model,
          (named.domain ?? []) as Domain,
          (named.fields ?? []) as string[],
          (named.limit ?? 0) as number,
        );
      case "create":
        return ((named.vals_list ?? []) as Record<string, XmlRpcValue>[]).map((values) =>
          create(model, values),
        );
      case "action_confirm":
        return actionConfirm((named.ids ?? []) as number[]);
      default:
        throw new OdooError(
          "werkzeug.exceptions.NotFound",
          `The method ${method} does not exist on the model ${model}`,
          404,
          1,
        );
    }
  }

  async function injected(operation: OdooOperation, xml: boolean): Promise<Response | undefined> {
    const next = faults.take(operation);
    if (next === undefined) return undefined;
    switch (next.kind) {
      case "throttle":
        return HttpResponse.text("Too Many Requests", {
          status: 429,
          headers: { "retry-after": String(next.retryAfterSeconds ?? 10) },
        });
      case "server":
        return HttpResponse.html("<html><body><h1>502 Bad Gateway</h1></body></html>", {
          status: next.status ?? 502,
        });
      case "rejected":
        return xml
          ? HttpResponse.xml(encodeXmlRpcFault(2, next.message))
          : HttpResponse.json<OdooJson2ErrorBody>(
              {
                name: "odoo.exceptions.ValidationError",
                message: next.message,
                arguments: [next.message],
                context: {},
                debug: "Traceback (most recent call last):\n  …",
              },
              { status: 422 },
            );
      case "timeout":
        return lostResponse("timeout");
    }
  }

  mock.handlers = [
    http.post<{ model: string; method: string }>(
      `${base}/json/2/:model/:method`,
      async ({ request, params }) => {
        if (version < 19)
          return HttpResponse.html(
            "<!DOCTYPE html><html><body><h1>404: Page not found</h1></body></html>",
            { status: 404 },
          );
        mock.calls.json2 += 1;
        const failure = await injected(params.method as OdooOperation, false);
        if (failure) return failure;
        try {
          if (request.headers.get("authorization") !== `bearer ${ODOO_TEST_API_KEY}`)
            throw accessDenied();
          if ((request.headers.get("x-odoo-database") ?? ODOO_TEST_DATABASE) !== ODOO_TEST_DATABASE)
            throw accessDenied();
          const result = dispatch(
            params.model,
            params.method,
            (await request.json()) as Record<string, XmlRpcValue>,
          );
          const lost = params.method === "create" ? losses.take(params.model) : undefined;
          if (lost) return lostResponse(lost);
          return HttpResponse.json(result);
        } catch (error) {
          if (!(error instanceof OdooError)) throw error;
          return HttpResponse.json<OdooJson2ErrorBody>(
            {
              name: error.odooName,
              message: error.message,
              arguments: [error.message],
              context: {},
              debug: `Traceback (most recent call last):\n  File "odoo/http.py", line 2139\n${error.odooName}: ${error.message}`,
            },
            { status: error.status },
          );
        }
      },
    ),
    http.post(`${base}/xmlrpc/2/:service`, async ({ request, params }) => {
      mock.calls.xmlrpc += 1;
      const { method, params: args } = decodeXmlRpcCall(await request.text());
      const operation = method === "authenticate" ? "authenticate" : (args[4] as OdooOperation);
      const failure = await injected(operation, true);
      if (failure) return failure;
      try {
        if (params.service === "common") {
          if (method === "version")
            return HttpResponse.xml(encodeXmlRpcResponse({ server_version: `${version}.0` }));
          const [db, login, key] = args;
          return HttpResponse.xml(
            encodeXmlRpcResponse(
              db === ODOO_TEST_DATABASE && login === ODOO_TEST_LOGIN && key === ODOO_TEST_API_KEY
                ? ODOO_TEST_UID
                : false,
            ),
          );
        }
        const [db, uid, key, model, name, positional = [], named = {}] = args as [
          string,
          number,
          string,
          string,
          string,
          XmlRpcValue[],
          Record<string, XmlRpcValue>,
        ];
        if (db !== ODOO_TEST_DATABASE || uid !== ODOO_TEST_UID || key !== ODOO_TEST_API_KEY)
          throw accessDenied();
        const kwargs: Record<string, XmlRpcValue> =
          name === "search_read"
            ? { domain: positional[0] ?? [], ...named }
            : name === "create"
              ? { vals_list: [positional[0] ?? {}] }
              : { ids: positional[0] ?? [] };
        const result = dispatch(model, name, kwargs);
        const lost = name === "create" ? losses.take(model) : undefined;
        if (lost) return lostResponse(lost);
        return HttpResponse.xml(
          encodeXmlRpcResponse(name === "create" ? (result as number[])[0]! : result),
        );
      } catch (error) {
        if (!(error instanceof OdooError)) throw error;
        const message =
          error.faultCode === 1
            ? `Traceback (most recent call last):\n  File "odoo/service/model.py", line 156\n${error.odooName}: ${error.message}`
            : error.message;
        return HttpResponse.xml(encodeXmlRpcFault(error.faultCode, message));
      }
    }),
  ];
  return mock;
}

export type OdooMock = ReturnType<typeof odooMock>;
