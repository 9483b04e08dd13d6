/**
 * The client must run where there is no Node (browsers, edge functions): bundled for a browser
 * with every Node built-in refused, it runs in a bare context that has only web-standard
 * globals, against an injected fetch.
 */
import { webcrypto } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("bundles for the browser without Node built-ins and runs with web globals only", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "ForecourtClient",
    platform: "browser",
    logLevel: "silent",
    plugins: [
      {
        name: "refuse-node-builtins",
        setup(b) {
          b.onResolve(
            { filter: /^node:|^(fs|path|crypto|buffer|stream|util|os|events|http|https|net)$/ },
            (args) => ({
              errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}` }],
            }),
          );
        },
      },
    ],
  });
  const context = createContext({
    AbortController,
    AbortSignal,
    Headers,
    Request,
    Response,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    DOMException,
    setTimeout,
    clearTimeout,
    crypto: webcrypto,
    console,
  });
  runInContext(`${result.outputFiles[0]!.text}\nglobalThis.sdk = ForecourtClient;`, context);
  const answer = await runInContext(
    `(async () => {
      if (typeof process !== "undefined" || typeof require !== "undefined" || typeof Buffer !== "undefined") {
        throw new Error("context is not bare");
      }
      const seen = [];
      const client = sdk.createClient({
        baseUrl: "https://hub.example.com",
        apiKey: "fc_edge",
        fetch: async (request) => {
          seen.push(request.method + " " + request.url + " " + request.headers.get("idempotency-key"));
          return new Response(JSON.stringify({ id: "sto_1" }), { status: 201, headers: { "content-type": "application/json" } });
        },
      });
      const store = await client.stores.create({ name: "Edge", code: "ED01", region: "110000" });
      return { store, seen };
    })()`,
    context,
  );
  expect(answer.store).toEqual({ id: "sto_1" });
  expect(answer.seen[0]).toMatch(/^POST https:\/\/hub\.example\.com\/v1\/stores [0-9a-f-]{36}$/);
}, 60_000);
