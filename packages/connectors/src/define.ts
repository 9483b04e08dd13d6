import type { LeadInput } from "@forecourt/sdk";
import { parseInput } from "@forecourt/sdk";
import { z } from "zod";
import { PermanentConnectorError } from "./errors.js";
import type { HeadersInput } from "./headers.js";
import type { FetchFunction, HttpContext } from "./http.js";
import type { PushContext, PushOrder, PushResult } from "./push.js";
import { redactConfigWith, secretPaths } from "./secrets.js";

/**
 * The connector contract. A connector is a plain, frozen description of one vendor: its config
 * (with secrets marked), how it authenticates, and what it can do — receive webhooks, fetch what
 * a webhook only refers to, pull pages from a checkpoint, map a vendor record to a `LeadInput`,
 * or, for a destination, push an approved order into the vendor's system.
 * Connectors hold no state and open no connections of their own: the hub passes the connection's
 * config, a fetch, a clock and an abort signal into every call, and owns retries, storage and
 * scheduling.
 */

export type ConnectorDirection = "source" | "destination";
export type ConnectorAuthKind = "none" | "shared_secret" | "hmac" | "api_key" | "oauth2";
export type Awaitable<T> = T | Promise<T>;

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Config schemas are zod objects (strict or not); their output is what every call receives. */
export type ConfigSchema = z.ZodObject<z.ZodRawShape, z.core.$ZodObjectConfig>;
export type ConfigOf<C extends { config: ConfigSchema }> = z.output<C["config"]>;

/** A base URL field for config schemas: absolute http(s), so a connection can point at a sandbox. */
export const baseUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" })
  .optional();

/**
 * Something a webhook announced but did not carry (Meta sends a `leadgen_id`, not the lead).
 * Stored by the hub with the raw event and handed to `fetchReference` later, so it must be plain
 * JSON: strings only.
 */
export interface ConnectorReference {
  /** What kind of thing `id` names, per connector: `"meta.leadgen"`. */
  type: string;
  /** The vendor's id, exact. */
  id: string;
  /** Other ids the notification carried (page, form, ad), exact strings. */
  data?: Record<string, string>;
}

interface SourceEventBase {
  /** The sender's id for this event, exact; the hub's inbox is unique on (connection, externalId). */
  externalId: string;
  /** When the sender says it happened (ISO 8601 with an offset). */
  occurredAt?: string;
  /** The sender marked it as a test; the hub keeps such leads apart from real ones. */
  isTest?: boolean;
}

/** A lead complete enough for the SDK pipeline. */
export interface LeadSourceEvent extends SourceEventBase {
  kind: "lead";
  lead: LeadInput;
}

/** A pointer the hub resolves with `fetchReference` (in a job, with retries). */
export interface ReferenceSourceEvent extends SourceEventBase {
  kind: "reference";
  reference: ConnectorReference;
}

export type SourceEvent = LeadSourceEvent | ReferenceSourceEvent;

/** The parts of an inbound HTTP request besides its body and headers. */
export interface InboundRequestInfo {
  method: string;
  /** The full request URL as received, query string included (some vendors authenticate there). */
  url: string;
  /** When the hub received it (epoch ms); vendors that sign a timestamp check it against this. */
  receivedAt: number;
}

/** An inbound request that may be a subscription handshake (usually a GET). */
export interface HandshakeRequest extends InboundRequestInfo {
  headers: HeadersInput;
}

/** What the hub answers a handshake with. */
export interface HandshakeResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** `reason` is safe to log and to show the partner: it never holds a secret or the expected value. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface ParseResult {
  events: SourceEvent[];
  /** What was skipped or repaired while reading, for the inbox entry. */
  warnings?: string[];
}

/** What the hub answers an inbound request with (also a handshake's answer). */
export type WebhookResponse = HandshakeResponse;

/**
 * What became of an inbound request, for connectors whose vendor expects an answer of its own
 * (Tmall's `{ success, msgCode, msgDesc }`). `status` is what the hub answers without `respond`.
 */
export type WebhookOutcome =
  /** Verified, parsed and stored in the inbox (`duplicates` of the events were there already). */
  | { kind: "accepted"; status: number; events: number; duplicates: number }
  /** `verify` said no: nothing was stored. */
  | { kind: "unauthorized"; status: number; reason: string }
  /** Authentic but unusable: kept as a dead letter (the sender must not retry forever). */
  | { kind: "dead_letter"; status: number; code: string; message: string }
  /** The hub could not store it (the sender should retry). */
  | { kind: "failed"; status: number; message: string };

