import { type ClientOptions, resolveClientOptions } from "./options.js";
import {
  type Creatable,
  creatable,
  type Listable,
  listable,
  type Readable,
  readable,
  type Updatable,
  updatable,
} from "./resources.js";
import {
  type ClientRuntime,
  createTransport,
  defaultRuntime,
  type SendParts,
} from "./transport.js";
import type { ByIdPath, ListPath, PathsWith, RequestFunction } from "./types.js";

/** Create, list, get and update: what the organisation resources offer. */
export type CrudResource<
  Collection extends PathsWith<"POST"> & ListPath,
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
}

/** `createClient` with a replaceable clock, randomness and sleep; the tests' entry point. */
export function createClientWithRuntime(
  options: ClientOptions,
  runtime: ClientRuntime,
): ForecourtClient {
  const send = createTransport(resolveClientOptions(options), runtime);
  const crud = <
    Collection extends PathsWith<"POST"> & ListPath,
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
