-- Forecourt hub: the inbound gateway. A connection is one tenant's use of a connector (a Meta
-- app and page, an ADF feed, a portal's pull); every event it receives or pulls is written to the
-- inbox — raw bytes, headers, time — before the sender gets its 2xx, unique per source event, and
-- processed into a lead by a job whose id is the inbox id.
-- Secret config fields and OAuth tokens are stored encrypted (FieldCrypto, like personal data).
-- Every row carries tenant_id and the same row-level security policy as 0001.

CREATE TABLE connections (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  connector_id text NOT NULL,
  name text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'needs_reauth')),
  status_reason text,
  -- The connector's config with every secret field replaced by its ciphertext (`v1.…`).
  config jsonb NOT NULL DEFAULT '{}',
  store_id text REFERENCES stores (id),
  campaign_id text,
  -- Pull connections: how often; null takes the connector's default.
  pull_interval_ms integer CHECK (pull_interval_ms IS NULL OR pull_interval_ms >= 1000),
  -- Where the next pull starts (the connector's JSON), saved with each page's inbox rows.
  checkpoint jsonb,
  -- A pull in progress holds this lease; a vendor's rate limit sets pull_paused_until.
  pull_lease_until timestamptz,
  pull_paused_until timestamptz,
  last_pull_at timestamptz,
  last_pull_error text,
  -- OAuth 2 tokens, encrypted; filled by the authorisation flow.
  oauth_access_token_ciphertext text,
  oauth_refresh_token_ciphertext text,
  oauth_expires_at timestamptz,
  -- The webhook URL's path segment: 24 random bytes, base64url; unguessable, not the row id.
  hook_id text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX connections_tenant_idx ON connections (tenant_id, id);

CREATE TABLE inbox (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  connection_id text NOT NULL REFERENCES connections (id),
  -- The sender's id of the event (exact), or a digest of an unreadable body.
  event_key text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('webhook', 'pull', 'replay')),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'processing', 'processed', 'dead', 'ignored_test')),
  raw_body bytea NOT NULL,
  -- The request's headers without credentials (authorization, cookies, keys).
  headers jsonb NOT NULL DEFAULT '{}',
  content_type text,
  -- The parsed event (a lead or a reference to fetch), null when the body could not be read.
  event jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  -- Bumped by a replay or a re-authorisation: the next job's id is `<id>-r<run>`.
  run integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  error_code text,
  lead_id text REFERENCES leads (id),
  processed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (connection_id, event_key)
);
CREATE INDEX inbox_tenant_status_idx ON inbox (tenant_id, status, id);
-- The reconciler looks for rows acknowledged but not processed.
CREATE INDEX inbox_pending_idx ON inbox (received_at) WHERE status IN ('received', 'processing');

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['connections', 'inbox'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''forecourt.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''forecourt.tenant_id'', true))',
      t
    );
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON connections, inbox TO forecourt_app;
