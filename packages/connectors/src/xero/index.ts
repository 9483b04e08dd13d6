import { customerNameSuffix, isSomeoneElse } from "../customer-match.js";
import { defineConnector } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { accessTokenHooks } from "../session.js";
import { type XeroApi, type XeroInvoiceRecord, xeroApi } from "./client.js";
import { XERO_BASE_URL, type XeroConfig, xeroConfigSchema } from "./config.js";
import { xeroContactBody, xeroContactName, xeroInvoiceBody } from "./mapping.js";

/**
 * Xero: an approved order becomes an accounts-receivable invoice (`Type: ACCREC`) whose
 * `InvoiceNumber` and `Reference` are the hub's order number, for a contact found by the hub's
 * customer id (`ContactNumber`) or name, or created. Creations carry `Idempotency-Key`; a lookup
 * by invoice number comes first, so a retry after a lost response finds the invoice.
 */

export const XERO_CONNECTOR_ID = "xero";

const NAME_TAKEN = /already assigned to another contact/i;

function resultOf(invoice: XeroInvoiceRecord, baseUrl: string, created: boolean): PushResult {
  return {
    externalId: invoice.InvoiceID,
    ...(invoice.InvoiceNumber !== undefined && { externalNumber: invoice.InvoiceNumber }),
    ...(baseUrl === XERO_BASE_URL && {
      url: `https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${invoice.InvoiceID}`,
    }),
    created,
    ...(invoice.Contact.ContactID !== undefined && {
      externalCustomerId: invoice.Contact.ContactID,
    }),
  };
}

/**
 * The contact's id: by `ContactNumber` (the hub's customer id, set on every contact this
 * connector creates), else by name, else created. A name that is somebody else's — another
 * email or phone, or refused as taken — gets part of the hub's customer id.
 */
async function ensureContact(api: XeroApi, order: PushOrder, key: string): Promise<string> {
  const { customer } = order;
  const [numbered] = await api.findContacts("ContactNumber", customer.id);
  if (numbered !== undefined) return numbered.ContactID;
  const plain = xeroContactName(customer);
  const [named] = await api.findContacts("Name", plain);
  const theirs = named && {
    email: named.EmailAddress,
    phone: named.Phones?.find((phone) => phone.PhoneNumber)?.PhoneNumber,
  };
  if (named !== undefined && !isSomeoneElse(customer, theirs ?? {})) return named.ContactID;
  if (named === undefined) {
    try {
      return (await api.createContact(xeroContactBody(customer, plain), `${key}-c1`)).ContactID;
    } catch (error) {
      if (!(error instanceof PermanentConnectorError && NAME_TAKEN.test(error.message)))
        throw error;
    }
  }
  const own = xeroContactName(customer, customerNameSuffix(customer));
  return (await api.createContact(xeroContactBody(customer, own), `${key}-c2`)).ContactID;
}

async function pushToXero(input: PushOrder, ctx: PushContext<XeroConfig>): Promise<PushResult> {
  const order = readPushOrder(input);
  const api = xeroApi(ctx, ctx, [order.customer.email, order.customer.phone]);
  const existing = await api.findInvoice(order.orderNumber);
  if (existing !== undefined) {
    if (existing.Reference !== order.orderNumber) {
      throw new PermanentConnectorError(
        `Invoice ${order.orderNumber} already exists in Xero (${existing.InvoiceID}) with another reference: it was not made for this order. Renumber one of them, then replay the push.`,
        { code: "xero_invoice_number_taken" },
      );
    }
    if (existing.Status === "DELETED" || existing.Status === "VOIDED") {
      throw new PermanentConnectorError(
        `Invoice ${order.orderNumber} was ${existing.Status.toLowerCase()} in Xero (${existing.InvoiceID}); it is not made again. Reinstate or recreate it in Xero if the order stands.`,
        { code: "xero_invoice_voided" },
      );
    }
    return resultOf(existing, ctx.baseUrl, false);
  }
  const contactId =
    order.customer.externalIds[XERO_CONNECTOR_ID] ??
    (await ensureContact(api, order, ctx.idempotencyKey));
  const invoice = await api.createInvoice(
    xeroInvoiceBody(order, contactId, ctx.config),
    ctx.idempotencyKey,
  );
  return resultOf(invoice, ctx.baseUrl, true);
}

export const xeroConnector = defineConnector({
  id: XERO_CONNECTOR_ID,
  title: "Xero",
  description:
    "Approved orders as Xero accounts-receivable invoices, contact found or created first; exactly once by invoice-number lookup and Idempotency-Key.",
  direction: "destination",
  auth: "oauth2",
  config: xeroConfigSchema,
  defaultBaseUrl: XERO_BASE_URL,
  push: pushToXero,
  async testConnection(ctx) {
    const tokens = accessTokenHooks(ctx);
    if (tokens === undefined) {
      return { ok: false, reason: "the test needs the connection's OAuth2 token hooks" };
    }
    return { ok: true, detail: `organisation ${await xeroApi(ctx, tokens).organisationName()}` };
  },
});

export { classifyXeroError, type XeroApi, xeroApi } from "./client.js";
export { XERO_BASE_URL, XERO_OAUTH, type XeroConfig, xeroConfigSchema } from "./config.js";
export {
  XERO_NAME_MAX,
  xeroContactBody,
  xeroContactName,
  xeroInvoiceBody,
  xeroLineItems,
  xeroWhereLiteral,
} from "./mapping.js";
export type * from "./types.js";
