import { customerNameSuffix, isSomeoneElse } from "../customer-match.js";
import { defineConnector } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { accessTokenHooks } from "../session.js";
import {
  type QuickBooksApi,
  type QuickBooksCustomer,
  type QuickBooksDocument,
  type QuickBooksDocumentEntity,
  quickBooksApi,
} from "./client.js";
import {
  QUICKBOOKS_BASE_URL,
  QUICKBOOKS_SANDBOX_BASE_URL,
  type QuickBooksConfig,
  quickBooksConfigSchema,
} from "./config.js";
import {
  QUICKBOOKS_DOC_NUMBER_MAX,
  quickBooksCustomerBody,
  quickBooksDisplayName,
  quickBooksDocumentBody,
  readQuickBooksMarker,
} from "./mapping.js";

/**
 * QuickBooks Online: an approved order becomes an invoice (or a sales receipt) whose `DocNumber`
 * is the hub's order number, for a customer found by `DisplayName` or created. Writes carry the
 * push's idempotency key as `requestid`; a lookup by `DocNumber` comes first, so a retry after a
 * lost response finds the document instead of making another.
 */

export const QUICKBOOKS_CONNECTOR_ID = "quickbooks";

const APP_HOSTS: Record<string, string> = {
  [QUICKBOOKS_BASE_URL]: "https://app.qbo.intuit.com",
  [QUICKBOOKS_SANDBOX_BASE_URL]: "https://app.sandbox.qbo.intuit.com",
};

function entityOf(config: QuickBooksConfig): QuickBooksDocumentEntity {
  return config.document === "invoice" ? "Invoice" : "SalesReceipt";
}

function resultOf(
  document: QuickBooksDocument,
  entity: QuickBooksDocumentEntity,
  baseUrl: string,
  created: boolean,
): PushResult {
  const app = APP_HOSTS[baseUrl];
  return {
    externalId: document.Id,
    ...(document.DocNumber !== undefined && { externalNumber: document.DocNumber }),
    ...(app !== undefined && { url: `${app}/app/${entity.toLowerCase()}?txnId=${document.Id}` }),
    created,
    externalCustomerId: document.CustomerRef.value,
  };
}

/**
 * The customer's id: found by `DisplayName`, else created. When the name belongs to somebody
 * else (another email or phone, or a vendor or employee QuickBooks will not let us share it
 * with), the name gets a suffix from the hub's customer id, which is this customer's alone.
 */
function contactOf(found: QuickBooksCustomer) {
  return { email: found.PrimaryEmailAddr?.Address, phone: found.PrimaryPhone?.FreeFormNumber };
}

async function ensureCustomer(api: QuickBooksApi, order: PushOrder, key: string): Promise<string> {
  const { customer } = order;
  const plain = quickBooksDisplayName(customer);
  const [found] = await api.findCustomers(plain);
  if (found !== undefined && !isSomeoneElse(customer, contactOf(found))) return found.Id;
  if (found === undefined) {
    try {
      return (await api.createCustomer(quickBooksCustomerBody(customer, plain), `${key}-c1`)).Id;
    } catch (error) {
      if (
        !(error instanceof PermanentConnectorError && error.code === "quickbooks_duplicate_name")
      ) {
        throw error;
      }
    }
  }
  const own = quickBooksDisplayName(customer, customerNameSuffix(customer));
  const [mine] = await api.findCustomers(own);
  if (mine !== undefined) return mine.Id;
  return (await api.createCustomer(quickBooksCustomerBody(customer, own), `${key}-c2`)).Id;
}

async function pushToQuickBooks(
  input: PushOrder,
  ctx: PushContext<QuickBooksConfig>,
): Promise<PushResult> {
  const order = readPushOrder(input);
  const { config } = ctx;
  const entity = entityOf(config);
  if (order.orderNumber.length > QUICKBOOKS_DOC_NUMBER_MAX) {
    throw new PermanentConnectorError(
      `Order number ${order.orderNumber} is longer than QuickBooks' ${QUICKBOOKS_DOC_NUMBER_MAX}-character DocNumber`,
      { code: "quickbooks_doc_number_too_long" },
    );
  }
  const api = quickBooksApi(ctx, ctx, [order.customer.email, order.customer.phone]);
  const existing = await api.findDocument(entity, order.orderNumber);
  if (existing !== undefined) {
    const mark = readQuickBooksMarker(existing.PrivateNote);
    if (mark?.orderId !== order.id) {
      throw new PermanentConnectorError(
        `${entity} ${order.orderNumber} already exists in QuickBooks (id ${existing.Id}) but was not made for order ${order.id}: its private note has no Forecourt mark for it. Renumber one of them, then replay the push.`,
        { code: "quickbooks_doc_number_taken" },
      );
    }
    if (mark.version >= order.version) return resultOf(existing, entity, ctx.baseUrl, false);
    // A later terms version of an order already pushed: rewrite the document in place (a full
    // update names the SyncToken read just now; the same customer).
    const update = {
      ...quickBooksDocumentBody(order, existing.CustomerRef.value, config),
      Id: existing.Id,
      SyncToken: existing.SyncToken,
      sparse: false,
    };
    const updated = await api.saveDocument(entity, update, ctx.idempotencyKey);
    return resultOf(updated, entity, ctx.baseUrl, false);
  }
  const customerId =
    order.customer.externalIds[QUICKBOOKS_CONNECTOR_ID] ??
    (await ensureCustomer(api, order, ctx.idempotencyKey));
  const document = await api.saveDocument(
    entity,
    quickBooksDocumentBody(order, customerId, config),
    ctx.idempotencyKey,
  );
  return resultOf(document, entity, ctx.baseUrl, true);
}

export const quickBooksConnector = defineConnector({
  id: QUICKBOOKS_CONNECTOR_ID,
  title: "QuickBooks Online",
  description:
    "Approved orders as QuickBooks Online invoices or sales receipts, customer found or created first; exactly once by DocNumber lookup and requestid.",
  direction: "destination",
  auth: "oauth2",
  config: quickBooksConfigSchema,
  defaultBaseUrl: QUICKBOOKS_BASE_URL,
  push: pushToQuickBooks,
  async testConnection(ctx) {
    const tokens = accessTokenHooks(ctx);
    if (tokens === undefined) {
      return { ok: false, reason: "the test needs the connection's OAuth2 token hooks" };
    }
    return { ok: true, detail: `company ${await quickBooksApi(ctx, tokens).companyName()}` };
  },
});

export {
  classifyQuickBooksError,
  QUICKBOOKS_DUPLICATE_NAME,
  QUICKBOOKS_STALE_OBJECT,
  type QuickBooksApi,
  type QuickBooksDocumentEntity,
  quickBooksApi,
} from "./client.js";
export {
  DEFAULT_QUICKBOOKS_MINOR_VERSION,
  QUICKBOOKS_BASE_URL,
  QUICKBOOKS_OAUTH,
  QUICKBOOKS_SANDBOX_BASE_URL,
  type QuickBooksConfig,
  quickBooksConfigSchema,
} from "./config.js";
export {
  QUICKBOOKS_DISPLAY_NAME_MAX,
  QUICKBOOKS_DOC_NUMBER_MAX,
  quickBooksCustomerBody,
  quickBooksDisplayName,
  quickBooksDocumentBody,
  quickBooksLines,
  quickBooksMarker,
  quickBooksQueryLiteral,
  readQuickBooksMarker,
} from "./mapping.js";
export type * from "./types.js";
