import { z } from "zod";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

const recordIdSchema = z.number().int().positive();

export const odooConfigSchema = z.strictObject({
  /** The Odoo server: `https://dealer.odoo.com`, `https://erp.example.com`. */
  baseUrl: z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" }),
  /** The database; sent as `X-Odoo-Database` (JSON-2) and to `authenticate` / `execute_kw` (XML-RPC). */
  database: z.string().trim().min(1).max(100),
  /** The API key of the integration user (Preferences → Account Security → New API Key). */
  apiKey: secret(z.string().min(8).max(200)),
  /** The user's login, for XML-RPC's `authenticate` (JSON-2 needs only the key). */
  login: z.string().trim().min(1).max(200).optional(),
  /**
   * `json2` (Odoo 19+), `xmlrpc` (older servers; deprecated in 19), or `auto`: JSON-2, and
   * XML-RPC when the server answers 404 on `/json/2`.
   */
  protocol: z.enum(["auto", "json2", "xmlrpc"]).default("auto"),
  /** `product.product` ids by line kind, and by the line's own code (which wins). */
  products: z
    .strictObject({
      default: recordIdSchema.optional(),
      vehicle: recordIdSchema.optional(),
      option: recordIdSchema.optional(),
      accessory: recordIdSchema.optional(),
      fee: recordIdSchema.optional(),
    })
    .default({}),
  productByCode: z.record(z.string(), recordIdSchema).default({}),
  /** Confirm the quotation into a sales order (`action_confirm`). */
  confirm: z.boolean().default(true),
  /** Extra values for the order and each line (`team_id`, `warehouse_id`, `analytic_distribution` …). */
  orderValues: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), z.json()).default({}),
  lineValues: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), z.json()).default({}),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type OdooConfig = z.output<typeof odooConfigSchema>;
