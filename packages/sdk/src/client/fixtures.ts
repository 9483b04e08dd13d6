/**
 * Shared by the client's msw tests (not exported from the package, not published): a fixed hub
 * address and key, a client whose sleeps are recorded instead of waited, and a scripted handler.
 */
import { type HttpHandler, HttpResponse, http } from "msw";
import { createClientWithRuntime } from "./client.js";
import type { ClientOptions } from "./index.js";
import type { ClientRuntime } from "./transport.js";

export const BASE = "http://hub.test";
export const API_KEY = "fc_test_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
export const NOW = Date.parse("2026-03-02T08:00:00Z");

export const storeBody = { name: "Chaoyang", code: "BJ02", region: "110000" } as const;
export const storeJson = { id: "sto_01JQ0000000000000000000000", ...storeBody };

/** A client whose sleeps are recorded instead of waited, with a fixed clock and jitter. */
export function testClient(options: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  let uuid = 0;
  const runtime: ClientRuntime = {
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
    random: () => 0.5,
    now: () => NOW,
    randomUUID: () => `key-${++uuid}`,
  };
  const client = createClientWithRuntime({ baseUrl: BASE, apiKey: API_KEY, ...options }, runtime);
  return { client, sleeps };
}

/** Answers with each response in turn (the last repeats) and records every request. */
export function sequence(
  server: { use(...handlers: HttpHandler[]): void },
  method: "get" | "post",
  path: string,
  responses: (() => Response)[],
) {
  const requests: Request[] = [];
  server.use(
    http[method](`${BASE}${path}`, ({ request }) => {
      requests.push(request.clone());
      const next = responses[Math.min(requests.length - 1, responses.length - 1)]!;
      return next();
    }),
  );
  return requests;
}

export const ok = () => HttpResponse.json(storeJson, { status: 201 });
export const page = () => HttpResponse.json({ data: [storeJson], nextCursor: null });
