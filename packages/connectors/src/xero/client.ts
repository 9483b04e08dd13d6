import type { z } from "zod";
import type { ConnectorContext } from "../define.js";
import { type ConnectorError, PermanentConnectorError } from "../errors.js";
import { type HttpMethod, requestJson } from "../http.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { type AccessTokenHooks, oauthSession } from "../session.js";
import { describeIssues } from "../shape.js";
import type { XeroConfig } from "./config.js";
import { xeroWhereLiteral } from "./mapping.js";
import {
  type xeroContactSchema,
  xeroContactsSchema,
  type xeroInvoiceSchema,
  xeroInvoicesSchema,
  xeroOrganisationsSchema,
  xeroValidationErrorSchema,
} from "./types.js";

const VENDOR = "Xero";

export type XeroInvoiceRecord = z.output<typeof xeroInvoiceSchema>;
export type XeroContactRecord = z.output<typeof xeroContactSchema>;

/**
 * Reads a `ValidationException` (HTTP 400) into a permanent error carrying Xero's messages; the
 * rest — 401 (refresh and replay), 403, 429 with `Retry-After`, 5xx — is classified by status.
 * `raw` keeps the messages, not the elements, which echo what was sent (the customer's details).
 */
export function classifyXeroError(
  response: Response,
  body: string,
  redact: Redactor = createRedactor(),
): ConnectorError | undefined {
  if (response.status !== 400) return undefined;
  let parsed: z.output<typeof xeroValidationErrorSchema>;
  try {
    const result = xeroValidationErrorSchema.safeParse(JSON.parse(body));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const messages = [
    ...new Set(
      parsed.Elements.flatMap((element) => element.ValidationErrors.map((e) => e.Message)),
    ),
  ];
  const shown = messages.length > 0 ? messages : [parsed.Message ?? "validation failed"];
  const correlation = response.headers.get("xero-correlation-id");
  return new PermanentConnectorError(
    redact(`${VENDOR} rejected the request: ${shown.slice(0, 5).join("; ")}`),
    {
      status: 400,
      code: "xero_validation",
      raw: redact({ Type: parsed.Type, Message: parsed.Message, ValidationErrors: shown }),
      ...(correlation && { requestId: correlation }),
    },
  );
}

export interface XeroApi {
  findInvoice(invoiceNumber: string): Promise<XeroInvoiceRecord | undefined>;
  findContacts(field: "Name" | "ContactNumber", value: string): Promise<XeroContactRecord[]>;
  createContact(contact: unknown, idempotencyKey: string): Promise<XeroContactRecord>;
  createInvoice(invoice: unknown, idempotencyKey: string): Promise<XeroInvoiceRecord>;
  organisationName(): Promise<string>;
}

function unexpected(what: string, error: z.ZodError): PermanentConnectorError {
  return new PermanentConnectorError(
    `${VENDOR} ${what} answered an unexpected shape: ${describeIssues(error)}`,
    { code: "xero_unexpected_response" },
  );
}

/** The calls a push makes, with one token refresh and replay per push on a 401. */
export function xeroApi(
  ctx: ConnectorContext<XeroConfig>,
  tokens: AccessTokenHooks,
  /** Personal data to keep out of error text, beyond the credentials. */
  scrub: readonly (string | undefined)[] = [],
): XeroApi {
  const { config } = ctx;
  const session = oauthSession(tokens);

  async function call<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    schema: S,
    options: { query?: Record<string, string>; json?: unknown; idempotencyKey?: string } = {},
  ): Promise<z.output<S>> {
    const body = await session.run((token) => {
      const secrets = [token, config.clientSecret, ...scrub];
      const redact = createRedactor(secrets);
      return requestJson(ctx, {
        method,
        url: `${ctx.baseUrl}/api.xro/2.0/${path}`,
        ...(options.query && { searchParams: options.query }),
        headers: {
          authorization: `Bearer ${token}`,
          "xero-tenant-id": config.tenantId,
          accept: "application/json",
          ...(options.idempotencyKey && { "idempotency-key": options.idempotencyKey }),
        },
        ...(options.json !== undefined && { json: options.json }),
        timeoutMs: config.timeoutMs,
        vendor: VENDOR,
        secrets,
        classifyError: (response, text) => classifyXeroError(response, text, redact),
      });
    });
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw unexpected(`${method} ${path}`, parsed.error);
    return parsed.data;
  }

  return {
    async findInvoice(invoiceNumber) {
      const { Invoices } = await call("GET", "Invoices", xeroInvoicesSchema, {
        query: { InvoiceNumbers: invoiceNumber },
      });
      return Invoices.find(
        (invoice) => invoice.Type === "ACCREC" && invoice.InvoiceNumber === invoiceNumber,
      );
    },
    async findContacts(field, value) {
      const { Contacts } = await call("GET", "Contacts", xeroContactsSchema, {
        query: { where: `${field}==${xeroWhereLiteral(value)}` },
      });
      return Contacts;
    },
    async createContact(contact, idempotencyKey) {
      const { Contacts } = await call("PUT", "Contacts", xeroContactsSchema, {
        json: { Contacts: [contact] },
        idempotencyKey,
      });
      if (Contacts[0] === undefined)
        throw new PermanentConnectorError(`${VENDOR} created no contact`);
      return Contacts[0];
    },
    async createInvoice(invoice, idempotencyKey) {
      const { Invoices } = await call("PUT", "Invoices", xeroInvoicesSchema, {
        json: { Invoices: [invoice] },
        idempotencyKey,
      });
      if (Invoices[0] === undefined)
        throw new PermanentConnectorError(`${VENDOR} created no invoice`);
      return Invoices[0];
    },
    async organisationName() {
      const { Organisations } = await call("GET", "Organisation", xeroOrganisationsSchema);
      return Organisations[0]!.Name;
    },
  };
}
