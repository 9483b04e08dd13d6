import {
  type Connector,
  ConnectorError,
  type HandshakeResponse,
  type InboundRequestInfo,
  type WebhookOutcome,
} from "@forecourt/connectors";
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { connections } from "../db/schema.js";
import { errorBody, HubError } from "../errors.js";
import { errorResponseSchema } from "../lib/schemas.js";
import type { HubServices } from "../services.js";
import { type ConnectionRow, liveConfig } from "./connections.js";
import { deadKey, type InboxWrite, type StoredEntry, storableHeaders } from "./inbox.js";
import { inboxWriterOf } from "./inboxWriter.js";
import { findConnector } from "./registry.js";
import { HOOK_ID } from "./schemas.js";

/**
 * `/v1/hooks/{hookId}`: where vendors deliver. No API key — the connector's own verification
 * (a signature over the exact bytes, a shared key) instead — and the raw bytes, since signatures
 * cover them. Events are in the inbox before the sender hears 2xx.
 */

interface Resolved {
  row: ConnectionRow;
  connector: Connector;
  config: Record<string, unknown>;
}

/** Decrypted, validated configs by connection, until the row's version changes. */
const configCache = new WeakMap<
  HubServices,
  Map<string, { version: number; resolved: Resolved }>
>();

/**
 * Connection rows by hook id, kept for `HOOK_ROW_TTL_MS` so a burst of deliveries does not look
 * its connection up once per request. This process forgets a row as soon as the API changes it
 * (`forgetHook`); a change made by another process reaches this one within the TTL.
 */
const HOOK_ROW_TTL_MS = 1_000;
const hookRows = new WeakMap<
  HubServices,
  Map<string, { row: ConnectionRow | null; until: number }>
>();

/** Drops a connection's cached row after the API changed it (disabled, new secret, …). */
export function forgetHook(services: HubServices, hookId: string): void {
  hookRows.get(services)?.delete(hookId);
}

async function hookRow(services: HubServices, hookId: string): Promise<ConnectionRow | null> {
  let rows = hookRows.get(services);
  if (!rows) {
    rows = new Map();
    hookRows.set(services, rows);
  }
  const now = Date.now();
  const hit = rows.get(hookId);
  if (hit && hit.until > now) return hit.row;
  // Across tenants by the unguessable hook id, as the tables' owner; everything after this
  // runs in the connection's tenant.
  const [row] = await services.db.select().from(connections).where(eq(connections.hookId, hookId));
  if (rows.size > 10_000) rows.clear();
  // Unknown ids are not remembered: they cost a lookup each, and cannot fill the cache.
  if (row) rows.set(hookId, { row, until: now + HOOK_ROW_TTL_MS });
  return row ?? null;
}

async function resolveHook(services: HubServices, hookId: string): Promise<Resolved> {
  const unknown = () => new HubError("not_found", "No such webhook", { entity: "hook" });
  if (!HOOK_ID.test(hookId)) throw unknown();
  const row = await hookRow(services, hookId);
  if (!row || row.status === "disabled") throw unknown();
  const connector = findConnector(row.connectorId);
  if (!connector?.webhook) throw unknown();
  let cache = configCache.get(services);
  if (!cache) {
    cache = new Map();
    configCache.set(services, cache);
  }
  const hit = cache.get(row.id);
  if (hit && hit.version === row.version) return { ...hit.resolved, row };
  const resolved = { row, connector, config: liveConfig(row, services.crypto) };
  cache.set(row.id, { version: row.version, resolved });
  return resolved;
}

function requestInfo(request: FastifyRequest, receivedAt: number): InboundRequestInfo {
  const host = request.headers.host ?? "localhost";
  return { method: request.method, url: `${request.protocol}://${host}${request.url}`, receivedAt };
}

function send(reply: FastifyReply, response: HandshakeResponse) {
  void reply.status(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {}))
    void reply.header(name, value);
  if (!response.headers || !Object.keys(response.headers).some((h) => /content-type/i.test(h))) {
    void reply.type("text/plain; charset=utf-8");
  }
  return reply.send(response.body);
}

