import { z } from "zod";
import { baseUrlSchema } from "../define.js";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

/** Where a tenant's gateway and token addresses are looked up. */
export const YONYOU_GATEWAY_LOOKUP_URL = "https://apigateway.yonyoucloud.com";

const idSchema = z.string().trim().min(1).max(100);
const urlSchema = z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" });

export const yonyouConfigSchema = z.strictObject({
  /** The gateway-lookup host (`apigateway.yonyoucloud.com`). */
  baseUrl: baseUrlSchema,
  tenantId: idSchema,
  /** The self-built app's key and secret (自建应用), which sign the token request. */
  appKey: idSchema,
  appSecret: secret(z.string().min(8).max(200)),
  /** The tenant's addresses, when known: the lookup is skipped. */
  gatewayUrl: urlSchema.optional(),
  tokenUrl: urlSchema.optional(),
  /** 销售组织 and 交易类型 ids. */
  salesOrgId: idSchema,
  transactionTypeId: idSchema,
  /** The customer (客户, `agentId`) orders go to when the hub knows none for the buyer. */
  agentId: idSchema.optional(),
  /** Currency ids by ISO code; the ISO code itself when absent. */
  currencies: z.record(z.string().regex(/^[A-Z]{3}$/), idSchema).default({}),
  /** Product (物料) ids by line kind, and by the line's own code (which wins). */
  products: z
    .strictObject({
      default: idSchema.optional(),
      vehicle: idSchema.optional(),
      option: idSchema.optional(),
      accessory: idSchema.optional(),
      fee: idSchema.optional(),
    })
    .default({}),
  productByCode: z.record(z.string(), idSchema).default({}),
  /** The unit (`masterUnitId`) lines are sold in. */
  masterUnitId: idSchema,
  /**
   * The header field that carries the hub's order number and that the lookup filters on: the
   * document code (`code`, when the tenant allows codes from outside) or a free field.
   */
  orderNumberField: z
    .string()
    .regex(/^[A-Za-z][\w.!]{0,99}$/, { message: "must be a YonBIP field name" })
    .default("code"),
  headerFields: z.record(z.string(), z.json()).default({}),
  detailFields: z.record(z.string(), z.json()).default({}),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type YonyouConfig = z.output<typeof yonyouConfigSchema>;
