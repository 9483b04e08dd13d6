/**
 * The SDK core must run where there is no Node: browsers, edge functions, React Native. This test
 * takes the BUILT ESM entry points, bundles them for a browser with every Node built-in refused,
 * and runs the bundle in a bare V8 context that has only web-standard globals (no `process`,
 * `require`, `Buffer`, `module`).
 */
import { execFileSync } from "node:child_process";
import { webcrypto } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entries = ["index", "adf", "vin", "client", "webhooks"] as const;

beforeAll(() => {
  if (!entries.every((e) => existsSync(join(root, "dist", `${e}.js`)))) {
    execFileSync("pnpm", ["exec", "tsup"], { cwd: root, stdio: "ignore" });
  }
}, 120_000);

async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "dist", `${entry}.js`)],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "ForecourtSdk",
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

function bareContext() {
  return createContext({
    crypto: webcrypto,
    TextEncoder,
    TextDecoder,
    URL,
    console,
  });
}

describe("the built SDK outside Node", () => {
  it.each(entries)("dist/%s.js has no Node imports", (entry) => {
    const text = readFileSync(join(root, "dist", `${entry}.js`), "utf8");
    expect(text).not.toMatch(/from\s+["']node:|require\(["']node:/);
  });

  it("keeps the trust stamp that lets per-lead functions skip re-validating normalised leads", () => {
    // A tree-shaker once dropped this constructor call as unused, and every lead was validated
    // again at each step of the pipeline: correct, but several times slower.
    const text = readFileSync(join(root, "dist", "index.js"), "utf8");
    expect(text).toMatch(/new TrustMark\(value\)/);
  });

  it("bundles for the browser and runs in a context without Node globals", async () => {
    const code = await bundleForBrowser("index");
    const context = bareContext();
    runInContext(`${code}\nglobalThis.sdk = ForecourtSdk;`, context);
    const result = runInContext(
      `(() => {
        if (typeof process !== "undefined" || typeof require !== "undefined" || typeof Buffer !== "undefined") {
          throw new Error("context is not bare");
        }
        const id = sdk.newId("lead");
        const phone = sdk.normalizePhone("138 1234 5678");
        const region = sdk.resolveRegion("北京").nameEn;
        const total = sdk.addMoney(sdk.money(100), sdk.money(250)).amount;
        let validation = "";
        try { sdk.parseInput(sdk.moneySchema, { amount: 1.5 }, "price"); }
        catch (e) { validation = e instanceof sdk.ValidationError ? e.issues[0].path : "wrong error"; }
        return { id, phone, region, total, validation };
      })()`,
      context,
    );
    expect(result.id).toMatch(/^lead_/);
    expect(result.phone).toMatchObject({ ok: true, e164: "+8613812345678" });
    expect(result.region).toBe("Beijing");
    expect(result.total).toBe(350);
    expect(result.validation).toBe("amount");
  }, 60_000);

  it.each(["adf", "vin", "client", "webhooks"])(
    "the %s entry bundles for the browser",
    async (entry) => {
      const code = await bundleForBrowser(entry);
      expect(code.length).toBeGreaterThan(0);
      expect(() => runInContext(code, bareContext())).not.toThrow();
    },
    60_000,
  );
});
