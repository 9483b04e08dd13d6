import ky, { type KyInstance } from "ky";
import { ForecourtError } from "../errors.js";
import { invalid } from "../validate.js";
import {
  connectionError,
  createRedactor,
  errorFromResponse,
  type HubResponse,
  type Redactor,
} from "./errors.js";
import type { ResolvedClientOptions } from "./options.js";
import { type FailedAttempt, parseRetryAfter, retryDelayMs, shouldRetry } from "./retry.js";
import type { HttpMethod } from "./types.js";

/** The clock, randomness and sleep the client uses; tests replace them to run without waiting. */
export interface ClientRuntime {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  now(): number;
  randomUUID(): string;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export const defaultRuntime: ClientRuntime = {
  sleep: abortableSleep,
  random: () => Math.random(),
  now: () => Date.now(),
  randomUUID: () => globalThis.crypto.randomUUID(),
};

/** The untyped request every typed method ends in. */
export interface SendParts {
  params?: Record<string, unknown> | undefined;
  query?: object | undefined;
  body?: unknown;
  /** A body sent as it is (a file), instead of `body` as JSON; it must be readable again for a retry. */
  raw?: { data: RawBody; contentType: string } | undefined;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

export type Send = (method: HttpMethod, path: string, parts?: SendParts) => Promise<unknown>;

/** Bodies a retry can send again: text, bytes, or a Blob (a `File` in browsers). */
export type RawBody = string | Uint8Array | ArrayBuffer | Blob;

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** `/v1/stores/{id}` with `{ id }` → `/v1/stores/sto_…`, each value URL-encoded. */
export function fillPath(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if ((typeof value !== "string" && typeof value !== "number") || value === "") {
      invalid("path parameters", name, `is required by ${template} and must be a non-empty string`);
    }
    return encodeURIComponent(String(value));
  });
}

/** A query object as search params: undefined and null are left out, arrays repeat the key. */
export function toSearchParams(query: object = {}): URLSearchParams {
  const params = new URLSearchParams();
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    params.append(key, value instanceof Date ? value.toISOString() : String(value));
  };
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) add(key, item);
    else add(key, value);
  }
  return params;
}

function serialiseBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch (error) {
    return invalid("request body", "", `cannot be sent as JSON (${(error as Error).message})`);
  }
}

function checkIdempotencyKey(key: string): string {
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    invalid(
      "call options",
      "idempotencyKey",
      `must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`,
    );
  }
  return key;
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === "") return undefined;
  if (contentType !== null && !/\bjson\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type AttemptResult = { ok: true; value: unknown } | ({ ok: false } & FailedAttempt);

/**
 * One attempt's time limit, covering the response and its body (a hub or proxy that sends the
 * headers and then stalls is a timeout too), joined with the caller's signal.
 */
function attemptDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => controller.signal.aborted && !callerSignal?.aborted,
    /** Settles with `promise`, or rejects as soon as the deadline or the caller aborts. */
    race<T>(promise: Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(controller.signal.reason);
        if (controller.signal.aborted) return onAbort();
        controller.signal.addEventListener("abort", onAbort, { once: true });
        promise
          .then(resolve, reject)
          .finally(() => controller.signal.removeEventListener("abort", onAbort));
      });
    },
    done() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * The HTTP layer: ky with the injected fetch, one attempt at a time. Retries are not ky's: the
 * loop here asks `shouldRetry`, which needs the hub's error code (a 409 is retried only while the
 * idempotent request is in progress), honours `Retry-After` on any status, and sleeps through
 * the injectable runtime.
 */
export function createTransport(
  options: ResolvedClientOptions,
  runtime: ClientRuntime = defaultRuntime,
): Send {
  const userFetch = options.fetch;
  const http: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    // Looked up per request, so a fetch installed after the client was made (msw, a polyfill)
    // is the one used.
    fetch: userFetch ?? ((input, init) => globalThis.fetch(input, init)),
    retry: 0,
    throwHttpErrors: false,
    // The attempt's own deadline (below) also covers reading the body, which ky's does not.
    timeout: false,
  });
  const redact: Redactor = createRedactor([options.apiKey]);

  return async function send(method, template, parts = {}) {
    const path = fillPath(template, parts.params);
    const body: BodyInit | undefined = parts.raw
      ? (parts.raw.data as BodyInit)
      : serialiseBody(parts.body);
    const headers = new Headers(parts.headers);
    headers.set("authorization", `Bearer ${options.apiKey}`);
    headers.set("accept", "application/json");
    headers.set("user-agent", options.userAgent);
    if (parts.raw) headers.set("content-type", parts.raw.contentType);
    else if (body !== undefined) headers.set("content-type", "application/json");
    else headers.delete("content-type");
    // One key per call, made before the first attempt, so every retry repeats it and the hub
    // runs the write once.
    if (method === "POST") {
      headers.set(
        "idempotency-key",
        checkIdempotencyKey(parts.idempotencyKey ?? runtime.randomUUID()),
      );
    } else {
      headers.delete("idempotency-key");
    }
    const searchParams = toSearchParams(parts.query);
    const signal = parts.signal;

    const attempt = async (): Promise<AttemptResult> => {
      let response: Response | undefined;
      let text: string;
      const deadline = attemptDeadline(options.timeout, signal);
      try {
        response = await deadline.race(
          http(path.replace(/^\/+/, ""), {
            method,
            headers,
            searchParams,
            signal: deadline.signal,
            ...(body === undefined ? {} : { body }),
          }),
        );
        text = await deadline.race(response.text());
      } catch (error) {
        // A body we stopped waiting for: release the connection.
        response?.body?.cancel().catch(() => {});
        if (signal?.aborted) throw signal.reason;
        return {
          ok: false,
          error: connectionError(
            {
              method,
              path,
              cause: error,
              ...(deadline.timedOut() ? { timeoutMs: options.timeout } : {}),
            },
            redact,
          ),
          retryAfterMs: undefined,
        };
      } finally {
        deadline.done();
      }
      const parsed = parseBody(text, response.headers.get("content-type"));
      if (response.ok) {
        if (typeof parsed === "string") {
          throw new ForecourtError(
            `${method} ${path}: the hub answered with a body that is not JSON`,
            {
              code: "invalid_response",
              status: response.status,
              requestId: response.headers.get("x-request-id") ?? undefined,
              raw: redact(parsed),
            },
          );
        }
        return { ok: true, value: parsed };
      }
      const failed: HubResponse = {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body: parsed ?? "",
      };
      const now = runtime.now();
      return {
        ok: false,
        error: errorFromResponse(failed, { redact, now }),
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now),
      };
    };

    for (let retriesSoFar = 0; ; retriesSoFar++) {
      const result = await attempt();
      if (result.ok) return result.value;
      if (!shouldRetry(result, retriesSoFar, options.maxRetries)) throw result.error;
      await runtime.sleep(retryDelayMs(result, retriesSoFar, runtime.random), signal);
    }
  };
}
