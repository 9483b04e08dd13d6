-- Forecourt hub: outbound events to subscriber endpoints, signed per Standard Webhooks.
--
-- An endpoint subscribes to event types (exact, `lead.*`, or `*`). Every recorded event is fanned
-- out once (webhook_event_fanouts) into one delivery per matching active endpoint; a delivery is
-- tried on the retry schedule until the endpoint answers 2xx, and every try is kept in
-- webhook_delivery_attempts. Secrets are stored encrypted (FieldCrypto, like personal data).
-- Every row carries tenant_id and the same row-level security policy as 0001.

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  url text NOT NULL,
  description text,
  -- Exact types (`lead.created`), prefixes (`lead.*`) or `*` for every event.
  event_types text[] NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  disabled_reason text,
  disabled_at timestamptz,
  secret_ciphertext text NOT NULL,
  -- While a rotation is under way: the old secret, still signing until it expires.
  previous_secret_ciphertext text,
  previous_secret_expires_at timestamptz,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX webhook_endpoints_tenant_idx ON webhook_endpoints (tenant_id, id);

-- One row per event once it has been fanned out (even to no endpoint): the sweeper looks for
-- events without one, so an event committed just before a crash is still delivered.
CREATE TABLE webhook_event_fanouts (
  event_id text PRIMARY KEY REFERENCES events (id),
  tenant_id text NOT NULL REFERENCES tenants (id),
  delivery_count integer NOT NULL DEFAULT 0,
  fanned_out_at timestamptz NOT NULL DEFAULT now()
);
-- The sweeper scans recent events by time.
CREATE INDEX events_occurred_at_idx ON events (occurred_at);

-- One delivery per event and endpoint; its id is the `webhook-id` header, the same on every try
-- and on replays.
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id),
  event_id text NOT NULL REFERENCES events (id),
  event_type text NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'succeeded', 'failed', 'dead')),
  -- 1 for the first series of tries; each replay starts the next series from attempt 0.
  series integer NOT NULL DEFAULT 1,
  -- Tries made in the current series.
  attempt_count integer NOT NULL DEFAULT 0,
  -- When the next try is due (or, while one runs, when it is presumed lost).
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_response_status integer,
  -- The first bytes of the endpoint's answer, never the request's headers.
  last_response_body text,
  last_error text,
  succeeded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_tenant_idx ON webhook_deliveries (tenant_id, id);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, id);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
  WHERE status = 'pending';

CREATE TABLE webhook_delivery_attempts (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  delivery_id text NOT NULL REFERENCES webhook_deliveries (id),
  series integer NOT NULL,
  -- 1-based within the series.
  attempt integer NOT NULL,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  response_status integer,
  response_body text,
  error text,
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'retry', 'failed', 'dead')),
  next_attempt_at timestamptz
);
CREATE INDEX webhook_delivery_attempts_delivery_idx
  ON webhook_delivery_attempts (tenant_id, delivery_id, id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'webhook_endpoints', 'webhook_event_fanouts', 'webhook_deliveries', 'webhook_delivery_attempts'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''forecourt.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''forecourt.tenant_id'', true))',
      t
    );
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON webhook_endpoints, webhook_deliveries TO forecourt_app;
-- The fan-out record and the attempt log are append-only for the application.
GRANT SELECT, INSERT ON webhook_event_fanouts, webhook_delivery_attempts TO forecourt_app;
