import { z } from "zod";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

/** The sales order service (OData V2), relative to the system's host. */
export const SAP_SALES_ORDER_SERVICE = "/sap/opu/odata/sap/API_SALES_ORDER_SRV";
/** SAP keeps `PurchaseOrderByCustomer` to 35 characters. */
export const SAP_PURCHASE_ORDER_MAX = 35;

const sapIdSchema = z.string().trim().min(1).max(40);

const authSchema = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("basic"),
    username: z.string().trim().min(1).max(100),
    password: secret(z.string().min(1).max(200)),
  }),
  z.strictObject({
    method: z.literal("oauth2_client_credentials"),
    tokenUrl: z.url({ protocol: /^https?$/ }),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: secret(z.string().min(1).max(500)),
    scope: z.string().trim().min(1).max(500).optional(),
  }),
]);

export const sapConfigSchema = z.strictObject({
  /** The system's API host: `https://my300000-api.s4hana.cloud.sap`, or on-premise `https://s4.example.com:44300`. */
  baseUrl: z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" }),
  servicePath: z
    .string()
    .regex(/^\/[\w/.-]+$/)
    .default(SAP_SALES_ORDER_SERVICE),
  /** `sap-client`, for on-premise systems with several clients. */
  sapClient: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  /** A communication user (basic) or an OAuth2 client (client credentials). */
  auth: authSchema,
  salesOrderType: sapIdSchema.default("OR"),
  salesOrganization: sapIdSchema,
  distributionChannel: sapIdSchema,
  organizationDivision: sapIdSchema,
  /** The sold-to party orders go to when the hub knows none for the buyer (a one-time customer). */
  soldToParty: sapIdSchema.optional(),
  /** Materials by line kind, and by the line's own code (which wins). */
  materials: z
    .strictObject({
      default: sapIdSchema.optional(),
      vehicle: sapIdSchema.optional(),
      option: sapIdSchema.optional(),
      accessory: sapIdSchema.optional(),
      fee: sapIdSchema.optional(),
    })
    .default({}),
  materialByCode: z.record(z.string(), sapIdSchema).default({}),
  /** `RequestedQuantityUnit`; the material's sales unit when unset. */
  quantityUnit: sapIdSchema.optional(),
  /**
   * A manual price condition (`PMP0`, `PR00` …) carrying the order's unit price on each item;
   * SAP's own pricing decides the price when unset.
   */
  priceConditionType: sapIdSchema.optional(),
  headerFields: z.record(z.string().regex(/^[A-Z]\w*$/), z.json()).default({}),
  itemFields: z.record(z.string().regex(/^[A-Z]\w*$/), z.json()).default({}),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type SapConfig = z.output<typeof sapConfigSchema>;
