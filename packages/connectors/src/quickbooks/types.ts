import { z } from "zod";

/**
 * QuickBooks Online Accounting API shapes, as documented for minor version 75: entities are
 * wrapped in their name (`{ "Invoice": { … }, "time": … }`), queries in `QueryResponse`, errors
 * in `Fault`. Objects are loose: Intuit adds fields.
 */

const refSchema = z.looseObject({ value: z.string(), name: z.string().optional() });

export const qboCustomerSchema = z.looseObject({
  Id: z.string(),
  SyncToken: z.string().optional(),
  DisplayName: z.string(),
  CompanyName: z.string().optional(),
  PrimaryEmailAddr: z.looseObject({ Address: z.string().optional() }).optional(),
  PrimaryPhone: z.looseObject({ FreeFormNumber: z.string().optional() }).optional(),
  Active: z.boolean().optional(),
});
export type QboCustomer = z.input<typeof qboCustomerSchema>;

export const qboLineSchema = z.looseObject({
  Id: z.string().optional(),
  Amount: z.number(),
  Description: z.string().optional(),
  DetailType: z.string(),
  SalesItemLineDetail: z
    .looseObject({
      ItemRef: refSchema.optional(),
      Qty: z.number().optional(),
      UnitPrice: z.number().optional(),
      TaxCodeRef: refSchema.optional(),
    })
    .optional(),
});
export type QboLine = z.input<typeof qboLineSchema>;

/** An Invoice or a SalesReceipt: the fields this connector writes and reads back. */
export const qboSalesDocumentSchema = z.looseObject({
  Id: z.string(),
  SyncToken: z.string(),
  DocNumber: z.string().optional(),
  TxnDate: z.string().optional(),
  DueDate: z.string().optional(),
  CustomerRef: refSchema,
  PrivateNote: z.string().optional(),
  TotalAmt: z.number().optional(),
  Line: z.array(qboLineSchema).default([]),
});
export type QboSalesDocument = z.input<typeof qboSalesDocumentSchema>;

export const qboCompanyInfoSchema = z.looseObject({
  Id: z.string().optional(),
  CompanyName: z.string(),
  Country: z.string().optional(),
});
export type QboCompanyInfo = z.input<typeof qboCompanyInfoSchema>;

/** `GET …/query`: the entity's list under its name, absent when nothing matched. */
export const qboQueryResponseSchema = z.looseObject({
  QueryResponse: z.looseObject({
    Customer: z.array(qboCustomerSchema).optional(),
    Invoice: z.array(qboSalesDocumentSchema).optional(),
    SalesReceipt: z.array(qboSalesDocumentSchema).optional(),
    startPosition: z.number().optional(),
    maxResults: z.number().optional(),
  }),
  time: z.string().optional(),
});
export type QboQueryResponse = z.input<typeof qboQueryResponseSchema>;

export interface QboEntityResponse {
  Customer?: QboCustomer;
  Invoice?: QboSalesDocument;
  SalesReceipt?: QboSalesDocument;
  CompanyInfo?: QboCompanyInfo;
  time?: string;
}

/**
 * One error of a fault. Validation faults use `Message`/`Detail`/`code`; the authentication
 * fault of a 401 is spelled in lower case (`fault.error[].message`), so both are read.
 */
const qboErrorSchema = z
  .looseObject({
    Message: z.string().optional(),
    message: z.string().optional(),
    Detail: z.string().optional(),
    detail: z.string().optional(),
    code: z.string().optional(),
    element: z.string().optional(),
  })
  .transform((error) => ({
    message: error.Message ?? error.message ?? "",
    detail: error.Detail ?? error.detail,
    code: error.code,
    element: error.element || undefined,
  }));

export const qboFaultBodySchema = z
  .looseObject({
    Fault: z
      .looseObject({ Error: z.array(qboErrorSchema), type: z.string().optional() })
      .optional(),
    fault: z
      .looseObject({ error: z.array(qboErrorSchema), type: z.string().optional() })
      .optional(),
  })
  .transform((body, ctx) => {
    const fault = body.Fault
      ? { errors: body.Fault.Error, type: body.Fault.type }
      : body.fault
        ? { errors: body.fault.error, type: body.fault.type }
        : undefined;
    if (fault === undefined || fault.errors.length === 0) {
      ctx.addIssue({ code: "custom", message: "not a QuickBooks fault" });
      return z.NEVER;
    }
    return fault;
  });

/** The body of an error answer, as the mocks write it. */
export interface QboFaultBody {
  Fault: {
    Error: { Message: string; Detail?: string; code: string; element?: string }[];
    type: "ValidationFault" | "SystemFault" | "AuthenticationFault" | "AuthorizationFault" | string;
  };
  time: string;
}

/** The 401 body, lower case as Intuit sends it. */
export interface QboAuthFaultBody {
  fault: {
    error: { message: string; detail: string; code: string }[];
    type: "AUTHENTICATION";
  };
  time?: string;
}
