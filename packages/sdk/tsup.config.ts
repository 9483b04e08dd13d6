import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    adf: "src/formats/adf/index.ts",
    vin: "src/formats/vin.ts",
    client: "src/client/index.ts",
    webhooks: "src/webhooks/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2022",
  platform: "neutral",
});
