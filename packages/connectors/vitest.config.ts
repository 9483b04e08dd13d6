import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@forecourt/source"] },
  ssr: { resolve: { conditions: ["@forecourt/source"] } },
  test: {
    name: "@forecourt/connectors",
    include: ["src/**/*.test.ts"],
  },
});
