-- Forecourt hub: opportunities (销售机会), their stage history, hand-overs and activities.
--
-- The opportunity row holds the current state; the history tables are append-only and are what
-- the funnel and forecast read. Every row carries tenant_id and the same row-level security
-- policy as 0001 (see there for how the API sets the tenant per transaction).

CREATE TABLE opportunities (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  lead_id text REFERENCES leads (id),
  customer_id text REFERENCES customers (id),
  salesperson_id text NOT NULL REFERENCES salespeople (id),
  store_id text NOT NULL REFERENCES stores (id),
  team_id text REFERENCES teams (id),
  -- No campaigns table yet: kept as the caller's (or the lead's) campaign id.
  campaign_id text,
  vehicle jsonb NOT NULL DEFAULT '{}',
  -- Money in integer minor units (fen for CNY) with its ISO 4217 currency.
  expected_value_amount bigint NOT NULL CHECK (expected_value_amount >= 0),
  expected_value_currency text NOT NULL,
  expected_close_date date NOT NULL,
  probability_override double precision
    CHECK (probability_override IS NULL OR probability_override BETWEEN 0 AND 1),
  stage text NOT NULL,
  loss_reason jsonb,
  -- Set when a won deal names its order: an ord_… id, and/or the dealer system's own reference.
  won_order_id text,
  won_order_reference text,
  closed_at timestamptz,
  last_activity_at timestamptz,
  activity_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX opportunities_tenant_idx ON opportunities (tenant_id, id);
CREATE INDEX opportunities_salesperson_idx ON opportunities (tenant_id, salesperson_id, stage);
CREATE INDEX opportunities_store_idx ON opportunities (tenant_id, store_id, stage);
CREATE INDEX opportunities_lead_idx ON opportunities (tenant_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX opportunities_close_date_idx ON opportunities (tenant_id, expected_close_date)
  WHERE closed_at IS NULL;

-- One row per stage entered, numbered from 0 in the order entered.
CREATE TABLE opportunity_stage_history (
  tenant_id text NOT NULL REFERENCES tenants (id),
  opportunity_id text NOT NULL REFERENCES opportunities (id),
  seq integer NOT NULL,
  stage text NOT NULL,
  entered_at timestamptz NOT NULL,
  -- A salesperson id, or `key:<api key id>` when a key not bound to a salesperson acted.
  by text NOT NULL,
  note text,
  loss_reason jsonb,
  PRIMARY KEY (tenant_id, opportunity_id, seq)
);

-- One row per hand-over (转移) to another salesperson, numbered from 0.
CREATE TABLE opportunity_owner_changes (
  tenant_id text NOT NULL REFERENCES tenants (id),
  opportunity_id text NOT NULL REFERENCES opportunities (id),
  seq integer NOT NULL,
  from_salesperson_id text NOT NULL REFERENCES salespeople (id),
  to_salesperson_id text NOT NULL REFERENCES salespeople (id),
  from_store_id text REFERENCES stores (id),
  to_store_id text REFERENCES stores (id),
  at timestamptz NOT NULL,
  by text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (tenant_id, opportunity_id, seq)
);

-- Calls, visits, messages, test drives, quotes and notes (跟踪). The fields particular to each
-- type are kept in `details`; the ones every activity has are columns.
CREATE TABLE opportunity_activities (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  opportunity_id text NOT NULL REFERENCES opportunities (id),
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  by_salesperson_id text NOT NULL REFERENCES salespeople (id),
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX opportunity_activities_opportunity_idx
  ON opportunity_activities (tenant_id, opportunity_id, id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'opportunities', 'opportunity_stage_history', 'opportunity_owner_changes',
    'opportunity_activities'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''forecourt.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''forecourt.tenant_id'', true))',
      t
    );
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON opportunities TO forecourt_app;
-- The histories and activities are append-only for the application.
GRANT SELECT, INSERT ON opportunity_stage_history, opportunity_owner_changes,
  opportunity_activities TO forecourt_app;
