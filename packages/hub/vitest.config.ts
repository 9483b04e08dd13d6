import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@forecourt/source"] },
  ssr: { resolve: { conditions: ["@forecourt/source"] } },
  test: {
    name: "@forecourt/hub",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // Integration suites start an embedded PostgreSQL (PGlite, WebAssembly) or create a database
    // on a real server; both take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: each integration file runs its own embedded database, which is CPU-bound.
    // Two files at a time keeps both cores busy without starving either server.
    fileParallelism: true,
    maxWorkers: 2,
    pool: "forks",
    // Its own worker limit needs its own group: the hub's suites run after the other projects.
    sequence: { groupOrder: 1 },
  },
});
