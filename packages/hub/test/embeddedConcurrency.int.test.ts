import { rm } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../src/db/embedded.js";
import { tempDir } from "./support/backends.js";

// The embedded server is one PostgreSQL session behind many socket connections. Parallel
// requests must not mix one connection's Parse/Bind/Execute with another's.
describe("embedded PostgreSQL under parallel connections", () => {
  let dir: string;
  let server: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    dir = await tempDir();
    server = await startEmbeddedPostgres(dir);
    pool = new pg.Pool({ ...server.connection, max: 10 });
  });
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers each of many parallel statements of different shapes with its own result", async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        i % 3 === 0
          ? pool.query("SELECT $1::int AS n", [i]).then((r) => r.rows[0].n)
          : i % 3 === 1
            ? pool
                .query("SELECT $1::int + $2::int - $3::int AS n", [i, 5, 5])
                .then((r) => r.rows[0].n)
            : (async () => {
                const client = await pool.connect();
                try {
                  await client.query("BEGIN");
                  const r = await client.query("SELECT $1::text AS n, $2::int AS m", [`${i}`, 1]);
                  await client.query("COMMIT");
                  return Number(r.rows[0].n);
                } finally {
                  client.release();
                }
              })(),
      ),
    );
    expect(results).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it("goes on serving after a statement fails", async () => {
    await expect(pool.query("SELECT $1::int", ["not a number"])).rejects.toThrow();
    expect((await pool.query("SELECT $1::int AS n", [7])).rows[0].n).toBe(7);
  });

  it("delivers a NOTIFY to the connections that LISTEN on its channel", async () => {
    const listener = await pool.connect();
    const other = await pool.connect();
    try {
      await listener.query("LISTEN forecourt_test");
      const heard = new Promise<{ channel: string; payload?: string }>((resolve) =>
        listener.once("notification", resolve),
      );
      await other.query("SELECT pg_notify('forecourt_test', $1)", ["job added"]);
      const message = await Promise.race([
        heard,
        new Promise((_, reject) => setTimeout(() => reject(new Error("not delivered")), 2_000)),
      ]);
      expect(message).toMatchObject({ channel: "forecourt_test", payload: "job added" });
      await listener.query("UNLISTEN forecourt_test");
    } finally {
      listener.release();
      other.release();
    }
  });
});
