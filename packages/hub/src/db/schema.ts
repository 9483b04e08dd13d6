import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Drizzle's view of the tables created by the SQL files in ./migrations (the migrations are the
 * source of truth; keep the two in step). Personal data lives only in `*_ciphertext` columns,
 * with a keyed `*_index` beside it for lookups.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const stored = {
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  version: integer("version").notNull().default(1),
};

export const tenants = pgTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  ...stored,
});

export const stores = pgTable("stores", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  name: text("name").notNull(),
  code: text("code").notNull(),
  region: text("region").notNull(),
  city: text("city"),
  address: text("address"),
  timeZone: text("time_zone").notNull(),
  brands: jsonb("brands").$type<string[]>().notNull(),
  businessHours: jsonb("business_hours")
    .$type<{ weekday: number; opens: string; closes: string }[]>()
    .notNull(),
  calendar: jsonb("calendar").$type<{ holidays: string[]; extraWorkdays: string[] }>().notNull(),
  managerId: text("manager_id"),
  ...stored,
});

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  storeId: text("store_id").notNull(),
  name: text("name").notNull(),
  leaderId: text("leader_id"),
  ...stored,
});

export const salespeople = pgTable("salespeople", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  storeId: text("store_id").notNull(),
  teamId: text("team_id"),
  name: text("name").notNull(),
  role: text("role").notNull(),
  phoneCiphertext: text("phone_ciphertext"),
  phoneIndex: text("phone_index"),
  emailCiphertext: text("email_ciphertext"),
  emailIndex: text("email_index"),
  brands: jsonb("brands").$type<string[]>().notNull(),
  regions: jsonb("regions").$type<string[]>().notNull(),
  customerTypes: jsonb("customer_types").$type<string[]>().notNull(),
  shifts: jsonb("shifts").$type<{ weekday: number; starts: string; ends: string }[]>().notNull(),
  daysOff: jsonb("days_off").$type<string[]>().notNull(),
  active: boolean("active").notNull(),
  maxOpenLeads: integer("max_open_leads"),
  ...stored,
});

export const apiKeys = pgTable("api_keys", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  name: text("name").notNull(),
  keyHash: text("key_hash").notNull(),
  keyHint: text("key_hint").notNull(),
  role: text("role").notNull(),
  storeId: text("store_id"),
  salespersonId: text("salesperson_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastUsedAt: ts("last_used_at"),
  revokedAt: ts("revoked_at"),
});

export const auditEvents = pgTable("audit_events", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  actorKeyId: text("actor_key_id"),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  requestId: text("request_id"),
  beforeDigest: text("before_digest"),
  afterDigest: text("after_digest"),
  occurredAt: ts("occurred_at").notNull().defaultNow(),
});

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: text("tenant_id").notNull(),
    apiKeyId: text("api_key_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    statusCode: integer("status_code"),
    responseBody: jsonb("response_body"),
    createdAt: ts("created_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.apiKeyId, t.key] })],
);

export const events = pgTable("events", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  type: text("type").notNull(),
  entityType: text("entity_type"),
  entityId: text("entity_id"),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  occurredAt: ts("occurred_at").notNull().defaultNow(),
});

export const customers = pgTable("customers", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  type: text("type").notNull(),
  name: text("name"),
  companyName: text("company_name"),
  phoneCiphertext: text("phone_ciphertext"),
  phoneIndex: text("phone_index"),
  emailCiphertext: text("email_ciphertext"),
  emailIndex: text("email_index"),
  wechatCiphertext: text("wechat_ciphertext"),
  wechatIndex: text("wechat_index"),
  region: text("region"),
  city: text("city"),
  attributes: jsonb("attributes").$type<Record<string, string>>().notNull(),
  // 0002_leads.sql: the profile beyond the main contacts, encrypted; blind indexes of every
  // phone and email for lookups.
  fleetSize: integer("fleet_size"),
  detailsCiphertext: text("details_ciphertext"),
  contactIndexes: text("contact_indexes").array().notNull().default([]),
  preferredContact: text("preferred_contact"),
  consent: jsonb("consent")
    .$type<{ marketing: boolean; channels: string[]; recordedAt?: string; source?: string }>()
    .notNull()
    .default({ marketing: false, channels: [] }),
  storeId: text("store_id"),
  salespersonId: text("salesperson_id"),
  leadId: text("lead_id"),
  tags: jsonb("tags").$type<string[]>().notNull().default([]),
  ...stored,
});

