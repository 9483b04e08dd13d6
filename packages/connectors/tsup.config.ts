import { defineConfig } from "tsup";

export default defineConfig({
  // One entry per subpath export; the mocks entries are for tests (they need msw, an optional peer).
  entry: {
    index: "src/index.ts",
    adf: "src/adf/index.ts",
    "adf/mocks": "src/adf/mocks.ts",
    "meta-lead-ads": "src/meta-lead-ads/index.ts",
    "meta-lead-ads/mocks": "src/meta-lead-ads/mocks.ts",
    "google-ads": "src/google-ads/index.ts",
    "google-ads/mocks": "src/google-ads/mocks.ts",
    "ocean-engine": "src/ocean-engine/index.ts",
    "ocean-engine/mocks": "src/ocean-engine/mocks.ts",
    "tencent-automotive": "src/tencent-automotive/index.ts",
    "tencent-automotive/mocks": "src/tencent-automotive/mocks.ts",
    "tmall-car": "src/tmall-car/index.ts",
    "tmall-car/mocks": "src/tmall-car/mocks.ts",
    portal: "src/portal/index.ts",
    "portal/mocks": "src/portal/mocks.ts",
    quickbooks: "src/quickbooks/index.ts",
    "quickbooks/mocks": "src/quickbooks/mocks.ts",
    xero: "src/xero/index.ts",
    "xero/mocks": "src/xero/mocks.ts",
    kingdee: "src/kingdee/index.ts",
    "kingdee/mocks": "src/kingdee/mocks.ts",
    yonyou: "src/yonyou/index.ts",
    "yonyou/mocks": "src/yonyou/mocks.ts",
    "sap-s4hana": "src/sap-s4hana/index.ts",
    "sap-s4hana/mocks": "src/sap-s4hana/mocks.ts",
    odoo: "src/odoo/index.ts",
    "odoo/mocks": "src/odoo/mocks.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  // Shared code (the error classes above all) lives in chunks both formats import, so an error
  // thrown by a vendor entry is \`instanceof\` the class the hub imports from the root entry.
  splitting: true,
  target: "es2022",
  platform: "neutral",
});
