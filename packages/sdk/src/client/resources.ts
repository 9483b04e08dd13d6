/**
 * The friendly methods as small typed building blocks over `send`. A resource is a spread of the
 * blocks its routes support, with path templates checked against the generated types, so a
 * resource the hub adds takes a few lines in `client.ts`:
 *
 * - `creatable`  POST /things                  → create(body)
 * - `listable`   GET  /things                  → list(query), listAll(query), pages(query)
 * - `readable`   GET  /things/{id}             → get(id)
 * - `updatable`  PATCH /things/{id}            → update(id, body)
 * - `action`     POST /things/{id}/verb        → verb(id, body)
 * - `childList`  GET  /things/{id}/children    → list(id, query), listAll(id, query), pages(id, query)
 * - `lookup`     GET  /reports/x               → x(query)
 * - `replaceable` PUT /settings                → replace(body)
 * - `removable`  DELETE /things/{id}           → delete(id)
 *
 * Anything else is one `request(method, path, …)` call away.
 */
import { ForecourtError } from "../errors.js";
import type { Send } from "./transport.js";
import type {
  ByIdPath,
  CallOptions,
  CollectionPath,
  ItemOf,
  ListPath,
  Page,
  Query,
  RequestBody,
  ResponseBody,
} from "./types.js";

/** `list`'s query for a list route; `listAll` and `pages` manage `cursor` themselves. */
export type ListQuery<P extends ListPath> = Query<P, "GET">;
export type ListAllQuery<P extends ListPath> = Omit<ListQuery<P>, "cursor">;

/** A query argument that is optional exactly when every field of the query is. */
type QueryArgs<Q> = [Q] extends [never]
  ? [query?: undefined, options?: CallOptions]
  : // biome-ignore lint/complexity/noBannedTypes: `{}` extends Q exactly when every key of Q is optional
    {} extends Q
    ? [query?: Q, options?: CallOptions]
    : [query: Q, options?: CallOptions];

/** A list route of the tenant, e.g. `/v1/stores`. */
export type TopListPath = ListPath & CollectionPath<"GET">;
/** A list route below one object, e.g. an opportunity's activities. */
export type ChildListPath = ListPath & ByIdPath<"GET">;

export interface Creatable<P extends CollectionPath<"POST">> {
  /** POST with an `Idempotency-Key` (yours via `options.idempotencyKey`, or a fresh one). */
  create(body: RequestBody<P, "POST">, options?: CallOptions): Promise<ResponseBody<P, "POST">>;
}

export interface Listable<P extends TopListPath> {
  /** One page: `{ data, nextCursor }`. Pass `nextCursor` back as `cursor` for the next. */
  list(query?: ListQuery<P>, options?: CallOptions): Promise<Page<ItemOf<P>>>;
  /** Every item of every page, fetching the next page only when the current one is used up. */
  listAll(
    query?: ListAllQuery<P>,
    options?: CallOptions,
  ): AsyncGenerator<ItemOf<P>, void, undefined>;
  /** Every page in turn, for callers that work a page at a time. */
  pages(
    query?: ListAllQuery<P>,
    options?: CallOptions,
  ): AsyncGenerator<Page<ItemOf<P>>, void, undefined>;
}

export interface ChildListable<P extends ChildListPath> {
  /** One page of the children of object `id`. */
  list(id: string, query?: ListQuery<P>, options?: CallOptions): Promise<Page<ItemOf<P>>>;
  /** Every child of object `id`, across pages. */
  listAll(
    id: string,
    query?: ListAllQuery<P>,
    options?: CallOptions,
  ): AsyncGenerator<ItemOf<P>, void, undefined>;
  /** Every page of the children of object `id`. */
  pages(
    id: string,
    query?: ListAllQuery<P>,
    options?: CallOptions,
  ): AsyncGenerator<Page<ItemOf<P>>, void, undefined>;
}

export interface Readable<P extends ByIdPath<"GET">> {
  /** One object by id; `NotFoundError` when there is none in this tenant (or the key's scope). */
  get(id: string, options?: CallOptions): Promise<ResponseBody<P, "GET">>;
}

export interface Updatable<P extends ByIdPath<"PATCH">> {
  /** PATCH: fields left out keep their values. */
  update(
    id: string,
    body: RequestBody<P, "PATCH">,
    options?: CallOptions,
  ): Promise<ResponseBody<P, "PATCH">>;
}

/** An action's arguments: `(id, body, options?)`, or `(id, undefined?, options?)` without a body. */
type ActionArgs<P extends ByIdPath<"POST">> = [RequestBody<P, "POST">] extends [never]
  ? [id: string, body?: undefined, options?: CallOptions]
  : [id: string, body: RequestBody<P, "POST">, options?: CallOptions];

