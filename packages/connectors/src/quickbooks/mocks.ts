import { type HttpHandler, HttpResponse, http } from "msw";
import { bearerOf, FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import { QUICKBOOKS_BASE_URL } from "./config.js";
import type {
  QboAuthFaultBody,
  QboCompanyInfo,
  QboCustomer,
  QboEntityResponse,
  QboFaultBody,
  QboLine,
  QboQueryResponse,
  QboSalesDocument,
} from "./types.js";

export * from "../push-fixtures.js";

/**
 * A QuickBooks Online company in memory, behind msw handlers for the calls the connector makes
 * (`query`, `customer`, `invoice`, `salesreceipt`, `companyinfo`), behaving as Intuit documents:
 * bearer tokens checked (401 with the lower-case authentication fault), `requestid` answered
 * from its first answer, DisplayName unique and free of `:`, references and line amounts
 * checked, SyncToken compared on updates (5010). Failures can be queued — throttling (429 with
 * Retry-After), 5xx, validation faults, timeouts — and a response can be lost after the company
 * stored the document. Counts every creation, so a test can check nothing was made twice.
 */

export const QUICKBOOKS_TEST_REALM_ID = "9130357992221046";
export const QUICKBOOKS_TEST_ACCESS_TOKEN = "eyJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.qbo-access-token-0001";
export const QUICKBOOKS_TEST_CLIENT_SECRET = "qbo-client-secret-5f2d8a91c7";
/** Items of the test company: a vehicle, accessories, services and a catch-all. */
export const QUICKBOOKS_TEST_ITEMS = Object.freeze({
  default: "1",
  vehicle: "21",
  accessory: "22",
  fee: "23",
  discount: "24",
  trade_in_credit: "25",
});

export type QuickBooksFault =
  | { kind: "throttle"; retryAfterSeconds?: number }
  | { kind: "server"; status?: 500 | 502 | 503 }
  | { kind: "validation"; code: string; message: string; detail?: string; element?: string }
  | { kind: "timeout" };

export type QuickBooksOperation = "query" | "create" | "update" | "companyinfo";
type Entity = "Customer" | "Invoice" | "SalesReceipt";

export interface QuickBooksMockOptions {
  baseUrl?: string;
  realmId?: string;
  accessToken?: string;
  /** Names vendors or employees already use (QuickBooks keeps DisplayName unique across them). */
  otherNames?: string[];
}

const now = () => new Date().toISOString();

function fault(status: number, code: string, message: string, detail?: string, element?: string) {
  return HttpResponse.json<QboFaultBody>(
    {
      Fault: {
        Error: [
          {
            Message: message,
            code,
            ...(detail && { Detail: detail }),
            ...(element && { element }),
          },
        ],
        type: status >= 500 ? "SystemFault" : "ValidationFault",
      },
      time: now(),
    },
    { status, headers: { intuit_tid: "1-6750a2b4-2c1f0e6d3b9a" } },
  );
}

export function quickBooksMock(options: QuickBooksMockOptions = {}) {
  const base = `${(options.baseUrl ?? QUICKBOOKS_BASE_URL).replace(/\/+$/, "")}/v3/company/:realmId`;
  const realmId = options.realmId ?? QUICKBOOKS_TEST_REALM_ID;
  const faults = new FaultQueue<QuickBooksFault>();
  const losses = new FaultQueue<LostResponse>();
  const answers = new Map<string, { status: number; body: QboEntityResponse | QboFaultBody }>();
  let nextId = 58;
  const store = {
    Customer: new Map<string, QboCustomer>(),
    Invoice: new Map<string, QboSalesDocument>(),
    SalesReceipt: new Map<string, QboSalesDocument>(),
  };
  const mock = {
    accessToken: options.accessToken ?? QUICKBOOKS_TEST_ACCESS_TOKEN,
    ...store,
    /** Documents and customers stored, lost responses included. */
    created: { Customer: 0, Invoice: 0, SalesReceipt: 0 },
    updated: 0,
    /** `requestid` of every write received, in order. */
    requestIds: [] as string[],
    /** From now on only `token` is accepted (the client's token has expired). */
    rotateToken(token: string) {
      mock.accessToken = token;
    },
    fail(fault: QuickBooksFault, on?: { on?: QuickBooksOperation; times?: number }) {
      faults.add(fault, on);
    },
    /** The next write (of one entity, or an update) is stored, then its response never arrives. */
    loseResponse(how: LostResponse = "timeout", on: { on?: Entity | "update" } = {}) {
      losses.add(how, on);
    },
    /** Someone edits a document in QuickBooks: its SyncToken moves on. */
    editInQuickBooks(entity: "Invoice" | "SalesReceipt", id: string) {
      const document = store[entity].get(id);
      if (document) document.SyncToken = String(Number(document.SyncToken) + 1);
    },
    handlers: [] as HttpHandler[],
  };

  function denied(request: Request, params: { realmId?: string | readonly string[] }) {
    const token = bearerOf(request);
    if (token !== mock.accessToken) {
      return HttpResponse.json<QboAuthFaultBody>(
        {
          fault: {
            error: [
              {
                message: "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                detail: `Token expired: ${token ?? "none"}`,
                code: "3200",
              },
            ],
            type: "AUTHENTICATION",
          },
        },
        { status: 401, headers: { "www-authenticate": 'Bearer realm="Intuit"' } },
      );
    }
    if (params.realmId !== realmId) {
      return fault(
        403,
        "3100",
        "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
      );
    }
    return undefined;
  }

  /** The failure queued for this operation, if any. */
  async function injected(operation: QuickBooksOperation): Promise<Response | undefined> {
    const next = faults.take(operation);
    if (next === undefined) return undefined;
    switch (next.kind) {
      case "throttle": {
        const response = fault(
          429,
          "003001",
          "message=ThrottleExceeded; errorCode=003001; statusCode=429",
        );
        response.headers.set("retry-after", String(next.retryAfterSeconds ?? 60));
        return response;
      }
      case "server":
        return fault(
          next.status ?? 503,
          "10000",
          "An application error has occurred while processing your request",
          "System Failure Error: Something went wrong",
        );
      case "validation":
        return fault(400, next.code, next.message, next.detail, next.element);
      case "timeout":
        return lostResponse("timeout");
    }
  }

  function nameTaken(name: string): boolean {
    const lower = name.toLowerCase();
    return (
      (options.otherNames ?? []).some((other) => other.toLowerCase() === lower) ||
      [...store.Customer.values()].some((c) => c.DisplayName.toLowerCase() === lower)
    );
  }

  function validateCustomer(body: Record<string, unknown>): Response | undefined {
    const name = body.DisplayName;
    if (typeof name !== "string" || name.trim() === "") {
      return fault(
        400,
        "2020",
        "Required param missing, need to supply the required value for the API",
        "Required parameter DisplayName is missing in the request",
        "DisplayName",
      );
    }
    if (/[:\t\n\r]/.test(name)) {
      return fault(
        400,
        "2170",
        "Invalid String",
        "DisplayName cannot contain a colon (:), tab or newline.",
        "DisplayName",
      );
    }
    if (nameTaken(name)) {
      return fault(
        400,
        "6240",
        "Duplicate Name Exists Error",
        `The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.`,
      );
    }
    return undefined;
  }

  function validateDocument(body: Record<string, unknown>): Response | undefined {
    const customer = (body.CustomerRef as { value?: string } | undefined)?.value;
    if (customer === undefined || !store.Customer.has(customer)) {
      return fault(
        400,
        "2500",
        "Invalid Reference Id",
        `Invalid Reference Id : Customer ${customer ?? "(none)"} does not exist`,
        "CustomerRef",
      );
    }
    const docNumber = body.DocNumber;
    if (typeof docNumber === "string" && docNumber.length > 21) {
      return fault(
        400,
        "6000",
        "A business validation error has occurred while processing your request",
        "Business Validation Error: DocNumber is too long (max 21 characters)",
        "DocNumber",
      );
    }
    const lines = (body.Line as QboLine[] | undefined) ?? [];
    for (const [index, line] of lines.entries()) {
      const detail = line.SalesItemLineDetail;
      if (detail?.ItemRef?.value === undefined) {
        return fault(
          400,
          "2020",
          "Required param missing, need to supply the required value for the API",
          `Required parameter Line.SalesItemLineDetail.ItemRef is missing in the request (line ${index + 1})`,
          "Line.SalesItemLineDetail.ItemRef",
        );
      }
      const expected = Math.round((detail.UnitPrice ?? 0) * (detail.Qty ?? 1) * 100) / 100;
      if (Math.abs(expected - line.Amount) > 0.001) {
        return fault(
          400,
          "6070",
          "A business validation error has occurred while processing your request",
          `Business Validation Error: Amount is not equal to UnitPrice * Qty. Supplied value:${line.Amount}`,
          "Line.Amount",
        );
      }
    }
    return undefined;
  }

  function saveDocument(entity: "Invoice" | "SalesReceipt", body: Record<string, unknown>) {
    const lines = ((body.Line as QboLine[] | undefined) ?? []).map((line, i) => ({
      ...line,
      Id: String(i + 1),
    }));
    const total = Math.round(lines.reduce((sum, line) => sum + line.Amount, 0) * 100) / 100;
    if (typeof body.Id === "string") {
      const current = store[entity].get(body.Id);
      if (current === undefined) {
        return {
          status: 400,
          body: faultBody(
            "610",
            "Object Not Found",
            `Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.`,
          ),
        };
      }
      if (body.SyncToken !== current.SyncToken) {
        return {
          status: 400,
          body: faultBody(
            "5010",
            "Stale Object Error",
            "Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.",
          ),
        };
      }
      const next = {
        ...(body as QboSalesDocument),
        Line: lines,
        TotalAmt: total,
        SyncToken: String(Number(current.SyncToken) + 1),
      };
      delete (next as { sparse?: unknown }).sparse;
      store[entity].set(body.Id, next);
      mock.updated += 1;
      return { status: 200, body: { [entity]: next, time: now() } };
    }
    const document: QboSalesDocument = {
      ...(body as Omit<QboSalesDocument, "Id" | "SyncToken">),
      Id: String(nextId++),
      SyncToken: "0",
      Line: lines,
      TotalAmt: total,
    } as QboSalesDocument;
    store[entity].set(document.Id, document);
    mock.created[entity] += 1;
    return { status: 200, body: { [entity]: document, time: now() } };
  }

  function faultBody(code: string, message: string, detail: string): QboFaultBody {
    return {
      Fault: { Error: [{ Message: message, Detail: detail, code }], type: "ValidationFault" },
      time: now(),
    };
  }

  mock.handlers = [
    http.get<{ realmId: string }, never, QboQueryResponse | QboFaultBody | QboAuthFaultBody>(
      `${base}/query`,
      async ({ request, params }) => {
        const refused = denied(request, params);
        if (refused) return refused;
        const failure = await injected("query");
        if (failure) return failure;
        const statement = new URL(request.url).searchParams.get("query") ?? "";
        const match =
          /^select \* from (Customer|Invoice|SalesReceipt) where (DisplayName|DocNumber) = '((?:[^'\\]|\\.)*)'$/i.exec(
            statement,
          );
        if (!match) {
          return fault(
            400,
            "4000",
            "Error parsing query",
            `QueryParserError: Encountered unexpected input in "${statement.slice(0, 60)}"`,
          );
        }
        const entity = match[1] as Entity;
        const value = match[3]!.replace(/\\(.)/g, "$1");
        const rows = [...store[entity].values()].filter((row) =>
          match[2] === "DisplayName"
            ? (row as QboCustomer).DisplayName === value
            : (row as QboSalesDocument).DocNumber === value,
        );
        return HttpResponse.json<QboQueryResponse>({
          QueryResponse:
            rows.length > 0 ? { [entity]: rows, startPosition: 1, maxResults: rows.length } : {},
          time: now(),
        });
      },
    ),
    http.get<{ realmId: string }, never, QboEntityResponse | QboFaultBody | QboAuthFaultBody>(
      `${base}/companyinfo/:id`,
      async ({ request, params }) => {
        const refused = denied(request, params);
        if (refused) return refused;
        const failure = await injected("companyinfo");
        if (failure) return failure;
        const info: QboCompanyInfo = {
          Id: "1",
          CompanyName: "北京朝阳汽车销售有限公司",
          Country: "CN",
        };
        return HttpResponse.json<QboEntityResponse>({ CompanyInfo: info, time: now() });
      },
    ),
    http.post<
      { realmId: string; entity: string },
      Record<string, unknown>,
      QboEntityResponse | QboFaultBody | QboAuthFaultBody
    >(`${base}/:entity`, async ({ request, params }) => {
      const refused = denied(request, params);
      if (refused) return refused;
      const entity = (
        { customer: "Customer", invoice: "Invoice", salesreceipt: "SalesReceipt" } as const
      )[params.entity as "customer"];
      if (entity === undefined)
        return fault(
          400,
          "4001",
          "Unsupported Operation",
          `Operation ${params.entity} is not supported.`,
        );
      const body = await request.json();
      const operation = typeof body.Id === "string" ? "update" : "create";
      const failure = await injected(operation);
      if (failure) return failure;
      const requestId = new URL(request.url).searchParams.get("requestid");
      if (requestId) {
        mock.requestIds.push(requestId);
        const earlier = answers.get(requestId);
        if (earlier) return HttpResponse.json(earlier.body, { status: earlier.status });
      }
      const invalid = entity === "Customer" ? validateCustomer(body) : validateDocument(body);
      if (invalid) return invalid;
      let answer: { status: number; body: QboEntityResponse | QboFaultBody };
      if (entity === "Customer") {
        const customer: QboCustomer = {
          ...(body as Omit<QboCustomer, "Id">),
          Id: String(nextId++),
          SyncToken: "0",
          Active: true,
        } as QboCustomer;
        store.Customer.set(customer.Id, customer);
        mock.created.Customer += 1;
        answer = { status: 200, body: { Customer: customer, time: now() } };
      } else {
        answer = saveDocument(entity, body);
      }
      if (requestId) answers.set(requestId, answer);
      const lost =
        answer.status === 200 ? losses.take(operation === "update" ? "update" : entity) : undefined;
      if (lost) return lostResponse(lost);
      return HttpResponse.json(answer.body, { status: answer.status });
    }),
  ];
  return mock;
}

export type QuickBooksMock = ReturnType<typeof quickBooksMock>;
