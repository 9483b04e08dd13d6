import type { FastifyRequest } from "fastify";
import type { Actor, ApiKeyRole } from "./auth/roles.js";
import type { HubConfig } from "./config.js";
import type { Database, Db } from "./db/database.js";
import { type Tx, withTenant } from "./db/tenant.js";
import { HubError } from "./errors.js";
import type { JobQueue } from "./jobs/queue.js";
import type { FieldCrypto } from "./lib/crypto.js";

/** What routes and plugins share: one per hub process. */
export interface HubServices {
  config: HubConfig;
  database: Database;
  db: Db;
  crypto: FieldCrypto;
  queue: JobQueue;
}

/**
 * The job queue lives in the embedded database, whose one PostgreSQL session everything takes
 * turns on: there, queueing jobs alongside the next write does not overlap anything.
 */
export function queueSharesSession(services: HubServices): boolean {
  return services.database.mode === "embedded" && services.queue.backend === "postgres";
}

declare module "fastify" {
  interface FastifyInstance {
    hub: HubServices;
  }
  interface FastifyRequest {
    /** Set by the auth plugin on every /v1 request. */
    actor: Actor | undefined;
  }
}

/** The authenticated caller; the auth plugin guarantees one on /v1 routes. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new HubError("unauthenticated", "An API key is required");
  return request.actor;
}

/** Refuses the request unless the key has one of `roles`. */
export function requireRole(request: FastifyRequest, roles: readonly ApiKeyRole[]): Actor {
  const actor = actorOf(request);
  if (!roles.includes(actor.role)) {
    throw new HubError("forbidden", `This needs a key with role ${roles.join(" or ")}`, {
      role: actor.role,
    });
  }
  return actor;
}

/** Runs `work` in a transaction confined to the caller's tenant (see `withTenant`). */
export function inTenant<T>(
  request: FastifyRequest,
  work: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  return withTenant(request.server.hub.db, actor.tenantId, (tx) => work(tx, actor));
}