/** A POST on one object (`/things/{id}/verb`), idempotent like every POST. */
export type Action<P extends ByIdPath<"POST">> = (
  ...args: ActionArgs<P>
) => Promise<ResponseBody<P, "POST">>;

/** A GET answered by a computed result (a report) rather than a stored object. */
export type Lookup<P extends CollectionPath<"GET">> = (
  ...args: QueryArgs<Query<P, "GET">>
) => Promise<ResponseBody<P, "GET">>;

export interface Removable<P extends ByIdPath<"DELETE">> {
  /** DELETE by id. */
  delete(id: string, options?: CallOptions): Promise<ResponseBody<P, "DELETE">>;
}

/** A PUT that replaces a whole setting of the tenant (assignment rules, say). */
export interface Replaceable<P extends CollectionPath<"PUT">> {
  replace(body: RequestBody<P, "PUT">, options?: CallOptions): Promise<ResponseBody<P, "PUT">>;
}

/** Follows `nextCursor` from page to page until it is null. */
async function* paginate<T>(
  send: Send,
  path: string,
  params: Record<string, string> | undefined,
  query: object | undefined,
  options: CallOptions | undefined,
): AsyncGenerator<Page<T>, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = (await send("GET", path, {
      ...options,
      params,
      query: { ...query, cursor },
    })) as Page<T>;
    yield page;
    if (page.nextCursor !== null && page.nextCursor === cursor) {
      // A hub that hands back the cursor it was given would loop forever.
      throw new ForecourtError(`${path}: the next page's cursor repeats the current one`, {
        code: "pagination_loop",
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

async function* itemsOf<T>(pages: AsyncGenerator<Page<T>, void, undefined>) {
  for await (const page of pages) yield* page.data;
}

export function creatable<P extends CollectionPath<"POST">>(send: Send, path: P): Creatable<P> {
  return {
    create: (body, options) =>
      send("POST", path, { ...options, body }) as Promise<ResponseBody<P, "POST">>,
  };
}

export function listable<P extends TopListPath>(send: Send, path: P): Listable<P> {
  type Item = ItemOf<P>;
  return {
    list: (query, options) => send("GET", path, { ...options, query }) as Promise<Page<Item>>,
    pages: (query, options) => paginate<Item>(send, path, undefined, query, options),
    listAll: (query, options) => itemsOf(paginate<Item>(send, path, undefined, query, options)),
  };
}

export function childList<P extends ChildListPath>(send: Send, path: P): ChildListable<P> {
  type Item = ItemOf<P>;
  return {
    list: (id, query, options) =>
      send("GET", path, { ...options, params: { id }, query }) as Promise<Page<Item>>,
    pages: (id, query, options) => paginate<Item>(send, path, { id }, query, options),
    listAll: (id, query, options) => itemsOf(paginate<Item>(send, path, { id }, query, options)),
  };
}

export function readable<P extends ByIdPath<"GET">>(send: Send, path: P): Readable<P> {
  return {
    get: (id, options) =>
      send("GET", path, { ...options, params: { id } }) as Promise<ResponseBody<P, "GET">>,
  };
}

export function updatable<P extends ByIdPath<"PATCH">>(send: Send, path: P): Updatable<P> {
  return {
    update: (id, body, options) =>
      send("PATCH", path, { ...options, params: { id }, body }) as Promise<
        ResponseBody<P, "PATCH">
      >,
  };
}

export function action<P extends ByIdPath<"POST">>(send: Send, path: P): Action<P> {
  return (...[id, body, options]) =>
    send("POST", path, { ...options, params: { id }, body }) as Promise<ResponseBody<P, "POST">>;
}

export function removable<P extends ByIdPath<"DELETE">>(send: Send, path: P): Removable<P> {
  return {
    delete: (id, options) =>
      send("DELETE", path, { ...options, params: { id } }) as Promise<ResponseBody<P, "DELETE">>,
  };
}

export function lookup<P extends CollectionPath<"GET">>(send: Send, path: P): Lookup<P> {
  return (...[query, options]) =>
    send("GET", path, { ...options, query: query ?? undefined }) as Promise<ResponseBody<P, "GET">>;
}

export function replaceable<P extends CollectionPath<"PUT">>(send: Send, path: P): Replaceable<P> {
  return {
    replace: (body, options) =>
      send("PUT", path, { ...options, body }) as Promise<ResponseBody<P, "PUT">>,
  };
}