export const leads = pgTable("leads", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  customerId: text("customer_id"),
  status: text("status").notNull(),
  source: text("source").notNull(),
  channel: text("channel").notNull(),
  campaignId: text("campaign_id"),
  externalId: text("external_id"),
  customerType: text("customer_type").notNull(),
  contactName: text("contact_name"),
  phoneCiphertext: text("phone_ciphertext"),
  phoneIndex: text("phone_index"),
  emailCiphertext: text("email_ciphertext"),
  emailIndex: text("email_index"),
  wechatCiphertext: text("wechat_ciphertext"),
  wechatIndex: text("wechat_index"),
  preferredContact: text("preferred_contact"),
  companyName: text("company_name"),
  fleetSize: integer("fleet_size"),
  region: text("region"),
  city: text("city"),
  storeId: text("store_id"),
  teamId: text("team_id"),
  salespersonId: text("salesperson_id"),
  interest: jsonb("interest").$type<Record<string, unknown>>().notNull(),
  budget: jsonb("budget").$type<Record<string, unknown>>(),
  timeframe: text("timeframe").notNull(),
  intent: text("intent").notNull(),
  engagement: jsonb("engagement").$type<Record<string, boolean>>().notNull(),
  message: text("message"),
  attributes: jsonb("attributes").$type<Record<string, string>>().notNull(),
  consent: jsonb("consent").$type<{ marketing: boolean }>(),
  grade: text("grade"),
  gradeReasons: jsonb("grade_reasons").$type<{ code: string; message: string }[]>().notNull(),
  gradeOverride: jsonb("grade_override").$type<{ grade: string; reason: string; by: string }>(),
  assignmentReasons: jsonb("assignment_reasons")
    .$type<{ code: string; message: string }[]>()
    .notNull(),
  lostReason: text("lost_reason"),
  opportunityId: text("opportunity_id"),
  receivedAt: ts("received_at").notNull().defaultNow(),
  assignedAt: ts("assigned_at"),
  firstContactAt: ts("first_contact_at"),
  lastActivityAt: ts("last_activity_at"),
  touchpointCount: integer("touchpoint_count").notNull().default(1),
  // 0002_leads.sql: what the rating scheme computed, kept beside a person's override.
  computedGrade: text("computed_grade"),
  gradeScore: doublePrecision("grade_score"),
  ...stored,
});

export const touchpoints = pgTable("touchpoints", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  leadId: text("lead_id").notNull(),
  source: text("source").notNull(),
  channel: text("channel").notNull(),
  campaignId: text("campaign_id"),
  externalId: text("external_id"),
  occurredAt: ts("occurred_at").notNull(),
  interest: jsonb("interest").$type<Record<string, unknown>>(),
  message: text("message"),
  attributes: jsonb("attributes").$type<Record<string, string>>().notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const followUpTasks = pgTable("follow_up_tasks", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  leadId: text("lead_id").notNull(),
  salespersonId: text("salesperson_id"),
  kind: text("kind").notNull(),
  status: text("status").notNull(),
  dueAt: ts("due_at").notNull(),
  snoozedUntil: ts("snoozed_until"),
  completedAt: ts("completed_at"),
  note: text("note"),
  reasons: jsonb("reasons").$type<{ code: string; message: string }[]>().notNull(),
  // 0002_leads.sql: place in the follow-up plan and escalation of an unfinished task.
  sequence: integer("sequence").notNull().default(0),
  escalateAt: ts("escalate_at"),
  escalateToId: text("escalate_to_id"),
  ...stored,
});

export const assignmentState = pgTable(
  "assignment_state",
  {
    tenantId: text("tenant_id").notNull(),
    poolKey: text("pool_key").notNull(),
    state: jsonb("state").$type<Record<string, unknown>>().notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.poolKey] })],
);

/** A tenant's assignment rules (0002_leads.sql); no row means the default rules. */
export const assignmentRules = pgTable("assignment_rules", {
  tenantId: text("tenant_id").primaryKey(),
  rules: jsonb("rules").$type<Record<string, unknown>[]>().notNull(),
  fallback: text("fallback").notNull(),
  ...stored,
});

// ── Opportunities (0003_opportunities.sql) ──

export const opportunities = pgTable("opportunities", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  leadId: text("lead_id"),
  customerId: text("customer_id"),
  salespersonId: text("salesperson_id").notNull(),
  storeId: text("store_id").notNull(),
  teamId: text("team_id"),
  campaignId: text("campaign_id"),
  vehicle: jsonb("vehicle").$type<Record<string, unknown>>().notNull(),
  expectedValueAmount: bigint("expected_value_amount", { mode: "number" }).notNull(),
  expectedValueCurrency: text("expected_value_currency").notNull(),
  expectedCloseDate: date("expected_close_date", { mode: "string" }).notNull(),
  probabilityOverride: doublePrecision("probability_override"),
  stage: text("stage").notNull(),
  lossReason: jsonb("loss_reason").$type<Record<string, unknown>>(),
  wonOrderId: text("won_order_id"),
  wonOrderReference: text("won_order_reference"),
  closedAt: ts("closed_at"),
  lastActivityAt: ts("last_activity_at"),
  activityCount: integer("activity_count").notNull().default(0),
  ...stored,
});

