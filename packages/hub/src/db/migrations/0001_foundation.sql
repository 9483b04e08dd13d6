-- Forecourt hub: tenants, organisation, keys, audit, idempotency, events, and the lead side.
--
-- Every row carries tenant_id. Row-level security is the second lock behind the application's own
-- WHERE tenant_id = …: the API runs each request in a transaction that switches to the
-- forecourt_app role (neither owner nor superuser, so the policies apply to it) and sets
-- forecourt.tenant_id with set_config(…, true). Without that setting a query sees no rows.
-- Timestamps are timestamptz; ids are prefixed ULIDs (text), which sort by creation time.

DO $$
BEGIN
  CREATE ROLE forecourt_app NOLOGIN;
EXCEPTION
  -- Another database on the same cluster may have created it first (roles are cluster-wide).
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'forecourt_app', 'MEMBER') THEN
    EXECUTE format('GRANT forecourt_app TO %I', current_user);
  END IF;
END
$$;

CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE stores (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  code text NOT NULL,
  region text NOT NULL,
  city text,
  address text,
  time_zone text NOT NULL,
  brands jsonb NOT NULL DEFAULT '[]',
  business_hours jsonb NOT NULL DEFAULT '[]',
  calendar jsonb NOT NULL DEFAULT '{"holidays":[],"extraWorkdays":[]}',
  manager_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, code)
);
CREATE INDEX stores_tenant_idx ON stores (tenant_id, id);

