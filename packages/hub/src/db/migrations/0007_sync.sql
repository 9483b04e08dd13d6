-- Forecourt hub: orders pushed to finance and ERP destinations, and the OAuth 2 authorisations
-- of connections. One order_syncs row per (order, terms version, destination connection): the
-- push job's id is the row's id, so an approval, its rows and (through the sweeper) its jobs are
-- never separated. Every row carries tenant_id and the same row-level security policy as 0001.

CREATE TABLE order_syncs (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  order_id text NOT NULL REFERENCES orders (id),
  terms_version integer NOT NULL CHECK (terms_version >= 1),
  connection_id text NOT NULL REFERENCES connections (id),
  -- The connector id of the destination (xero, quickbooks …), kept for listing and summaries.
  destination text NOT NULL,
  -- orderIdempotencyKey(order_id, terms_version): the same on every attempt and replay.
  idempotency_key text NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'synced', 'failed', 'dead', 'waiting_auth')),
  attempts integer NOT NULL DEFAULT 0,
  -- Bumped by a replay or a re-authorisation: the next job's id is `<id>-r<run>`.
  run integer NOT NULL DEFAULT 0,
  -- Set while a job for the row is queued or running; null: the sweeper enqueues it.
  enqueued_at timestamptz,
  next_attempt_at timestamptz,
  external_id text,
  external_number text,
  external_url text,
  -- The vendor's message (connectors redact secrets from it); never a credential.
  last_error text,
  error_code text,
  synced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_id, terms_version, connection_id)
);
CREATE INDEX order_syncs_tenant_status_idx ON order_syncs (tenant_id, status, id);
CREATE INDEX order_syncs_order_idx ON order_syncs (tenant_id, order_id);
-- The sweeper looks for rows to (re-)enqueue.
CREATE INDEX order_syncs_pending_idx ON order_syncs (updated_at) WHERE status = 'pending';

CREATE TABLE oauth_states (
  -- The `state` parameter: 32 random bytes, base64url; single use.
  state text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  connection_id text NOT NULL REFERENCES connections (id),
  -- The PKCE code_verifier, encrypted (FieldCrypto).
  verifier_ciphertext text NOT NULL,
  redirect_uri text NOT NULL,
  -- The OAuth2 client the flow started with when the connection's config has none (Meta's app id).
  client_id text,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oauth_states_expiry_idx ON oauth_states (expires_at);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['order_syncs', 'oauth_states'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''forecourt.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''forecourt.tenant_id'', true))',
      t
    );
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON order_syncs TO forecourt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_states TO forecourt_app;
