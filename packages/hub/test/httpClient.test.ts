import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LeanPool, serializeRequest } from "../bench/httpClient.js";

/**
 * The load generators' HTTP client reads answers with as little parsing as it can: these check
 * it still frames them right (split packets, chunks, trailers, `Connection: close`), reuses its
 * sockets, and turns what it cannot read or never gets into errors rather than hanging.
 */
let server: Server | undefined;
let pool: LeanPool | undefined;
afterEach(async () => {
  pool?.close();
  pool = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/**
 * A raw TCP server: `answer(n)` gives the bytes for its n-th request (0-based, across sockets) as
 * one or more writes; `null` never answers. Requests are told apart by their end (no bodies).
 */
async function rawServer(answer: (n: number) => string[] | null) {
  const sockets = new Set<Socket>();
  let requests = 0;
  server = createServer((socket) => {
    sockets.add(socket);
    let pending = "";
    socket.on("data", (chunk) => {
      pending += chunk.toString("latin1");
      for (;;) {
        const end = pending.indexOf("\r\n\r\n");
        if (end < 0) return;
        pending = pending.slice(end + 4);
        const parts = answer(requests++);
        if (!parts) continue;
        for (const [i, part] of parts.entries()) setTimeout(() => socket.write(part), i * 5);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  return { url: `http://127.0.0.1:${address.port}`, sockets, requests: () => requests };
}

const get = { method: "GET" as const, path: "/", headers: {} };

describe("LeanPool", () => {
  it("reads answers split across packets, and reuses its socket", async () => {
    const target = await rawServer((n) => [
      "HTTP/1.1 20",
      `${n} OK\r\nContent-Length: 5\r\n`,
      "\r\nhel",
      "lo",
    ]);
    pool = new LeanPool(target.url, { connections: 4, timeoutMs: 2_000 });
    expect(await pool.request(get)).toEqual({ status: 200 });
    expect(await pool.request(get)).toEqual({ status: 201 });
    expect(target.sockets.size).toBe(1);
  });

  it("reads chunked answers, trailers included, then the next answer on the same socket", async () => {
    const target = await rawServer((n) =>
      n === 0
        ? [
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab",
            "cd\r\n3\r\nefg\r\n0\r\n",
            "\r\n",
          ]
        : n === 1
          ? ["HTTP/1.1 202 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\nx-trailer: 1\r\n\r\n"]
          : ["HTTP/1.1 503 Busy\r\ncontent-length: 0\r\n\r\n"],
    );
    pool = new LeanPool(target.url, { connections: 1, timeoutMs: 2_000 });
    expect((await pool.request(get)).status).toBe(200);
    expect((await pool.request(get)).status).toBe(202);
    expect((await pool.request(get)).status).toBe(503);
    expect(target.sockets.size).toBe(1);
  });

  it("opens a new socket after Connection: close", async () => {
    const target = await rawServer(() => [
      "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
    ]);
    pool = new LeanPool(target.url, { connections: 1, timeoutMs: 2_000 });
    expect((await pool.request(get)).status).toBe(200);
    expect((await pool.request(get)).status).toBe(200);
    expect(target.sockets.size).toBe(2);
  });

  it("fails an answer it cannot frame, and one that never comes, instead of waiting", async () => {
    const target = await rawServer((n) => (n === 0 ? ["HTTP/1.1 200 OK\r\n\r\nbody"] : null));
    pool = new LeanPool(target.url, { connections: 2, timeoutMs: 300 });
    await expect(pool.request(get)).rejects.toThrow(/without Content-Length or chunked/);
    const started = performance.now();
    await expect(pool.request(get)).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("queues requests beyond its sockets, and warms every socket up front", async () => {
    const target = await rawServer(() => ["HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"]);
    pool = new LeanPool(target.url, { connections: 3, timeoutMs: 2_000 });
    await pool.warm();
    // Connected on the client's side; the server sees the sockets a moment later.
    await vi.waitFor(() => expect(target.sockets.size).toBe(3));
    const answers = await Promise.all(Array.from({ length: 20 }, () => pool!.request(get)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(target.requests()).toBe(20);
    expect(target.sockets.size).toBe(3);
  });

  it("loads loopback only, and writes each request as one buffer with its length", () => {
    expect(() => new LeanPool("http://example.com:80", { connections: 1, timeoutMs: 1 })).toThrow(
      /loopback/,
    );
    const bytes = serializeRequest("127.0.0.1:1", {
      method: "POST",
      path: "/hook",
      headers: { "Content-Type": "application/json", "content-length": "999" },
      body: "{}",
    });
    expect(bytes.toString()).toBe(
      "POST /hook HTTP/1.1\r\nhost: 127.0.0.1:1\r\nContent-Type: application/json\r\ncontent-length: 2\r\n\r\n{}",
    );
    expect(() =>
      serializeRequest("127.0.0.1:1", { ...get, headers: { "x-bad": "a\r\nb: c" } }),
    ).toThrow(/bad header/);
  });
});
