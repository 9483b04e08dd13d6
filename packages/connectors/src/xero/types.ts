import { z } from "zod";

/**
 * Xero Accounting API shapes (`/api.xro/2.0`), as documented: collections wrapped in their plural
 * name, validation failures as `ValidationException` with `Elements[].ValidationErrors`, auth
 * failures as problem details. Objects are loose: Xero adds fields.
 */

export const xeroContactSchema = z.looseObject({
  ContactID: z.string(),
  Name: z.string(),
  ContactNumber: z.string().optional(),
  EmailAddress: z.string().optional(),
  ContactStatus: z.string().optional(),
  Phones: z
    .array(z.looseObject({ PhoneType: z.string().optional(), PhoneNumber: z.string().optional() }))
    .optional(),
});
export type XeroContact = z.input<typeof xeroContactSchema>;

export const xeroLineItemSchema = z.looseObject({
  LineItemID: z.string().optional(),
  Description: z.string().optional(),
  Quantity: z.number().optional(),
  UnitAmount: z.number().optional(),
  AccountCode: z.string().optional(),
  TaxType: z.string().optional(),
  LineAmount: z.number().optional(),
});
export type XeroLineItem = z.input<typeof xeroLineItemSchema>;

export const xeroInvoiceSchema = z.looseObject({
  InvoiceID: z.string(),
  Type: z.string(),
  InvoiceNumber: z.string().optional(),
  Reference: z.string().optional(),
  Status: z.string(),
  Contact: z.looseObject({ ContactID: z.string().optional(), Name: z.string().optional() }),
  Date: z.string().optional(),
  DueDate: z.string().optional(),
  LineAmountTypes: z.string().optional(),
  LineItems: z.array(xeroLineItemSchema).optional(),
  Total: z.number().optional(),
  CurrencyCode: z.string().optional(),
});
export type XeroInvoice = z.input<typeof xeroInvoiceSchema>;

export const xeroInvoicesSchema = z.looseObject({ Invoices: z.array(xeroInvoiceSchema) });
export const xeroContactsSchema = z.looseObject({ Contacts: z.array(xeroContactSchema) });
export const xeroOrganisationsSchema = z.looseObject({
  Organisations: z.array(z.looseObject({ Name: z.string() })).min(1),
});

/** A successful answer: the envelope around the collection. */
export interface XeroEnvelope {
  Id: string;
  Status: "OK";
  ProviderName: string;
  DateTimeUTC: string;
  Invoices?: XeroInvoice[];
  Contacts?: XeroContact[];
  Organisations?: { Name: string; CountryCode?: string; BaseCurrency?: string }[];
}

export const xeroValidationErrorSchema = z.looseObject({
  ErrorNumber: z.number().optional(),
  Type: z.literal("ValidationException"),
  Message: z.string().optional(),
  Elements: z
    .array(
      z.looseObject({
        ValidationErrors: z.array(z.looseObject({ Message: z.string() })).default([]),
      }),
    )
    .default([]),
});

/** A 400 for invalid data; each element echoes what was sent, with its `ValidationErrors`. */
export interface XeroValidationErrorBody {
  ErrorNumber: 10;
  Type: "ValidationException";
  Message: "A validation exception occurred";
  Elements: (Record<string, unknown> & { ValidationErrors: { Message: string }[] })[];
}

/** 401 and 403: problem details (`Detail: "TokenExpired: …"`, `"AuthenticationUnsuccessful"`). */
export interface XeroProblemBody {
  Type: string | null;
  Title: string;
  Status: number;
  Detail: string;
  Instance: string;
  Extensions: Record<string, unknown>;
}
