import type { z } from "zod";
import type { ConnectorContext } from "../define.js";
import { type ConnectorError, PermanentConnectorError } from "../errors.js";
import { requestJson } from "../http.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { type AccessTokenHooks, oauthSession } from "../session.js";
import { describeIssues } from "../shape.js";
import type { QuickBooksConfig } from "./config.js";
import { quickBooksQueryLiteral } from "./mapping.js";
import {
  qboCompanyInfoSchema,
  qboCustomerSchema,
  qboFaultBodySchema,
  qboQueryResponseSchema,
  qboSalesDocumentSchema,
} from "./types.js";

const VENDOR = "QuickBooks Online";

/** Fault codes the connector acts on. */
export const QUICKBOOKS_STALE_OBJECT = "5010";
export const QUICKBOOKS_DUPLICATE_NAME = "6240";

export type QuickBooksDocumentEntity = "Invoice" | "SalesReceipt";
export type QuickBooksDocument = z.output<typeof qboSalesDocumentSchema>;
export type QuickBooksCustomer = z.output<typeof qboCustomerSchema>;

/**
 * Reads a `Fault` body (400s, and whatever else carries one) into a permanent error with the
 * vendor's own words; `undefined` for 401, 429, 5xx and bodies that are not faults, which
 * `classifyHttpError` handles by status (401 → refresh and replay, 429 → `Retry-After`).
 */
export function classifyQuickBooksError(
  response: Response,
  body: string,
  redact: Redactor = createRedactor(),
): ConnectorError | undefined {
  const status = response.status;
  if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
    return undefined;
  }
  let fault: z.output<typeof qboFaultBodySchema>;
  try {
    const parsed = qboFaultBodySchema.safeParse(JSON.parse(body));
    if (!parsed.success) return undefined;
    fault = parsed.data;
  } catch {
    return undefined;
  }
  const text = fault.errors
    .slice(0, 5)
    .map((error) => {
      const detail = error.detail && error.detail !== error.message ? `: ${error.detail}` : "";
      const where = error.element ? `, ${error.element}` : "";
      return `${error.message}${detail} (error ${error.code ?? "?"}${where})`;
    })
    .join("; ");
  const codes = fault.errors.map((error) => error.code);
  const requestId = response.headers.get("intuit_tid") ?? undefined;
  const options = { status, raw: redact(fault), ...(requestId && { requestId }) };
  if (codes.includes(QUICKBOOKS_STALE_OBJECT)) {
    // The update names a SyncToken someone else's edit has replaced. Retrying cannot help: every
    // attempt carries the same requestid, and QuickBooks answers a repeated requestid with its
    // first answer. A person has to look at the document; then the push can be replayed.
    return new PermanentConnectorError(
      redact(
        `${VENDOR} refused the update because the document changed in QuickBooks while it was being updated: ${text}. Check the document in QuickBooks, then replay the push.`,
      ),
      { ...options, code: "quickbooks_stale_object" },
    );
  }
  return new PermanentConnectorError(redact(`${VENDOR} rejected the request: ${text}`), {
    ...options,
    code: codes.includes(QUICKBOOKS_DUPLICATE_NAME)
      ? "quickbooks_duplicate_name"
      : "quickbooks_validation",
  });
}

/** The calls a push makes, with one token refresh and replay per push on a 401. */
export interface QuickBooksApi {
  findCustomers(displayName: string): Promise<QuickBooksCustomer[]>;
  createCustomer(body: unknown, requestId: string): Promise<QuickBooksCustomer>;
  findDocument(
    entity: QuickBooksDocumentEntity,
    docNumber: string,
  ): Promise<QuickBooksDocument | undefined>;
  /** Creates (or, with `Id` and `SyncToken` in the body, updates) an invoice or sales receipt. */
  saveDocument(
    entity: QuickBooksDocumentEntity,
    body: unknown,
    requestId: string,
  ): Promise<QuickBooksDocument>;
  companyName(): Promise<string>;
}

function unexpected(what: string, error: z.ZodError): PermanentConnectorError {
  return new PermanentConnectorError(
    `${VENDOR} ${what} answered an unexpected shape: ${describeIssues(error)}`,
    { code: "quickbooks_unexpected_response" },
  );
}

export function quickBooksApi(
  ctx: ConnectorContext<QuickBooksConfig>,
  tokens: AccessTokenHooks,
  /** Personal data to keep out of error text, beyond the credentials. */
  scrub: readonly (string | undefined)[] = [],
): QuickBooksApi {
  const { config } = ctx;
  const session = oauthSession(tokens);
  const company = `${ctx.baseUrl}/v3/company/${config.realmId}`;

  async function call(
    method: "GET" | "POST",
    path: string,
    query: Record<string, string>,
    json?: unknown,
  ): Promise<unknown> {
    return session.run((token) => {
      const secrets = [token, config.clientSecret, ...scrub];
      const redact = createRedactor(secrets);
      return requestJson(ctx, {
        method,
        url: `${company}/${path}`,
        searchParams: { ...query, minorversion: config.minorVersion },
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        ...(json !== undefined && { json }),
        timeoutMs: config.timeoutMs,
        vendor: VENDOR,
        secrets,
        classifyError: (response, text) => classifyQuickBooksError(response, text, redact),
      });
    });
  }

  async function query(statement: string) {
    const parsed = qboQueryResponseSchema.safeParse(
      await call("GET", "query", { query: statement }),
    );
    if (!parsed.success) throw unexpected("query", parsed.error);
    return parsed.data.QueryResponse;
  }

  async function write<S extends z.ZodType>(
    path: string,
    key: string,
    body: unknown,
    requestId: string,
    schema: S,
  ): Promise<z.output<S>> {
    const answer = (await call("POST", path, { requestid: requestId }, body)) as Record<
      string,
      unknown
    >;
    const parsed = schema.safeParse(answer?.[key]);
    if (!parsed.success) throw unexpected(`POST ${path}`, parsed.error);
    return parsed.data;
  }

  return {
    async findCustomers(displayName) {
      const found = await query(
        `select * from Customer where DisplayName = ${quickBooksQueryLiteral(displayName)}`,
      );
      return found.Customer ?? [];
    },
    createCustomer: (body, requestId) =>
      write("customer", "Customer", body, requestId, qboCustomerSchema),
    async findDocument(entity, docNumber) {
      const found = await query(
        `select * from ${entity} where DocNumber = ${quickBooksQueryLiteral(docNumber)}`,
      );
      return found[entity]?.[0];
    },
    saveDocument: (entity, body, requestId) =>
      write(entity.toLowerCase(), entity, body, requestId, qboSalesDocumentSchema),
    async companyName() {
      const answer = (await call("GET", `companyinfo/${config.realmId}`, {})) as Record<
        string,
        unknown
      >;
      const parsed = qboCompanyInfoSchema.safeParse(answer?.CompanyInfo);
      if (!parsed.success) throw unexpected("companyinfo", parsed.error);
      return parsed.data.CompanyName;
    },
  };
}
