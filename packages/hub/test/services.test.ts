import { Redis } from "ioredis";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { missingRequiredServices, requireServices } from "./support/backends.js";

// With FORECOURT_REQUIRE_SERVICES=1 (CI), the real PostgreSQL and Redis must be configured and
// reachable: the suites that use them would otherwise run on the embedded database only.
describe.runIf(requireServices)("required services", () => {
  it("are configured", () => {
    expect(missingRequiredServices()).toEqual([]);
  });

  it("PostgreSQL answers", async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      expect((await client.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("Redis answers", async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? "", { lazyConnect: true });
    try {
      await redis.connect();
      expect(await redis.ping()).toBe("PONG");
    } finally {
      redis.disconnect();
    }
  });
});
