import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

export const QUICKBOOKS_BASE_URL = "https://quickbooks.api.intuit.com";
export const QUICKBOOKS_SANDBOX_BASE_URL = "https://sandbox-quickbooks.api.intuit.com";
/** The minor version every call names; 75 is Intuit's default since August 2025. */
export const DEFAULT_QUICKBOOKS_MINOR_VERSION = 75;

/** What the hub's OAuth2 connection flow needs for QuickBooks (the callback carries `realmId`). */
export const QUICKBOOKS_OAUTH = Object.freeze({
  authorizeUrl: "https://appcenter.intuit.com/connect/oauth2",
  tokenUrl: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  scopes: Object.freeze(["com.intuit.quickbooks.accounting"]),
});

/** An Item's id in the company (`ItemRef.value`): digits. */
const itemIdSchema = z.string().regex(/^\d{1,20}$/, { message: "must be a QuickBooks Item id" });
const refIdSchema = z.string().trim().min(1).max(40);

export const quickBooksConfigSchema = z.strictObject({
  /** `https://sandbox-quickbooks.api.intuit.com` for a sandbox company. */
  baseUrl: baseUrlSchema,
  /** The company id, from the OAuth2 callback. */
  realmId: z.string().regex(/^\d{1,32}$/, { message: "must be the numeric realmId" }),
  /** The app's OAuth2 client, for the hub's token refresh (the hub may use its own app instead). */
  clientId: z.string().trim().min(1).max(200).optional(),
  clientSecret: secret(z.string().min(1).max(200)).optional(),
  /** An invoice (the customer pays later) or a sales receipt (paid at once). */
  document: z.enum(["invoice", "sales_receipt"]).default("invoice"),
  minorVersion: z.number().int().min(1).max(999).default(DEFAULT_QUICKBOOKS_MINOR_VERSION),
  /** The Item each line kind is sold as; `default` for kinds without their own. */
  items: z.strictObject({
    default: itemIdSchema,
    vehicle: itemIdSchema.optional(),
    option: itemIdSchema.optional(),
    accessory: itemIdSchema.optional(),
    fee: itemIdSchema.optional(),
    discount: itemIdSchema.optional(),
    trade_in_credit: itemIdSchema.optional(),
  }),
  /** Trade-in credit as a negative line (`line`) or left to a separate purchase (`omit`). */
  tradeInCredit: z.enum(["line", "omit"]).default("line"),
  /** The TaxCode for lines with VAT, and the one for lines without; no tax details when unset. */
  taxCode: refIdSchema.optional(),
  nonTaxableTaxCode: refIdSchema.optional(),
  /** Send `CurrencyRef` (companies with multicurrency on). */
  sendCurrency: z.boolean().default(false),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type QuickBooksConfig = z.output<typeof quickBooksConfigSchema>;
