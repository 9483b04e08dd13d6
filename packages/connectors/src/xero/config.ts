import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

export const XERO_BASE_URL = "https://api.xero.com";

/** What the hub's OAuth2 connection flow needs for Xero (`GET /connections` gives the tenant). */
export const XERO_OAUTH = Object.freeze({
  authorizeUrl: "https://login.xero.com/identity/connect/authorize",
  tokenUrl: "https://identity.xero.com/connect/token",
  connectionsUrl: "https://api.xero.com/connections",
  /** Granular scopes, which apps created from March 2026 must use. */
  scopes: Object.freeze(["offline_access", "accounting.contacts", "accounting.invoices"]),
});

const codeSchema = z.string().trim().min(1).max(30);

export const xeroConfigSchema = z.strictObject({
  baseUrl: baseUrlSchema,
  /** The organisation (`tenantId` from `GET /connections`), sent as `xero-tenant-id`. */
  tenantId: z.uuid({ message: "must be the organisation's tenantId (a UUID)" }),
  clientId: z.string().trim().min(1).max(200).optional(),
  clientSecret: secret(z.string().min(1).max(200)).optional(),
  /** The invoice's status: a draft to review, or straight to awaiting approval or payment. */
  status: z.enum(["DRAFT", "SUBMITTED", "AUTHORISED"]).default("DRAFT"),
  /** The revenue account lines post to; per line kind where they differ. */
  accountCode: codeSchema.default("200"),
  accountCodes: z
    .strictObject({
      vehicle: codeSchema.optional(),
      option: codeSchema.optional(),
      accessory: codeSchema.optional(),
      fee: codeSchema.optional(),
      discount: codeSchema.optional(),
      trade_in_credit: codeSchema.optional(),
    })
    .default({}),
  /** Tax types for lines with and without VAT (`OUTPUT`, `NONE` …); Xero's defaults when unset. */
  taxType: codeSchema.optional(),
  nonTaxableTaxType: codeSchema.optional(),
  tradeInCredit: z.enum(["line", "omit"]).default("line"),
  /** Send `CurrencyCode` (organisations with multicurrency). */
  sendCurrency: z.boolean().default(false),
  brandingThemeId: z.uuid().optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type XeroConfig = z.output<typeof xeroConfigSchema>;
