import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { openLoop } from "../bench/openLoop.js";

/**
 * The benchmarks' open-loop generator is a measuring instrument: these check that it offers the
 * rate it is given and times each answer from when its request was due — so a server that falls
 * behind shows its queue in the figures instead of slowing the generator down.
 */
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback server answering 200 after `delayMs`, counting what it answered. */
async function slowServer(delayMs: number): Promise<{ url: string; answered: () => number }> {
  let answered = 0;
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      setTimeout(() => {
        answered++;
        response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  return { url: `http://127.0.0.1:${address.port}`, answered: () => answered };
}

const post = (path = "/") => ({
  request: { method: "POST" as const, path, headers: { "content-type": "text/plain" }, body: "x" },
  context: path,
});

describe("openLoop", () => {
  it("sends what is due at the rate given, whatever the server does, and sees every answer", async () => {
    const target = await slowServer(20);
    const statuses: number[] = [];
    const result = await openLoop({
      url: target.url,
      rate: 200,
      duration: 1,
      connections: 64,
      arrivals: "uniform",
      next: () => post(),
      onAnswer: (status) => statuses.push(status),
    });
    expect(result.due).toBe(200);
    expect(result.answered2xx).toBe(200);
    expect(target.answered()).toBe(200);
    expect(statuses).toHaveLength(200);
    expect(result.errors + result.non2xx + result.abandoned).toBe(0);
    // Each answer takes the server's 20 ms at least, counted from the request's due time.
    expect(result.responses.p50).toBeGreaterThanOrEqual(20);
  });

  it("counts the time a request waits behind a slow server: its queue shows in the tail", async () => {
    // One connection to a server that takes 20 ms: 50 answers a second at most, 100 due.
    const target = await slowServer(20);
    const result = await openLoop({
      url: target.url,
      rate: 100,
      duration: 1,
      connections: 1,
      arrivals: "poisson",
      next: () => post(),
    });
    expect(result.due).toBeGreaterThan(50);
    expect(result.answered2xx).toBe(result.due);
    // Answered about one every 20 ms while due one every 10: the k-th request waits about k ×
    // 10 ms, so the median is near half a second and the tail near a second — a generator that
    // timed from the send would show about 20 ms throughout.
    expect(result.responses.p50).toBeGreaterThan(200);
    expect(result.responses.p99).toBeGreaterThan(400);
    expect(result.inFlightAtEnd).toBeGreaterThan(10);
  });

  it("abandons what is still unanswered after the grace period, as errors", async () => {
    const target = await slowServer(5_000);
    const result = await openLoop({
      url: target.url,
      rate: 20,
      duration: 0.5,
      connections: 4,
      arrivals: "uniform",
      next: () => post(),
      graceMs: 300,
    });
    expect(result.due).toBe(10);
    expect(result.answered2xx).toBe(0);
    expect(result.abandoned).toBe(10);
    expect(result.errors).toBe(10);
  });

  it("refuses anything but loopback, and a rate or duration that is not positive", async () => {
    const options = {
      rate: 1,
      duration: 1,
      connections: 1,
      arrivals: "uniform" as const,
      next: post,
    };
    await expect(openLoop({ ...options, url: "http://example.com:80" })).rejects.toThrow(
      /loopback/,
    );
    await expect(openLoop({ ...options, url: "http://127.0.0.1:1", rate: 0 })).rejects.toThrow(
      /positive/,
    );
  });
});
