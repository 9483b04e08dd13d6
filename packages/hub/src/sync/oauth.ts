import { createHash, randomBytes } from "node:crypto";
import {
  AuthConnectorError,
  type FetchFunction,
  RetryableConnectorError,
} from "@forecourt/connectors";
import { META_GRAPH_BASE_URL } from "@forecourt/connectors/meta-lead-ads";
import { QUICKBOOKS_OAUTH } from "@forecourt/connectors/quickbooks";
import { XERO_OAUTH } from "@forecourt/connectors/xero";
import { newId } from "@forecourt/sdk";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { connections, events } from "../db/schema.js";
import { type Tx, withTenant } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { type ConnectionRow, connectorOf, loadConnection } from "../gateway/connections.js";
import { decryptSecrets, encryptSecrets } from "../gateway/secrets.js";
import type { FieldCrypto } from "../lib/crypto.js";
import type { HubServices } from "../services.js";
import { type SyncSettings, syncSettings } from "./settings.js";
import { oauthStates, orderSyncs } from "./tables.js";

/**
 * OAuth2 for connections: the authorization-code flow with `state` and PKCE (S256) per
 * connection, tokens encrypted on the connection row, refresh before expiry under a row lock
 * (one refresher per connection), the rotated refresh token always saved, and a refresh refused
 * for good marking the connection `needs_reauth` with a `connection.auth_failed` event.
 *
 * `@fastify/oauth2` is not used: it registers one provider with fixed client credentials and a
 * fixed callback per plugin instance, while here every connection (of every tenant) brings its
 * own client, its own provider endpoints (a sandbox or test server through its `baseUrl`) and its
 * own stored state; the flow itself is two small HTTP exchanges.
 */

type Obj = Record<string, unknown>;

export interface OAuthProvider {
  connectorId: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: readonly string[];
  /** Where the provider's endpoints move to when the connection sets its own `baseUrl`. */
  defaultApiOrigin: string;
  /** Meta: exchange for a long-lived token and fetch the page token. */
  meta?: boolean;
}

const META_VERSION = "v21.0";

export const OAUTH_PROVIDERS: Readonly<Record<string, OAuthProvider>> = Object.freeze({
  xero: {
    connectorId: "xero",
    authorizeUrl: XERO_OAUTH.authorizeUrl,
    tokenUrl: XERO_OAUTH.tokenUrl,
    scopes: XERO_OAUTH.scopes,
    defaultApiOrigin: "https://api.xero.com",
  },
  quickbooks: {
    connectorId: "quickbooks",
    authorizeUrl: QUICKBOOKS_OAUTH.authorizeUrl,
    tokenUrl: QUICKBOOKS_OAUTH.tokenUrl,
    scopes: QUICKBOOKS_OAUTH.scopes,
    defaultApiOrigin: "https://quickbooks.api.intuit.com",
  },
  meta_lead_ads: {
    connectorId: "meta_lead_ads",
    authorizeUrl: `https://www.facebook.com/${META_VERSION}/dialog/oauth`,
    tokenUrl: `${META_GRAPH_BASE_URL}/${META_VERSION}/oauth/access_token`,
    scopes: [
      "leads_retrieval",
      "pages_show_list",
      "pages_read_engagement",
      "pages_manage_metadata",
    ],
    defaultApiOrigin: META_GRAPH_BASE_URL,
    meta: true,
  },
});

/**
 * The provider's endpoints for this connection: the documented ones, or — when the connection
 * points its `baseUrl` somewhere else (a sandbox, a test server) — the same paths on that origin.
 */
export function providerEndpoints(
  provider: OAuthProvider,
  config: Obj,
): { authorizeUrl: string; tokenUrl: string; apiOrigin: string } {
  const baseUrl = typeof config.baseUrl === "string" ? config.baseUrl : undefined;
  const origin = baseUrl ? new URL(baseUrl).origin : undefined;
  const move = (url: string) => {
    if (!origin || origin === provider.defaultApiOrigin) return url;
    const u = new URL(url);
    return `${origin}${u.pathname}`;
  };
  return {
    authorizeUrl: move(provider.authorizeUrl),
    tokenUrl: move(provider.tokenUrl),
    apiOrigin: origin ?? provider.defaultApiOrigin,
  };
}

