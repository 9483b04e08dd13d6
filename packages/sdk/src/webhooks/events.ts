import { z } from "zod";
import { orderStatusSchema } from "../orders/status.js";
import { timestampSchema } from "../primitives/time.js";

/*
 * The events the hub delivers, as `{ type, id, timestamp, data }`. Payloads carry ids, statuses
 * and reasons, never contact details: a receiver looks the record up with the client when it
 * needs more. Data objects are loose: fields the hub adds later pass through untouched, so a
 * receiver built today keeps verifying tomorrow's deliveries. Ids are plain strings here (the
 * hub's own formats may grow); timestamps are ISO 8601 with an offset.
 */

const id = z.string().min(1);
const optionalId = id.nullish();

function event<const T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    type: z.literal(type),
    /** The event's id (`evt_…`): the same on every delivery and retry of this event. */
    id,
    /** When the event happened. */
    timestamp: timestampSchema,
    data,
  });
}

export const leadCreatedEventSchema = event(
  "lead.created",
  z.looseObject({
    leadId: id,
    source: z.string(),
    channel: z.string().nullish(),
    grade: z.string().nullish(),
    storeId: optionalId,
    customerId: optionalId,
    taskIds: z.array(id).optional(),
  }),
);

export const leadMergedEventSchema = event(
  "lead.merged",
  z.looseObject({
    leadId: id,
    touchpointId: optionalId,
    matchedBy: z.string().nullish(),
    source: z.string().nullish(),
    channel: z.string().nullish(),
    salespersonId: optionalId,
    touchpointCount: z.number().int().optional(),
  }),
);

export const leadAssignedEventSchema = event(
  "lead.assigned",
  z.looseObject({
    leadId: id,
    salespersonId: id,
    storeId: optionalId,
    teamId: optionalId,
    previousSalespersonId: optionalId,
    ruleId: optionalId,
    /** `round_robin`, `least_loaded`, `manual` … */
    strategy: z.string().nullish(),
  }),
);

const followUp = {
  leadId: id,
  taskId: id,
  taskKind: z.string().nullish(),
  salespersonId: optionalId,
  dueAt: timestampSchema,
};

export const leadFollowUpDueEventSchema = event("lead.follow_up_due", z.looseObject(followUp));

export const leadFollowUpOverdueEventSchema = event(
  "lead.follow_up_overdue",
  z.looseObject({
    ...followUp,
    escalateAt: timestampSchema.nullish(),
    escalateToId: optionalId,
  }),
);

export const orderStatusChangedEventSchema = event(
  "order.status_changed",
  z.looseObject({
    orderId: id,
    orderNumber: z.string(),
    from: orderStatusSchema,
    to: orderStatusSchema,
    at: timestampSchema,
    by: optionalId,
    reason: z.string().nullish(),
  }),
);

/** The destination system an order was pushed to, and the connection used. */
const destination = {
  orderId: id,
  orderNumber: z.string().nullish(),
  /** The order's terms version that was pushed (the idempotency key is order id + version). */
  orderVersion: z.number().int().min(1),
  connectionId: id,
  /** `xero`, `quickbooks`, `kingdee`, `yonyou`, `sap`, `odoo`, `webhook` … */
  destination: z.string(),
};

export const orderSyncedEventSchema = event(
  "order.synced",
  z.looseObject({
    ...destination,
    /** The order's id or number in the destination system. */
    externalRef: z.string(),
  }),
);

export const orderSyncFailedEventSchema = event(
  "order.sync_failed",
  z.looseObject({
    ...destination,
    error: z.looseObject({ code: z.string().nullish(), message: z.string() }),
    attempts: z.number().int().min(1).optional(),
    /** True when no more retries will run: the push waits in the dead letters for a replay. */
    deadLettered: z.boolean().optional(),
  }),
);

export const connectionAuthFailedEventSchema = event(
  "connection.auth_failed",
  z.looseObject({
    connectionId: id,
    /** `xero`, `quickbooks`, `meta` … */
    provider: z.string(),
    /** The connection's status afterwards: jobs for it wait until it is authorised again. */
    status: z.string().optional(),
    reason: z.string().nullish(),
  }),
);

/** What every other order event carries: the order as it stands after the change. */
const orderSnapshot = {
  orderId: id,
  orderNumber: z.string(),
  status: orderStatusSchema,
  storeId: optionalId,
  salespersonId: optionalId,
  version: z.number().int().min(1),
};

function orderEvent<const T extends string>(type: T) {
  return event(type, z.looseObject(orderSnapshot));
}

export const orderCreatedEventSchema = orderEvent("order.created");
/** Every approval the rules asked for is in; pushes to finance and ERP systems follow. */
export const orderApprovedEventSchema = orderEvent("order.approved");
export const orderChangeRequestedEventSchema = orderEvent("order.change_requested");
export const orderChangedEventSchema = orderEvent("order.changed");
export const orderContractGeneratedEventSchema = orderEvent("order.contract_generated");
export const orderContractSignedEventSchema = orderEvent("order.contract_signed");

/** Sent on request to one endpoint, to check that it receives and verifies deliveries. */
export const webhookTestEventSchema = event(
  "webhook.test",
  z.looseObject({ endpointId: id, message: z.string() }),
);

/** Every event the hub delivers, told apart by `type`. */
export const webhookEventSchema = z.discriminatedUnion("type", [
  leadCreatedEventSchema,
  leadMergedEventSchema,
  leadAssignedEventSchema,
  leadFollowUpDueEventSchema,
  leadFollowUpOverdueEventSchema,
  orderCreatedEventSchema,
  orderStatusChangedEventSchema,
  orderApprovedEventSchema,
  orderChangeRequestedEventSchema,
  orderChangedEventSchema,
  orderContractGeneratedEventSchema,
  orderContractSignedEventSchema,
  orderSyncedEventSchema,
  orderSyncFailedEventSchema,
  connectionAuthFailedEventSchema,
  webhookTestEventSchema,
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type WebhookEventType = WebhookEvent["type"];
/** The event of one type: `WebhookEventOf<"order.synced">`. */
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.freeze(
  webhookEventSchema.options.map((option) => option.shape.type.value),
);
