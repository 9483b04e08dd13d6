import ky, { TimeoutError } from "ky";
import {
  type ConnectorError,
  classifyHttpError,
  networkError,
  RetryableConnectorError,
} from "./errors.js";
import { parseJsonExact } from "./json.js";
import { createRedactor } from "./secrets.js";

/** A fetch implementation; the hub injects one (tests inject msw's patched global). */
export type FetchFunction = (
  input: Request | string | URL,
  init?: RequestInit,
) => Promise<Response>;

/** How long one vendor request may take unless the connector says otherwise. */
export const DEFAULT_HTTP_TIMEOUT_MS = 15_000;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a connector needs from its context to make a request. */
export interface HttpContext {
  fetch: FetchFunction;
  signal?: AbortSignal | undefined;
  now(): number;
}

export interface HttpRequest {
  method?: HttpMethod;
  /** Absolute URL: the connection's base URL joined with the path. */
  url: string | URL;
  searchParams?: Record<string, string | number | boolean | undefined> | URLSearchParams;
  headers?: Record<string, string>;
  /** A JSON body (serialised by ky). */
  json?: unknown;
  /** A raw body (form data, XML). */
  body?: string;
  timeoutMs?: number;
  /** Names the vendor in messages: `"Meta Graph API"`. */
  vendor: string;
  /** Values to scrub from any error text (tokens, keys), beyond credential-looking keys. */
  secrets?: readonly (string | undefined)[];
  /**
   * Reads a vendor's own error format first (e.g. Meta's `error.code` in a 400); return
   * `undefined` to fall back to `classifyHttpError` by status.
   */
  classifyError?(response: Response, body: string): ConnectorError | undefined;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The body as text (JSON callers parse it with `parseJsonExact` to keep 64-bit ids exact). */
  text: string;
}

function toSearchParams(input: HttpRequest["searchParams"]): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}

/**
 * One vendor request. ky is created for this call with the context's fetch, `retry: 0` (the
 * hub's job queue owns retries and their backoff) and a timeout. A non-2xx answer or no answer
 * becomes a classified `ConnectorError` whose text never carries the request's secrets; an
 * abort from the caller's signal is rethrown as it is.
 */
export async function request(ctx: HttpContext, req: HttpRequest): Promise<HttpResult> {
  const method = req.method ?? "GET";
  const url = new URL(req.url);
  const searchParams = toSearchParams(req.searchParams);
  // Messages name the endpoint without its query string, where tokens travel.
  const what = `${req.vendor} ${method} ${url.origin}${url.pathname}`;
  const redact = createRedactor(req.secrets);
  const timeoutMs = req.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const http = ky.create({
    fetch: ctx.fetch,
    retry: 0,
    timeout: timeoutMs,
    throwHttpErrors: false,
  });
  let response: Response;
  let text: string;
  try {
    response = await http(url, {
      method,
      searchParams: mergeSearchParams(url.searchParams, searchParams),
      ...(req.headers && { headers: req.headers }),
      ...(req.json !== undefined && { json: req.json }),
      ...(req.body !== undefined && { body: req.body }),
      ...(ctx.signal && { signal: ctx.signal }),
    });
    text = await response.text();
  } catch (error) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw networkError(what, error, {
      redact,
      ...(error instanceof TimeoutError && { timeoutMs }),
    });
  }
  if (!response.ok) {
    throw (
      req.classifyError?.(response, text) ??
      (await classifyHttpError(response, { what, body: text, redact, now: ctx.now() }))
    );
  }
  return { status: response.status, headers: response.headers, text };
}

/** A request whose 2xx body must be JSON; 64-bit integers come back as exact strings. */
export async function requestJson(ctx: HttpContext, req: HttpRequest): Promise<unknown> {
  return (await requestJsonResult(ctx, req)).json;
}

/**
 * `requestJson` with the status and headers too, for vendors that answer errors with HTTP 200
 * and still say how long to wait in a header.
 */
export async function requestJsonResult(
  ctx: HttpContext,
  req: HttpRequest,
): Promise<HttpResult & { json: unknown }> {
  const result = await request(ctx, req);
  try {
    return { ...result, json: parseJsonExact(result.text) };
  } catch {
    // A 2xx that is not JSON is a proxy page or a cut-off body far more often than a vendor
    // change; asking again later is the useful answer.
    throw new RetryableConnectorError(
      `${req.vendor} answered ${result.status} with a body that is not JSON`,
      { code: "vendor_invalid_response", status: result.status },
    );
  }
}

function mergeSearchParams(fromUrl: URLSearchParams, extra: URLSearchParams): URLSearchParams {
  const merged = new URLSearchParams(fromUrl);
  extra.forEach((value, key) => {
    merged.set(key, value);
  });
  return merged;
}
