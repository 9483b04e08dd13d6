import { invalid } from "../validate.js";
import { type ClientOptions, resolveClientOptions } from "./options.js";
import {
  type Action,
  action,
  type ChildListable,
  type Creatable,
  childList,
  creatable,
  type Listable,
  type Lookup,
  listable,
  lookup,
  type Readable,
  type Removable,
  type Replaceable,
  readable,
  removable,
  replaceable,
  type TopListPath,
  type Updatable,
  updatable,
} from "./resources.js";
import {
  type ClientRuntime,
  createTransport,
  defaultRuntime,
  type RawBody,
  type SendParts,
} from "./transport.js";
import type {
  ByIdPath,
  CallOptions,
  CollectionPath,
  Query,
  RequestBody,
  RequestFunction,
  ResponseBody,
} from "./types.js";

const ORDER_CHANGE_DECISION = "/v1/orders/{id}/changes/{changeId}/decision";
const OAUTH_START = "/v1/connections/{id}/oauth/start";
const IMPORTS = "/v1/connections/{id}/imports";

/** The content types the hub's file import takes. */
export const IMPORT_CONTENT_TYPES = [
  "text/csv",
  "text/vcard",
  "text/x-vcard",
  "application/octet-stream",
] as const;
export type ImportContentType = (typeof IMPORT_CONTENT_TYPES)[number];

export interface ImportFileOptions extends Omit<CallOptions, "idempotencyKey"> {
  /**
   * The file's type. Defaults to a Blob's own `type` when it is one of these, else
   * `application/octet-stream` (the connection's connector reads the file either way).
   */
  contentType?: ImportContentType;
  /**
   * Names the upload for good (your import screen's upload id): a second upload with the same
   * id adds nothing even if the bytes differ. Without it the file's SHA-256 names it.
   */
  fileId?: string;
}

function importContentType(file: RawBody, given: string | undefined): ImportContentType {
  const allowed = (type: string): type is ImportContentType =>
    (IMPORT_CONTENT_TYPES as readonly string[]).includes(type);
  if (given !== undefined) {
    if (!allowed(given)) {
      invalid("import options", "contentType", `must be one of ${IMPORT_CONTENT_TYPES.join(", ")}`);
    }
    return given;
  }
  const own = typeof Blob !== "undefined" && file instanceof Blob ? file.type.split(";")[0] : "";
  return own && allowed(own) ? own : "application/octet-stream";
}

/** Create, list, get and update: what the organisation resources offer. */
export type CrudResource<
  Collection extends CollectionPath<"POST"> & TopListPath,
  Item extends ByIdPath<"GET"> & ByIdPath<"PATCH">,
> = Creatable<Collection> & Listable<Collection> & Readable<Item> & Updatable<Item>;

