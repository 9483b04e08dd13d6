/**
 * Types derived from the generated `paths` of the hub's OpenAPI document: which routes exist,
 * and for each its path parameters, query, JSON body and success response. Nothing here is
 * written by hand per route, so a route the hub adds or changes shows up after
 * `generate:client`, and a call that does not match the hub fails to compile.
 */
import type { paths } from "./openapi.generated.js";

export type { paths };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A path template of the hub, e.g. `"/v1/stores/{id}"`. */
export type HubPath = keyof paths;

/** The operation behind `method path`, or `never` when the hub has no such route. */
export type Operation<P extends HubPath, M extends HttpMethod> =
  Lowercase<M> extends keyof paths[P] ? NonNullable<paths[P][Lowercase<M>]> : never;

/** Every path that answers `method`. */
export type PathsWith<M extends HttpMethod> = {
  [P in HubPath]: [Operation<P, M>] extends [never] ? never : P;
}[HubPath];

export type PathParams<Op> = Op extends { parameters: { path: infer T } } ? T : never;
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type RequestBodyObject<Op> = Op extends { requestBody?: infer R } ? NonNullable<R> : never;
export type JsonBodyOf<Op> = [RequestBodyObject<Op>] extends [never]
  ? never
  : RequestBodyObject<Op> extends { content: { "application/json": infer B } }
    ? B
    : never;

type SuccessStatus = 200 | 201 | 202 | 204;
type SuccessBodies<R> = {
  [S in keyof R & SuccessStatus]: R[S] extends { content: { "application/json": infer B } }
    ? B
    : undefined;
}[keyof R & SuccessStatus];
export type SuccessBodyOf<Op> = Op extends { responses: infer R } ? SuccessBodies<R> : never;

/** The JSON body `method path` takes, e.g. `RequestBody<"/v1/stores", "POST">`. */
export type RequestBody<P extends HubPath, M extends HttpMethod> = JsonBodyOf<Operation<P, M>>;
/** What `method path` answers with on success, e.g. `ResponseBody<"/v1/stores/{id}", "GET">`. */
export type ResponseBody<P extends HubPath, M extends HttpMethod> = SuccessBodyOf<Operation<P, M>>;
/** The query `method path` accepts. */
export type Query<P extends HubPath, M extends HttpMethod> = QueryOf<Operation<P, M>>;

/** Per-call options every method accepts. */
export interface CallOptions {
  /**
   * For POST: the `Idempotency-Key` to send (1–255 characters). Without it the client makes one
   * per call. Every retry of the call reuses it; pass your own to make a repeat of the whole call
   * (after a crash, from a queue) safe too.
   */
  idempotencyKey?: string;
  /** Aborts the call, including any retry not yet sent. */
  signal?: AbortSignal;
  /** Extra headers for this call (`Authorization` and `Idempotency-Key` are the client's). */
  headers?: Record<string, string>;
}

type ParamsPart<Op> = [PathParams<Op>] extends [never]
  ? { params?: never }
  : { params: PathParams<Op> };
type QueryPart<Op> = [QueryOf<Op>] extends [never]
  ? { query?: never }
  : // biome-ignore lint/complexity/noBannedTypes: `{}` extends Q exactly when every key of Q is optional
    {} extends QueryOf<Op>
    ? { query?: QueryOf<Op> }
    : { query: QueryOf<Op> };
type BodyPart<Op> = [JsonBodyOf<Op>] extends [never]
  ? { body?: never }
  : Op extends { requestBody: unknown }
    ? { body: JsonBodyOf<Op> }
    : { body?: JsonBodyOf<Op> };

/** The second argument of `request(method, path, …)`: path params, query, body and call options. */
export type RequestParts<P extends HubPath, M extends HttpMethod> = ParamsPart<Operation<P, M>> &
  QueryPart<Operation<P, M>> &
  BodyPart<Operation<P, M>> &
  CallOptions;

/** The typed escape hatch under every resource method: any route of the hub, by its template. */
export type RequestFunction = <M extends HttpMethod, P extends PathsWith<M>>(
  method: M,
  path: P,
  // biome-ignore lint/complexity/noBannedTypes: see QueryPart
  ...parts: {} extends RequestParts<P, M>
    ? [parts?: RequestParts<P, M>]
    : [parts: RequestParts<P, M>]
) => Promise<ResponseBody<P, M>>;

/** One page of a list route: the hub's `{ data, nextCursor }`. */
export interface Page<T> {
  data: T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  nextCursor: string | null;
}

/** Paths whose GET answers with a page, i.e. the list routes. */
export type ListPath = {
  [P in PathsWith<"GET">]: ResponseBody<P, "GET"> extends Page<unknown> ? P : never;
}[PathsWith<"GET">];

/** The item type of a list route. */
export type ItemOf<P extends ListPath> = ResponseBody<P, "GET"> extends Page<infer T> ? T : never;

/** Paths without path parameters answering `method`, e.g. `/v1/stores` for POST. */
export type CollectionPath<M extends HttpMethod> = {
  [P in PathsWith<M>]: [PathParams<Operation<P, M>>] extends [never] ? P : never;
}[PathsWith<M>];

/** Paths whose only path parameter is `{id}`, answering `method`. */
export type ByIdPath<M extends HttpMethod> = {
  [P in PathsWith<M>]: PathParams<Operation<P, M>> extends { id: string }
    ? [Exclude<keyof PathParams<Operation<P, M>>, "id">] extends [never]
      ? P
      : never
    : never;
}[PathsWith<M>];
