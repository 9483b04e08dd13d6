-- Forecourt hub: orders (订单), their terms versions, change requests (变更), approvals (审核),
-- contracts (合同) and templates, the order number counter, and each group's order rules.
--
-- The order row is the SDK's order: scalar fields as columns, lines, vehicle, financing,
-- approvals and status history as jsonb. Every row carries tenant_id and the row-level security
-- policy of 0001 (see there for how the API sets the tenant per transaction).

CREATE TABLE orders (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_number text NOT NULL,
  status text NOT NULL,
  customer_id text NOT NULL REFERENCES customers (id),
  store_id text NOT NULL REFERENCES stores (id),
  salesperson_id text NOT NULL REFERENCES salespeople (id),
  opportunity_id text REFERENCES opportunities (id),
  lead_id text REFERENCES leads (id),
  campaign_id text,
  vehicle jsonb NOT NULL,
  allocated_vehicle_id text,
  lines jsonb NOT NULL,
  -- The order total in integer minor units (fen for CNY), as the SDK computes it from the lines.
  total_amount bigint NOT NULL CHECK (total_amount >= 0),
  currency text NOT NULL,
  trade_in jsonb,
  financing jsonb,
  requested_delivery_date date,
  expected_delivery_date date,
  contract_id text,
  -- 1 at entry, one more per applied change; `version` counts every change of the row.
  terms_version integer NOT NULL DEFAULT 1,
  approvals jsonb NOT NULL DEFAULT '[]',
  status_history jsonb NOT NULL DEFAULT '[]',
  cancel_reason text,
  delivered_at timestamptz,
  notes text,
  attributes jsonb NOT NULL DEFAULT '{}',
  -- Per destination (finance, ERP) once pushes exist: { "<connection id>": { status, ref, at } }.
  sync_status jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, order_number)
);
CREATE INDEX orders_tenant_idx ON orders (tenant_id, id);
CREATE INDEX orders_salesperson_idx ON orders (tenant_id, salesperson_id, status);
CREATE INDEX orders_store_idx ON orders (tenant_id, store_id, status);
CREATE INDEX orders_customer_idx ON orders (tenant_id, customer_id);
CREATE INDEX orders_created_idx ON orders (tenant_id, created_at);

-- The commercial terms at each terms version (the SDK's OrderVersion); append-only.
CREATE TABLE order_versions (
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_id text NOT NULL REFERENCES orders (id),
  version integer NOT NULL,
  change_id text,
  terms jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, order_id, version)
);

-- Change requests: kind and status as columns, the SDK's stored change (before, after, diff,
-- approvers and reasons) as `record`.
CREATE TABLE order_changes (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_id text NOT NULL REFERENCES orders (id),
  kind text NOT NULL,
  status text NOT NULL,
  base_version integer NOT NULL,
  resulting_version integer,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX order_changes_order_idx ON order_changes (tenant_id, order_id, id);

-- Every approval decision, append-only, numbered from 0 per order (the order row keeps the same
-- list for the state machine; this is the ledger reports and audits read).
CREATE TABLE order_approvals (
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_id text NOT NULL REFERENCES orders (id),
  seq integer NOT NULL,
  approver_id text NOT NULL REFERENCES salespeople (id),
  role text NOT NULL,
  decision text NOT NULL,
  rules jsonb NOT NULL DEFAULT '[]',
  note text,
  api_key_id text,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, order_id, seq)
);

-- A group's contract templates; `template_version` is the template's own label.
CREATE TABLE contract_templates (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  template_version text,
  kind text NOT NULL CHECK (kind IN ('html', 'text')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id)
);

-- Contracts as rendered: the exact text and its SHA-256, then who signed and when.
CREATE TABLE contracts (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_id text NOT NULL REFERENCES orders (id),
  order_version integer NOT NULL,
  template_id text NOT NULL,
  template_version text,
  status text NOT NULL,
  rendered_text text NOT NULL,
  rendered_sha256 text NOT NULL CHECK (rendered_sha256 ~ '^[0-9a-f]{64}$'),
  signed_by jsonb NOT NULL DEFAULT '[]',
  signed_at timestamptz,
  document_ref text,
  voided_at timestamptz,
  void_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX contracts_order_idx ON contracts (tenant_id, order_id, id);

-- The last order number sequence a store used on a (store-local) day. Allocated with
-- INSERT … ON CONFLICT … DO UPDATE SET seq = seq + 1 RETURNING seq in the order's transaction:
-- concurrent creates queue on the row, and a rolled-back create gives its number back.
CREATE TABLE order_number_counters (
  tenant_id text NOT NULL REFERENCES tenants (id),
  store_id text NOT NULL REFERENCES stores (id),
  day date NOT NULL,
  seq integer NOT NULL,
  PRIMARY KEY (tenant_id, store_id, day)
);

-- A group's order rules in the SDK's formats; no row (or a null column) means the SDK defaults
-- (DEFAULT_APPROVAL_RULES, DEFAULT_TAX_RULES and the change rules' defaults).
CREATE TABLE order_rules (
  tenant_id text PRIMARY KEY REFERENCES tenants (id),
  approval jsonb,
  tax jsonb,
  changes jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'orders', 'order_versions', 'order_changes', 'order_approvals', 'contract_templates',
    'contracts', 'order_number_counters', 'order_rules'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''forecourt.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''forecourt.tenant_id'', true))',
      t
    );
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON orders, order_changes, contract_templates, contracts,
  order_number_counters, order_rules TO forecourt_app;
-- Terms versions and approval decisions are append-only for the application.
GRANT SELECT, INSERT ON order_versions, order_approvals TO forecourt_app;
