import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@forecourt/source"] },
  ssr: { resolve: { conditions: ["@forecourt/source"] } },
  test: {
    name: "@forecourt/sdk",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
