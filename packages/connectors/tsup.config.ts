import { defineConfig } from "tsup";

export default defineConfig({
  // One entry per subpath export; the mocks entries are for tests (they need msw, an optional peer).
  entry: {
    index: "src/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2022",
  platform: "neutral",
});
