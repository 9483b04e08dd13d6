import { type HttpHandler, HttpResponse, http } from "msw";
import { bearerOf, FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import { XERO_BASE_URL } from "./config.js";
import type {
  XeroContact,
  XeroEnvelope,
  XeroInvoice,
  XeroLineItem,
  XeroProblemBody,
  XeroValidationErrorBody,
} from "./types.js";

export * from "../push-fixtures.js";

/**
 * A Xero organisation in memory behind msw handlers for `Invoices`, `Contacts` and
 * `Organisation` (`/api.xro/2.0`), behaving as Xero documents: bearer token and
 * `xero-tenant-id` checked (401 `TokenExpired`, 403 `AuthenticationUnsuccessful`),
 * `Idempotency-Key` answered from its first answer, contact names unique among active contacts,
 * invoice numbers unique, account codes and tax types checked — all as `ValidationException`
 * with `Elements[].ValidationErrors`. Failures can be queued (429 with `Retry-After`, 5xx,
 * validation, timeouts) and a response lost after Xero stored the record; creations are counted.
 */

export const XERO_TEST_TENANT_ID = "b1e4a0f2-6c7d-4e3a-9f21-5d8c3b7a1e90";
export const XERO_TEST_ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.xero-access-token-0001";
export const XERO_TEST_CLIENT_SECRET = "xero-client-secret-9d41b7c2e8";

export type XeroFault =
  | { kind: "throttle"; retryAfterSeconds?: number; problem?: "minute" | "day" | "appminute" }
  | { kind: "server"; status?: 500 | 503 }
  | { kind: "validation"; messages: string[] }
  | { kind: "timeout" };

export type XeroOperation = "Invoices" | "Contacts" | "Organisation";

export interface XeroMockOptions {
  baseUrl?: string;
  tenantId?: string;
  accessToken?: string;
  /** The chart of accounts (revenue codes lines may post to). */
  accountCodes?: string[];
  taxTypes?: string[];
}

const envelope = (body: Partial<XeroEnvelope>): XeroEnvelope => ({
  Id: crypto.randomUUID(),
  Status: "OK",
  ProviderName: "Forecourt",
  DateTimeUTC: `/Date(${Date.now()})/`,
  ...body,
});

function validation(element: Record<string, unknown>, messages: string[]) {
  return HttpResponse.json<XeroValidationErrorBody>(
    {
      ErrorNumber: 10,
      Type: "ValidationException",
      Message: "A validation exception occurred",
      Elements: [{ ...element, ValidationErrors: messages.map((Message) => ({ Message })) }],
    },
    { status: 400, headers: { "xero-correlation-id": "2f7d9a4e-1c3b-4d5e-8f6a-0b9c8d7e6f5a" } },
  );
}

function problem(status: 401 | 403, detail: string) {
  return HttpResponse.json<XeroProblemBody>(
    {
      Type: null,
      Title: status === 401 ? "Unauthorized" : "Forbidden",
      Status: status,
      Detail: detail,
      Instance: crypto.randomUUID(),
      Extensions: {},
    },
    {
      status,
      ...(status === 401 && { headers: { "www-authenticate": 'Bearer error="invalid_token"' } }),
    },
  );
}

export function xeroMock(options: XeroMockOptions = {}) {
  const api = `${(options.baseUrl ?? XERO_BASE_URL).replace(/\/+$/, "")}/api.xro/2.0`;
  const tenantId = options.tenantId ?? XERO_TEST_TENANT_ID;
  const accounts = new Set(options.accountCodes ?? ["200", "260", "400"]);
  const taxTypes = new Set(options.taxTypes ?? ["OUTPUT", "OUTPUT2", "NONE", "EXEMPTOUTPUT"]);
  const faults = new FaultQueue<XeroFault>();
  const losses = new FaultQueue<LostResponse>();
  const answers = new Map<string, { status: number; body: XeroEnvelope }>();
  const contacts = new Map<string, XeroContact>();
  const invoices = new Map<string, XeroInvoice>();
  const mock = {
    accessToken: options.accessToken ?? XERO_TEST_ACCESS_TOKEN,
    contacts,
    invoices,
    created: { Contacts: 0, Invoices: 0 },
    /** `Idempotency-Key` of every PUT received. */
    idempotencyKeys: [] as string[],
    rotateToken(token: string) {
      mock.accessToken = token;
    },
    fail(fault: XeroFault, on: { on?: XeroOperation; times?: number } = {}) {
      faults.add(fault, on);
    },
    /** The next creation (of contacts or invoices) is stored, then its response never arrives. */
    loseResponse(how: LostResponse = "timeout", on: { on?: "Invoices" | "Contacts" } = {}) {
      losses.add(how, on);
    },
    handlers: [] as HttpHandler[],
  };

  function refused(request: Request): Response | undefined {
    if (bearerOf(request) !== mock.accessToken) {
      return problem(401, "TokenExpired: token expired at 11/27/2026 02:00:00");
    }
    if (request.headers.get("xero-tenant-id") !== tenantId) {
      return problem(403, "AuthenticationUnsuccessful");
    }
    return undefined;
  }

  async function injected(operation: XeroOperation): Promise<Response | undefined> {
    const next = faults.take(operation);
    if (next === undefined) return undefined;
    switch (next.kind) {
      case "throttle":
        return new HttpResponse(null, {
          status: 429,
          headers: {
            "retry-after": String(next.retryAfterSeconds ?? 60),
            "x-rate-limit-problem": next.problem ?? "minute",
          },
        });
      case "server":
        return next.status === 503
          ? HttpResponse.text("The Xero API is currently offline for maintenance", { status: 503 })
          : HttpResponse.json(
              {
                ErrorNumber: 500,
                Type: "UnknownErrorException",
                Message:
                  "An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.",
              },
              { status: 500 },
            );
      case "validation":
        return validation({}, next.messages);
      case "timeout":
        return lostResponse("timeout");
    }
  }

  function contactProblems(contact: XeroContact): string[] {
    const name = contact.Name?.trim();
    if (!name) return ["The contact name must be specified."];
    const taken = [...contacts.values()].some(
      (c) => c.ContactStatus !== "ARCHIVED" && c.Name.toLowerCase() === name.toLowerCase(),
    );
    return taken
      ? [
          `The contact name ${name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
        ]
      : [];
  }

  function invoiceProblems(invoice: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const contactId = (invoice.Contact as { ContactID?: string } | undefined)?.ContactID;
    if (contactId === undefined || !contacts.has(contactId))
      problems.push(
        "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber",
      );
    if (invoice.Type !== "ACCREC" && invoice.Type !== "ACCPAY")
      problems.push("Invoice Type must be specified");
    const number = invoice.InvoiceNumber;
    if ([...invoices.values()].some((i) => i.Type === "ACCREC" && i.InvoiceNumber === number))
      problems.push("Invoice # must be unique.");
    for (const line of (invoice.LineItems as XeroLineItem[] | undefined) ?? []) {
      if (!line.Description) problems.push("Description needs to be specified for each line item.");
      if (line.AccountCode !== undefined && !accounts.has(line.AccountCode))
        problems.push(`Account code '${line.AccountCode}' is not a valid code for this document.`);
      if (line.TaxType !== undefined && !taxTypes.has(line.TaxType))
        problems.push(
          `The TaxType code '${line.TaxType}' does not exist or cannot be used for this type of transaction.`,
        );
    }
    return problems;
  }

  /** PUT: the idempotent creation of one record, stored before the (possibly lost) answer. */
  async function create(request: Request, operation: "Invoices" | "Contacts"): Promise<Response> {
    const denied = refused(request);
    if (denied) return denied;
    const failure = await injected(operation);
    if (failure) return failure;
    const key = request.headers.get("idempotency-key");
    if (key) {
      mock.idempotencyKeys.push(key);
      const earlier = answers.get(key);
      if (earlier) return HttpResponse.json(earlier.body, { status: earlier.status });
    }
    const body = (await request.json()) as {
      Contacts?: XeroContact[];
      Invoices?: Record<string, unknown>[];
    };
    const record = (operation === "Contacts" ? body.Contacts?.[0] : body.Invoices?.[0]) ?? {};
    const problems =
      operation === "Contacts" ? contactProblems(record as XeroContact) : invoiceProblems(record);
    if (problems.length > 0) return validation(record as Record<string, unknown>, problems);
    let answer: XeroEnvelope;
    if (operation === "Contacts") {
      const contact: XeroContact = {
        ...(record as XeroContact),
        ContactID: crypto.randomUUID(),
        ContactStatus: "ACTIVE",
      };
      contacts.set(contact.ContactID, contact);
      answer = envelope({ Contacts: [contact] });
    } else {
      const lines = ((record.LineItems as XeroLineItem[] | undefined) ?? []).map((line) => ({
        ...line,
        LineItemID: crypto.randomUUID(),
        LineAmount: Math.round((line.Quantity ?? 1) * (line.UnitAmount ?? 0) * 100) / 100,
      }));
      const invoice = {
        ...record,
        InvoiceID: crypto.randomUUID(),
        Status: (record.Status as string | undefined) ?? "DRAFT",
        LineItems: lines,
        Total: Math.round(lines.reduce((sum, line) => sum + line.LineAmount, 0) * 100) / 100,
      } as XeroInvoice;
      invoices.set(invoice.InvoiceID, invoice);
      answer = envelope({ Invoices: [invoice] });
    }
    mock.created[operation] += 1;
    if (key) answers.set(key, { status: 200, body: answer });
    const lost = losses.take(operation);
    if (lost) return lostResponse(lost);
    return HttpResponse.json<XeroEnvelope>(answer);
  }

  mock.handlers = [
    http.get(`${api}/Invoices`, async ({ request }) => {
      const denied = refused(request);
      if (denied) return denied;
      const failure = await injected("Invoices");
      if (failure) return failure;
      const numbers = (new URL(request.url).searchParams.get("InvoiceNumbers") ?? "")
        .split(",")
        .filter(Boolean);
      const found = [...invoices.values()].filter(
        (i) => numbers.length === 0 || numbers.includes(i.InvoiceNumber ?? ""),
      );
      return HttpResponse.json<XeroEnvelope>(envelope({ Invoices: found }));
    }),
    http.get(`${api}/Contacts`, async ({ request }) => {
      const denied = refused(request);
      if (denied) return denied;
      const failure = await injected("Contacts");
      if (failure) return failure;
      const where = new URL(request.url).searchParams.get("where") ?? "";
      const match = /^(Name|ContactNumber)=="((?:[^"\\]|\\.)*)"$/.exec(where);
      if (!match)
        return validation({}, [`Unable to parse the where clause: ${where.slice(0, 40)}`]);
      const value = match[2]!.replace(/\\(.)/g, "$1");
      const found = [...contacts.values()].filter(
        (c) => (match[1] === "Name" ? c.Name : c.ContactNumber) === value,
      );
      return HttpResponse.json<XeroEnvelope>(envelope({ Contacts: found }));
    }),
    http.get(`${api}/Organisation`, async ({ request }) => {
      const denied = refused(request);
      if (denied) return denied;
      const failure = await injected("Organisation");
      if (failure) return failure;
      return HttpResponse.json<XeroEnvelope>(
        envelope({
          Organisations: [
            { Name: "上海浦东汽车销售有限公司", CountryCode: "CN", BaseCurrency: "CNY" },
          ],
        }),
      );
    }),
    http.put(`${api}/Contacts`, ({ request }) => create(request, "Contacts")),
    http.put(`${api}/Invoices`, ({ request }) => create(request, "Invoices")),
  ];
  return mock;
}

export type XeroMock = ReturnType<typeof xeroMock>;
