import { defineConfig } from "tsup";

// The hub is an application, not a library: one ESM build for Node. The workspace SDK is bundled
// from its sources (the `@forecourt/source` condition) so `pnpm start` does not need the SDK's own
// build first; every third-party package stays external and is loaded from node_modules.
export default defineConfig({
  entry: { cli: "src/cli.ts", index: "src/index.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  dts: false,
  noExternal: [/^@forecourt\//],
  esbuildOptions(options) {
    options.conditions = ["@forecourt/source"];
  },
  banner: { js: "#!/usr/bin/env node" },
  // Migrations are read from disk at run time, next to the bundle.
  async onSuccess() {
    const { cp } = await import("node:fs/promises");
    await cp("src/db/migrations", "dist/migrations", { recursive: true });
  },
});
