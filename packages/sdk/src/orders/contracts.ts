import { z } from "zod";
import { storedFields } from "../common.js";
import { externalIdSchema, idSchema } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";

/** SHA-256 of the rendered contract text, so the signed text can be proven unchanged. */
export const sha256HexSchema = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(
    z.string().regex(/^[0-9a-f]{64}$/, {
      message: "must be the SHA-256 of the rendered text as 64 hex digits",
    }),
  );

export const contractSignerSchema = z
  .strictObject({
    party: z.enum(["customer", "dealer", "guarantor"]),
    name: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    customerId: idSchema("customer").optional(),
    salespersonId: idSchema("salesperson").optional(),
  })
  .refine((signer) => signer.party !== "dealer" || signer.salespersonId !== undefined, {
    path: ["salespersonId"],
    message: "is required for the dealer's signatory",
  });
export type ContractSigner = z.infer<typeof contractSignerSchema>;

const signedBy = z
  .array(contractSignerSchema)
  .min(1, { message: "needs at least the customer's signature" })
  .max(10)
  .refine((signers) => signers.some((s) => s.party === "customer"), {
    message: "must include the customer's signature",
  });

export const contractStatusSchema = z.enum(["generated", "signed", "voided"]);
export type ContractStatus = z.infer<typeof contractStatusSchema>;

/** generated → signed; either can be voided (a changed order needs a new contract). */
export const CONTRACT_STATUS_TRANSITIONS: Readonly<
  Record<ContractStatus, readonly ContractStatus[]>
> = {
  generated: ["signed", "voided"],
  signed: ["voided"],
  voided: [],
};

/** A contract generated from a template with an order's data; signed now or recorded later. */
export const contractInputSchema = z
  .strictObject({
    orderId: idSchema("order"),
    /** The order version the contract was rendered from. */
    orderVersion: z.number().int().min(1),
    templateId: z.string().trim().min(1, { message: "must not be empty" }).max(100),
    templateVersion: z.string().trim().min(1).max(50).optional(),
    renderedSha256: sha256HexSchema,
    signedBy: signedBy.optional(),
    signedAt: timestampSchema.optional(),
    /** Where the signed scan or e-signature record is kept (a storage key, an e-sign envelope id). */
    documentRef: externalIdSchema.optional(),
  })
  .superRefine((contract, ctx) => {
    if (contract.signedBy && !contract.signedAt) {
      ctx.addIssue({ code: "custom", path: ["signedAt"], message: "is required with signedBy" });
    }
    if (contract.signedAt && !contract.signedBy) {
      ctx.addIssue({ code: "custom", path: ["signedBy"], message: "is required with signedAt" });
    }
  });
export type ContractInput = z.input<typeof contractInputSchema>;

/** Records the signature of a generated contract. */
export const contractSignatureInputSchema = z.strictObject({
  signedBy,
  signedAt: timestampSchema,
  documentRef: externalIdSchema.optional(),
});
export type ContractSignatureInput = z.input<typeof contractSignatureInputSchema>;

export const contractSchema = z.object({
  id: idSchema("contract"),
  status: contractStatusSchema,
  orderId: idSchema("order"),
  orderVersion: z.number().int().min(1),
  templateId: z.string(),
  templateVersion: z.string().optional(),
  renderedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signedBy: z.array(contractSignerSchema),
  signedAt: timestampSchema.optional(),
  documentRef: externalIdSchema.optional(),
  voidedAt: timestampSchema.optional(),
  voidReason: z.string().optional(),
  ...storedFields,
});
export type Contract = z.infer<typeof contractSchema>;
