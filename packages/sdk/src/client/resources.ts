/**
 * The friendly methods (`create`, `list`, `listAll`, `pages`, `get`, `update`) as small typed
 * building blocks over `send`. A resource is a spread of the blocks its routes support, with the
 * path templates from the generated types, so a resource the hub adds takes a few lines in
 * `client.ts`. Routes outside these shapes (actions such as assign or complete) are one
 * `request(method, path, …)` call away.
 */
import { ForecourtError } from "../errors.js";
import type { Send } from "./transport.js";
import type {
  ByIdPath,
  CallOptions,
  ItemOf,
  ListPath,
  Page,
  PathsWith,
  Query,
  RequestBody,
  ResponseBody,
} from "./types.js";

/** `list`'s query for a list route; `listAll` and `pages` manage `cursor` themselves. */
export type ListQuery<P extends ListPath> = Query<P, "GET">;
export type ListAllQuery<P extends ListPath> = Omit<ListQuery<P>, "cursor">;

export interface Creatable<P extends PathsWith<"POST">> {
  /** POST with an `Idempotency-Key` (yours via `options.idempotencyKey`, or a fresh one). */
  create(body: RequestBody<P, "POST">, options?: CallOptions): Promise<ResponseBody<P, "POST">>;
}

export interface Listable<P extends ListPath> {
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

export function creatable<P extends PathsWith<"POST">>(send: Send, path: P): Creatable<P> {
  return {
    create: (body, options) =>
      send("POST", path, { ...options, body }) as Promise<ResponseBody<P, "POST">>,
  };
}

export function listable<P extends ListPath>(send: Send, path: P): Listable<P> {
  const list = (query?: object, options?: CallOptions) =>
    send("GET", path, { ...options, query }) as Promise<Page<ItemOf<P>>>;
  async function* pages(query?: object, options?: CallOptions) {
    let cursor: string | undefined;
    do {
      const page = await list({ ...query, cursor }, options);
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
  async function* listAll(query?: object, options?: CallOptions) {
    for await (const page of pages(query, options)) yield* page.data;
  }
  return { list, pages, listAll };
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