export interface ForecourtClient {
  /** Any route of the hub by its path template, typed from the OpenAPI document. */
  request: RequestFunction;
  stores: CrudResource<"/v1/stores", "/v1/stores/{id}">;
  teams: CrudResource<"/v1/teams", "/v1/teams/{id}">;
  salespeople: CrudResource<"/v1/salespeople", "/v1/salespeople/{id}">;
  /** The audit log (admin keys): every mutation with actor, action and before/after digests. */
  auditEvents: Listable<"/v1/audit-events">;
  /**
   * Leads: `create` runs the hub's pipeline (normalise, match, rate, assign, plan follow-ups)
   * and answers 201 with a new lead or 200 with the open lead an inquiry was matched to.
   */
  leads: CrudResource<"/v1/leads", "/v1/leads/{id}"> & {
    /** To a salesperson, or (without `salespersonId`) by the assignment rules again. */
    assign: Action<"/v1/leads/{id}/assign">;
    /** To another store or salesperson, with a reason. */
    transfer: Action<"/v1/leads/{id}/transfer">;
    /** Overrides the computed grade with a reason; `grade: null` removes the override. */
    overrideGrade: Action<"/v1/leads/{id}/grade">;
    /** Each inquiry that reached the lead. */
    touchpoints: ChildListable<"/v1/leads/{id}/touchpoints">;
  };
  /** Follow-up tasks. */
  tasks: Listable<"/v1/tasks"> & {
    complete: Action<"/v1/tasks/{id}/complete">;
    snooze: Action<"/v1/tasks/{id}/snooze">;
  };
  /** Customers; `list({ phone })` or `list({ email })` finds them through the blind index. */
  customers: Creatable<"/v1/customers"> &
    Listable<"/v1/customers"> &
    Readable<"/v1/customers/{id}">;
  opportunities: Creatable<"/v1/opportunities"> &
    Listable<"/v1/opportunities"> &
    Readable<"/v1/opportunities/{id}"> & {
      /** Moves the opportunity to another stage (send the `version` you read). */
      changeStage: Action<"/v1/opportunities/{id}/stage">;
      /** Hands the opportunity to another salesperson. */
      transfer: Action<"/v1/opportunities/{id}/transfer">;
      /** Closes it as won or lost. */
      close: Action<"/v1/opportunities/{id}/close">;
      activities: ChildListable<"/v1/opportunities/{id}/activities"> & {
        /** Records a call, visit, test drive … on the opportunity. */
        create: Action<"/v1/opportunities/{id}/activities">;
      };
    };
  /** The group's lead assignment rules, read and replaced as a whole. */
  assignmentRules: Replaceable<"/v1/assignment-rules"> & {
    get: Lookup<"/v1/assignment-rules">;
  };
  /**
   * The group's order rules (approval, tax, changes), read and replaced as a whole: `get` answers
   * the rules in force with every field filled in and `overrides`, what the group set; `replace`
   * takes the SDK's rule schemas (admin and finance keys; managers read).
   */
  orderRules: Replaceable<"/v1/order-rules"> & {
    get: Lookup<"/v1/order-rules">;
  };
  /** Orders (订单): drafts, approval, tracking milestones, changes and contracts. */
  orders: Creatable<"/v1/orders"> &
    Listable<"/v1/orders"> &
    Readable<"/v1/orders/{id}"> & {
      /** Submits a draft for approval. */
      submit: Action<"/v1/orders/{id}/submit">;
      /** Approves or rejects a submitted order in one of the approver roles it needs. */
      approve: Action<"/v1/orders/{id}/approvals">;
      /** Records a tracking milestone (contracted → allocated → in transit → …). */
      recordStatus: Action<"/v1/orders/{id}/status">;
      /** Requests a change of configuration, delivery date or price. */
      requestChange: Action<"/v1/orders/{id}/changes">;
      /** Approves or rejects a pending change. */
      decideChange(
        orderId: string,
        changeId: string,
        body: RequestBody<typeof ORDER_CHANGE_DECISION, "POST">,
        options?: CallOptions,
      ): Promise<ResponseBody<typeof ORDER_CHANGE_DECISION, "POST">>;
      /** Renders the contract of an approved order from a template. */
      renderContract: Action<"/v1/orders/{id}/contract">;
      /** Records who signed the current contract, and when. */
      signContract: Action<"/v1/orders/{id}/contract/sign">;
    };
  /** Where the hub delivers events (Standard Webhooks); admin keys. */
  webhookEndpoints: CrudResource<"/v1/webhook-endpoints", "/v1/webhook-endpoints/{id}"> &
    Removable<"/v1/webhook-endpoints/{id}"> & {
      /** A new signing secret, returned once; the old one keeps signing for a while. */
      rotateSecret: Action<"/v1/webhook-endpoints/{id}/rotate-secret">;
      /** Sends a `webhook.test` event. */
      test: Action<"/v1/webhook-endpoints/{id}/test">;
    };
  /** The delivery log of outbound events. */
  webhookDeliveries: Listable<"/v1/webhook-deliveries"> &
    Readable<"/v1/webhook-deliveries/{id}"> & {
      /** Sends a dead or failed delivery again. */
      replay: Action<"/v1/webhook-deliveries/{id}/replay">;
    };
  /** Pushes of approved orders to finance and ERP destinations; `list({ status: "dead" })`. */
  orderSyncs: Listable<"/v1/order-syncs"> & {
    /** Pushes a dead order sync again, with the same idempotency key towards the destination. */
    replay: Action<"/v1/order-syncs/{id}/replay">;
  };
  /** The connectors this hub offers, with the JSON Schema of each one's config. */
  connectors: { list: Lookup<"/v1/connectors"> };
  /** Lead sources connected to the group (secrets come back redacted). */
  connections: CrudResource<"/v1/connections", "/v1/connections/{id}"> & {
    /** Stops its webhook and pulls. */
    disable: Action<"/v1/connections/{id}/disable">;
    /** Checks its credentials with the vendor. */
    test: Action<"/v1/connections/{id}/test">;
    /**
     * Starts OAuth2 (Xero, QuickBooks, Meta): the provider's authorize URL to send the admin's
     * browser to. (The route's `redirect` answers 302 for browsers; the client asks for JSON.)
     */
    startOAuth(
      id: string,
      query?: Omit<Query<typeof OAUTH_START, "GET">, "redirect">,
      options?: CallOptions,
    ): Promise<ResponseBody<typeof OAUTH_START, "GET">>;
    /**
     * Imports a CSV or vCard file into a `csv_import` or `vcard` connection: one inbox entry
     * (then a lead) per usable row or card. Answers 202 with how many rows were accepted, were
     * there already and failed, and where and why each failure is. The same file twice (or the
     * same `fileId`) adds nothing, so a retry is safe; the file must be text, bytes or a Blob so
     * a retry can send it again.
     */
    importFile(
      id: string,
      file: RawBody,
      options?: ImportFileOptions,
    ): Promise<ResponseBody<typeof IMPORTS, "POST">>;
  };
  /** Inbound events as stored; `list({ status: "dead" })` shows the dead letters. */
  inbox: Listable<"/v1/inbox"> & {
    /** Processes a dead letter again. */
    replay: Action<"/v1/inbox/{id}/replay">;
  };
  /** Computed reports over the group's leads, opportunities and orders. */
  analytics: {
    funnel: Lookup<"/v1/analytics/funnel">;
    forecast: Lookup<"/v1/analytics/forecast">;
    conversion: Lookup<"/v1/analytics/conversion">;
    orders: Lookup<"/v1/analytics/orders">;
  };
}

