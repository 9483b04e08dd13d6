import type { FastifyRequest } from "fastify";
import type { Actor } from "../auth/roles.js";
import type { Tx } from "../db/tenant.js";
import type { FieldCrypto } from "../lib/crypto.js";
import type { LeadScope } from "./scope.js";

/** What the lead services need from a request: its transaction, caller, scope and clock. */
export interface LeadContext {
  tx: Tx;
  actor: Actor;
  scope: LeadScope;
  crypto: FieldCrypto;
  requestId: string;
  /** Scopes the per-process assignment cache to one hub. */
  owner: object;
  now: Date;
}

export function leadContext(
  request: FastifyRequest,
  tx: Tx,
  actor: Actor,
  scope: LeadScope,
): LeadContext {
  const hub = request.server.hub;
  return {
    tx,
    actor,
    scope,
    crypto: hub.crypto,
    requestId: request.id,
    owner: hub,
    now: new Date(),
  };
}
