import { z } from "zod";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

/** zh-CN, the language Kingdee answers in (and the one its messages are documented in). */
export const KINGDEE_LCID_ZH_CN = 2052;
export const KINGDEE_SALES_ORDER_FORM = "SAL_SaleOrder";
/** 标准销售订单, the standard sales order bill type. */
export const KINGDEE_STANDARD_BILL_TYPE = "XSDD01_SYS";

/** A Kingdee field key as filters may name it: `FBillNo`, `F_FC_OrderNo`. */
const fieldKeySchema = z
  .string()
  .regex(/^F[A-Za-z0-9_]{1,62}$/, { message: "must be a Kingdee field key such as F_FC_OrderNo" });
/** A base-data number (`FNumber`): material, customer, organisation, currency, staff. */
const numberSchema = z.string().trim().min(1).max(80);
const jsonValueSchema = z.json();

const loginSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("password"), password: secret(z.string().min(1).max(200)) }),
  z.strictObject({
    method: z.literal("app_secret"),
    appId: z.string().trim().min(1).max(200),
    appSecret: secret(z.string().min(1).max(200)),
  }),
]);

export const kingdeeConfigSchema = z
  .strictObject({
    /** The K3Cloud server, without `/k3cloud`: `https://erp.example.com` or `https://x.ik3cloud.com`. */
    baseUrl: z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" }),
    /** The data centre (账套) id. */
    acctId: z.string().trim().min(1).max(64),
    username: z.string().trim().min(1).max(100),
    /** `ValidateUser` with a password, or `LoginByAppSecret` with a third-party app's id and secret. */
    login: loginSchema,
    lcid: z.number().int().default(KINGDEE_LCID_ZH_CN),
    formId: z.string().trim().min(1).max(64).default(KINGDEE_SALES_ORDER_FORM),
    billTypeNumber: numberSchema.default(KINGDEE_STANDARD_BILL_TYPE),
    /** 销售组织 number. */
    saleOrgNumber: numberSchema,
    /** 销售员 number, when the group books orders to one. */
    salerNumber: numberSchema.optional(),
    /** 结算币别 numbers by ISO currency. */
    currencyNumbers: z
      .record(z.string().regex(/^[A-Z]{3}$/), numberSchema)
      .default({ CNY: "PRE001" }),
    /**
     * `order_number`: the bill number (`FBillNo`) is the hub's order number. `kingdee`: Kingdee
     * numbers the bill, and the hub's order number goes into `externalNumberField`.
     */
    billNumber: z.enum(["order_number", "kingdee"]).default("order_number"),
    externalNumberField: fieldKeySchema.optional(),
    /** The customer orders go to when the hub knows no Kingdee customer (a 散客 walk-in customer). */
    customerNumber: numberSchema.optional(),
    /** Material numbers by line kind, and by the line's own code (which wins). */
    materials: z
      .strictObject({
        default: numberSchema.optional(),
        vehicle: numberSchema.optional(),
        option: numberSchema.optional(),
        accessory: numberSchema.optional(),
        fee: numberSchema.optional(),
      })
      .default({}),
    materialByCode: z.record(z.string(), numberSchema).default({}),
    /** Submit after saving, and audit after submitting (audit implies submit). */
    submit: z.boolean().default(false),
    audit: z.boolean().default(false),
    /** Extra fields for the bill header and each entry (tenant-specific required fields). */
    headerFields: z.record(fieldKeySchema, jsonValueSchema).default({}),
    entryFields: z.record(fieldKeySchema, jsonValueSchema).default({}),
    timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
  })
  .refine((config) => config.billNumber === "order_number" || config.externalNumberField, {
    path: ["externalNumberField"],
    message: "is required when Kingdee numbers the bills (billNumber: kingdee)",
  });
export type KingdeeConfig = z.output<typeof kingdeeConfigSchema>;
