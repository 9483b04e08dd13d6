import { z } from "zod";
import { storedFields } from "../common.js";
import { idSchema } from "../primitives/ids.js";
import { timestampSchema } from "../primitives/time.js";

export const complaintCategorySchema = z.enum([
  "product_quality",
  "sales_service",
  "after_sales_service",
  "delivery",
  "pricing",
  "financing",
  "staff_attitude",
  "other",
]);
export type ComplaintCategory = z.infer<typeof complaintCategorySchema>;

export const complaintSeveritySchema = z.enum(["low", "medium", "high", "critical"]);
export type ComplaintSeverity = z.infer<typeof complaintSeveritySchema>;

/** Where the complaint came in; `regulator` covers 12315 and similar consumer-protection referrals. */
export const complaintChannelSchema = z.enum([
  "phone",
  "email",
  "walk_in",
  "social",
  "survey",
  "regulator",
  "other",
]);
export type ComplaintChannel = z.infer<typeof complaintChannelSchema>;

export const complaintStatusSchema = z.enum(["open", "in_progress", "resolved", "closed"]);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

/**
 * open → in_progress → resolved → closed. A resolution the customer does not accept sends the
 * complaint back to in_progress; an open complaint can be resolved on the first call.
 */
export const COMPLAINT_STATUS_TRANSITIONS: Readonly<
  Record<ComplaintStatus, readonly ComplaintStatus[]>
> = {
  open: ["in_progress", "resolved"],
  in_progress: ["resolved"],
  resolved: ["closed", "in_progress"],
  closed: [],
};

export const complaintInputSchema = z
  .strictObject({
    customerId: idSchema("customer"),
    storeId: idSchema("store"),
    category: complaintCategorySchema,
    severity: complaintSeveritySchema.default("medium"),
    channel: complaintChannelSchema.default("phone"),
    subject: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    description: z.string().trim().min(1, { message: "must not be empty" }).max(10_000),
    orderId: idSchema("order").optional(),
    vehicleId: idSchema("vehicle").optional(),
    /** Who works on it; left empty, the store's manager picks someone. */
    assigneeId: idSchema("salesperson").optional(),
    receivedAt: timestampSchema,
    /** The resolution time limit promised to the customer (or required by the regulator). */
    dueBy: timestampSchema.optional(),
  })
  .refine((c) => c.dueBy === undefined || Date.parse(c.dueBy) > Date.parse(c.receivedAt), {
    path: ["dueBy"],
    message: "must be after receivedAt",
  });
export type ComplaintInput = z.input<typeof complaintInputSchema>;

/** A status change: who moved it, when, and — when resolving — what was done. */
export const complaintStatusChangeInputSchema = z
  .strictObject({
    to: complaintStatusSchema,
    by: idSchema("salesperson"),
    at: timestampSchema,
    note: z.string().trim().max(10_000).optional(),
    /** What was done for the customer; required when the complaint is resolved. */
    resolutionNotes: z.string().trim().max(10_000).optional(),
  })
  .refine((change) => change.to !== "resolved" || !!change.resolutionNotes, {
    path: ["resolutionNotes"],
    message: "must say what was done when a complaint is resolved",
  });
export type ComplaintStatusChangeInput = z.input<typeof complaintStatusChangeInputSchema>;

export const complaintHistoryEntrySchema = z.object({
  from: complaintStatusSchema,
  to: complaintStatusSchema,
  by: idSchema("salesperson"),
  at: timestampSchema,
  note: z.string().optional(),
});
export type ComplaintHistoryEntry = z.infer<typeof complaintHistoryEntrySchema>;

export const complaintSchema = z.object({
  id: idSchema("complaint"),
  status: complaintStatusSchema,
  customerId: idSchema("customer"),
  storeId: idSchema("store"),
  category: complaintCategorySchema,
  severity: complaintSeveritySchema,
  channel: complaintChannelSchema,
  subject: z.string(),
  description: z.string(),
  orderId: idSchema("order").optional(),
  vehicleId: idSchema("vehicle").optional(),
  assigneeId: idSchema("salesperson").optional(),
  receivedAt: timestampSchema,
  dueBy: timestampSchema.optional(),
  resolution: z
    .object({ notes: z.string(), resolvedBy: idSchema("salesperson"), resolvedAt: timestampSchema })
    .optional(),
  closedAt: timestampSchema.optional(),
  history: z.array(complaintHistoryEntrySchema),
  ...storedFields,
});
export type Complaint = z.infer<typeof complaintSchema>;
