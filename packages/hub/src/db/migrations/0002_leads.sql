-- Forecourt hub: the lead side of the v1 API — assignment rules, follow-up scheduling columns,
-- the computed grade beside a person's override, and customer profiles searchable by every phone
-- and email through the blind index. Row-level security as in 0001.

-- A dealer group's assignment rules (the SDK's rule format, regions stored as GB/T 2260 codes).
-- No row means the default: round-robin over the active sales staff of the lead's store, then of
-- the whole group.
CREATE TABLE assignment_rules (
  tenant_id text PRIMARY KEY REFERENCES tenants (id),
  rules jsonb NOT NULL DEFAULT '[]',
  fallback text NOT NULL DEFAULT 'pool',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- The grade the rating scheme computed stays beside `grade`, which a person may override.
ALTER TABLE leads
  ADD COLUMN computed_grade text,
  ADD COLUMN grade_score double precision;

-- Follow-up tasks as planned by the SDK: their place in the plan, and when (and to whom) an
-- unfinished task escalates. A snoozed task falls due again at snoozed_until.
ALTER TABLE follow_up_tasks
  ADD COLUMN sequence integer NOT NULL DEFAULT 0,
  ADD COLUMN escalate_at timestamptz,
  ADD COLUMN escalate_to_id text;
CREATE INDEX follow_up_tasks_lead_status_idx ON follow_up_tasks (tenant_id, lead_id, status);

-- An inquiry repeated by its sender (same source and external id) is recognised, not stored twice.
CREATE INDEX touchpoints_external_idx ON touchpoints (tenant_id, source, external_id)
  WHERE external_id IS NOT NULL;

-- Customer profiles. Personal details beyond the main phone and email (further phones and emails,
-- identity documents, address, birthday, vehicles with plates and VINs, notes) are kept as one
-- AES-256-GCM ciphertext. `contact_indexes` holds the blind index of every phone and email, so a
-- lookup by any of them is one index probe and never decrypts anything.
ALTER TABLE customers
  ADD COLUMN fleet_size integer,
  ADD COLUMN details_ciphertext text,
  ADD COLUMN contact_indexes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN preferred_contact text,
  ADD COLUMN consent jsonb NOT NULL DEFAULT '{"marketing":false,"channels":[]}',
  ADD COLUMN store_id text REFERENCES stores (id),
  ADD COLUMN salesperson_id text REFERENCES salespeople (id),
  ADD COLUMN lead_id text,
  ADD COLUMN tags jsonb NOT NULL DEFAULT '[]';
CREATE INDEX customers_contact_indexes_idx ON customers USING gin (contact_indexes);
CREATE INDEX customers_store_idx ON customers (tenant_id, store_id, id);

ALTER TABLE assignment_rules ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assignment_rules
  USING (tenant_id = current_setting('forecourt.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('forecourt.tenant_id', true));

GRANT SELECT, INSERT, UPDATE ON assignment_rules TO forecourt_app;