export interface WebhookCapability<C> {
  /**
   * Answers a vendor's subscription check (Meta's `hub.challenge`), or returns `undefined` when
   * the request is not one, so the hub goes on to `verify`.
   */
  handshake?(request: HandshakeRequest, config: C): Awaitable<HandshakeResponse | undefined>;
  /**
   * Whether the request really comes from the vendor: a signature over the exact raw bytes, a
   * shared key, basic credentials. Compares in constant time. Runs before anything is stored.
   */
  verify(
    rawBody: Uint8Array,
    headers: HeadersInput,
    config: C,
    request: InboundRequestInfo,
  ): Awaitable<VerifyResult>;
  /**
   * The events an authentic request carries. Malformed payloads throw `PermanentConnectorError`
   * (the hub keeps them as dead letters); nothing here calls the vendor.
   */
  parse(
    rawBody: Uint8Array,
    headers: HeadersInput,
    config: C,
    request: InboundRequestInfo,
  ): Awaitable<ParseResult>;
  /**
   * The answer for an outcome, for vendors that read one (a body shape, a status they retry
   * on). Without it the hub answers in its own format. Keep `outcome.status` unless the vendor
   * documents otherwise: 2xx for accepted and dead letters, 401 for unauthorized, 5xx for failed.
   */
  respond?(outcome: WebhookOutcome, config: C): WebhookResponse;
}

export interface PullPage<Checkpoint extends JsonObject = JsonObject> {
  items: SourceEvent[];
  /** Where the next call starts; the hub saves it after every page, so a crash resumes here. */
  nextCheckpoint: Checkpoint | undefined;
  /** No more pages for now; the next scheduled run starts from `nextCheckpoint` (or afresh). */
  done: boolean;
}

export interface PullCapability<C, Checkpoint extends JsonObject = JsonObject> {
  /** How often the hub schedules a pull unless the connection says otherwise. */
  defaultIntervalMs?: number;
  /**
   * Whether this connection pulls at all, for connectors that push or pull by config (portals);
   * the hub schedules no pulls when it says false. Absent: every connection pulls.
   */
  enabled?(config: C): boolean;
  pullPage(
    checkpoint: Checkpoint | undefined,
    ctx: ConnectorContext<C>,
  ): Promise<PullPage<Checkpoint>>;
}

/** What every outbound call receives. */
export interface ConnectorContext<C> extends HttpContext {
  /** The connection's validated config, secrets decrypted. */
  config: C;
  /** `config.baseUrl` when set, else the connector's `defaultBaseUrl`, without a trailing slash. */
  baseUrl: string;
}

export type ConnectionTestResult = { ok: true; detail?: string } | { ok: false; reason: string };

export interface ConnectorDefinition<
  Id extends string = string,
  S extends ConfigSchema = ConfigSchema,
  VendorRecord = unknown,
  Checkpoint extends JsonObject = JsonObject,
> {
  /** Stable snake_case id; also the `source` of the leads it makes. */
  id: Id;
  title: string;
  description?: string;
  direction: ConnectorDirection;
  auth: ConnectorAuthKind;
  /** The connection's config; mark secrets with `secret()`. */
  config: S;
  /** Where the vendor's API lives; a connection overrides it with `config.baseUrl`. */
  defaultBaseUrl?: string;
  webhook?: WebhookCapability<z.output<S>>;
  /** Turns a `reference` event into a lead (Meta: GET the lead from the Graph API). */
  fetchReference?(
    reference: ConnectorReference,
    ctx: ConnectorContext<z.output<S>>,
  ): Promise<LeadInput>;
  pull?: PullCapability<z.output<S>, Checkpoint>;
  /** The vendor's record (a Graph API lead, a Google webhook body) as a `LeadInput`. */
  mapToLead?(record: VendorRecord, config: z.output<S>): LeadInput;
  /** A cheap authenticated call that says whether the credentials work (the hub's "test" button). */
  testConnection?(ctx: ConnectorContext<z.output<S>>): Promise<ConnectionTestResult>;
  /**
   * A destination's one capability: creates the order's document in the vendor's system (an
   * invoice, a sales order, a delivery) exactly once per `ctx.idempotencyKey`, and returns its
   * reference. A push that finds the document an earlier attempt made returns it with
   * `created: false`. Errors are the three connector error classes.
   */
  push?(order: PushOrder, ctx: PushContext<z.output<S>>): Promise<PushResult>;
}

export type Connector<
  Id extends string = string,
  S extends ConfigSchema = ConfigSchema,
  VendorRecord = unknown,
  Checkpoint extends JsonObject = JsonObject,
> = Readonly<ConnectorDefinition<Id, S, VendorRecord, Checkpoint>>;

const CONNECTOR_ID = /^[a-z][a-z0-9_]{1,62}$/;
const AUTH_KINDS: readonly ConnectorAuthKind[] = [
  "none",
  "shared_secret",
  "hmac",
  "api_key",
  "oauth2",
];

function fail(id: string, message: string): never {
  throw new TypeError(`defineConnector(${JSON.stringify(id)}): ${message}`);
}

/**
 * Checks a connector description once, at import, and freezes it. Mistakes here are programming
 * errors (a `TypeError`), not something a connection could cause.
 */
export function defineConnector<
  const Id extends string,
  S extends ConfigSchema,
  VendorRecord = unknown,
  Checkpoint extends JsonObject = JsonObject,
