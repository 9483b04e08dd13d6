import { z } from "zod";

/**
 * `API_SALES_ORDER_SRV` shapes (OData V2, JSON): results wrapped in `d` (collections in
 * `d.results`), errors in `error` with the text at `error.message.value`.
 */

export const sapSalesOrderSchema = z.looseObject({
  SalesOrder: z.string().min(1),
  SalesOrderType: z.string().optional(),
  SalesOrganization: z.string().optional(),
  SoldToParty: z.string().optional(),
  PurchaseOrderByCustomer: z.string().optional(),
  TotalNetAmount: z.string().optional(),
  TransactionCurrency: z.string().optional(),
});
export type SapSalesOrder = z.input<typeof sapSalesOrderSchema>;

export const sapCreatedSchema = z.looseObject({ d: sapSalesOrderSchema });
export const sapCollectionSchema = z.looseObject({
  d: z.looseObject({ results: z.array(sapSalesOrderSchema) }),
});

export const sapErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.looseObject({ lang: z.string().optional(), value: z.string() }),
    innererror: z
      .looseObject({
        transactionid: z.string().optional(),
        errordetails: z
          .array(
            z.looseObject({
              code: z.string().optional(),
              message: z.string(),
              severity: z.string().optional(),
            }),
          )
          .optional(),
      })
      .optional(),
  }),
});

/** An OData V2 error body, as the mocks write it. */
export interface SapErrorBody {
  error: {
    code: string;
    message: { lang: string; value: string };
    innererror?: {
      transactionid?: string;
      errordetails?: { code: string; message: string; severity: "error" | "warning" | "info" }[];
    };
  };
}

/** The OAuth2 token endpoint's answer. */
export interface SapTokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}