/** `createClient` with a replaceable clock, randomness and sleep; the tests' entry point. */
export function createClientWithRuntime(
  options: ClientOptions,
  runtime: ClientRuntime,
): ForecourtClient {
  const send = createTransport(resolveClientOptions(options), runtime);
  const crud = <
    Collection extends CollectionPath<"POST"> & TopListPath,
    Item extends ByIdPath<"GET"> & ByIdPath<"PATCH">,
  >(
    collection: Collection,
    item: Item,
  ): CrudResource<Collection, Item> => ({
    ...creatable(send, collection),
    ...listable(send, collection),
    ...readable(send, item),
    ...updatable(send, item),
  });
  return {
    request: ((method: Parameters<typeof send>[0], path: string, parts?: SendParts) =>
      send(method, path, parts)) as RequestFunction,
    stores: crud("/v1/stores", "/v1/stores/{id}"),
    teams: crud("/v1/teams", "/v1/teams/{id}"),
    salespeople: crud("/v1/salespeople", "/v1/salespeople/{id}"),
    auditEvents: listable(send, "/v1/audit-events"),
    leads: {
      ...crud("/v1/leads", "/v1/leads/{id}"),
      assign: action(send, "/v1/leads/{id}/assign"),
      transfer: action(send, "/v1/leads/{id}/transfer"),
      overrideGrade: action(send, "/v1/leads/{id}/grade"),
      touchpoints: childList(send, "/v1/leads/{id}/touchpoints"),
    },
    tasks: {
      ...listable(send, "/v1/tasks"),
      complete: action(send, "/v1/tasks/{id}/complete"),
      snooze: action(send, "/v1/tasks/{id}/snooze"),
    },
    customers: {
      ...creatable(send, "/v1/customers"),
      ...listable(send, "/v1/customers"),
      ...readable(send, "/v1/customers/{id}"),
    },
    opportunities: {
      ...creatable(send, "/v1/opportunities"),
      ...listable(send, "/v1/opportunities"),
      ...readable(send, "/v1/opportunities/{id}"),
      changeStage: action(send, "/v1/opportunities/{id}/stage"),
      transfer: action(send, "/v1/opportunities/{id}/transfer"),
      close: action(send, "/v1/opportunities/{id}/close"),
      activities: {
        ...childList(send, "/v1/opportunities/{id}/activities"),
        create: action(send, "/v1/opportunities/{id}/activities"),
      },
    },
    assignmentRules: {
      get: lookup(send, "/v1/assignment-rules"),
      ...replaceable(send, "/v1/assignment-rules"),
    },
    orderRules: {
      get: lookup(send, "/v1/order-rules"),
      ...replaceable(send, "/v1/order-rules"),
    },
    orders: {
      ...creatable(send, "/v1/orders"),
      ...listable(send, "/v1/orders"),
      ...readable(send, "/v1/orders/{id}"),
      submit: action(send, "/v1/orders/{id}/submit"),
      approve: action(send, "/v1/orders/{id}/approvals"),
      recordStatus: action(send, "/v1/orders/{id}/status"),
      requestChange: action(send, "/v1/orders/{id}/changes"),
      decideChange: (orderId, changeId, body, options) =>
        send("POST", ORDER_CHANGE_DECISION, {
          ...options,
          params: { id: orderId, changeId },
          body,
        }) as Promise<ResponseBody<typeof ORDER_CHANGE_DECISION, "POST">>,
      renderContract: action(send, "/v1/orders/{id}/contract"),
      signContract: action(send, "/v1/orders/{id}/contract/sign"),
    },
    webhookEndpoints: {
      ...crud("/v1/webhook-endpoints", "/v1/webhook-endpoints/{id}"),
      ...removable(send, "/v1/webhook-endpoints/{id}"),
      rotateSecret: action(send, "/v1/webhook-endpoints/{id}/rotate-secret"),
      test: action(send, "/v1/webhook-endpoints/{id}/test"),
    },
    webhookDeliveries: {
      ...listable(send, "/v1/webhook-deliveries"),
      ...readable(send, "/v1/webhook-deliveries/{id}"),
      replay: action(send, "/v1/webhook-deliveries/{id}/replay"),
    },
    orderSyncs: {
      ...listable(send, "/v1/order-syncs"),
      replay: action(send, "/v1/order-syncs/{id}/replay"),
    },
    connectors: { list: lookup(send, "/v1/connectors") },
    connections: {
      ...crud("/v1/connections", "/v1/connections/{id}"),
      disable: action(send, "/v1/connections/{id}/disable"),
      test: action(send, "/v1/connections/{id}/test"),
      startOAuth: (id, query, options) =>
        send("GET", OAUTH_START, { ...options, params: { id }, query }) as Promise<
          ResponseBody<typeof OAUTH_START, "GET">
        >,
      // Async, so a bad argument is a rejected promise like every other failure of a call.
      importFile: async (id, file, options = {}) => {
        const { contentType, fileId, ...call } = options;
        if (
          typeof file !== "string" &&
          !(file instanceof Uint8Array) &&
          !(file instanceof ArrayBuffer) &&
          !(typeof Blob !== "undefined" && file instanceof Blob)
        ) {
          invalid("import file", "", "must be a string, a Uint8Array, an ArrayBuffer or a Blob");
        }
        return send("POST", IMPORTS, {
          ...call,
          params: { id },
          query: fileId === undefined ? undefined : { fileId },
          raw: { data: file, contentType: importContentType(file, contentType) },
        }) as Promise<ResponseBody<typeof IMPORTS, "POST">>;
      },
    },
    inbox: {
      ...listable(send, "/v1/inbox"),
      replay: action(send, "/v1/inbox/{id}/replay"),
    },
    analytics: {
      funnel: lookup(send, "/v1/analytics/funnel"),
      forecast: lookup(send, "/v1/analytics/forecast"),
      conversion: lookup(send, "/v1/analytics/conversion"),
      orders: lookup(send, "/v1/analytics/orders"),
    },
  };
}

/**
 * A typed client for the Forecourt hub. Options are checked at once: a missing or malformed
 * option, or one the client does not know, throws `ValidationError` naming it.
 *
 * ```ts
 * const hub = createClient({ baseUrl: "https://hub.example.com", apiKey: process.env.FORECOURT_KEY });
 * const store = await hub.stores.create({ name: "Chaoyang", code: "BJ02", region: "110000" });
 * for await (const s of hub.stores.listAll()) console.log(s.code);
 * ```
 */
export function createClient(options: ClientOptions): ForecourtClient {
  return createClientWithRuntime(options, defaultRuntime);
}