CREATE TABLE teams (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  store_id text NOT NULL REFERENCES stores (id),
  name text NOT NULL,
  leader_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX teams_tenant_idx ON teams (tenant_id, id);
CREATE INDEX teams_store_idx ON teams (tenant_id, store_id, id);

-- Salespeople are the hub's users. Their phone and email are personal data like a customer's.
CREATE TABLE salespeople (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  store_id text NOT NULL REFERENCES stores (id),
  team_id text REFERENCES teams (id),
  name text NOT NULL,
  role text NOT NULL,
  phone_ciphertext text,
  phone_index text,
  email_ciphertext text,
  email_index text,
  brands jsonb NOT NULL DEFAULT '[]',
  regions jsonb NOT NULL DEFAULT '[]',
  customer_types jsonb NOT NULL DEFAULT '[]',
  shifts jsonb NOT NULL DEFAULT '[]',
  days_off jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true,
  max_open_leads integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX salespeople_tenant_idx ON salespeople (tenant_id, id);
CREATE INDEX salespeople_store_idx ON salespeople (tenant_id, store_id, id);

-- Only a SHA-256 of each key is kept; the key itself is shown once, at creation.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  -- The first characters of the key, so a person can tell keys apart in a list.
  key_hint text NOT NULL,
  role text NOT NULL,
  store_id text REFERENCES stores (id),
  salesperson_id text REFERENCES salespeople (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, id);

CREATE TABLE audit_events (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  actor_key_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  request_id text,
  -- SHA-256 of the canonical JSON before and after: proves what changed without copying PII here.
  before_digest text,
  after_digest text,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_tenant_idx ON audit_events (tenant_id, id);
CREATE INDEX audit_events_entity_idx ON audit_events (tenant_id, entity_type, entity_id);

CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL REFERENCES tenants (id),
  api_key_id text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  status_code integer,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (tenant_id, api_key_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Domain events (lead.created, lead.follow_up_due …); delivery to subscribers comes later.
CREATE TABLE events (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  type text NOT NULL,
  entity_type text,
  entity_id text,
  payload jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_tenant_idx ON events (tenant_id, id);
CREATE INDEX events_type_idx ON events (tenant_id, type, id);

CREATE TABLE customers (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  type text NOT NULL DEFAULT 'individual',
  name text,
  company_name text,
  phone_ciphertext text,
  phone_index text,
  email_ciphertext text,
  email_index text,
  wechat_ciphertext text,
  wechat_index text,
  region text,
  city text,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX customers_tenant_idx ON customers (tenant_id, id);
CREATE INDEX customers_phone_idx ON customers (tenant_id, phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX customers_email_idx ON customers (tenant_id, email_index) WHERE email_index IS NOT NULL;
CREATE INDEX customers_wechat_idx ON customers (tenant_id, wechat_index) WHERE wechat_index IS NOT NULL;

CREATE TABLE leads (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  customer_id text REFERENCES customers (id),
  status text NOT NULL DEFAULT 'new',
  source text NOT NULL,
  channel text NOT NULL,
  campaign_id text,
  external_id text,
  customer_type text NOT NULL DEFAULT 'individual',
  contact_name text,
  phone_ciphertext text,
  phone_index text,
  email_ciphertext text,
  email_index text,
  wechat_ciphertext text,
  wechat_index text,
  preferred_contact text,
  company_name text,
  fleet_size integer,
  region text,
  city text,
  store_id text REFERENCES stores (id),
  team_id text REFERENCES teams (id),
  salesperson_id text REFERENCES salespeople (id),
  interest jsonb NOT NULL DEFAULT '{}',
  budget jsonb,
  timeframe text NOT NULL DEFAULT 'unknown',
  intent text NOT NULL DEFAULT 'unknown',
  engagement jsonb NOT NULL DEFAULT '{}',
  message text,
  attributes jsonb NOT NULL DEFAULT '{}',
  consent jsonb,
  grade text,
  grade_reasons jsonb NOT NULL DEFAULT '[]',
  grade_override jsonb,
  assignment_reasons jsonb NOT NULL DEFAULT '[]',
  lost_reason text,
  opportunity_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  assigned_at timestamptz,
  first_contact_at timestamptz,
  last_activity_at timestamptz,
  touchpoint_count integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX leads_tenant_idx ON leads (tenant_id, id);
CREATE INDEX leads_salesperson_idx ON leads (tenant_id, salesperson_id, status);
CREATE INDEX leads_store_idx ON leads (tenant_id, store_id, status);
CREATE INDEX leads_phone_idx ON leads (tenant_id, phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX leads_email_idx ON leads (tenant_id, email_index) WHERE email_index IS NOT NULL;
CREATE UNIQUE INDEX leads_external_idx ON leads (tenant_id, source, external_id)
  WHERE external_id IS NOT NULL;

CREATE TABLE touchpoints (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  lead_id text NOT NULL REFERENCES leads (id),
  source text NOT NULL,
  channel text NOT NULL,
  campaign_id text,
  external_id text,
  occurred_at timestamptz NOT NULL,
  interest jsonb,
  message text,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX touchpoints_lead_idx ON touchpoints (tenant_id, lead_id, id);

CREATE TABLE follow_up_tasks (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  lead_id text NOT NULL REFERENCES leads (id),
  salesperson_id text REFERENCES salespeople (id),
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  due_at timestamptz NOT NULL,
  snoozed_until timestamptz,
  completed_at timestamptz,
  note text,
  reasons jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_tasks_tenant_idx ON follow_up_tasks (tenant_id, id);
CREATE INDEX follow_up_tasks_due_idx ON follow_up_tasks (tenant_id, salesperson_id, status, due_at);
CREATE INDEX follow_up_tasks_lead_idx ON follow_up_tasks (tenant_id, lead_id);

-- Round-robin position and workload per assignment pool (a store, a team …). Read and written
-- with SELECT … FOR UPDATE inside the lead's transaction, so parallel creates take turns.
CREATE TABLE assignment_state (
  tenant_id text NOT NULL REFERENCES tenants (id),
  pool_key text NOT NULL,
  state jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, pool_key)
);

-- Row-level security: one policy per table, keyed on the per-transaction tenant setting.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (id = current_setting('forecourt.tenant_id', true))
  WITH CHECK (id = current_setting('forecourt.tenant_id', true));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'stores', 'teams', 'salespeople', 'api_keys', 'audit_events', 'idempotency_keys', 'events',
    'customers', 'leads', 'touchpoints', 'follow_up_tasks', 'assignment_state'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''forecourt.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''forecourt.tenant_id'', true))',
      t
    );
  END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO forecourt_app;
GRANT SELECT, UPDATE ON tenants TO forecourt_app;
GRANT SELECT, INSERT, UPDATE ON stores, teams, salespeople, customers, leads, touchpoints,
  follow_up_tasks, assignment_state TO forecourt_app;
GRANT SELECT, INSERT, UPDATE ON api_keys TO forecourt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO forecourt_app;
-- The audit log and the event log are append-only for the application.
GRANT SELECT, INSERT ON audit_events, events TO forecourt_app;
