import { describe, expect, expectTypeOf, it } from "vitest";
import { ValidationError } from "../errors.js";
import { parseInput } from "../validate.js";
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
  webhookEventSchema,
} from "./events.js";

const at = "2026-11-27T01:30:00.000Z";
const envelope = (type: string, data: Record<string, unknown>) => ({
  type,
  id: "evt_01JF3Q6Z8X4M2W9KX7V1B5N0TC",
  timestamp: at,
  data,
});

/** One delivery of each type, shaped as the hub records them. */
const orderSample = {
  orderId: "ord_1",
  orderNumber: "BJ01-20261127-0001",
  status: "approved",
  storeId: "sto_1",
  salespersonId: "sp_1",
  version: 3,
};

const samples: Record<WebhookEventType, Record<string, unknown>> = {
  "lead.created": {
    leadId: "lead_1",
    source: "autohome",
    channel: "portal",
    grade: "H",
    storeId: null,
    customerId: null,
    taskIds: ["task_1"],
  },
  "lead.merged": {
    leadId: "lead_1",
    touchpointId: "ltp_2",
    matchedBy: "phone",
    source: "dongchedi",
    channel: "portal",
    salespersonId: null,
    touchpointCount: 2,
  },
  "lead.assigned": {
    leadId: "lead_1",
    salespersonId: "sp_1",
    storeId: "sto_1",
    teamId: null,
    ruleId: "rule_weekend",
    strategy: "round_robin",
  },
  "lead.follow_up_due": {
    leadId: "lead_1",
    taskId: "task_1",
    taskKind: "first_call",
    salespersonId: "sp_1",
    dueAt: at,
  },
  "lead.follow_up_overdue": {
    leadId: "lead_1",
    taskId: "task_1",
    taskKind: "first_call",
    salespersonId: "sp_1",
    dueAt: at,
    escalateAt: at,
    escalateToId: "sp_manager",
  },
  "order.status_changed": {
    orderId: "ord_1",
    orderNumber: "BJ01-20261127-0001",
    from: "arrived",
    to: "delivered",
    at,
    by: "sp_1",
  },
  "order.synced": {
    orderId: "ord_1",
    orderVersion: 2,
    connectionId: "conn_1",
    destination: "kingdee",
    externalRef: "XSDD000123",
  },
  "order.sync_failed": {
    orderId: "ord_1",
    orderVersion: 2,
    connectionId: "conn_1",
    destination: "sap",
    error: { code: "400", message: "Material does not exist" },
    attempts: 8,
    deadLettered: true,
  },
  "connection.auth_failed": {
    connectionId: "conn_1",
    provider: "xero",
    status: "needs_reauth",
    reason: "invalid_grant",
  },
  "order.created": orderSample,
  "order.approved": orderSample,
  "order.change_requested": orderSample,
  "order.changed": orderSample,
  "order.contract_generated": orderSample,
  "order.contract_signed": orderSample,
  "webhook.test": { endpointId: "whe_1", message: "A test delivery from Forecourt" },
};

describe("webhookEventSchema", () => {
  it.each(WEBHOOK_EVENT_TYPES)("parses a %s delivery", (type) => {
    const parsed = parseInput(webhookEventSchema, envelope(type, samples[type]), "event");
    expect(parsed).toEqual(envelope(type, samples[type]));
  });

  it("lists the event types the hub records", () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([
      "lead.created",
      "lead.merged",
      "lead.assigned",
      "lead.follow_up_due",
      "lead.follow_up_overdue",
      "order.created",
      "order.status_changed",
      "order.approved",
      "order.change_requested",
      "order.changed",
      "order.contract_generated",
      "order.contract_signed",
      "order.synced",
      "order.sync_failed",
      "connection.auth_failed",
      "webhook.test",
    ]);
  });

  it("refuses a delivery missing what receivers rely on", () => {
    const issues = (value: unknown) => {
      try {
        parseInput(webhookEventSchema, value, "event");
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => i.path);
      }
      throw new Error("expected a ValidationError");
    };
    expect(
      issues(envelope("order.synced", { ...samples["order.synced"], externalRef: undefined })),
    ).toEqual(["data.externalRef"]);
    expect(
      issues(
        envelope("order.status_changed", { ...samples["order.status_changed"], to: "shipped" }),
      ),
    ).toEqual(["data.to"]);
    expect(
      issues({ ...envelope("lead.created", samples["lead.created"]), timestamp: "yesterday" }),
    ).toEqual(["timestamp"]);
    expect(issues(envelope("lead.deleted", {}))).toEqual(["type"]);
  });

  it("types each event by its type", () => {
    expectTypeOf<WebhookEventOf<"order.status_changed">["data"]["to"]>().toEqualTypeOf<
      | "draft"
      | "submitted"
      | "approved"
      | "contracted"
      | "allocated"
      | "in_transit"
      | "arrived"
      | "delivered"
      | "cancelled"
    >();
    expectTypeOf<
      WebhookEventOf<"lead.assigned">["data"]["salespersonId"]
    >().toEqualTypeOf<string>();
    expectTypeOf<WebhookEvent["type"]>().toEqualTypeOf<WebhookEventType>();
  });
});