export const opportunityStageHistory = pgTable(
  "opportunity_stage_history",
  {
    tenantId: text("tenant_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    seq: integer("seq").notNull(),
    stage: text("stage").notNull(),
    enteredAt: ts("entered_at").notNull(),
    by: text("by").notNull(),
    note: text("note"),
    lossReason: jsonb("loss_reason").$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.opportunityId, t.seq] })],
);

export const opportunityOwnerChanges = pgTable(
  "opportunity_owner_changes",
  {
    tenantId: text("tenant_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    seq: integer("seq").notNull(),
    fromSalespersonId: text("from_salesperson_id").notNull(),
    toSalespersonId: text("to_salesperson_id").notNull(),
    fromStoreId: text("from_store_id"),
    toStoreId: text("to_store_id"),
    at: ts("at").notNull(),
    by: text("by").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.opportunityId, t.seq] })],
);

export const opportunityActivities = pgTable("opportunity_activities", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  opportunityId: text("opportunity_id").notNull(),
  type: text("type").notNull(),
  occurredAt: ts("occurred_at").notNull(),
  bySalespersonId: text("by_salesperson_id").notNull(),
  details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  ...stored,
});

// ── Orders (0004_orders.sql) ──

export const orders = pgTable("orders", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  orderNumber: text("order_number").notNull(),
  status: text("status").notNull(),
  customerId: text("customer_id").notNull(),
  storeId: text("store_id").notNull(),
  salespersonId: text("salesperson_id").notNull(),
  opportunityId: text("opportunity_id"),
  leadId: text("lead_id"),
  campaignId: text("campaign_id"),
  vehicle: jsonb("vehicle").$type<Record<string, unknown>>().notNull(),
  allocatedVehicleId: text("allocated_vehicle_id"),
  lines: jsonb("lines").$type<Record<string, unknown>[]>().notNull(),
  totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
  currency: text("currency").notNull(),
  tradeIn: jsonb("trade_in").$type<Record<string, unknown>>(),
  financing: jsonb("financing").$type<Record<string, unknown>>(),
  requestedDeliveryDate: date("requested_delivery_date", { mode: "string" }),
  expectedDeliveryDate: date("expected_delivery_date", { mode: "string" }),
  contractId: text("contract_id"),
  termsVersion: integer("terms_version").notNull().default(1),
  approvals: jsonb("approvals").$type<Record<string, unknown>[]>().notNull(),
  statusHistory: jsonb("status_history").$type<Record<string, unknown>[]>().notNull(),
  cancelReason: text("cancel_reason"),
  deliveredAt: ts("delivered_at"),
  notes: text("notes"),
  attributes: jsonb("attributes").$type<Record<string, string>>().notNull(),
  syncStatus: jsonb("sync_status").$type<Record<string, unknown>>().notNull().default({}),
  ...stored,
});

export const orderVersions = pgTable(
  "order_versions",
  {
    tenantId: text("tenant_id").notNull(),
    orderId: text("order_id").notNull(),
    version: integer("version").notNull(),
    changeId: text("change_id"),
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.orderId, t.version] })],
);