function answer(reply: FastifyReply, resolved: Resolved, outcome: WebhookOutcome) {
  const respond = resolved.connector.webhook?.respond;
  if (respond) return send(reply, respond(outcome, resolved.config as never));
  if (outcome.kind === "unauthorized") {
    return reply
      .status(outcome.status)
      .send(errorBody(new HubError("webhook_unauthorized", outcome.reason)));
  }
  if (outcome.kind === "failed") {
    return reply
      .status(outcome.status)
      .send(errorBody(new HubError("service_unavailable", outcome.message)));
  }
  return reply.status(outcome.status).send(outcome);
}

export async function registerHookRoutes(app: FastifyInstance): Promise<void> {
  const services = app.hub;
  // This scope reads every body as raw bytes: signatures are over exactly what was sent.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.get<{ Params: { hookId: string } }>(
    "/v1/hooks/:hookId",
    {
      schema: {
        tags: ["gateway"],
        summary: "A vendor's subscription handshake (Meta's hub.challenge); no API key",
        security: [],
        response: { 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const resolved = await resolveHook(services, request.params.hookId);
      const handshake = resolved.connector.webhook?.handshake;
      const answered = handshake
        ? await handshake(
            { ...requestInfo(request, Date.now()), headers: request.headers },
            resolved.config as never,
          )
        : undefined;
      if (!answered) throw new HubError("not_found", "This webhook takes no GET requests");
      return send(reply, answered);
    },
  );

  app.post<{ Params: { hookId: string } }>(
    "/v1/hooks/:hookId",
    {
      bodyLimit: services.config.bodyLimit,
      schema: {
        tags: ["gateway"],
        summary:
          "Where a connection's vendor delivers events: verified by the connector (signature, key), stored in the inbox, then 2xx; no API key",
        security: [],
        response: {
          401: errorResponseSchema,
          404: errorResponseSchema,
          413: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const receivedAt = Date.now();
      const resolved = await resolveHook(services, request.params.hookId);
      const { connector, row } = resolved;
      const webhook = connector.webhook!;
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      const info = requestInfo(request, receivedAt);
      const config = resolved.config as never;

      if (webhook.handshake) {
        const answered = await webhook.handshake({ ...info, headers: request.headers }, config);
        if (answered) return send(reply, answered);
      }
      const verdict = await webhook.verify(bytes, request.headers, config, info);
      if (!verdict.ok) {
        request.log.info({ connectionId: row.id, reason: verdict.reason }, "webhook refused");
        return answer(reply, resolved, {
          kind: "unauthorized",
          status: 401,
          reason: verdict.reason,
        });
      }

      let writes: InboxWrite[];
      let deadLetter: { code: string; message: string } | undefined;
      try {
        const parsed = await webhook.parse(bytes, request.headers, config, info);
        writes = parsed.events.map((event) => ({
          eventKey: event.externalId,
          event,
          status: event.isTest ? "ignored_test" : "received",
          ...(event.isTest && { lastError: "the sender marked this event as a test" }),
        }));
      } catch (error) {
        // Authentic but unreadable: kept as a dead letter so nothing is lost, and answered 2xx
        // so the sender does not retry it forever.
        const code =
          error instanceof ConnectorError
            ? (error.code ?? "malformed_payload")
            : "malformed_payload";
        const message = (error as Error).message?.slice(0, 2_000) ?? "unreadable body";
        deadLetter = { code, message };
        writes = [
          {
            eventKey: deadKey(bytes),
            event: null,
            status: "dead",
            lastError: message,
            errorCode: code,
          },
        ];
      }

      let stored: StoredEntry[];
      try {
        // Committed together with the deliveries that arrive meanwhile (see InboxWriter), and
        // queued for processing, before the sender hears 2xx.
        stored = await inboxWriterOf(services).write(
          {
            tenantId: row.tenantId,
            connectionId: row.id,
            origin: "webhook",
            rawBody: body,
            headers: storableHeaders(request.headers),
            contentType: request.headers["content-type"] ?? null,
            receivedAt: new Date(receivedAt),
          },
          writes,
          request.log,
        );
      } catch (error) {
        request.log.error(
          { connectionId: row.id, err: (error as Error).message },
          "inbox write failed",
        );
        return answer(reply, resolved, {
          kind: "failed",
          status: 503,
          message: "The event could not be stored; deliver it again",
        });
      }
      if (deadLetter) {
        return answer(reply, resolved, { kind: "dead_letter", status: 200, ...deadLetter });
      }
      return answer(reply, resolved, {
        kind: "accepted",
        status: 200,
        events: stored.length,
        duplicates: stored.filter((s) => !s.created).length,
      });
    },
  );
}
