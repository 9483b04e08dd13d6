/**
 * Receivers verify webhooks in edge functions and browsers as well as in Node. This test bundles
 * the `@forecourt/sdk/webhooks` entry for a browser with every Node built-in refused and runs it
 * in a bare V8 context with only web-standard globals (Web Crypto, TextEncoder/TextDecoder): no
 * `process`, `require` or `Buffer`, and no `atob`/`btoa` either.
 */
import { webcrypto } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

async function bundleWebhooks(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "src", "webhooks", "index.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "ForecourtWebhooks",
    platform: "browser",
    logLevel: "silent",
    plugins: [
      {
        name: "refuse-node-builtins",
        setup(b) {
          b.onResolve(
            { filter: /^node:|^(fs|path|crypto|buffer|stream|util|os|events)$/ },
            (args) => ({
              errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}` }],
            }),
          );
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

describe("the webhooks entry outside Node", () => {
  it("signs, verifies and refuses a forgery with Web Crypto alone", async () => {
    const code = await bundleWebhooks();
    const context = createContext({ crypto: webcrypto, TextEncoder, TextDecoder, console });
    runInContext(`${code}\nglobalThis.webhooks = ForecourtWebhooks;`, context);
    const result = await runInContext(
      `(async () => {
        if (typeof process !== "undefined" || typeof Buffer !== "undefined" || typeof atob !== "undefined") {
          throw new Error("context is not bare");
        }
        const secret = webhooks.generateWebhookSecret();
        const body = JSON.stringify({
          type: "connection.auth_failed",
          id: "evt_1",
          timestamp: "2026-11-27T01:30:00Z",
          data: { connectionId: "conn_1", provider: "xero", status: "needs_reauth" },
        });
        const headers = await webhooks.signWebhook({ id: "msg_1", body, secret });
        const event = await webhooks.verifyWebhook(body, headers, secret);
        let forged = "";
        try { await webhooks.verifyWebhook(body.replace("xero", "qbo"), headers, secret); }
        catch (e) { forged = e instanceof webhooks.WebhookVerificationError ? e.reason : "wrong error"; }
        return { type: event.type, provider: event.data.provider, forged };
      })()`,
      context,
    );
    expect(result).toEqual({
      type: "connection.auth_failed",
      provider: "xero",
      forged: "no_matching_signature",
    });
  }, 60_000);
});