export const orderChanges = pgTable("order_changes", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  orderId: text("order_id").notNull(),
  kind: text("kind").notNull(),
  status: text("status").notNull(),
  baseVersion: integer("base_version").notNull(),
  resultingVersion: integer("resulting_version"),
  record: jsonb("record").$type<Record<string, unknown>>().notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

export const orderApprovals = pgTable(
  "order_approvals",
  {
    tenantId: text("tenant_id").notNull(),
    orderId: text("order_id").notNull(),
    seq: integer("seq").notNull(),
    approverId: text("approver_id").notNull(),
    role: text("role").notNull(),
    decision: text("decision").notNull(),
    rules: jsonb("rules").$type<string[]>().notNull(),
    note: text("note"),
    apiKeyId: text("api_key_id"),
    decidedAt: ts("decided_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.orderId, t.seq] })],
);

export const contractTemplates = pgTable(
  "contract_templates",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    templateVersion: text("template_version"),
    kind: text("kind").notNull(),
    body: text("body").notNull(),
    ...stored,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const contracts = pgTable("contracts", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  orderId: text("order_id").notNull(),
  orderVersion: integer("order_version").notNull(),
  templateId: text("template_id").notNull(),
  templateVersion: text("template_version"),
  status: text("status").notNull(),
  renderedText: text("rendered_text").notNull(),
  renderedSha256: text("rendered_sha256").notNull(),
  signedBy: jsonb("signed_by").$type<Record<string, unknown>[]>().notNull(),
  signedAt: ts("signed_at"),
  documentRef: text("document_ref"),
  voidedAt: ts("voided_at"),
  voidReason: text("void_reason"),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

export const orderNumberCounters = pgTable(
  "order_number_counters",
  {
    tenantId: text("tenant_id").notNull(),
    storeId: text("store_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.storeId, t.day] })],
);

export const orderRules = pgTable("order_rules", {
  tenantId: text("tenant_id").primaryKey(),
  approval: jsonb("approval").$type<Record<string, unknown>>(),
  tax: jsonb("tax").$type<Record<string, unknown>>(),
  changes: jsonb("changes").$type<Record<string, unknown>>(),
  ...stored,
});

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  url: text("url").notNull(),
  description: text("description"),
  eventTypes: text("event_types").array().notNull(),
  status: text("status").$type<"active" | "disabled">().notNull().default("active"),
  disabledReason: text("disabled_reason"),
  disabledAt: ts("disabled_at"),
  secretCiphertext: text("secret_ciphertext").notNull(),
  previousSecretCiphertext: text("previous_secret_ciphertext"),
  previousSecretExpiresAt: ts("previous_secret_expires_at"),
  deletedAt: ts("deleted_at"),
  ...stored,
});

export const webhookEventFanouts = pgTable("webhook_event_fanouts", {
  eventId: text("event_id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  deliveryCount: integer("delivery_count").notNull().default(0),
  fannedOutAt: ts("fanned_out_at").notNull().defaultNow(),
});

export const webhookDeliveries = pgTable("webhook_deliveries", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  endpointId: text("endpoint_id").notNull(),
  eventId: text("event_id").notNull(),
  eventType: text("event_type").notNull(),
  status: text("status")
    .$type<"pending" | "succeeded" | "failed" | "dead">()
    .notNull()
    .default("pending"),
  series: integer("series").notNull().default(1),
  attemptCount: integer("attempt_count").notNull().default(0),
  nextAttemptAt: ts("next_attempt_at"),
  lastAttemptAt: ts("last_attempt_at"),
  lastResponseStatus: integer("last_response_status"),
  lastResponseBody: text("last_response_body"),
  lastError: text("last_error"),
  succeededAt: ts("succeeded_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const webhookDeliveryAttempts = pgTable("webhook_delivery_attempts", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  deliveryId: text("delivery_id").notNull(),
  series: integer("series").notNull(),
  attempt: integer("attempt").notNull(),
  startedAt: ts("started_at").notNull(),
  durationMs: integer("duration_ms").notNull(),
  responseStatus: integer("response_status"),
  responseBody: text("response_body"),
  error: text("error"),
  outcome: text("outcome").$type<"succeeded" | "retry" | "failed" | "dead">().notNull(),
  nextAttemptAt: ts("next_attempt_at"),
});

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

export const connections = pgTable("connections", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  connectorId: text("connector_id").notNull(),
  name: text("name").notNull(),
  status: text("status")
    .$type<"active" | "disabled" | "needs_reauth">()
    .notNull()
    .default("active"),
  statusReason: text("status_reason"),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  storeId: text("store_id"),
  campaignId: text("campaign_id"),
  pullIntervalMs: integer("pull_interval_ms"),
  checkpoint: jsonb("checkpoint").$type<Record<string, unknown> | null>(),
  pullLeaseUntil: ts("pull_lease_until"),
  pullPausedUntil: ts("pull_paused_until"),
  lastPullAt: ts("last_pull_at"),
  lastPullError: text("last_pull_error"),
  oauthAccessTokenCiphertext: text("oauth_access_token_ciphertext"),
  oauthRefreshTokenCiphertext: text("oauth_refresh_token_ciphertext"),
  oauthExpiresAt: ts("oauth_expires_at"),
  hookId: text("hook_id").notNull(),
  ...stored,
});

export const inbox = pgTable("inbox", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  connectionId: text("connection_id").notNull(),
  eventKey: text("event_key").notNull(),
  origin: text("origin").$type<"webhook" | "pull" | "replay" | "upload">().notNull(),
  status: text("status")
    .$type<"received" | "processing" | "processed" | "dead" | "ignored_test">()
    .notNull()
    .default("received"),
  rawBody: bytea("raw_body").notNull(),
  headers: jsonb("headers").$type<Record<string, string>>().notNull(),
  contentType: text("content_type"),
  event: jsonb("event").$type<Record<string, unknown> | null>(),
  receivedAt: ts("received_at").notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
  // 0009_inbox_waits.sql: how many of `attempts` a vendor's rate limit turned away.
  waits: integer("waits").notNull().default(0),
  run: integer("run").notNull().default(0),
  nextAttemptAt: ts("next_attempt_at"),
  lastError: text("last_error"),
  errorCode: text("error_code"),
  leadId: text("lead_id"),
  processedAt: ts("processed_at"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