>(
  definition: ConnectorDefinition<Id, S, VendorRecord, Checkpoint>,
): Connector<Id, S, VendorRecord, Checkpoint> {
  const { id } = definition;
  if (!CONNECTOR_ID.test(id)) fail(id, "id must be snake_case: a letter, then a-z, 0-9 or _");
  if (!definition.title.trim()) fail(id, "title must not be empty");
  if (definition.direction !== "source" && definition.direction !== "destination") {
    fail(id, `direction must be "source" or "destination"`);
  }
  if (!AUTH_KINDS.includes(definition.auth))
    fail(id, `auth must be one of ${AUTH_KINDS.join(", ")}`);
  if (!(definition.config instanceof z.ZodObject)) fail(id, "config must be a zod object schema");
  if (definition.direction === "source" && !definition.webhook && !definition.pull) {
    fail(id, "a source needs a webhook or a pull capability");
  }
  if (definition.direction === "destination" && !definition.push) {
    fail(id, "a destination needs a push capability");
  }
  if (definition.defaultBaseUrl !== undefined) {
    if (!baseUrlSchema.safeParse(definition.defaultBaseUrl).success) {
      fail(id, "defaultBaseUrl must be an absolute http(s) URL");
    }
    if (!("baseUrl" in definition.config.shape)) {
      fail(id, "a connector with a defaultBaseUrl must accept baseUrl in its config");
    }
  }
  if (definition.auth !== "none" && secretPaths(definition.config).length === 0) {
    fail(id, `auth "${definition.auth}" needs at least one field marked with secret()`);
  }
  return Object.freeze({ ...definition });
}

/** Validates a connection's config: the parsed value, or the SDK's `ValidationError` naming each field. */
export function parseConfig<S extends ConfigSchema>(
  connector: { id: string; config: S },
  input: unknown,
): z.output<S> {
  return parseInput(connector.config, input, `${connector.id} config`);
}

/** A copy of a config that is safe to return or log: every secret field reads `[redacted]`. */
export function redactConfig<S extends ConfigSchema>(
  connector: { config: S },
  config: z.output<S>,
): z.output<S> {
  return redactConfigWith(connector.config, config);
}

/** The connector's secret fields as dotted paths, for the hub's encryption at rest. */
export function secretFields(connector: { config: ConfigSchema }): string[] {
  return secretPaths(connector.config);
}

/** The URL calls go to: the connection's `baseUrl`, else the connector's default. */
export function resolveBaseUrl(
  connector: { id: string; defaultBaseUrl?: string },
  config: { baseUrl?: string | undefined },
): string {
  const url = config.baseUrl ?? connector.defaultBaseUrl;
  if (url === undefined) {
    // Permanent: no retry supplies a URL; the connection's config has to be corrected.
    throw new PermanentConnectorError(
      `${connector.id}: no baseUrl in the config and no defaultBaseUrl`,
      { code: "config_invalid" },
    );
  }
  return url.replace(/\/+$/, "");
}

export interface CreateContextOptions<C> {
  config: C;
  /** Defaults to the global fetch, looked up per call (so msw or a polyfill installed later is used). */
  fetch?: FetchFunction;
  signal?: AbortSignal;
  now?: () => number;
}

/** The context for outbound calls, with defaults filled in. */
export function createContext<S extends ConfigSchema>(
  connector: { id: string; config: S; defaultBaseUrl?: string },
  options: CreateContextOptions<z.output<S>>,
): ConnectorContext<z.output<S>> {
  const config = options.config as z.output<S> & { baseUrl?: string };
  return {
    config,
    baseUrl: resolveBaseUrl(connector, config),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    ...(options.signal && { signal: options.signal }),
    now: options.now ?? (() => Date.now()),
  };
}

/** What the hub lists at `GET /v1/connectors`: the connector and its config as JSON Schema. */
export interface ConnectorManifest {
  id: string;
  title: string;
  description?: string;
  direction: ConnectorDirection;
  auth: ConnectorAuthKind;
  capabilities: {
    webhook: boolean;
    handshake: boolean;
    fetchReference: boolean;
    pull: boolean;
    testConnection: boolean;
    push: boolean;
  };
  defaultBaseUrl?: string;
  /** JSON Schema of the config input; secret fields carry `writeOnly: true` and `x-forecourt-secret`. */
  configSchema: Record<string, unknown>;
  secretFields: string[];
}

export function connectorManifest(connector: Connector): ConnectorManifest {
  return {
    id: connector.id,
    title: connector.title,
    ...(connector.description !== undefined && { description: connector.description }),
    direction: connector.direction,
    auth: connector.auth,
    capabilities: {
      webhook: connector.webhook !== undefined,
      handshake: connector.webhook?.handshake !== undefined,
      fetchReference: connector.fetchReference !== undefined,
      pull: connector.pull !== undefined,
      testConnection: connector.testConnection !== undefined,
      push: connector.push !== undefined,
    },
    ...(connector.defaultBaseUrl !== undefined && { defaultBaseUrl: connector.defaultBaseUrl }),
    configSchema: z.toJSONSchema(connector.config, {
      io: "input",
      unrepresentable: "any",
    }) as Record<string, unknown>,
    secretFields: secretFields(connector),
  };
}