export function oauthProviderOf(row: Pick<ConnectionRow, "connectorId">): OAuthProvider {
  const provider = OAUTH_PROVIDERS[row.connectorId];
  if (!provider) {
    throw new HubError(
      "oauth_not_supported",
      `Connector "${row.connectorId}" does not authorise through OAuth2 here`,
    );
  }
  return provider;
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");
export const pkceChallenge = (verifier: string) =>
  base64url(createHash("sha256").update(verifier).digest());

function plainConfig(row: ConnectionRow, crypto: FieldCrypto): Obj {
  return decryptSecrets(connectorOf(row), row.config, crypto);
}

function clientOf(config: Obj, fallbackId: string | null): { id?: string; secret?: string } {
  const id = typeof config.clientId === "string" ? config.clientId : (fallbackId ?? undefined);
  const secret =
    typeof config.clientSecret === "string"
      ? config.clientSecret
      : typeof config.appSecret === "string"
        ? config.appSecret
        : undefined;
  return { ...(id ? { id } : {}), ...(secret ? { secret } : {}) };
}

export interface OAuthStart {
  authorizeUrl: string;
  state: string;
  expiresAt: string;
}

/** Starts the flow for a connection: a single-use state and a PKCE verifier kept encrypted. */
export async function startOAuth(
  tx: Tx,
  tenantId: string,
  connectionId: string,
  crypto: FieldCrypto,
  settings: SyncSettings,
  redirectUri: string,
  clientIdOverride: string | undefined,
): Promise<OAuthStart> {
  const row = await loadConnection(tx, tenantId, connectionId);
  const provider = oauthProviderOf(row);
  const config = plainConfig(row, crypto);
  const client = clientOf(config, clientIdOverride ?? null);
  if (!client.id) {
    throw new HubError(
      "validation_failed",
      "The connection has no OAuth2 client id (set config.clientId, or pass clientId)",
      { issues: [{ path: "clientId", message: "required for this connection" }] },
    );
  }
  const state = base64url(randomBytes(32));
  const verifier = base64url(randomBytes(32));
  const expiresAt = new Date(Date.now() + settings.stateTtlMs);
  await tx.insert(oauthStates).values({
    state,
    tenantId,
    connectionId,
    verifierCiphertext: crypto.encrypt(verifier),
    redirectUri,
    clientId: typeof config.clientId === "string" ? null : client.id,
    expiresAt,
  });
  const { authorizeUrl } = providerEndpoints(provider, config);
  const url = new URL(authorizeUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", client.id);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("scope", provider.scopes.join(provider.meta ? "," : " "));
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", pkceChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { authorizeUrl: url.toString(), state, expiresAt: expiresAt.toISOString() };
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  error?: string | { message?: string };
  error_description?: string;
}

type TokenOutcome =
  | { ok: true; body: TokenAnswer }
  | { ok: false; permanent: boolean; status: number; reason: string };

/** One POST to a token endpoint; classifies the answer without ever putting a token in a message. */
async function tokenRequest(
  fetchFn: FetchFunction,
  tokenUrl: string,
  params: Record<string, string>,
  client: { id?: string; secret?: string },
): Promise<TokenOutcome> {
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (client.id && client.secret) {
    headers.authorization = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`;
  }
  let response: Response;
  try {
    response = await fetchFn(tokenUrl, {
      method: "POST",
      headers,
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return {
      ok: false,
      permanent: false,
      status: 0,
      reason: `token endpoint unreachable (${(error as Error).name})`,
    };
  }
  const text = await response.text().catch(() => "");
  let body: TokenAnswer = {};
  try {
    body = text ? (JSON.parse(text) as TokenAnswer) : {};
  } catch {
    body = {};
  }
  if (response.ok && body.access_token) return { ok: true, body };
  const code =
    typeof body.error === "string"
      ? body.error
      : (body.error?.message ?? `HTTP ${response.status}`);
  const permanent =
    (response.status >= 400 && response.status < 500 && response.status !== 429) ||
    code === "invalid_grant";
  return {
    ok: false,
    permanent,
    status: response.status,
    reason: `token endpoint refused: ${code}`.slice(0, 300),
  };
}

const expiresAtOf = (body: TokenAnswer, now: number) => {
  const seconds = Number(body.expires_in);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(now + seconds * 1000) : null;
};

async function recordAuthFailed(
  tx: Tx,
  tenantId: string,
  row: Pick<ConnectionRow, "id" | "connectorId">,
  reason: string,
): Promise<void> {
  await tx.insert(events).values({
    id: newId("event"),
    tenantId,
    type: "connection.auth_failed",
    entityType: "connection",
    entityId: row.id,
    payload: { connectionId: row.id, connectorId: row.connectorId, reason },
  });
}

/**
 * Marks an active connection `needs_reauth` and records `connection.auth_failed` (once: a
 * connection already waiting records nothing more).
 */
export async function markNeedsReauth(
  tx: Tx,
  tenantId: string,
  connectionId: string,
  reason: string,
): Promise<boolean> {
  const changed = await tx
    .update(connections)
    .set({ status: "needs_reauth", statusReason: reason, updatedAt: new Date() })
    .where(
      and(
        eq(connections.tenantId, tenantId),
        eq(connections.id, connectionId),
        eq(connections.status, "active"),
      ),
    )
    .returning({ id: connections.id, connectorId: connections.connectorId });
  if (changed[0]) await recordAuthFailed(tx, tenantId, changed[0], reason);
  return changed.length > 0;
}

/** Rows that waited for the connection's re-authorisation run again (a new run each). */
export async function releaseWaitingSyncs(
  tx: Tx,
  tenantId: string,
  connectionId: string,
): Promise<number> {
  const rows = await tx
    .update(orderSyncs)
    .set({
      status: "pending",
      run: sql`${orderSyncs.run} + 1`,
      enqueuedAt: null,
      nextAttemptAt: null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(orderSyncs.tenantId, tenantId),
        eq(orderSyncs.connectionId, connectionId),
        eq(orderSyncs.status, "waiting_auth"),
      ),
    )
    .returning({ id: orderSyncs.id });
  return rows.length;
}

export interface TokenSource {
  getAccessToken(): Promise<string>;
  refreshAccessToken(): Promise<string>;
}

/** In-process single flight per connection, in front of the row lock that guards across processes. */
const refreshing = new Map<string, Promise<string>>();

/**
 * The PushContext hooks of one connection. `getAccessToken` refreshes a token about to expire;
 * `refreshAccessToken` replaces the token the vendor just refused. Either way the refresh runs
 * with the connection row locked (`SELECT … FOR UPDATE`): a second refresher waits, then finds
 * the token already replaced and uses it instead of spending the refresh token again.
 */
export function tokenSource(
  services: Pick<HubServices, "db" | "crypto" | "config">,
  tenantId: string,
  connectionId: string,
  fetchFn: FetchFunction = globalThis.fetch,
): TokenSource {
  const settings = syncSettings(services.config);
  let lastSeen: string | undefined;
  const read = async () =>
    withTenant(services.db, tenantId, (tx) => loadConnection(tx, tenantId, connectionId));
  const refresh = (stale: string | undefined): Promise<string> => {
    const key = `${tenantId}/${connectionId}`;
    const running = refreshing.get(key);
    if (running) return running;
    const pending = refreshUnderLock(services, tenantId, connectionId, stale, settings, fetchFn);
    refreshing.set(key, pending);
    void pending
      .finally(() => {
        if (refreshing.get(key) === pending) refreshing.delete(key);
      })
      .catch(() => {});
    return pending;
  };
  return {
    async getAccessToken() {
      const row = await read();
      if (row.status === "needs_reauth") {
        throw new AuthConnectorError("The connection needs re-authorising", {
          code: "needs_reauth",
        });
      }
      if (!row.oauthAccessTokenCiphertext) {
        throw new AuthConnectorError("This connection has no OAuth2 token yet", {
          code: "no_access_token",
        });
      }
      const token = services.crypto.decrypt(row.oauthAccessTokenCiphertext);
      const expiring =
        row.oauthExpiresAt && row.oauthExpiresAt.getTime() - settings.refreshMarginMs <= Date.now();
      lastSeen = expiring ? await refresh(token) : token;
      return lastSeen;
    },
    async refreshAccessToken() {
      lastSeen = await refresh(lastSeen);
      return lastSeen;
    },
  };
}

async function refreshUnderLock(
  services: Pick<HubServices, "db" | "crypto">,
  tenantId: string,
  connectionId: string,
  stale: string | undefined,
  settings: SyncSettings,
  fetchFn: FetchFunction,
): Promise<string> {
  const { crypto } = services;
  type Outcome = { token: string } | { retry: string } | { failed: string };
  const outcome = await withTenant(services.db, tenantId, async (tx): Promise<Outcome> => {
    const row = await loadConnection(tx, tenantId, connectionId, true);
    const current = row.oauthAccessTokenCiphertext
      ? crypto.decrypt(row.oauthAccessTokenCiphertext)
      : undefined;
    const fresh =
      !row.oauthExpiresAt || row.oauthExpiresAt.getTime() - settings.refreshMarginMs > Date.now();
    // Someone refreshed while this one waited for the lock: use theirs.
    if (current && current !== stale && fresh && row.status === "active") {
      return { token: current as string };
    }
    if (!row.oauthRefreshTokenCiphertext) {
      await markNeedsReauth(tx, tenantId, connectionId, "no refresh token");
      return { failed: "The connection has no refresh token; authorise it again" };
    }
    const provider = oauthProviderOf(row);
    const config = plainConfig(row, crypto);
    const { tokenUrl } = providerEndpoints(provider, config);
    const answer = await tokenRequest(
      fetchFn,
      tokenUrl,
      {
        grant_type: "refresh_token",
        refresh_token: crypto.decrypt(row.oauthRefreshTokenCiphertext),
      },
      clientOf(config, null),
    );
    if (!answer.ok) {
      if (!answer.permanent) return { retry: answer.reason };
      await markNeedsReauth(tx, tenantId, connectionId, answer.reason);
      return { failed: `The token refresh was refused (${answer.reason})` };
    }
    const body = answer.body;
    await tx
      .update(connections)
      .set({
        oauthAccessTokenCiphertext: crypto.encrypt(body.access_token!),
        // Xero and QuickBooks rotate the refresh token: the new one is the only one that works.
        ...(body.refresh_token && {
          oauthRefreshTokenCiphertext: crypto.encrypt(body.refresh_token),
        }),
        oauthExpiresAt: expiresAtOf(body, Date.now()),
        updatedAt: new Date(),
      })
      .where(and(eq(connections.tenantId, tenantId), eq(connections.id, connectionId)));
    return { token: body.access_token! };
  });
  if ("token" in outcome) return outcome.token;
  if ("retry" in outcome) {
    throw new RetryableConnectorError(`Token refresh failed: ${outcome.retry}`, {
      code: "token_refresh_failed",
    });
  }
  throw new AuthConnectorError(outcome.failed, { code: "refresh_refused" });
}

export interface OAuthCallbackQuery {
  code?: string;
  state?: string;
  realmId?: string;
  error?: string;
  error_description?: string;
}

export interface OAuthCallbackResult {
  connectionId: string;
  connectorId: string;
  status: "active";
  /** Order pushes that waited for this authorisation and run again. */
  released: number;
  tenantId: string;
}

/**
 * The provider's redirect: the state must exist, be unused and unexpired (it is spent before the
 * code is exchanged, so a replayed callback fails); the code is exchanged with the PKCE verifier
 * and the tokens are stored encrypted; QuickBooks' `realmId` goes into the config; for Meta the
 * token is exchanged for a long-lived one and the page's token is stored as the lead source's
 * `pageAccessToken`. Pushes that waited for the connection run again.
 */
export async function completeOAuth(
  services: Pick<HubServices, "db" | "crypto">,
  query: OAuthCallbackQuery,
  fetchFn: FetchFunction = globalThis.fetch,
): Promise<OAuthCallbackResult> {
  const { crypto } = services;
  if (!query.state) throw new HubError("oauth_state_invalid", "The callback has no state");
  const stateRow = await spendState(services.db, query.state);
  const { tenantId, connectionId } = stateRow;
  if (query.error) {
    throw new HubError(
      "oauth_denied",
      `The provider did not authorise: ${query.error}`.slice(0, 300),
    );
  }
  if (!query.code) throw new HubError("oauth_state_invalid", "The callback has no code");
  const row = await withTenant(services.db, tenantId, (tx) =>
    loadConnection(tx, tenantId, connectionId),
  );
  const provider = oauthProviderOf(row);
  const config = plainConfig(row, crypto);
  const client = clientOf(config, stateRow.clientId);
  const { tokenUrl, apiOrigin } = providerEndpoints(provider, config);
  const answer = await tokenRequest(
    fetchFn,
    tokenUrl,
    {
      grant_type: "authorization_code",
      code: query.code,
      redirect_uri: stateRow.redirectUri,
      code_verifier: crypto.decrypt(stateRow.verifierCiphertext),
      ...(provider.meta && client.id ? { client_id: client.id } : {}),
      ...(provider.meta && client.secret ? { client_secret: client.secret } : {}),
    },
    client,
  );
  if (!answer.ok) throw new HubError("oauth_exchange_failed", answer.reason);
  let tokens = answer.body;
  const configPatch: Obj = {};
  if (provider.connectorId === "quickbooks") {
    if (!query.realmId || !/^\d{1,32}$/.test(query.realmId)) {
      throw new HubError("oauth_exchange_failed", "QuickBooks sent no realmId");
    }
    configPatch.realmId = query.realmId;
  }
  if (provider.meta) {
    tokens = await metaLongLived(fetchFn, tokenUrl, tokens, client);
    const pageToken = await metaPageToken(fetchFn, apiOrigin, tokens.access_token!, config);
    if (pageToken) configPatch.pageAccessToken = pageToken;
  }
  const now = Date.now();
  const released = await withTenant(services.db, tenantId, async (tx) => {
    const locked = await loadConnection(tx, tenantId, connectionId, true);
    const connector = connectorOf(locked);
    const nextConfig = Object.keys(configPatch).length
      ? encryptSecrets(
          connector,
          { ...decryptSecrets(connector, locked.config, crypto), ...configPatch },
          crypto,
        )
      : locked.config;
    await tx
      .update(connections)
      .set({
        config: nextConfig,
        status: "active",
        statusReason: null,
        oauthAccessTokenCiphertext: crypto.encrypt(tokens.access_token!),
        oauthRefreshTokenCiphertext: tokens.refresh_token
          ? crypto.encrypt(tokens.refresh_token)
          : locked.oauthRefreshTokenCiphertext,
        oauthExpiresAt: expiresAtOf(tokens, now),
        updatedAt: new Date(),
        version: locked.version + 1,
      })
      .where(and(eq(connections.tenantId, tenantId), eq(connections.id, connectionId)));
    return releaseWaitingSyncs(tx, tenantId, connectionId);
  });
  return { connectionId, connectorId: row.connectorId, status: "active", released, tenantId };
}

async function spendState(db: Db, state: string) {
  // Across tenants: the state is the only thing the callback carries. Spent in its own
  // transaction, before the exchange, so it can never be used twice.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(oauthStates)
      .where(eq(oauthStates.state, state))
      .for("update");
    if (!row || row.usedAt) {
      throw new HubError("oauth_state_invalid", "Unknown or already used OAuth2 state");
    }
    await tx.update(oauthStates).set({ usedAt: new Date() }).where(eq(oauthStates.state, state));
    if (row.expiresAt.getTime() <= Date.now()) {
      // Spent anyway; the flow must start again.
      return Promise.reject(new HubError("oauth_state_invalid", "The OAuth2 state has expired"));
    }
    return row;
  });
}

async function metaLongLived(
  fetchFn: FetchFunction,
  tokenUrl: string,
  short: TokenAnswer,
  client: { id?: string; secret?: string },
): Promise<TokenAnswer> {
  const url = new URL(tokenUrl);
  url.searchParams.set("grant_type", "fb_exchange_token");
  url.searchParams.set("client_id", client.id ?? "");
  url.searchParams.set("client_secret", client.secret ?? "");
  url.searchParams.set("fb_exchange_token", short.access_token!);
  const response = await fetchFn(url, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
  if (!response?.ok) {
    throw new HubError("oauth_exchange_failed", "Meta refused the long-lived token exchange");
  }
  const body = (await response.json()) as TokenAnswer;
  if (!body.access_token) {
    throw new HubError("oauth_exchange_failed", "Meta sent no long-lived token");
  }
  return body;
}

async function metaPageToken(
  fetchFn: FetchFunction,
  apiOrigin: string,
  userToken: string,
  config: Obj,
): Promise<string | undefined> {
  const url = new URL(`${apiOrigin}/${META_VERSION}/me/accounts`);
  url.searchParams.set("fields", "id,name,access_token");
  const response = await fetchFn(url, {
    headers: { authorization: `Bearer ${userToken}` },
    signal: AbortSignal.timeout(15_000),
  }).catch(() => null);
  if (!response?.ok) {
    throw new HubError("oauth_exchange_failed", "Meta refused the page list (me/accounts)");
  }
  const body = (await response.json()) as { data?: { id: string; access_token?: string }[] };
  const pages = body.data ?? [];
  const page =
    typeof config.pageId === "string" ? pages.find((p) => p.id === config.pageId) : pages[0];
  return page?.access_token;
}
